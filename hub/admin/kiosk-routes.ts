// GET /api/admin/kiosks (paired kiosks with live presence) and POST …/:id/revoke.
import { sendError, sendJson } from '../../node-shared/http-util.js'
import { revokeKiosk } from '../kiosks/pairing.js'
import { ADMIN, type Route } from '../server/routes.js'
import { hubOrigins } from '../server/hub-origins.js'

export const kioskRoutes: Route[] = [
  {
    method: 'GET',
    path: '/api/admin/kiosks',
    roles: ADMIN,
    handle(ctx, { req, res }) {
      const records = new Map(ctx.store.data.kiosks.map((k) => [k.id, k]))
      const kiosks = ctx.presence
        .list(ctx.store.data.kiosks, ctx.now().getTime())
        .map((s) => ({ ...s, pairedAt: records.get(s.kioskId)?.pairedAt ?? null, revokedAt: records.get(s.kioskId)?.revokedAt ?? null }))
      sendJson(res, 200, { ok: true, kiosks, origins: hubOrigins(req) })
    },
  },
  {
    method: 'POST',
    path: /^\/api\/admin\/kiosks\/(?<id>[^/]+)\/revoke$/,
    roles: ADMIN,
    async handle(ctx, { res, params }) {
      const id = params.id ?? ''
      if (!(await revokeKiosk(ctx.store, id)))
        return sendError(res, 404, 'not_found', { sw: 'Hakuna kioski hai chenye kitambulisho hiki.', en: 'No active kiosk has this id.' })
      ctx.kioskRevoked(id)
      ctx.kiosksChanged(true)
      ctx.log.info(`kiosk revoked: ${id}`)
      sendJson(res, 200, { ok: true })
    },
  },
]
