// GET /api/admin/kiosks (paired kiosks with live presence) and POST …/:id/revoke.
import { sendJson } from '../../common/http-util.js'
import type { HubContext } from '../context.js'
import { revokeKiosk } from '../pairing.js'
import type { Route } from '../routes.js'
import { ADMIN, hubOrigins, sendError } from './http.js'

/**
 * The socket server is not in the context. When the lead adds `kioskRevoked` (emit
 * 'kiosk:revoked' to the room `kiosk:<id>`, then disconnect its sockets), a revoked kiosk is
 * cut off at once; until then it is refused at its next handshake and request.
 */
type MaybeKioskRevoked = HubContext & { kioskRevoked?: (kioskId: string) => void }

export const kioskRoutes: Route[] = [
  {
    method: 'GET',
    path: '/api/admin/kiosks',
    roles: ADMIN,
    handle(ctx, { req, res }) {
      const records = new Map(ctx.store.data.kiosks.map((k) => [k.id, k]))
      const kiosks = ctx.presence.list(ctx.store.data.kiosks, ctx.now().getTime()).map((s) => ({ ...s, pairedAt: records.get(s.kioskId)?.pairedAt ?? null, revokedAt: records.get(s.kioskId)?.revokedAt ?? null }))
      sendJson(res, 200, { ok: true, kiosks, origins: hubOrigins(req) })
    },
  },
  {
    method: 'POST',
    path: /^\/api\/admin\/kiosks\/(?<id>[^/]+)\/revoke$/,
    roles: ADMIN,
    async handle(ctx, { res, params }) {
      const id = params.id ?? ''
      if (!(await revokeKiosk(ctx.store, id))) return sendError(res, 404, 'not_found', { sw: 'Hakuna kioski hai chenye kitambulisho hiki.', en: 'No active kiosk has this id.' })
      ;(ctx as MaybeKioskRevoked).kioskRevoked?.(id)
      ctx.kiosksChanged(true)
      ctx.log.info(`kiosk revoked: ${id}`)
      sendJson(res, 200, { ok: true })
    },
  },
]
