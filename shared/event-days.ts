import type { Day, EventInfo } from './domain.js'

const formatters = new Map<string, Intl.DateTimeFormat>()

/** The calendar date (YYYY-MM-DD) of an instant in the event's time zone. */
export function localDate(timezone: string, at: Date): string {
  let f = formatters.get(timezone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' })
    formatters.set(timezone, f)
  }
  return f.format(at)
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
