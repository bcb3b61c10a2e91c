// The one set of rules that hub and kiosk both apply, so a kiosk's offline answer is the
// answer the hub would have given with the same knowledge.
import { parseCode, type ParsedCode } from './badges/badge-code.js'
import { isAdmitting, type Attendee, type CheckinRecord, type CheckinSubmission, type Day, type Outcome } from './domain.js'
import { dayAt } from './event-days.js'
import type { Ledger, LedgerEntry } from './ledger.js'
import type { RegistryIndex } from './registry.js'

export type VerifySignature = (signed: Uint8Array, signature: Uint8Array) => boolean

export type Identity =
  | { status: 'ok'; attendee: Attendee; badgeVersion: number | null }
  | { status: 'revoked'; attendee: Attendee; badgeVersion: number }
  | { status: 'invalid' | 'other_event' | 'unknown'; attendee?: undefined; badgeVersion?: undefined }

export function identify(
  sub: Pick<CheckinSubmission, 'code' | 'attendeeId'>,
  registry: RegistryIndex,
  eventTag: number,
  verify: VerifySignature,
): Identity {
  if (sub.code !== undefined) {
    const parsed: ParsedCode | null = parseCode(sub.code)
    if (!parsed) return { status: 'invalid' }
    if (parsed.eventTag !== eventTag) return { status: 'other_event' }
    if (!verify(parsed.signed, parsed.signature)) return { status: 'invalid' }
    const attendee = registry.bySeq.get(parsed.attendeeSeq)
    if (!attendee) return { status: 'unknown' }
    // A version above the one we know is a badge issued after our last sync: the hub signed it.
    if (parsed.badgeVersion < attendee.badgeVersion) return { status: 'revoked', attendee, badgeVersion: parsed.badgeVersion }
    return { status: 'ok', attendee, badgeVersion: parsed.badgeVersion }
  }
  const attendee = sub.attendeeId ? registry.byId.get(sub.attendeeId) : undefined
  return attendee ? { status: 'ok', attendee, badgeVersion: null } : { status: 'unknown' }
}

export interface Decision {
  outcome: Outcome
  attendee: Attendee | null
  badgeVersion: number | null
  day: Day | null
  first?: { at: string; deskId: string }
}

export function decide(
  identity: Identity,
  kind: 'in' | 'out',
  deskHallId: string | null,
  at: Date,
  registry: RegistryIndex,
  ledger: Pick<Ledger<LedgerEntry>, 'attendeeDay'>,
  /** a supervisor's 'wrong_day' override: the group's days do not stop this person today */
  override?: 'wrong_day',
): Decision {
  const day = dayAt(registry.event, at)
  const attendee = identity.attendee ?? null
  const badgeVersion = identity.badgeVersion ?? null
  if (identity.status !== 'ok') return { outcome: identity.status, attendee, badgeVersion, day }
  if (!day) return { outcome: 'no_event_today', attendee, badgeVersion, day }
  if (kind === 'out') return { outcome: 'exited', attendee, badgeVersion, day }
  const group = registry.groups.get(identity.attendee.groupId)
  if (!group || (!group.days.includes(day.id) && override !== 'wrong_day')) return { outcome: 'wrong_day', attendee, badgeVersion, day }
  const state = ledger.attendeeDay(day.id, identity.attendee.id)
  if (!state) return { outcome: 'admitted', attendee, badgeVersion, day }
  if (state.inside && state.hallId === deskHallId) {
    return { outcome: 'already_checked_in', attendee, badgeVersion, day, first: { at: state.first.at, deskId: state.first.deskId } }
  }
  return { outcome: 'readmitted', attendee, badgeVersion, day }
}

/** What a check-in is decided against: the registry, the check-ins known, and the event's badge key. */
export interface Knowledge {
  registry: RegistryIndex
  ledger: Pick<Ledger<LedgerEntry>, 'attendeeDay'>
  verifier: { eventTag: number; verify: VerifySignature }
}

/**
 * The one decision, made the same way at the kiosk (offline, with what it knows) and at the hub
 * (with everything stored): who the submission names, at the desk's hall and the corrected scan
 * time, and the record that says so. `stamp`: the record's place in the maker's ledger.
 */
export function decideCheckin(
  sub: CheckinSubmission,
  known: Knowledge,
  stamp: { seq: number; receivedAt: string },
): { decision: Decision; record: CheckinRecord } {
  const { registry, ledger, verifier } = known
  const hallId = registry.hallOfDesk(sub.deskId)
  const identity = identify(sub, registry, verifier.eventTag, verifier.verify)
  const decision = decide(identity, sub.kind, hallId, effectiveTime(sub), registry, ledger, sub.override)
  return { decision, record: buildRecord(sub, decision, { ...stamp, hallId }) }
}

/** Scan time corrected by the kiosk's measured clock offset (kiosk minus hub). */
export function effectiveTime(sub: Pick<CheckinSubmission, 'scannedAt' | 'clockOffsetMs'>): Date {
  return new Date(Date.parse(sub.scannedAt) - (sub.clockOffsetMs ?? 0))
}

export function buildRecord(
  sub: CheckinSubmission,
  decision: Decision,
  ctx: { seq: number; receivedAt: string; hallId: string | null },
): CheckinRecord {
  const told = sub.localOutcome ?? decision.outcome
  const record: CheckinRecord = {
    id: sub.id,
    seq: ctx.seq,
    attendeeId: decision.attendee?.id ?? null,
    badgeVersion: decision.badgeVersion,
    dayId: decision.day?.id ?? null,
    deskId: sub.deskId,
    hallId: ctx.hallId,
    kioskId: sub.kioskId,
    kind: sub.kind,
    method: sub.method,
    scannedAt: sub.scannedAt,
    effectiveAt: effectiveTime(sub).toISOString(),
    clockOffsetMs: sub.clockOffsetMs ?? 0,
    receivedAt: ctx.receivedAt,
    outcome: told,
  }
  if (decision.first) record.first = decision.first
  if (sub.override) record.override = sub.override
  if (told !== decision.outcome) {
    record.hubOutcome = decision.outcome
    if (decision.outcome === 'already_checked_in') record.review = 'double_admission'
    else if (isAdmitting(told) && !isAdmitting(decision.outcome)) record.review = 'hub_refused'
  }
  return record
}
