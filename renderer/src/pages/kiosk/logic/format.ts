// Times and dates as the venue reads them: Dar es Salaam time, 24-hour clock.
import type { Bilingual } from '../../../../../shared/domain'

export const EVENT_TIMEZONE = 'Africa/Dar_es_Salaam'
export type Lang = 'sw' | 'en'

export const pick = (text: Bilingual | null | undefined, lang: Lang): string => (text ? text[lang] || text.sw || text.en : '')

const clock = new Intl.DateTimeFormat('en-GB', { timeZone: EVENT_TIMEZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })

/** HH:MM of an instant, in the event's time zone. */
export function clockTime(iso: string): string {
  const at = new Date(iso)
  return Number.isNaN(at.getTime()) ? '' : clock.format(at)
}

const LOCALES: Record<Lang, string> = { sw: 'sw-TZ', en: 'en-GB' }

/** A calendar date (YYYY-MM-DD) with its weekday, e.g. "Tuesday, 24 November 2026". */
export function longDate(date: string, lang: Lang): string {
  const at = new Date(`${date}T12:00:00Z`)
  if (Number.isNaN(at.getTime())) return date
  return new Intl.DateTimeFormat(LOCALES[lang], { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(at)
}
