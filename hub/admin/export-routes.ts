// GET /api/admin/exports/*: the attendance register (CSV, PDF) per day and group, the full
// check-in log, and the summary report. Personal data: the admin credential only.
import type { ServerResponse } from 'node:http'
import { defaultDay } from '../../shared/event-days.js'
import type { HubContext } from '../context.js'
import type { Route } from '../routes.js'
import { toCsv } from './exports/csv.js'
import { checkinRows, REGISTER_HEADER, registerEntries, registerRow, type Lang } from './exports/register.js'
import { registerPdf } from './exports/register-pdf.js'
import { summaryPdf } from './exports/summary-pdf.js'
import { ADMIN, sendError, sendFile } from './http.js'

interface RegisterQuery {
  dayId: string
  groupId: string | null
  lang: Lang
}

/** day= (default: today's or the nearest event day), group= (default: all), lang=sw|en (names of groups and desks). */
function registerQuery(ctx: HubContext, url: URL, res: ServerResponse): RegisterQuery | null {
  const event = ctx.store.data.event
  const day = url.searchParams.get('day') || defaultDay(event, ctx.now()).id
  const group = url.searchParams.get('group') || null
  if (!event.days.some((d) => d.id === day)) {
    sendError(res, 400, 'unknown_day', { sw: 'Siku hii haipo kwenye tukio.', en: 'This day is not in the event.' })
    return null
  }
  if (group && !event.groups.some((g) => g.id === group)) {
    sendError(res, 400, 'unknown_group', { sw: 'Kundi hili halipo kwenye tukio.', en: 'This group is not in the event.' })
    return null
  }
  return { dayId: day, groupId: group, lang: url.searchParams.get('lang') === 'en' ? 'en' : 'sw' }
}

const fileBase = (q: RegisterQuery) => `register-${q.dayId}${q.groupId ? `-${q.groupId}` : ''}`

export const exportRoutes: Route[] = [
  {
    method: 'GET',
    path: '/api/admin/exports/register.csv',
    roles: ADMIN,
    handle(ctx, { res, url }) {
      const q = registerQuery(ctx, url, res)
      if (!q) return
      const csv = toCsv(REGISTER_HEADER, registerEntries(ctx.store, q.dayId, q.groupId, q.lang).map(registerRow))
      sendFile(res, 'text/csv; charset=utf-8', `${fileBase(q)}.csv`, csv)
    },
  },
  {
    method: 'GET',
    path: '/api/admin/exports/register.pdf',
    roles: ADMIN,
    async handle(ctx, { res, url }) {
      const q = registerQuery(ctx, url, res)
      if (!q) return
      sendFile(res, 'application/pdf', `${fileBase(q)}.pdf`, await registerPdf(ctx.store, q.dayId, q.groupId, q.lang))
    },
  },
  {
    method: 'GET',
    path: '/api/admin/exports/checkins.csv',
    roles: ADMIN,
    handle(ctx, { res }) {
      const { header, rows } = checkinRows(ctx.store)
      sendFile(res, 'text/csv; charset=utf-8', 'checkins.csv', toCsv(header, rows))
    },
  },
  {
    method: 'GET',
    path: '/api/admin/exports/summary.pdf',
    roles: ADMIN,
    async handle(ctx, { res }) {
      sendFile(res, 'application/pdf', 'summary.pdf', await summaryPdf(ctx.store))
    },
  },
]
