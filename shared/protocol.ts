// The hub's Socket.IO protocol, shared by hub, kiosk agent and dashboard.
// Requests are `domain:verb` with an ack; broadcasts are past tense.
import { z } from 'zod'
import { CheckinSubmission, type Attendee, type CheckinRecord, type EventInfo, type Outcome, type Role } from './domain.js'
import type { LedgerEntry } from './ledger.js'
import type { DayStats } from './stats.js'
import type { PrinterHealth } from './badges/printer-health.js'

export const ERROR_CODES = [
  'invalid_payload',
  'forbidden',
  'not_found',
  'rate_limited',
  'conflict',
  /** the hub's database is away for now: nothing was stored; try again (the kiosk keeps the record) */
  'unavailable',
  'internal',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

export type Ack<T = object> = ({ ok: true } & T) | { ok: false; error: ErrorCode }

/** The most records one batch may carry: bounded so one message stays well under the size cap. */
export const MAX_BATCH = 500

export const CheckinBatch = z.array(CheckinSubmission).min(1).max(MAX_BATCH)
export const RegistryPull = z.object({ since: z.number().int().min(0) })
export const CheckinsPull = z.object({ since: z.number().int().min(0), limit: z.number().int().min(1).max(5000).default(2000) })
export const StatsQuery = z.object({ dayId: z.string().max(64).optional() })
export const ClockPing = z.object({ kioskTime: z.number() })
export const KioskHeartbeat = z.object({
  outboxDepth: z.number().int().min(0).max(10_000_000),
  clockOffsetMs: z.number().int(),
  deskId: z.string().max(64).optional(),
  mode: z.enum(['in', 'out']).optional(),
})
export type KioskHeartbeat = z.infer<typeof KioskHeartbeat>

export interface CheckinResult {
  record: CheckinRecord
  /** true when this id was already stored: the original answer, nothing new written */
  duplicate: boolean
}

export interface RegistryDelta {
  rev: number
  event: EventInfo
  /** attendees changed since the asked revision (all of them for since=0) */
  attendees: Attendee[]
  full: boolean
  /** scrypt hash of the organiser PIN that lets a desk officer leave kiosk mode */
  exitPinHash?: string
  /** hub clock when answering (ms), for the kiosk's offset */
  hubTime: number
}

export interface KioskStatus {
  kioskId: string
  name: string
  deskId: string | null
  online: boolean
  lastSeen: string | null
  outboxDepth: number
  clockOffsetMs: number
  revoked: boolean
  /** set while this hub cannot hear the other hubs (Redis away): `online` is only what this hub sees */
  presenceLocalOnly?: true
  /** the hub address (host:port) the kiosk is connected to now, with several hubs */
  hub?: string
  /** the desk's badge printer on the hub, as its CUPS last reported it; absent when the desk has none */
  printer?: PrinterHealth
}

/** What dashboards need to name things; the same event the kiosks get, minus the key. */
export type EventView = Pick<EventInfo, 'id' | 'name' | 'venue' | 'timezone' | 'days' | 'groups' | 'halls' | 'desks' | 'categories'>

export interface DashboardView {
  stats: DayStats
  kiosks: KioskStatus[]
  event: EventView
}

/**
 * A push to dashboards: the day's figures every time; the kiosk list (most of the bytes with
 * a hundred kiosks) and the event's names only when they changed since the last push.
 */
export type DashboardUpdate = Pick<DashboardView, 'stats'> & Partial<Pick<DashboardView, 'kiosks' | 'event'>>

export interface ClientToServerEvents {
  'checkin:submit': (payload: unknown, ack: (res: Ack<CheckinResult>) => void) => void
  'checkin:submitBatch': (
    payload: unknown,
    ack: (res: Ack<{ results: { id: string; outcome: Outcome; duplicate: boolean }[] }>) => void,
  ) => void
  /** kiosks get records that move nobody as stubs (shared/ledger.ts); admins get them whole */
  'checkins:pull': (payload: unknown, ack: (res: Ack<{ records: LedgerEntry[]; lastSeq: number }>) => void) => void
  'registry:pull': (payload: unknown, ack: (res: Ack<RegistryDelta>) => void) => void
  'clock:ping': (payload: unknown, ack: (res: Ack<{ hubTime: number }>) => void) => void
  /** the answer carries the kiosk's desk printer's health, when the hub prints for that desk, and whether the hub has a printer set up for it */
  'kiosk:heartbeat': (payload: unknown, ack: (res: Ack<{ printer?: PrinterHealth; printerAssigned?: boolean }>) => void) => void
  'stats:get': (payload: unknown, ack: (res: Ack<DashboardView>) => void) => void
}

export interface ServerToClientEvents {
  /** newly stored records, to kiosks, in batches at most every 50 ms; those that move nobody as stubs */
  'checkins:recorded': (records: LedgerEntry[]) => void
  'stats:changed': (update: DashboardUpdate) => void
  'registry:changed': (update: { rev: number }) => void
  'kiosk:revoked': () => void
  /** every hub's address (several hubs), at each connect and whenever the shared list changes */
  'hubs:changed': (update: unknown) => void
}

/** The hub list as a kiosk takes it: http(s) addresses, a bounded number. */
export const HubList = z.object({
  hubUrls: z
    .array(
      z
        .string()
        .max(300)
        .regex(/^https?:\/\//),
    )
    .max(16),
})
export type HubList = z.infer<typeof HubList>

export interface SocketData {
  role: Role
  /** credential id (kiosk id for kiosks) */
  principal: string
}

/** Which roles may send each request. One table, checked before any handler runs. */
export const EVENT_ROLES: Record<keyof ClientToServerEvents, readonly Role[]> = {
  'checkin:submit': ['kiosk'],
  'checkin:submitBatch': ['kiosk'],
  'checkins:pull': ['kiosk', 'admin'],
  'registry:pull': ['kiosk', 'admin'],
  'clock:ping': ['kiosk', 'usher', 'admin'],
  'kiosk:heartbeat': ['kiosk'],
  'stats:get': ['usher', 'admin'],
}
