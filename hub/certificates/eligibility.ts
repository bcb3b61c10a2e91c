// Who gets a certificate: attendees present (admitted, per the ledger) on at least the number of
// event days the organiser set, and which days those were.
import type { Attendee, Day } from '../../shared/domain.js'
import type { EventStore } from '../store/event-store.js'

export interface Attendance {
  attendee: Attendee
  days: Day[]
  /** bit i: present on the event's day i */
  mask: number
}

export function attendanceOf(store: EventStore, attendee: Attendee): Attendance {
  const days: Day[] = []
  let mask = 0
  store.data.event.days.forEach((d, i) => {
    if (store.ledger.days.get(d.id)?.has(attendee.id)) {
      days.push(d)
      mask |= 1 << i
    }
  })
  return { attendee, days, mask }
}

/** Days (of the event, in order) a mask names; bits beyond the event's days are ignored. */
export function daysOfMask(days: readonly Day[], mask: number): Day[] {
  return days.filter((_, i) => (mask & (1 << i)) !== 0)
}

const collator = new Intl.Collator('sw', { sensitivity: 'base' })

/** Everyone eligible, optionally of one group, sorted by surname (the order a bulk PDF is handed out in). */
export function eligible(store: EventStore, minDays: number, groupId: string | null): Attendance[] {
  const out: Attendance[] = []
  for (const a of store.registry.attendees) {
    if (groupId && a.groupId !== groupId) continue
    const att = attendanceOf(store, a)
    if (att.days.length >= minDays) out.push(att)
  }
  return out.sort(
    (x, y) =>
      collator.compare(x.attendee.lastName, y.attendee.lastName) ||
      collator.compare(x.attendee.firstName, y.attendee.firstName) ||
      x.attendee.id.localeCompare(y.attendee.id),
  )
}
