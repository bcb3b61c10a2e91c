// The event's own vocabulary, as zod schemas so every process edge validates with the same
// definitions it types with. Imports nothing from node, electron or react.
import { z } from 'zod'

const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_.:-]+$/)
const text = (max = 200) => z.string().max(max)

export const Bilingual = z.object({ sw: text(), en: text() })
export type Bilingual = z.infer<typeof Bilingual>

export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)

export const Day = z.object({ id, date: IsoDate, name: Bilingual })
export type Day = z.infer<typeof Day>

export const Group = z.object({
  id,
  name: Bilingual,
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  /** ids of the days this group may attend */
  days: z.array(id).max(31),
  /** the number organisers say ("Kundi la 1"); absent means the group's position in the list */
  number: z.number().int().min(1).max(999).optional(),
})
export type Group = z.infer<typeof Group>

/** Each group's number: its own, or its position (1-based) in the event's list. */
export const groupNumber = (groups: readonly Pick<Group, 'number'>[], index: number) => groups[index]?.number ?? index + 1

const Groups = z
  .array(Group)
  .min(1)
  .max(200)
  .superRefine((groups, ctx) => {
    // "Kundi la 2" must name one group: a number given by hand may not repeat another's position
    const seen = new Set<number>()
    groups.forEach((_, i) => {
      const n = groupNumber(groups, i)
      if (seen.has(n)) ctx.addIssue({ code: 'custom', path: [i, 'number'], message: `group number ${n} is used twice` })
      seen.add(n)
    })
  })

export const Hall = z.object({ id, name: Bilingual, capacity: z.number().int().min(0).max(1_000_000) })
export type Hall = z.infer<typeof Hall>

export const Desk = z.object({ id, name: Bilingual, hallId: id.optional() })
export type Desk = z.infer<typeof Desk>

export const EventInfo = z.object({
  id,
  name: Bilingual,
  venue: text(),
  timezone: text(64).default('Africa/Dar_es_Salaam'),
  days: z.array(Day).min(1).max(31),
  groups: Groups,
  halls: z.array(Hall).max(100),
  desks: z.array(Desk).max(200),
  /**
   * the event's own attendee categories, named in both languages: the registration list's value
   * (`id`, as imported) is shown by its name; a value the event does not name is shown as imported
   */
  categories: z
    .array(z.object({ id: text(100), name: Bilingual }))
    .max(100)
    .optional(),
  /** Ed25519 public key (raw 32 bytes, base64url): kiosks verify badge codes with it offline */
  badgePublicKey: z.string().max(64),
})
export type EventInfo = z.infer<typeof EventInfo>

export const FLAGS = ['vip', 'speaker', 'exhibitor', 'press', 'staff'] as const
export const Flag = z.enum(FLAGS)
export type Flag = z.infer<typeof Flag>

export const Attendee = z.object({
  id,
  /** small integer carried inside the badge code, so the code stays short */
  seq: z.number().int().min(1).max(0xffffffff),
  externalId: text(64).optional(),
  firstName: text(100),
  lastName: text(100),
  title: text(100).default(''),
  organisation: text(200).default(''),
  orgType: text(100).default(''),
  category: text(100).default(''),
  groupId: id,
  phone: text(32).optional(),
  email: text(200).optional(),
  flags: z.array(Flag).max(FLAGS.length).default([]),
  walkIn: z.boolean().default(false),
  /** the badge version now valid; every lower version is revoked. 0 = no badge issued yet */
  badgeVersion: z.number().int().min(0).max(65535),
  /** registry revision at which this attendee last changed (the kiosks' sync cursor) */
  rev: z.number().int().min(0),
})
export type Attendee = z.infer<typeof Attendee>

export const CHECKIN_KINDS = ['in', 'out'] as const
export const CheckinKind = z.enum(CHECKIN_KINDS)
export type CheckinKind = z.infer<typeof CheckinKind>

export const OUTCOMES = [
  'admitted', // green
  'readmitted', // green: back in after a check-out the same day
  'exited', // check-out recorded
  'already_checked_in', // amber: with first time and desk
  'wrong_day', // red: with the days this person may attend
  'no_event_today', // red: the scan fell on no event day
  'revoked', // red: an older badge version (lost badge reprinted)
  'other_event', // red: a genuine code of another event
  'invalid', // red: garbled, forged or tampered
  'unknown', // red: signed, but no such attendee here
] as const
export const Outcome = z.enum(OUTCOMES)
export type Outcome = z.infer<typeof Outcome>

export const ADMITTING: ReadonlySet<Outcome> = new Set(['admitted', 'readmitted'])
export const isAdmitting = (o: Outcome) => ADMITTING.has(o)

export const METHODS = ['qr', 'search', 'manual'] as const
export const Method = z.enum(METHODS)

/** What a kiosk sends: the scan as it happened there. The id is made at the kiosk and is the idempotency key. */
export const CheckinSubmission = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  code: text(512).optional(),
  attendeeId: id.optional(),
  deskId: id,
  kioskId: id,
  kind: CheckinKind,
  method: Method,
  /** the kiosk's own clock, ISO 8601 */
  scannedAt: z.string().datetime({ offset: true }),
  /** kiosk clock minus hub clock in ms, as last measured; the hub uses it to place the scan on the right day */
  clockOffsetMs: z
    .number()
    .int()
    .min(-7 * 86400_000)
    .max(7 * 86400_000)
    .default(0),
  /** what the kiosk already told the person, when it decided offline or before the hub answered */
  localOutcome: Outcome.optional(),
  /** a desk supervisor let the person in on a day their group is not expected (the kiosk checked the organiser PIN) */
  override: z.literal('wrong_day').optional(),
})
export type CheckinSubmission = z.infer<typeof CheckinSubmission>

/** The immutable stored record: the submission plus what the hub derived. */
export interface CheckinRecord {
  id: string
  /** hub-assigned order in the journal, 1-based */
  seq: number
  attendeeId: string | null
  badgeVersion: number | null
  dayId: string | null
  deskId: string
  hallId: string | null
  kioskId: string
  kind: CheckinKind
  method: z.infer<typeof Method>
  scannedAt: string
  /** scannedAt corrected by the kiosk's clock offset: the time used for days and charts */
  effectiveAt: string
  clockOffsetMs: number
  receivedAt: string
  /** what the person was told (the kiosk's decision when it made one) */
  outcome: Outcome
  /** the hub's own decision, when it differs from what the person was told */
  hubOutcome?: Outcome
  /** for already_checked_in: the first admission that day */
  first?: { at: string; deskId: string }
  /**
   * a case for an organiser to review: two desks admitted the same person the same day
   * (double_admission), or a kiosk admitted someone the hub would have refused, e.g. an old badge
   * version it had not yet heard was revoked (hub_refused), or the record was made by a kiosk
   * revoked since and arrived after it was paired again (revoked_kiosk). The person was let in: counted.
   */
  review?: 'double_admission' | 'hub_refused' | 'revoked_kiosk' | 'unknown_desk'
  /** admitted by a supervisor's decision, not the group's days (see CheckinSubmission.override) */
  override?: 'wrong_day'
}

export type Role = 'admin' | 'usher' | 'kiosk'

export function attendeeName(a: Pick<Attendee, 'firstName' | 'lastName'>): string {
  return `${a.firstName} ${a.lastName}`.trim()
}
