// The full check-in log: every record, refusals included, one row each in journal order, with
// the attendee's name beside its id. Times are instants: the caller writes them for its format
// (ISO with the event's offset in CSV, real dates in XLSX).
import { attendeeName, type CheckinRecord } from '../../../shared/domain.js'
import type { EventStore } from '../../store/event-store.js'

export const CHECKIN_FIELDS = [
  'seq',
  'id',
  'attendeeId',
  'externalId',
  'attendeeName',
  'badgeVersion',
  'dayId',
  'deskId',
  'hallId',
  'kioskId',
  'kind',
  'method',
  'scannedAt',
  'effectiveAt',
  'clockOffsetMs',
  'receivedAt',
  'outcome',
  'hubOutcome',
  'firstAt',
  'firstDeskId',
  'review',
] as const
export type CheckinField = (typeof CHECKIN_FIELDS)[number]

/** Fields holding an instant. */
export const TIME_FIELDS: ReadonlySet<CheckinField> = new Set(['scannedAt', 'effectiveAt', 'receivedAt', 'firstAt'])

export type LogValue = string | number | Date | null

export function checkinValues(store: EventStore, r: CheckinRecord): Record<CheckinField, LogValue> {
  const a = r.attendeeId ? store.registry.byId.get(r.attendeeId) : undefined
  const date = (iso: string | undefined) => (iso ? new Date(iso) : null)
  return {
    seq: r.seq,
    id: r.id,
    attendeeId: r.attendeeId,
    externalId: a?.externalId ?? null,
    attendeeName: a ? attendeeName(a) : null,
    badgeVersion: r.badgeVersion,
    dayId: r.dayId,
    deskId: r.deskId,
    hallId: r.hallId,
    kioskId: r.kioskId,
    kind: r.kind,
    method: r.method,
    scannedAt: date(r.scannedAt),
    effectiveAt: date(r.effectiveAt),
    clockOffsetMs: r.clockOffsetMs,
    receivedAt: date(r.receivedAt),
    outcome: r.outcome,
    hubOutcome: r.hubOutcome ?? null,
    firstAt: date(r.first?.at),
    firstDeskId: r.first?.deskId ?? null,
    review: r.review ?? null,
  }
}

export function checkinLog(store: EventStore): Record<CheckinField, LogValue>[] {
  return [...store.ledger.records.values()].sort((a, b) => a.seq - b.seq).map((r) => checkinValues(store, r))
}
