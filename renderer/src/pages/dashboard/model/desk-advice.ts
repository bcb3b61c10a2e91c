// When to tell ushers to open another desk, from the hub's figures only: admissions per desk
// in the last 15 minutes against what the open desks can take.
import type { KioskStatus } from '../../../../../shared/protocol'
import type { DayStats } from '../../../../../shared/stats'

/** One desk's pace: 160 attendees an hour (DESIGN.md: a kiosk handles 120–180 an hour) = 40 per 15 min. */
export const DESK_CAPACITY_PER_15M = 40
/** Ask before the desks are saturated: at 90 % of what they can take, queues start to grow. */
export const OPEN_DESK_LOAD = 0.9

export interface DeskAdvice {
  /** admissions at all desks in the last 15 minutes (the sum of the hub's per-desk figures) */
  arrivals: number
  openDesks: number
  /** what the open desks can take in 15 minutes */
  capacity: number
  openAnother: boolean
}

export function deskAdvice(
  stats: Pick<DayStats, 'desks'>,
  kiosks: readonly Pick<KioskStatus, 'deskId' | 'online' | 'revoked'>[],
  perDesk = DESK_CAPACITY_PER_15M,
): DeskAdvice {
  const arrivals = stats.desks.reduce((n, d) => n + d.last15m, 0)
  const open = new Set<string>()
  for (const k of kiosks) if (k.online && !k.revoked && k.deskId) open.add(k.deskId)
  // a desk that admitted people in the last 15 minutes is working, even if its kiosk just dropped off
  for (const d of stats.desks) if (d.last15m > 0) open.add(d.deskId)
  const capacity = open.size * perDesk
  return { arrivals, openDesks: open.size, capacity, openAnother: arrivals > 0 && arrivals >= capacity * OPEN_DESK_LOAD }
}
