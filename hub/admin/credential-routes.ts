// The organiser's keys: change the admin credential, make and revoke usher credentials
// (read-only dashboards), and set the PIN that lets a desk officer leave kiosk mode.
import { hashPin } from '../../node-shared/pin.js'
import { invalidPayload, readBody, sendError, sendJson } from '../../node-shared/http-util.js'
import { PinRequest, UsherRequest } from '../../shared/http/credentials.js'
import { newCredential } from '../auth/credentials.js'
import { ADMIN, type Route } from '../server/routes.js'
import type { Credential } from '../store/registry-data.js'
import { hubOrigins } from '../server/hub-origins.js'

const usherView = (c: Credential) => ({
  id: c.id,
  label: c.label,
  createdAt: c.createdAt,
  revoked: !!c.revokedAt,
  revokedAt: c.revokedAt ?? null,
  token: c.revokedAt ? null : (c.token ?? null),
  path: c.token && !c.revokedAt ? `/dashboard#token=${c.token}` : null,
})

export const credentialRoutes: Route[] = [
  {
    method: 'GET',
    path: '/api/admin/credentials',
    roles: ADMIN,
    handle(ctx, { req, res }) {
      const ushers = ctx.store.data.credentials.filter((c) => c.role === 'usher').map(usherView)
      sendJson(res, 200, { ok: true, ushers, origins: hubOrigins(req), kioskExitPinSet: !!ctx.store.data.kioskExitPinHash })
    },
  },
  {
    method: 'POST',
    path: '/api/admin/credentials/admin',
    roles: ADMIN,
    // the new credential is shown once; every older admin credential stops working now
    async handle(ctx, { res }) {
      const at = ctx.store.now()
      const { credential, token } = newCredential('admin', 'Organiser', at)
      const revoked: string[] = []
      await ctx.store.updateRegistry((data) => {
        for (const c of data.credentials) {
          if (c.role !== 'admin' || c.revokedAt) continue
          c.revokedAt = at.toISOString()
          revoked.push(c.id)
        }
        data.credentials.push(credential)
      })
      ctx.credentialsRevoked(revoked)
      ctx.log.info('admin credential changed')
      sendJson(res, 200, { ok: true, id: credential.id, token })
    },
  },
  {
    method: 'POST',
    path: '/api/admin/credentials/ushers',
    roles: ADMIN,
    async handle(ctx, { req, res }) {
      const body = await readBody(req, UsherRequest)
      if (!body) return invalidPayload(res)
      const { credential } = newCredential('usher', body.label, ctx.store.now())
      await ctx.store.updateRegistry((data) => {
        data.credentials.push(credential)
      })
      sendJson(res, 200, { ok: true, usher: usherView(credential) })
    },
  },
  {
    method: 'POST',
    path: /^\/api\/admin\/credentials\/(?<id>[^/]+)\/revoke$/,
    roles: ADMIN,
    async handle(ctx, { res, params }) {
      const target = ctx.store.data.credentials.find((c) => c.id === params.id)
      if (!target || target.role !== 'usher')
        return sendError(res, 404, 'not_found', {
          sw: 'Hakuna ufunguo wa wahudumu wenye kitambulisho hiki.',
          en: 'No usher credential has this id.',
        })
      if (!target.revokedAt) {
        const at = ctx.store.now().toISOString()
        await ctx.store.updateRegistry((data) => {
          for (const c of data.credentials) if (c.id === target.id) c.revokedAt = at
        })
        ctx.credentialsRevoked([target.id])
      }
      sendJson(res, 200, { ok: true, usher: usherView(ctx.store.data.credentials.find((c) => c.id === target.id) ?? target) })
    },
  },
  {
    method: 'PUT',
    path: '/api/admin/kiosk-exit-pin',
    roles: ADMIN,
    async handle(ctx, { req, res }) {
      const body = await readBody(req, PinRequest)
      if (!body) return sendError(res, 400, 'invalid_payload', { sw: 'PIN iwe tarakimu 4 hadi 12.', en: 'The PIN must be 4 to 12 digits.' })
      const hash = hashPin(body.pin)
      // kiosks take the new PIN with the pull the store's change announcement sets off
      await ctx.store.updateRegistry((data) => {
        data.kioskExitPinHash = hash
      })
      sendJson(res, 200, { ok: true })
    },
  },
]
