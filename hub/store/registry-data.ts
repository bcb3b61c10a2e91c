// The shape of registry.json: everything but the check-ins. Read through lowdb; a file that
// does not parse or does not fit this shape stops the hub with a message naming the file.
import { z } from 'zod'
import { Attendee, EventInfo } from '../../shared/domain.js'

export const Credential = z.object({
  id: z.string(),
  role: z.enum(['admin', 'usher', 'kiosk']),
  label: z.string(),
  tokenHash: z.string(),
  /** kept only for usher tokens: read-only, and shown as a QR so a phone can open the dashboard */
  token: z.string().optional(),
  createdAt: z.string(),
  revokedAt: z.string().optional(),
})
export type Credential = z.infer<typeof Credential>

export const KioskRecord = z.object({
  id: z.string(),
  name: z.string(),
  deskId: z.string().optional(),
  pairedAt: z.string(),
  revokedAt: z.string().optional(),
})
export type KioskRecord = z.infer<typeof KioskRecord>

export const BadgeIssue = z.object({
  attendeeId: z.string(),
  version: z.number().int(),
  issuedAt: z.string(),
  by: z.string(),
  reason: z.enum(['first', 'reprint', 'walk_in']),
})
export type BadgeIssue = z.infer<typeof BadgeIssue>

export const PairingCode = z.object({ codeHash: z.string(), expiresAt: z.string() })

export const RegistryData = z.object({
  format: z.literal(1),
  rev: z.number().int().min(0),
  event: EventInfo,
  attendees: z.array(Attendee),
  badges: z.array(BadgeIssue),
  credentials: z.array(Credential),
  kiosks: z.array(KioskRecord),
  pairingCodes: z.array(PairingCode),
  /** scrypt hash of the organiser PIN that lets a desk officer leave kiosk mode */
  kioskExitPinHash: z.string().optional(),
})
export type RegistryData = z.infer<typeof RegistryData>
