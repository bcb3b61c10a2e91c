// Words and times as the venue reads them: the event's own zone, the 24-hour clock without
// "saa", dates as dd/mm/yyyy (GLOSSARY.md; shared/local-time.ts writes them for every page).
import type { Bilingual } from '../../../../../shared/domain'
import { clockTime as clockIn, dayWithWeekday, DEFAULT_TIMEZONE, type Lang } from '../../../../../shared/local-time'

export type { Lang }

export const pick = (text: Bilingual | null | undefined, lang: Lang): string => (text ? text[lang] || text.sw || text.en : '')

/** "16:39" of an instant, in the event's time zone (the default until the agent tells the screen KioskState.timezone). */
export function clockTime(iso: string, timeZone: string = DEFAULT_TIMEZONE): string {
  return clockIn(iso, timeZone)
}

/** An event day with its weekday, e.g. "Jumatano 25/11/2026". */
export const longDate = (date: string, lang: Lang): string => dayWithWeekday(date, lang)
