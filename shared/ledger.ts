// Everything known about check-ins, folded from the immutable records. Nothing here is
// stored: hub and kiosk rebuild it from their journals at start, so no counter can drift.
import { isAdmitting, type CheckinRecord } from './domain.js'
import { exactTime, RecordTable } from './record-table.js'

export interface AttendeeDay {
  first: { at: string; deskId: string; recordId: string }
  /** where the person is now (null after a check-out), by the latest admitting or exit record */
  hallId: string | null
  inside: boolean
  lastAt: string
}

const MINUTE = 60_000

/**
 * What a kiosk is told of a record that moves nobody (a refusal, an "already checked in"):
 * only that it exists, so its cursor over the hub's records stays gap-free at a tenth of the bytes.
 */
export interface RecordStub {
  id: string
  seq: number
}
export type LedgerEntry = CheckinRecord | RecordStub

/** A whole record, not a stub. */
export const isWhole = (r: LedgerEntry): r is CheckinRecord => 'outcome' in r

/** Does this record change where someone is (and so a kiosk's next answer)? */
export function movesSomeone(r: CheckinRecord): boolean {
  return !!r.attendeeId && !!r.dayId && (isAdmitting(r.outcome) || r.outcome === 'exited')
}

/** The record as a kiosk needs it: whole if it moves someone, else a stub. */
export const forKiosks = (r: CheckinRecord): LedgerEntry => (movesSomeone(r) ? r : { id: r.id, seq: r.seq })

export class Ledger<R extends LedgerEntry = CheckinRecord> {
  /** by id, in the order applied; compact (record-table.ts): each get() is a fresh copy */
  readonly records = new RecordTable<R>()
  /** dayId -> attendeeId -> state */
  readonly days = new Map<string, Map<string, AttendeeDay>>()
  /** attendeeIds admitted on any day */
  readonly everAdmitted = new Set<string>()
  /** `${deskId}` -> minute bucket (epoch minute) -> admitting records */
  readonly deskMinutes = new Map<string, Map<number, number>>()
  readonly reviews: CheckinRecord[] = []
  lastSeq = 0

  /** Applies a record once; returns false if its id was already applied. */
  apply(entry: R): boolean {
    if (this.records.has(entry.id)) return false
    this.records.add(entry)
    if (entry.seq > this.lastSeq) this.lastSeq = entry.seq
    if (!isWhole(entry)) return true
    if (entry.review) this.reviews.push(entry)
    if (!movesSomeone(entry) || !entry.attendeeId || !entry.dayId) return true
    // what the state below keeps of the record shares the table's one copy of each id
    const strings = this.records.strings
    const r = entry
    const attendeeId = strings.intern(entry.attendeeId)
    const dayId = strings.intern(entry.dayId)
    const deskId = strings.intern(entry.deskId)
    const hallId = entry.hallId === null ? null : strings.intern(entry.hallId)
    const admitting = isAdmitting(r.outcome)
    let day = this.days.get(dayId)
    if (!day) this.days.set(dayId, (day = new Map()))
    let state = day.get(attendeeId)
    if (admitting) {
      this.everAdmitted.add(attendeeId)
      const at = exactTime(r.effectiveAt) // Date.parse for any other form
      const minute = Math.floor((Number.isNaN(at) ? Date.parse(r.effectiveAt) : at) / MINUTE)
      let desk = this.deskMinutes.get(deskId)
      if (!desk) this.deskMinutes.set(deskId, (desk = new Map()))
      desk.set(minute, (desk.get(minute) ?? 0) + 1)
      if (!state) {
        state = { first: { at: r.effectiveAt, deskId, recordId: r.id }, hallId, inside: true, lastAt: r.effectiveAt }
        day.set(attendeeId, state)
        return true
      }
      // an offline kiosk may deliver an earlier admission late: the first one is the earliest
      if (r.effectiveAt < state.first.at) state.first = { at: r.effectiveAt, deskId, recordId: r.id }
    }
    if (!state) return true // an exit with no admission that day moves nobody
    if (r.effectiveAt >= state.lastAt) {
      state.lastAt = r.effectiveAt
      state.inside = admitting
      state.hallId = admitting ? hallId : null
    }
    return true
  }

  attendeeDay(dayId: string | null, attendeeId: string): AttendeeDay | undefined {
    return dayId ? this.days.get(dayId)?.get(attendeeId) : undefined
  }

  /** admitting records at a desk between two instants, from minute buckets */
  deskThroughput(deskId: string, sinceMs: number, untilMs: number): number {
    const desk = this.deskMinutes.get(deskId)
    if (!desk) return 0
    let n = 0
    for (let m = Math.floor(sinceMs / MINUTE); m <= Math.floor(untilMs / MINUTE); m++) n += desk.get(m) ?? 0
    return n
  }
}
