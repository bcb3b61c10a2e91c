// The summary report's figures, derived from the ledger and the registry as the dashboard's are:
// per day the groups, categories and institution types (checked in / expected), arrivals per 15
// minutes, each hall's peak occupancy (records replayed in time order), walk-ins, new badges
// (reprints) and review cases.
import { isAdmitting, type CheckinRecord } from '../../../shared/domain.js'
import { movesSomeone } from '../../../shared/ledger.js'
import { localDate } from '../../../shared/event-days.js'
import { dayStats, type DayStats, type Tally } from '../../../shared/stats.js'
import type { EventStore } from '../../store/event-store.js'

export interface HallPeak {
  hallId: string
  capacity: number
  peak: number
  /** when the peak was first reached, ISO; null when nobody came in */
  at: string | null
}

export interface DaySummary {
  dayId: string
  stats: DayStats
  halls: HallPeak[]
  walkIns: number
  reprints: number
  reviews: { doubleAdmission: number; hubRefused: number }
}

export interface Summary {
  days: DaySummary[]
  /** across every day: people who came at least once, walk-ins registered, new badges issued */
  totals: { uniqueAttendees: number; walkIns: number; reprints: number; reviews: number }
}

export const pct = (t: Pick<Tally, 'checkedIn' | 'expected'>) =>
  t.expected > 0 ? Math.round((t.checkedIn / t.expected) * 1000) / 10 : null

export function hallPeaks(store: EventStore, dayId: string): HallPeak[] {
  const moves: CheckinRecord[] = []
  for (const r of store.ledger.records.values()) if (r.dayId === dayId && movesSomeone(r)) moves.push(r)
  moves.sort((a, b) => a.effectiveAt.localeCompare(b.effectiveAt) || a.seq - b.seq)
  const where = new Map<string, string | null>()
  const inside = new Map<string, number>()
  const peaks = new Map<string, { peak: number; at: string | null }>()
  for (const r of moves) {
    const before = where.get(r.attendeeId!) ?? null
    const after = isAdmitting(r.outcome) ? r.hallId : null
    if (before === after) continue
    if (before) inside.set(before, (inside.get(before) ?? 0) - 1)
    where.set(r.attendeeId!, after)
    if (!after) continue
    const n = (inside.get(after) ?? 0) + 1
    inside.set(after, n)
    const p = peaks.get(after)
    if (!p || n > p.peak) peaks.set(after, { peak: n, at: r.effectiveAt })
  }
  return store.data.event.halls.map((h) => ({
    hallId: h.id,
    capacity: h.capacity,
    peak: peaks.get(h.id)?.peak ?? 0,
    at: peaks.get(h.id)?.at ?? null,
  }))
}

export function buildSummary(store: EventStore): Summary {
  const event = store.data.event
  const now = store.now()
  const issuedOn = (reason: 'reprint' | 'walk_in', date: string) =>
    store.data.badges.filter((b) => b.reason === reason && localDate(event.timezone, new Date(b.issuedAt)) === date).length
  const days = event.days.map((d): DaySummary => {
    const stats = dayStats(store.ledger, store.registry, d.id, now)
    return {
      dayId: d.id,
      stats,
      halls: hallPeaks(store, d.id),
      walkIns: issuedOn('walk_in', d.date),
      reprints: issuedOn('reprint', d.date),
      reviews: {
        doubleAdmission: stats.reviews.filter((r) => r.kind === 'double_admission').length,
        hubRefused: stats.reviews.filter((r) => r.kind === 'hub_refused').length,
      },
    }
  })
  return {
    days,
    totals: {
      uniqueAttendees: store.ledger.everAdmitted.size,
      walkIns: store.data.attendees.filter((a) => a.walkIn).length,
      reprints: store.data.badges.filter((b) => b.reason === 'reprint').length,
      reviews: store.ledger.reviews.length,
    },
  }
}
