// HTTP routes for badges and printing. Every input is validated with zod; every error leaves
// as { ok: false, error } with a stable code (and what helps to act on it, e.g. lastPrint).
import { readFile } from 'node:fs/promises'
import type { ServerResponse } from 'node:http'
import { z } from 'zod'
import { invalidPayload, readBody, readJsonBody, SECURITY_HEADERS, sendJson } from '../../node-shared/http-util.js'
import {
  BadgePageQuery,
  BulkQuery,
  DeskPrinterInput,
  DeskPrintBody,
  DeskResultBody,
  FormatQuery,
  JobsQuery,
  PrintBody,
  ResendBody,
} from '../../shared/http/badges.js'
import type { Route, RouteRequest } from '../server/routes.js'
import type { HubContext } from '../server/context.js'
import { AUTO_PRINT_SCRIPT, badgeHtml } from './badge-html.js'
import { FONT_FILES } from '../fonts.js'
import { layoutForPdf } from './badge-pdf.js'
import { BadgeError, type BadgeService, type Principal } from './badge-service.js'
import { printerHealth } from './printer-health.js'

const Id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_.:-]+$/)
const JobId = z.string().regex(/^pj-[0-9a-f]{12}$/)

/** Query parameters as an object; an empty value (`?group=`) counts as absent. */
const query = (url: URL) => Object.fromEntries([...url.searchParams].filter(([, v]) => v !== ''))

/** Runs a handler with the badge service; a BadgeError becomes its JSON answer. */
function withBadges(
  handle: (r: RouteRequest & { principal: Principal }, ctx: HubContext, service: BadgeService) => Promise<void>,
): Route['handle'] {
  return async (ctx, r) => {
    if (!r.principal) return sendJson(r.res, 401, { ok: false, error: 'unauthorized' })
    const service = await ctx.badges()
    try {
      await handle({ ...r, principal: r.principal }, ctx, service)
    } catch (err) {
      if (!(err instanceof BadgeError)) throw err
      if (r.res.headersSent) return void r.res.destroy()
      sendJson(r.res, err.status, { ok: false, error: err.code, ...err.detail })
    }
  }
}

function attendeeParam(params: Record<string, string>): string | null {
  const id = Id.safeParse(params.attendeeId)
  return id.success ? id.data : null
}

function sendPdf(res: ServerResponse, pdf: Buffer, filename: string) {
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/pdf',
    'Content-Disposition': `inline; filename="${filename}"`,
    'Content-Length': pdf.length,
    'Cache-Control': 'no-store',
  })
  res.end(pdf)
}

const FONTS: Record<string, string> = { 'DejaVuSans.ttf': FONT_FILES.regular, 'DejaVuSans-Bold.ttf': FONT_FILES.bold }
const SCRIPTS: Record<string, string> = { 'print.js': AUTO_PRINT_SCRIPT }

