// The attendance register of one day: everyone admitted that day (per group), with their first
// check-in time in the event's time zone and the desk. Read from the ledger, so it equals the
// dashboard's count.
import { attendeeName, type Bilingual, type CheckinRecord } from '../../../shared/domain.js'
import type { EventStore } from '../../store/event-store.js'

export type Lang = 'sw' | 'en'

export interface RegisterEntry {
  attendeeId: string
  externalId: string
  name: string
  title: string
  organisation: string
  groupId: string
  group: string
  /** first admission that day, ISO */
  at: string
  /** HH:MM in the event's time zone */
  time: string
  deskId: string
  desk: string
}

export function clockTime(timezone: string, at: string | Date): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: timezone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(at))
}

export function namer(store: EventStore, lang: Lang) {
  const { groups, desks, days } = store.data.event
  const pick = (list: { id: string; name: Bilingual }[], id: string) => list.find((x) => x.id === id)?.name[lang] ?? id
  return { group: (id: string) => pick(groups, id), desk: (id: string) => pick(desks, id), day: (id: string) => pick(days, id) }
}

export function registerEntries(store: EventStore, dayId: string, groupId: string | null, lang: Lang): RegisterEntry[] {
  const tz = store.data.event.timezone
  const names = namer(store, lang)
  const order = new Map(store.data.event.groups.map((g, i) => [g.id, i]))
  const out: RegisterEntry[] = []
  for (const [attendeeId, state] of store.ledger.days.get(dayId) ?? []) {
    const a = store.registry.byId.get(attendeeId)
    if (!a || (groupId && a.groupId !== groupId)) continue
    out.push({
      attendeeId,
      externalId: a.externalId ?? '',
      name: attendeeName(a),
      title: a.title,
      organisation: a.organisation,
      groupId: a.groupId,
      group: names.group(a.groupId),
      at: state.first.at,
      time: clockTime(tz, state.first.at),
      deskId: state.first.deskId,
      desk: names.desk(state.first.deskId),
    })
  }
  const byName = (x: RegisterEntry, y: RegisterEntry) => x.name.localeCompare(y.name, 'sw')
  return out.sort((x, y) => (order.get(x.groupId) ?? 1e9) - (order.get(y.groupId) ?? 1e9) || byName(x, y) || x.attendeeId.localeCompare(y.attendeeId))
}

export const REGISTER_HEADER = ['Namba ya usajili / Registration ID', 'Jina / Name', 'Cheo / Title', 'Taasisi / Organisation', 'Kundi / Group', 'Saa ya kuwasili / First check-in', 'Meza / Desk']

export const registerRow = (e: RegisterEntry) => [e.externalId, e.name, e.title, e.organisation, e.group, e.time, e.desk]

/** Every field of every record, one row each, in journal order; the attendee's name beside its id. */
export const CHECKIN_FIELDS = [
  'seq', 'id', 'attendeeId', 'badgeVersion', 'dayId', 'deskId', 'hallId', 'kioskId', 'kind', 'method', 'scannedAt', 'effectiveAt', 'clockOffsetMs', 'receivedAt', 'outcome', 'hubOutcome', 'firstAt', 'firstDeskId', 'review',
] as const

export function checkinRow(r: CheckinRecord): (string | number | null)[] {
  const flat: Record<(typeof CHECKIN_FIELDS)[number], string | number | null> = {
    seq: r.seq,
    id: r.id,
    attendeeId: r.attendeeId,
    badgeVersion: r.badgeVersion,
    dayId: r.dayId,
    deskId: r.deskId,
    hallId: r.hallId,
    kioskId: r.kioskId,
    kind: r.kind,
    method: r.method,
    scannedAt: r.scannedAt,
    effectiveAt: r.effectiveAt,
    clockOffsetMs: r.clockOffsetMs,
    receivedAt: r.receivedAt,
    outcome: r.outcome,
    hubOutcome: r.hubOutcome ?? null,
    firstAt: r.first?.at ?? null,
    firstDeskId: r.first?.deskId ?? null,
    review: r.review ?? null,
  }
  return CHECKIN_FIELDS.map((f) => flat[f])
}

export function checkinRows(store: EventStore) {
  const header = [...CHECKIN_FIELDS, 'attendeeName', 'externalId']
  const rows = [...store.ledger.records.values()]
    .sort((a, b) => a.seq - b.seq)
    .map((r) => {
      const a = r.attendeeId ? store.registry.byId.get(r.attendeeId) : undefined
      return [...checkinRow(r), a ? attendeeName(a) : null, a?.externalId ?? null]
    })
  return { header, rows }
}
