// Between the kiosk screen (renderer) and its local agent, over Socket.IO on 127.0.0.1.
// The screen never talks to the hub: the agent decides, stores, and syncs.
import { z } from 'zod'
import type { Bilingual, Day, Desk, Flag, Group, Outcome } from './domain.js'
import type { HallOccupancy } from './stats.js'
import type { PrinterHealth, PrinterState } from './badges/printer-health.js'

export const ScanRequest = z
  .object({
    code: z.string().max(512).optional(),
    attendeeId: z.string().max(64).optional(),
    method: z.enum(['qr', 'search', 'manual']),
    /** a desk supervisor lets a wrong-day person in: the organiser PIN, checked by the agent */
    override: z.object({ reason: z.literal('wrong_day'), pin: z.string().max(12) }).optional(),
  })
  .refine((r) => (r.code === undefined) !== (r.attendeeId === undefined), 'exactly one of code or attendeeId')

/** Print a badge at this desk: `reprint` makes a new badge version first (a lost badge: the old code stops working); `force` prints the same version again (a jammed card). */
export const DeskPrint = z.object({
  attendeeId: z.string().min(1).max(64),
  force: z.boolean().default(false),
  reprint: z.boolean().default(false),
})
export type DeskPrint = z.infer<typeof DeskPrint>
/** The screen's answer when the agent asks it to print a badge page on the PC's own printer: `opened` for a browser's print dialog (its outcome is not known). */
export const LocalPrintResult = z.object({
  ok: z.boolean(),
  opened: z.boolean().optional(),
  error: z
    .string()
    .max(64)
    .regex(/^[a-z_]+$/)
    .optional(),
})
export type LocalPrintResult = z.infer<typeof LocalPrintResult>

/** Move a badge stuck at this desk's printer to another desk's printer (the hub checks it is this desk's job). */
export const PrintMove = z
  .object({
    jobId: z.string().regex(/^pj-[0-9a-f]{12}$/),
    toDeskId: z
      .string()
      .min(1)
      .max(64)
      .regex(/^[A-Za-z0-9_.:-]+$/),
  })
  .strict()

export const SearchRequest = z.object({ query: z.string().max(100) })
export const DeskRequest = z.object({ deskId: z.string().max(64), mode: z.enum(['in', 'out']) })
export const PairRequest = z.object({
  hubUrl: z.string().url().max(200),
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{6}$/),
  name: z.string().trim().min(1).max(60),
  /** the organiser's kiosk-exit PIN: needed to re-pair a kiosk that is already paired */
  pin: z.string().max(12).optional(),
})

export interface AttendeeCard {
  id: string
  name: string
  title: string
  organisation: string
  group: Pick<Group, 'id' | 'name' | 'color'> | null
  flags: Flag[]
  phoneTail?: string
  /** search results only: a check-in today already stands for this person */
  checkedInToday?: boolean
}

export interface ScanResult {
  recordId: string
  outcome: Outcome
  attendee: AttendeeCard | null
  day: Day | null
  /** for already_checked_in */
  first?: { at: string; desk: Bilingual | null }
  /** for wrong_day: the days this person may attend */
  allowedDays?: Day[]
  /** whether the hub was reachable when this was decided (the answer is the same either way) */
  online: boolean
  /** admitted by a supervisor's override of the group's days */
  overridden?: boolean
}

export interface KioskState {
  paired: boolean
  kioskId: string | null
  kioskName: string | null
  /** the hub in use, or (unpaired) the one to offer: the last one, or the agent's `--hub` */
  hubUrl: string | null
  /** the desk's badge printer at the hub, as the hub last said (null: the hub does not print for this desk) */
  printer: PrinterHealth | null
  /** whether the hub has a badge printer set up for this desk; null: not heard yet (no desk, or no answer since) */
  printerAssigned: boolean | null
  /** how many hubs the kiosk may use (several: the screen names the one it is on) */
  hubs: number
  /** why an unpaired kiosk lost its pairing, for the pairing screen to say */
  unpaired: { reason: 'revoked' | 'unknown'; at: string; hubUrl: string } | null
  /** the event's IANA time zone: every time on the screen is the venue's */
  timezone: string | null
  /** the desk's hall now, as far as this kiosk knows (its own and the other desks' check-ins): a door is told when its hall is full */
  hall: (HallOccupancy & { name: Bilingual }) | null
  online: boolean
  outboxDepth: number
  deskId: string | null
  mode: 'in' | 'out'
  eventName: Bilingual | null
  desks: Desk[]
  today: Day | null
  clockOffsetMs: number
  lastSyncAt: string | null
  registryRev: number
  attendees: number
}

/** A badge waiting at (or refused by) this desk's printer at the hub. */
export interface StuckPrint {
  jobId: string
  attendeeName: string | null
  createdAt: string
  printer: string | null
  status: 'sent' | 'failed'
  /** what the printer's trouble is, as the hub last saw it */
  printerState?: PrinterState
}

/** Another desk's printer a stuck badge may move to, with its health now. */
export interface PrinterChoice {
  deskId: string
  name: Bilingual
  printer: string
  state: PrinterState
}

/**
 * How a desk print went, the one answer to the screen's `badge:print`. `hub`: the hub's CUPS
 * queue for this desk took it (queued: it waits at a printer in trouble, to move from the
 * stuck-badges list; printing: sent, not yet done; printed: CUPS completed it). `local`: the
 * PC's own printer printed it, or the browser's print dialog was opened.
 */
export type DeskPrintOutcome =
  | { via: 'hub'; status: 'queued' | 'printing' | 'printed'; jobId: string; printer: string; printerState?: PrinterState }
  | { via: 'local'; status: 'printed' | 'opened'; jobId: string }

export type LocalAck<T = object> = ({ ok: true } & T) | { ok: false; error: string; lastPrint?: { at: string; deskId: string | null } }

export interface KioskClientEvents {
  'scan:submit': (payload: unknown, ack: (res: LocalAck<{ result: ScanResult }>) => void) => void
  /** the best matches, and `total`: how many matched in all */
  'attendee:search': (payload: unknown, ack: (res: LocalAck<{ results: AttendeeCard[]; total: number }>) => void) => void
  'desk:configure': (payload: unknown, ack: (res: LocalAck) => void) => void
  'kiosk:pair': (payload: unknown, ack: (res: LocalAck) => void) => void
  'kiosk:state': (payload: unknown, ack: (res: LocalAck<{ state: KioskState }>) => void) => void
  /** prints a badge: at the hub's printer for this desk, or (none) logged, printed by this screen through `badge:print-local`, and reported */
  'badge:print': (payload: unknown, ack: (res: LocalAck<{ outcome: DeskPrintOutcome }>) => void) => void
  /** the badges stuck at this desk's printer, and the other desks' printers to move them to */
  'print:stuck': (payload: unknown, ack: (res: LocalAck<{ jobs: StuckPrint[]; desks: PrinterChoice[] }>) => void) => void
  'print:move': (payload: unknown, ack: (res: LocalAck<{ printer: string }>) => void) => void
}

export interface KioskServerEvents {
  'kiosk:state': (state: KioskState) => void
  /** during this screen's `badge:print`: print the badge page at `path` here (Electron's silent print, or the browser's dialog) */
  'badge:print-local': (request: { path: string }, ack: (res: LocalPrintResult) => void) => void
}
