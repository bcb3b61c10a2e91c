// The one way times and dates are written for people (GLOSSARY.md): the event's local time,
// 24-hour clock without "saa" (Swahili readers take "saa 10:39" as Swahili time, 4:39 pm),
// dates as dd/mm/yyyy. Exports that machines read get ISO 8601 with the offset.

export type Lang = 'sw' | 'en'

/** The venue's zone when an event names none (shared/domain.ts defaults an event to it too). */
export const DEFAULT_TIMEZONE = 'Africa/Dar_es_Salaam'

const cache = new Map<string, Intl.DateTimeFormat>()
function formatter(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let f = cache.get(key)
  if (!f) cache.set(key, (f = make()))
  return f
}

function toDate(at: Date | string | number): Date | null {
  const d = at instanceof Date ? at : new Date(at)
  return Number.isNaN(d.getTime()) ? null : d
}

/** "16:39" (or "16:39:05") in the event's time zone; '' for an unreadable instant. */
export function clockTime(at: Date | string | number, timeZone: string, options: { seconds?: boolean } = {}): string {
  const d = toDate(at)
  if (!d) return ''
  const seconds = options.seconds === true
  return formatter(
    `t|${timeZone}|${seconds}`,
    () =>
      new Intl.DateTimeFormat('en-GB', {
        timeZone,
        hour: '2-digit',
        minute: '2-digit',
        ...(seconds ? { second: '2-digit' } : {}),
        hourCycle: 'h23',
      }),
  ).format(d)
}

/** "03/12/2026" for an instant, in the event's time zone. */
export function calendarDate(at: Date | string | number, timeZone: string): string {
  const d = toDate(at)
  if (!d) return ''
  return formatter(
    `d|${timeZone}`,
    () => new Intl.DateTimeFormat('en-GB', { timeZone, day: '2-digit', month: '2-digit', year: 'numeric' }),
  ).format(d)
}

/** "03/12/2026" for an event day's YYYY-MM-DD (a day has no time zone of its own). */
export function dayDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  return m ? `${m[3]}/${m[2]}/${m[1]}` : date
}

const WEEKDAYS: Record<Lang, readonly string[]> = {
  sw: ['Jumapili', 'Jumatatu', 'Jumanne', 'Jumatano', 'Alhamisi', 'Ijumaa', 'Jumamosi'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
}

/** "Alhamisi 03/12/2026" / "Thursday 03/12/2026" for an event day's YYYY-MM-DD. */
export function dayWithWeekday(date: string, lang: Lang): string {
  const at = new Date(`${date}T12:00:00Z`)
  if (Number.isNaN(at.getTime())) return date
  return `${WEEKDAYS[lang][at.getUTCDay()]} ${dayDate(date)}`
}

/** ISO 8601 with the event's offset, e.g. "2026-12-03T08:15:02+03:00" (for CSV exports). */
export function isoWithOffset(at: Date | string | number, timeZone: string): string {
  const d = toDate(at)
  if (!d) return ''
  const parts = Object.fromEntries(
    formatter(
      `iso|${timeZone}`,
      () =>
        new Intl.DateTimeFormat('en-CA', {
          timeZone,
          year: 'numeric',
          month: '2-digit',
          day: '2-digit',
          hour: '2-digit',
          minute: '2-digit',
          second: '2-digit',
          hourCycle: 'h23',
        }),
    )
      .formatToParts(d)
      .map((p) => [p.type, p.value]),
  )
  const local = Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!, +parts.second!)
  const offsetMin = Math.round((local - Math.floor(d.getTime() / 1000) * 1000) / 60_000)
  const sign = offsetMin < 0 ? '-' : '+'
  const abs = Math.abs(offsetMin)
  const hh = String(Math.floor(abs / 60)).padStart(2, '0')
  const mm = String(abs % 60).padStart(2, '0')
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${sign}${hh}:${mm}`
}
