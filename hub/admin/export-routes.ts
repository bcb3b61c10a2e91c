// GET /api/admin/exports/*: the attendance register (PDF, CSV, XLSX) per day, group or
// institution, the full check-in log (CSV, XLSX) and the summary report (PDF, XLSX).
// Personal data: the admin credential only.
import { sendFile, sendJson } from '../../node-shared/http-util.js'
import { ADMIN, type Route } from '../server/routes.js'
import { LangQuery } from '../../shared/http/exports.js'
import { fileBase, queryOf, registerOptions } from './exports/query.js'
import { registerPdf } from './exports/register-pdf.js'
import { checkinSheet, registerSheet } from './exports/register-sheet.js'
import { institutions } from './exports/register.js'
import { sheetCsv, sheetsXlsx, XLSX_TYPE } from './exports/sheet.js'
import { summaryPdf } from './exports/summary-pdf.js'
import { summarySheets } from './exports/summary-sheet.js'

const CSV_TYPE = 'text/csv; charset=utf-8'
const langOf = (url: URL) => LangQuery.parse(queryOf(url)).lang

export const exportRoutes: Route[] = [
  {
    method: 'GET',
    path: '/api/admin/exports/register.pdf',
    roles: ADMIN,
    async handle(ctx, { res, url }) {
      const o = registerOptions(ctx.store.data.event, ctx.now(), url, res)
      if (o) sendFile(res, 'application/pdf', `${fileBase(o)}.pdf`, await registerPdf(ctx.store, o))
    },
  },
  {
    method: 'GET',
    path: '/api/admin/exports/register.csv',
    roles: ADMIN,
    handle(ctx, { res, url }) {
      const o = registerOptions(ctx.store.data.event, ctx.now(), url, res)
      if (o) sendFile(res, CSV_TYPE, `${fileBase(o)}.csv`, sheetCsv(registerSheet(ctx.store, o), ctx.store.data.event.timezone))
    },
  },
  {
    method: 'GET',
    path: '/api/admin/exports/register.xlsx',
    roles: ADMIN,
    async handle(ctx, { res, url }) {
      const o = registerOptions(ctx.store.data.event, ctx.now(), url, res)
      if (o)
        sendFile(
          res,
          XLSX_TYPE,
          `${fileBase(o)}.xlsx`,
          await sheetsXlsx([registerSheet(ctx.store, o)], ctx.store.data.event.timezone, fileBase(o)),
        )
    },
  },
  {
    method: 'GET',
    path: '/api/admin/exports/checkins.csv',
    roles: ADMIN,
    handle(ctx, { res, url }) {
      sendFile(res, CSV_TYPE, 'checkins.csv', sheetCsv(checkinSheet(ctx.store, langOf(url)), ctx.store.data.event.timezone))
    },
  },
  {
    method: 'GET',
    path: '/api/admin/exports/checkins.xlsx',
    roles: ADMIN,
    async handle(ctx, { res, url }) {
      sendFile(
        res,
        XLSX_TYPE,
        'checkins.xlsx',
        await sheetsXlsx([checkinSheet(ctx.store, langOf(url))], ctx.store.data.event.timezone, 'checkins'),
      )
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
  {
    method: 'GET',
    path: '/api/admin/exports/summary.xlsx',
    roles: ADMIN,
    async handle(ctx, { res, url }) {
      sendFile(
        res,
        XLSX_TYPE,
        'summary.xlsx',
        await sheetsXlsx(await summarySheets(ctx.store, langOf(url)), ctx.store.data.event.timezone, 'summary'),
      )
    },
  },
  {
    method: 'GET',
    path: '/api/admin/exports/institutions',
    roles: ADMIN,
    handle(ctx, { res }) {
      sendJson(res, 200, { ok: true, institutions: institutions(ctx.store) })
    },
  },
]
