import type { Day, EventInfo } from './domain.js'

const formatters = new Map<string, Intl.DateTimeFormat>()

/** The calendar date (YYYY-MM-DD) of an instant in the event's time zone. */
// Every check-in asks for its day; Intl's formatting was ~2 % of the hub's time at full load.
// Zone offsets today are whole minutes, so one UTC minute is one local date: the last answer is kept.
const lastByZone = new Map<string, { minute: number; date: string }>()

export function localDate(timezone: string, at: Date): string {
  const minute = Math.floor(at.getTime() / 60_000)
  const last = lastByZone.get(timezone)
  if (last && last.minute === minute) return last.date
  let f = formatters.get(timezone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' })
    formatters.set(timezone, f)
  }
  const date = f.format(at)
  if (Number.isFinite(minute)) lastByZone.set(timezone, { minute, date })
  return date
}

export function dayAt(event: Pick<EventInfo, 'days' | 'timezone'>, at: Date): Day | null {
  const date = localDate(event.timezone, at)
  return event.days.find((d) => d.date === date) ?? null
}

/** Today's event day, or the nearest one, so a dashboard opened before or after the event still shows something. */
export function defaultDay(event: Pick<EventInfo, 'days' | 'timezone'>, now: Date): Day {
  const today = localDate(event.timezone, now)
  const exact = event.days.find((d) => d.date === today)
  if (exact) return exact
  const upcoming = event.days.find((d) => d.date > today)
  return upcoming ?? event.days[event.days.length - 1]!
}
