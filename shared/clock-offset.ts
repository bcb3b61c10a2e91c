// A kiosk PC's clock against the hub's, as the dashboard and the admin page show it.

/** Kiosk clocks further off than this are highlighted: their scans may land on the wrong day. */
export const CLOCK_OFFSET_WARN_MS = 60_000

/** A kiosk's clock offset as a person reads it: "+12 s", "−3 min", "+2 h 5 min". */
export function formatOffset(ms: number): string {
  const sign = ms < 0 ? '−' : '+'
  const s = Math.round(Math.abs(ms) / 1000)
  if (s < 60) return `${sign}${s} s`
  const min = Math.round(s / 60)
  if (min < 60) return `${sign}${min} min`
  return `${sign}${Math.floor(min / 60)} h${min % 60 ? ` ${min % 60} min` : ''}`
}
