// Headcounts for one day, derived from the ledger and the registry on demand. The hub
// serves exactly this from /api/stats and pushes it to dashboards; nobody keeps a counter.
import { type Attendee, type CheckinRecord, type Outcome } from './domain.js'
import type { Ledger, LedgerEntry } from './ledger.js'
import type { RegistryIndex } from './registry.js'

export const HALL_WARNING = 0.9
const QUARTER = 15 * 60_000

export interface Tally {
  key: string
  checkedIn: number
  expected: number
}

export interface DayStats {
  dayId: string
  generatedAt: string
  /** last journal sequence folded in: two answers with the same lastSeq count the same records */
  lastSeq: number
  checkedIn: number
  expected: number
  notArrived: number
  uniqueAllDays: number
  groups: Tally[]
  categories: Tally[]
  orgTypes: Tally[]
  desks: { deskId: string; admitted: number; last15m: number }[]
  /** first arrivals per 15 minutes (bucket start, ISO) */
  arrivals: { at: string; count: number }[]
  halls: HallOccupancy[]
  vipArrivals: { attendeeId: string; name: string; title: string; organisation: string; at: string; deskId: string }[]
  /** `name`: the person's title and name, for an usher to act on (null when the code named nobody) */
  reviews: {
    recordId: string
    kind: NonNullable<CheckinRecord['review']>
    hubOutcome: Outcome | null
    attendeeId: string | null
    name: string | null
    deskId: string
    kioskId: string
    at: string
    firstDeskId: string | null
  }[]
}

function bump(map: Map<string, Tally>, key: string, field: 'checkedIn' | 'expected') {
  let t = map.get(key)
  if (!t) map.set(key, (t = { key, checkedIn: 0, expected: 0 }))
  t[field]++
}

export type HallLevel = 'ok' | 'warning' | 'alarm'
export interface HallOccupancy {
  hallId: string
  inside: number
  capacity: number
  level: HallLevel
}

/** 'warning' from 90 % of capacity, 'alarm' at capacity; a hall without a capacity is never full. */
export function hallLevel(inside: number, capacity: number): HallLevel {
  return capacity > 0 && inside >= capacity ? 'alarm' : capacity > 0 && inside >= capacity * HALL_WARNING ? 'warning' : 'ok'
}

/** Who is inside one hall now, as far as this ledger knows (the hub's, or a kiosk's copy). */
export function hallOccupancy(
  ledger: Pick<Ledger<LedgerEntry>, 'days'>,
  hall: { id: string; capacity: number },
  dayId: string,
): HallOccupancy {
  let inside = 0
  for (const state of ledger.days.get(dayId)?.values() ?? []) if (state.inside && state.hallId === hall.id) inside++
  return { hallId: hall.id, inside, capacity: hall.capacity, level: hallLevel(inside, hall.capacity) }
}

const sorted = (m: Map<string, Tally>) => [...m.values()].sort((a, b) => b.expected - a.expected || a.key.localeCompare(b.key))

export function dayStats(ledger: Ledger, registry: RegistryIndex, dayId: string, now: Date): DayStats {
  const event = registry.event
  const day = ledger.days.get(dayId) ?? new Map()
  const groups = new Map<string, Tally>()
  const categories = new Map<string, Tally>()
  const orgTypes = new Map<string, Tally>()
  for (const g of event.groups) groups.set(g.id, { key: g.id, checkedIn: 0, expected: 0 })

  let expected = 0
  const count = (a: Attendee, field: 'checkedIn' | 'expected') => {
    bump(groups, a.groupId, field)
    bump(categories, a.category || '-', field)
    bump(orgTypes, a.orgType || '-', field)
  }
  for (const a of registry.attendees) {
    if (!registry.groups.get(a.groupId)?.days.includes(dayId)) continue
    expected++
    count(a, 'expected')
  }
  const arrivals = new Map<number, number>()
  const vipArrivals: DayStats['vipArrivals'] = []
  const inside = new Map<string, number>()
  for (const [attendeeId, state] of day) {
    const a = registry.byId.get(attendeeId)
    if (a) count(a, 'checkedIn')
    const bucket = Math.floor(Date.parse(state.first.at) / QUARTER) * QUARTER
    arrivals.set(bucket, (arrivals.get(bucket) ?? 0) + 1)
    if (state.inside && state.hallId) inside.set(state.hallId, (inside.get(state.hallId) ?? 0) + 1)
    if (a?.flags.includes('vip')) {
      vipArrivals.push({
        attendeeId,
        name: `${a.firstName} ${a.lastName}`,
        title: a.title,
        organisation: a.organisation,
        at: state.first.at,
        deskId: state.first.deskId,
      })
    }
  }
  const nowMs = now.getTime()
  const desks = event.desks.map((d) => ({
    deskId: d.id,
    admitted: countDeskDay(ledger, d.id, dayId),
    last15m: ledger.deskThroughput(d.id, nowMs - QUARTER, nowMs),
  }))
  const checkedIn = day.size
  return {
    dayId,
    generatedAt: now.toISOString(),
    lastSeq: ledger.lastSeq,
    checkedIn,
    expected,
    notArrived: Math.max(0, expected - checkedIn),
    uniqueAllDays: ledger.everAdmitted.size,
    groups: sorted(groups),
    categories: sorted(categories),
    orgTypes: sorted(orgTypes),
    desks,
    arrivals: [...arrivals].sort((a, b) => a[0] - b[0]).map(([at, c]) => ({ at: new Date(at).toISOString(), count: c })),
    halls: event.halls.map((h) => {
      const n = inside.get(h.id) ?? 0
      return { hallId: h.id, inside: n, capacity: h.capacity, level: hallLevel(n, h.capacity) }
    }),
    vipArrivals: vipArrivals.sort((a, b) => b.at.localeCompare(a.at)).slice(0, 50),
    reviews: ledger.reviews
      .filter((r) => r.dayId === dayId)
      .map((r) => {
        const a = r.attendeeId ? registry.byId.get(r.attendeeId) : undefined
        const name = a ? [a.title, a.firstName, a.lastName].filter(Boolean).join(' ') : null
        return {
          recordId: r.id,
          kind: r.review!,
          hubOutcome: r.hubOutcome ?? null,
          attendeeId: r.attendeeId,
          name,
          deskId: r.deskId,
          kioskId: r.kioskId,
          at: r.effectiveAt,
          firstDeskId: r.first?.deskId ?? null,
        }
      }),
  }
}

function countDeskDay(ledger: Ledger, deskId: string, dayId: string): number {
  let n = 0
  for (const state of ledger.days.get(dayId)?.values() ?? []) if (state.first.deskId === deskId) n++
  return n
}
