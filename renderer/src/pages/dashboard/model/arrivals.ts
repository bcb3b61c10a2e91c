// The arrivals chart's bars: the hub's 15-minute buckets, with the quarters it left out (none
// arrived) put back as zero so the bars keep their time spacing.
import type { DayStats } from '../../../../../shared/stats'

const QUARTER = 15 * 60_000
/** More buckets than a long day holds: beyond it the gaps are not filled (a bad clock, not a day). */
const MAX_BUCKETS = 24 * 4

/** Every bar is the hub's figure or 0: nothing is counted here. */
export function withEmptyQuarters(arrivals: DayStats['arrivals']): DayStats['arrivals'] {
  if (arrivals.length < 2) return arrivals
  const first = Date.parse(arrivals[0]!.at)
  const last = Date.parse(arrivals[arrivals.length - 1]!.at)
  if (!(last > first) || (last - first) / QUARTER > MAX_BUCKETS) return arrivals
  const given = new Map(arrivals.map((a) => [Date.parse(a.at), a.count]))
  const out: DayStats['arrivals'] = []
  for (let at = first; at <= last; at += QUARTER) out.push({ at: new Date(at).toISOString(), count: given.get(at) ?? 0 })
  return out
}
