// HTTP edge of the hub: authenticates, checks the route's roles, runs it; else serves pages.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { bearer, BodyError, sendJson } from '../../node-shared/http-util.js'
import { createStaticPages } from '../../node-shared/static-pages.js'
import type { HubContext } from './context.js'
import { adminRoutes } from '../admin/routes.js'
import { badgeRoutes } from '../badges/routes.js'
import { certificatePublicRoutes } from '../certificates/routes.js'
import { coreRoutes } from './core-routes.js'
import { sleep } from '../../node-shared/sleep.js'
import { matchRoute, type Route } from './routes.js'

/** The hub's pages; the kiosk page is the kiosk agent's, on each desk PC (agent/local-server.ts). */
export const PAGES = ['/', '/dashboard', '/admin'] as const

/** Every HTTP route of the hub. Feature modules add theirs here. */
export const ROUTES: readonly Route[] = [...coreRoutes, ...adminRoutes, ...badgeRoutes, ...certificatePublicRoutes]

export function createHttpHandler(ctx: HubContext, staticDir: string, routes: readonly Route[] = ROUTES) {
  const serveStatic = createStaticPages(staticDir, PAGES)

  async function route(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://hub.invalid')
    const found = matchRoute(routes, req.method ?? 'GET', url.pathname)
    if (!found) {
      if (req.method === 'GET' && (await serveStatic(url.pathname, res, req.headers))) return
      return sendJson(res, 404, { ok: false, error: 'not_found' })
    }
    let principal = null
    if (found.route.roles !== 'public') {
      const address = req.socket.remoteAddress ?? '?'
      principal = ctx.store.credentials.authenticate(bearer(req))
      if (!principal) {
        await sleep(ctx.throttle.delayFor(address))
        ctx.throttle.failed(address)
        return sendJson(res, 401, { ok: false, error: 'unauthorized' })
      }
      ctx.throttle.succeeded(address)
      if (!found.route.roles.includes(principal.role)) return sendJson(res, 403, { ok: false, error: 'forbidden' })
    }
    await found.route.handle(ctx, { req, res, url, params: found.params, principal })
  }

  return (req: IncomingMessage, res: ServerResponse) => {
    route(req, res).catch((err: unknown) => {
      if (err instanceof BodyError) return sendJson(res, err.status, { ok: false, error: 'invalid_payload' })
      ctx.log.error(`http ${req.method} ${req.url?.split('?')[0]} failed: ${(err as Error).message}`)
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: 'internal' })
    })
  }
}
