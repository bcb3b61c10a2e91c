// The export routes' query strings, validated with zod: which register (day, group or
// institution), sorted how, which optional columns, which paper, which language.
import type { ServerResponse } from 'node:http'
import { defaultDay } from '../../../shared/event-days.js'
import type { EventInfo } from '../../../shared/domain.js'
import type { RegisterOptions } from './register-pdf.js'
import { RegisterQuery } from '../../../shared/http/exports.js'
import { sendError } from '../../../node-shared/http-util.js'

/** Query parameters as an object; an empty value (`?group=`) counts as absent. */
export const queryOf = (url: URL) => Object.fromEntries([...url.searchParams].filter(([, v]) => v !== ''))

/** The register asked for, or null once a 400 has been sent. The day defaults to today's (or the nearest). */
export function registerOptions(event: EventInfo, now: Date, url: URL, res: ServerResponse): RegisterOptions | null {
  const q = RegisterQuery.safeParse(queryOf(url))
  if (!q.success) {
    sendError(res, 400, 'invalid_query', { sw: 'Chaguo za rejista si sahihi.', en: 'The register options are not valid.' })
    return null
  }
  const day = q.data.day ?? defaultDay(event, now).id
  if (!event.days.some((d) => d.id === day)) {
    sendError(res, 400, 'unknown_day', { sw: 'Siku hii haipo kwenye tukio.', en: 'This day is not in the event.' })
    return null
  }
  if (q.data.group && !event.groups.some((g) => g.id === q.data.group)) {
    sendError(res, 400, 'unknown_group', { sw: 'Kundi hili halipo kwenye tukio.', en: 'This group is not in the event.' })
    return null
  }
  return {
    dayId: day,
    groupId: q.data.group ?? null,
    institution: q.data.institution ?? null,
    sort: q.data.sort,
    columns: q.data.columns,
    orientation: q.data.orientation,
    blank: q.data.blank,
    lang: q.data.lang,
    officer: { name: q.data.officerName, title: q.data.officerTitle },
  }
}

export const fileBase = (o: RegisterOptions) =>
  `register-${o.dayId}${o.groupId ? `-${o.groupId}` : ''}${o.institution !== null ? '-institution' : ''}${o.blank ? '-blank' : ''}`