export const badgeRoutes: Route[] = [
  {
    method: 'GET',
    path: '/api/desk-printers',
    roles: ['admin', 'kiosk'],
    // each desk's setting with its printer's health now, as CUPS reports it
    handle: withBadges(async ({ res }, _ctx, service) => {
      const desks = service.desks.all()
      const health = await printerHealth(desks.flatMap((d) => (d.printer ? [d.printer] : [])))
      sendJson(res, 200, { ok: true, desks: desks.map((d) => ({ ...d, health: d.printer ? (health.get(d.printer) ?? null) : null })) })
    }),
  },
  {
    method: 'PUT',
    path: /^\/api\/desk-printers\/(?<deskId>[^/]+)$/,
    roles: ['admin'],
    handle: withBadges(async ({ req, res, params, principal }, ctx, service) => {
      const deskId = Id.safeParse(params.deskId)
      const body = await readBody(req, DeskPrinterInput)
      if (!deskId.success || !body) return invalidPayload(res)
      if (!ctx.store.registry.event.desks.some((d) => d.id === deskId.data)) return sendJson(res, 400, { ok: false, error: 'unknown_desk' })
      const entry = { deskId: deskId.data, ...body, at: ctx.now().toISOString(), by: principal.id }
      await service.desks.set(entry)
      void service.follower.checkDeskPrinters().catch(() => {}) // the kiosk list shows the new printer now, not at the next look
      ctx.log.info(`desk ${entry.deskId} prints on ${entry.printer ?? '(its own printer)'}, stock ${entry.stock}`)
      sendJson(res, 200, { ok: true, desk: entry })
    }),
  },
  {
    method: 'GET',
    path: /^\/api\/badges\/(?<attendeeId>[^/]+)\.pdf$/,
    roles: ['admin', 'kiosk'],
    handle: withBadges(async ({ res, url, params, principal }, _ctx, service) => {
      const id = attendeeParam(params)
      const q = FormatQuery.safeParse(query(url))
      if (!id || !q.success) return invalidPayload(res)
      const { pdf, badgeVersion } = await service.versions.pdf(id, q.data.format, principal.id)
      sendPdf(res, pdf, `badge-${id}-v${badgeVersion}-${q.data.format}.pdf`)
    }),
  },
  {
    method: 'POST',
    path: /^\/api\/badges\/(?<attendeeId>[^/]+)\/reprint$/,
    roles: ['admin', 'kiosk'],
    handle: withBadges(async ({ res, params, principal }, _ctx, service) => {
      const id = attendeeParam(params)
      if (!id) return invalidPayload(res)
      sendJson(res, 200, { ok: true, badgeVersion: await service.versions.reprint(id, principal.id) })
    }),
  },
  {
    method: 'POST',
    path: /^\/api\/badges\/(?<attendeeId>[^/]+)\/print$/,
    roles: ['admin', 'kiosk'],
    handle: withBadges(async ({ req, res, params, principal }, _ctx, service) => {
      const id = attendeeParam(params)
      const body = PrintBody.safeParse((await readJsonBody(req)) ?? {})
      if (!id || !body.success) return invalidPayload(res)
      const job = await service.jobs.print({ attendeeId: id, ...body.data }, principal)
      sendJson(res, 200, { ok: true, job })
    }),
  },
  {
    method: 'POST',
    path: /^\/api\/badges\/(?<attendeeId>[^/]+)\/desk-print$/,
    roles: ['admin', 'kiosk'],
    // logged before the desk prints it: a second print of the same version needs `force`
    handle: withBadges(async ({ req, res, params, principal }, _ctx, service) => {
      const id = attendeeParam(params)
      const body = DeskPrintBody.safeParse((await readJsonBody(req)) ?? {})
      if (!id || !body.success) return invalidPayload(res)
      const job = await service.jobs.deskPrint({ attendeeId: id, ...body.data }, principal)
      sendJson(res, 200, { ok: true, job, path: `/badge/${id}` })
    }),
  },
  {
    method: 'POST',
    path: /^\/api\/print-jobs\/(?<jobId>[^/]+)\/desk-result$/,
    roles: ['admin', 'kiosk'],
    handle: withBadges(async ({ req, res, params, principal }, _ctx, service) => {
      const jobId = JobId.safeParse(params.jobId)
      const body = await readBody(req, DeskResultBody)
      if (!jobId.success || !body) return invalidPayload(res)
      sendJson(res, 200, { ok: true, job: await service.jobs.deskResult(jobId.data, body, principal) })
    }),
  },
  {
    method: 'GET',
    path: '/api/print-jobs',
    roles: ['admin', 'kiosk'],
    handle: withBadges(async ({ res, url }, _ctx, service) => {
      const q = JobsQuery.safeParse(query(url))
      if (!q.success) return invalidPayload(res)
      sendJson(res, 200, { ok: true, jobs: await service.jobs.recent(q.data) })
    }),
  },
  {
    method: 'POST',
    path: /^\/api\/print-jobs\/(?<jobId>[^/]+)\/resend$/,
    roles: ['admin', 'kiosk'],
    handle: withBadges(async ({ req, res, params, principal }, _ctx, service) => {
      const jobId = JobId.safeParse(params.jobId)
      const body = await readBody(req, ResendBody)
      if (!jobId.success || !body) return invalidPayload(res)
      const { force, ...to } = body
      const job = await service.jobs.resend(jobId.data, to, force, principal)
      sendJson(res, 200, { ok: true, job })
    }),
  },
  {
    method: 'GET',
    path: '/api/badges.pdf',
    roles: ['admin'],
    handle: withBadges(async ({ res, url, principal }, _ctx, service) => {
      const q = BulkQuery.safeParse(query(url))
      if (!q.success) return invalidPayload(res)
      const attendees = service.bulk.selectForBulk(q.data)
      if (attendees.length === 0) return sendJson(res, 404, { ok: false, error: 'no_badges' })
      await service.bulk.streamBulk(res, attendees, q.data.format, q.data.layout, principal)
    }),
  },
  {
    method: 'GET',
    path: /^\/badge\/(?<attendeeId>[^/]+)$/,
    roles: ['admin', 'kiosk'],
    handle: withBadges(async ({ res, url, params, principal }, ctx, service) => {
      const id = attendeeParam(params)
      const q = BadgePageQuery.safeParse(query(url))
      if (!id || !q.success) return invalidPayload(res)
      await service.versions.issue([service.versions.attendee(id)], principal.id)
      const a = service.versions.attendee(id)
      const layout = layoutForPdf({ event: ctx.store.registry.event, attendee: a, code: service.versions.code(a), format: q.data.format })
      res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' })
      res.end(badgeHtml(layout, a, { autoPrint: q.data.print }))
    }),
  },
  {
    method: 'GET',
    path: /^\/badge-assets\/(?<file>[^/]+)$/,
    roles: 'public', // the fonts the badge page is set in, and its print script: nothing private
    async handle(_ctx, { res, params }) {
      const file = params.file ?? ''
      if (Object.hasOwn(SCRIPTS, file)) {
        res.writeHead(200, {
          ...SECURITY_HEADERS,
          'Content-Type': 'text/javascript; charset=utf-8',
          'Cache-Control': 'public, max-age=86400',
        })
        return void res.end(SCRIPTS[file])
      }
      const path = Object.hasOwn(FONTS, file) ? FONTS[file] : undefined
      const body = path ? await readFile(path).catch(() => null) : null
      if (!body) return sendJson(res, 404, { ok: false, error: 'not_found' })
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': 'font/ttf',
        'Content-Length': body.length,
        'Cache-Control': 'public, max-age=86400',
      })
      res.end(body)
    },
  },
]
