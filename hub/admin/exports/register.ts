// The attendance register of one day: who is expected (their group may attend that day) and
// who came (the ledger's first admission that day, so it equals the dashboard's count), for the
// whole day, one group or one institution. Sorted by surname, or by institution then surname.
import { attendeeName, type Attendee, type Bilingual } from '../../../shared/domain.js'
import { clockTime, type Lang } from '../../../shared/local-time.js'
import type { RegisterSort } from '../../../shared/documents.js'
import type { EventStore } from '../../store/event-store.js'

export type { Lang } from '../../../shared/local-time.js'

export { REGISTER_SORTS, type RegisterSort } from '../../../shared/documents.js'

export interface RegisterScope {
  dayId: string
  groupId: string | null
  /** an institution exactly as the attendee list spells it */
  institution: string | null
  sort: RegisterSort
}

export interface RegisterEntry {
  attendeeId: string
  externalId: string
  firstName: string
  lastName: string
  name: string
  title: string
  organisation: string
  orgType: string
  category: string
  phone: string
  groupId: string
  group: string
  present: boolean
  /** first admission that day, ISO; null when not (yet) present */
  at: string | null
  /** HH:MM in the event's time zone, '' when not present */
  time: string
  deskId: string
  desk: string
}

export interface Register {
  scope: RegisterScope
  /** everyone expected that day in scope, plus anyone admitted who was not expected */
  entries: RegisterEntry[]
  present: number
  expected: number
}

export function namer(store: EventStore, lang: Lang) {
  const { groups, desks, days } = store.data.event
  const pick = (list: { id: string; name: Bilingual }[], id: string) => list.find((x) => x.id === id)?.name[lang] ?? id
  return { group: (id: string) => pick(groups, id), desk: (id: string) => pick(desks, id), day: (id: string) => pick(days, id) }
}

const collator = new Intl.Collator('sw', { sensitivity: 'base', numeric: true })
const bySurname = (x: RegisterEntry, y: RegisterEntry) =>
  collator.compare(x.lastName, y.lastName) || collator.compare(x.firstName, y.firstName) || x.attendeeId.localeCompare(y.attendeeId)

export function sortEntries(entries: RegisterEntry[], sort: RegisterSort): RegisterEntry[] {
  if (sort === 'institution') return entries.sort((x, y) => collator.compare(x.organisation, y.organisation) || bySurname(x, y))
  return entries.sort(bySurname)
}

export function buildRegister(store: EventStore, scope: RegisterScope, lang: Lang): Register {
  const tz = store.data.event.timezone
  const names = namer(store, lang)
  const day = store.ledger.days.get(scope.dayId)
  const inScope = (a: Attendee) =>
    (!scope.groupId || a.groupId === scope.groupId) && (scope.institution === null || a.organisation === scope.institution)
  const entries: RegisterEntry[] = []
  let expected = 0
  for (const a of store.registry.attendees) {
    if (!inScope(a)) continue
    const isExpected = store.registry.groups.get(a.groupId)?.days.includes(scope.dayId) === true
    const state = day?.get(a.id)
    if (isExpected) expected++
    if (!isExpected && !state) continue
    entries.push({
      attendeeId: a.id,
      externalId: a.externalId ?? '',
      firstName: a.firstName,
      lastName: a.lastName,
      name: attendeeName(a),
      title: a.title,
      organisation: a.organisation,
      orgType: a.orgType,
      category: a.category,
      phone: a.phone ?? '',
      groupId: a.groupId,
      group: names.group(a.groupId),
      present: state !== undefined,
      at: state?.first.at ?? null,
      time: state ? clockTime(state.first.at, tz) : '',
      deskId: state?.first.deskId ?? '',
      desk: state ? names.desk(state.first.deskId) : '',
    })
  }
  sortEntries(entries, scope.sort)
  return { scope, entries, present: entries.filter((e) => e.present).length, expected }
}

/** Institutions on the attendee list, for the admin page's picker. */
export function institutions(store: EventStore): string[] {
  const set = new Set<string>()
  for (const a of store.registry.attendees) if (a.organisation) set.add(a.organisation)
  return [...set].sort(collator.compare)
}
