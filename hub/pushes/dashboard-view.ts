// What a dashboard is shown: a day's figures, the kiosk list and the event's names. Pushed to
// dashboards (pushes.ts) and answered to `stats:get` and GET /api/stats.
import { defaultDay } from '../../shared/event-days.js'
import type { DashboardView } from '../../shared/protocol.js'
import { dayStats, type DayStats } from '../../shared/stats.js'
import type { HubContext } from '../server/context.js'

/**
 * A day's figures as last computed, kept while nothing they are made of has changed: the same
 * ledger (lastSeq), the same registry (rev) and the same second of the clock (the last-15-minute
 * throughput moves with it). A flood of `stats:get` is then answered without counting again.
 */
const figuresCache = new WeakMap<HubContext, Map<string, { key: string; stats: DayStats }>>()

export function dayFigures(ctx: HubContext, day: string, now: Date): DayStats {
  const { store } = ctx
  const key = `${store.ledger.lastSeq}|${store.data.rev}|${Math.floor(now.getTime() / 1000)}`
  let days = figuresCache.get(ctx)
  if (!days) figuresCache.set(ctx, (days = new Map()))
  const cached = days.get(day)
  if (cached?.key === key) return cached.stats
  const stats = dayStats(store.ledger, store.registry, day, now)
  days.set(day, { key, stats })
  return stats
}

export function statsFor(ctx: HubContext, dayId?: string): DashboardView {
  const { store } = ctx
  const { id, name, venue, timezone, days, groups, halls, desks, categories } = store.registry.event
  const now = ctx.now()
  const day = dayId && days.some((d) => d.id === dayId) ? dayId : defaultDay(store.registry.event, now).id
  return {
    stats: dayFigures(ctx, day, now),
    kiosks: ctx.presence.list(store.data.kiosks, ctx.now().getTime()),
    event: { id, name, venue, timezone, days, groups, halls, desks, ...(categories ? { categories } : {}) },
  }
}
