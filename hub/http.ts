// HTTP edge of the hub: health, stats, pairing, and the renderer pages.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { z } from 'zod'
import { CheckinSubmission, type Role } from '../shared/domain.js'
import type { HubContext } from './context.js'
import { bearer, BodyError, readJsonBody, sendJson } from '../common/http-util.js'
import { sleep } from './login-throttle.js'
import { createPairingCode, pairKiosk, PairRequest } from './pairing.js'
import { statsFor } from './sockets.js'
import { createStaticPages } from '../common/static-pages.js'

export const PAGES = ['/', '/kiosk', '/dashboard', '/admin'] as const

/** What a kiosk's `/api/outbox-export` writes to a USB stick. */
const OutboxFile = z.object({ kioskId: z.string().nullable(), exportedAt: z.string(), submissions: z.array(CheckinSubmission).max(100_000) })

export function createHttpHandler(ctx: HubContext, staticDir: string) {
  const serveStatic = createStaticPages(staticDir, PAGES)

  async function authorize(req: IncomingMessage, res: ServerResponse, roles: readonly Role[]): Promise<boolean> {
    const address = req.socket.remoteAddress ?? '?'
    const principal = ctx.store.credentials.authenticate(bearer(req))
    if (!principal) {
      await sleep(ctx.throttle.delayFor(address))
      ctx.throttle.failed(address)
      sendJson(res, 401, { ok: false, error: 'unauthorized' })
      return false
    }
    ctx.throttle.succeeded(address)
    if (!roles.includes(principal.role)) {
      sendJson(res, 403, { ok: false, error: 'forbidden' })
      return false
    }
    return true
  }

  async function route(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://hub.invalid')
    const key = `${req.method} ${url.pathname}`
    switch (key) {
      case 'GET /healthz':
        return sendJson(res, 200, { ok: true, event: ctx.store.data.event.id, lastSeq: ctx.store.ledger.lastSeq })
      case 'GET /api/stats':
        if (!(await authorize(req, res, ['usher', 'admin']))) return
        return sendJson(res, 200, { ok: true, ...statsFor(ctx, url.searchParams.get('day') ?? undefined) })
      case 'POST /api/pairing-codes': {
        if (!(await authorize(req, res, ['admin']))) return
        return sendJson(res, 200, { ok: true, ...(await createPairingCode(ctx.store, 30)) })
      }
      case 'POST /api/checkins/import': {
        // a kiosk's unsent records carried on a USB stick: same path, same dedup, as the socket
        if (!(await authorize(req, res, ['admin']))) return
        const file = OutboxFile.safeParse(await readJsonBody(req, 20 * 1024 * 1024))
        if (!file.success) return sendJson(res, 400, { ok: false, error: 'invalid_payload' })
        let added = 0
        for (const sub of file.data.submissions) {
          const result = await ctx.store.submit(sub)
          if (!result.duplicate) {
            added++
            ctx.recorded(result.record)
          }
        }
        return sendJson(res, 200, { ok: true, added, duplicates: file.data.submissions.length - added })
      }
      case 'POST /api/pair': {
        const request = PairRequest.safeParse(await readJsonBody(req))
        if (!request.success) return sendJson(res, 400, { ok: false, error: 'invalid_payload' })
        const address = req.socket.remoteAddress ?? '?'
        await sleep(ctx.throttle.delayFor(address))
        const paired = await pairKiosk(ctx.store, request.data)
        if (!paired) {
          ctx.throttle.failed(address)
          return sendJson(res, 403, { ok: false, error: 'forbidden' })
        }
        ctx.throttle.succeeded(address)
        ctx.log.info(`kiosk paired: ${paired.kioskId} (${request.data.name})`)
        ctx.kiosksChanged()
        return sendJson(res, 200, { ok: true, ...paired })
      }
    }
    if (req.method === 'GET' && (await serveStatic(url.pathname, res))) return
    sendJson(res, 404, { ok: false, error: 'not_found' })
  }

  return (req: IncomingMessage, res: ServerResponse) => {
    route(req, res).catch((err: unknown) => {
      if (err instanceof BodyError) return sendJson(res, err.status, { ok: false, error: 'invalid_payload' })
      ctx.log.error(`http ${req.method} ${req.url?.split('?')[0]} failed: ${(err as Error).message}`)
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: 'internal' })
    })
  }
}
