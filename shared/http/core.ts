// Health, stats, pairing and the offline outbox file (hub/server/core-routes.ts).
import { z } from 'zod'
import { CheckinSubmission, EventInfo } from '../domain.js'
import { okWith, type HttpContract } from './contract.js'

export const HealthAnswer = okWith({ event: z.string(), lastSeq: z.number().optional() })

export const PairRequest = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{6}$/),
  name: z.string().trim().min(1).max(60),
})
export type PairRequest = z.infer<typeof PairRequest>
/** The hub's addresses are kept only when they look like one; a bad entry is dropped, not fatal. */
export const PairAnswer = okWith({
  kioskId: z.string().min(1),
  token: z.string().min(1),
  event: EventInfo.pick({ badgePublicKey: true }).partial().optional(),
  hubs: z
    .array(z.unknown())
    .catch([])
    .transform((hs) => hs.filter((h): h is string => typeof h === 'string' && /^https?:\/\//.test(h)).slice(0, 16)),
})
export type PairAnswer = z.infer<typeof PairAnswer>

export const PairingCodeAnswer = okWith({ code: z.string(), expiresAt: z.string() })
export const PairingFailuresAnswer = okWith({ failures: z.array(z.unknown()), limited: z.unknown() })

/** What a kiosk's `/api/outbox-export` writes to a USB stick. */
export const OutboxFile = z.object({
  kioskId: z.string().nullable(),
  exportedAt: z.string(),
  submissions: z.array(CheckinSubmission).max(100_000),
})
export type OutboxFile = z.infer<typeof OutboxFile>
export const OUTBOX_MAX_BODY = 20 * 1024 * 1024
export const OutboxImportAnswer = okWith({ added: z.number(), duplicates: z.number() })

export const coreContracts: HttpContract[] = [
  { method: 'GET', path: '/healthz', response: HealthAnswer },
  { method: 'GET', path: '/api/stats', query: z.object({ day: z.string().optional() }), response: okWith({}) },
  { method: 'POST', path: '/api/pairing-codes', response: PairingCodeAnswer },
  { method: 'POST', path: '/api/pair', request: PairRequest, response: PairAnswer },
  { method: 'GET', path: '/api/admin/pairing-failures', response: PairingFailuresAnswer },
  { method: 'POST', path: '/api/checkins/import', request: OutboxFile, response: OutboxImportAnswer },
]
