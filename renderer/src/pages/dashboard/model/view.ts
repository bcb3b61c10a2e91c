// What the dashboard shows: exactly what the hub sent last, plus how to name and format it.
// Nothing here counts; a name the event does not have falls back to its id.
import { clockTime, DEFAULT_TIMEZONE } from '../../../../../shared/local-time'
import type { Bilingual } from '../../../../../shared/domain'
import type { DashboardUpdate, DashboardView, EventView } from '../../../../../shared/protocol'

export type { DashboardUpdate, DashboardView }

/** The event's time zone unless the hub says otherwise (DESIGN: dates in Dar es Salaam time). */
export { DEFAULT_TIMEZONE }

const hasArrays = (o: unknown, keys: string[]) =>
  !!o && typeof o === 'object' && keys.every((k) => Array.isArray((o as Record<string, unknown>)[k]))

/** A light check of a payload from the hub, so an older or broken hub cannot crash the page. */
export function isDashboardUpdate(value: unknown): value is DashboardUpdate {
  if (!value || typeof value !== 'object') return false
  const { stats, kiosks, event } = value as Partial<DashboardView>
  return (
    (kiosks === undefined || Array.isArray(kiosks)) &&
    (event === undefined || hasArrays(event, ['days', 'groups', 'halls', 'desks'])) &&
    hasArrays(stats, ['groups', 'categories', 'orgTypes', 'desks', 'arrivals', 'halls', 'vipArrivals', 'reviews']) &&
    typeof stats?.dayId === 'string' &&
    typeof stats.checkedIn === 'number'
  )
}

/** A whole view: a `stats:get` answer, or a push that happens to carry everything. */
export const isDashboardView = (value: unknown): value is DashboardView => isDashboardUpdate(value) && !!value.kiosks && !!value.event

/**
 * The view after a push: its figures (when `withStats`), and the kiosk list and names it
 * carries, else the ones already held. Null while no whole view has arrived yet.
 */
export function merge(prev: DashboardView | null, update: DashboardUpdate, withStats: boolean): DashboardView | null {
  const kiosks = update.kiosks ?? prev?.kiosks
  const event = update.event ?? prev?.event
  const stats = withStats ? update.stats : prev?.stats
  return kiosks && event && stats ? { stats, kiosks, event } : prev
}

export type Lang = 'sw' | 'en'
export const pick = (text: Bilingual | undefined, lang: Lang, fallback: string) => (text ? text[lang] || text.sw || fallback : fallback)

/** Names of the event's things in the current language; the id for anything the event does not name. */
export function namer(event: EventView | undefined, lang: Lang) {
  const find = <T extends { id: string; name: Bilingual }>(list: readonly T[] | undefined, id: string) => list?.find((x) => x.id === id)
  return {
    event: () => pick(event?.name, lang, ''),
    day: (id: string) => pick(find(event?.days, id)?.name, lang, id),
    group: (id: string) => pick(find(event?.groups, id)?.name, lang, id),
    groupColor: (id: string) => find(event?.groups, id)?.color ?? '#8a94a0',
    hall: (id: string) => pick(find(event?.halls, id)?.name, lang, id),
    desk: (id: string | null) => (id ? pick(find(event?.desks, id)?.name, lang, id) : '—'),
    /** a registration list's category: the event's name for it, or the value as imported */
    category: (value: string) => {
      const key = value.trim().toLowerCase()
      return pick(event?.categories?.find((c) => c.id.trim().toLowerCase() === key)?.name, lang, value)
    },
  }
}
export type Namer = ReturnType<typeof namer>

/** HH:MM (24 h) in the event's time zone; '—' for an unreadable instant. */
export function formatTime(at: string | Date, timezone = DEFAULT_TIMEZONE, seconds = false): string {
  return clockTime(at, timezone, { seconds }) || '—'
}

export { CLOCK_OFFSET_WARN_MS, formatOffset } from '../../../../../shared/clock-offset'

export const formatNumber = (n: number, lang: Lang) => n.toLocaleString(lang === 'sw' ? 'sw-TZ' : 'en-GB')

/** What every panel gets: the last answer, and how to name and format its parts. */
export interface PanelProps {
  view: DashboardView
  names: Namer
  lang: Lang
  timezone: string
}
