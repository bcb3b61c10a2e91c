// Health, stats, pairing and the offline outbox import.
import { bearer, invalidPayload, readBody, sendJson } from '../../node-shared/http-util.js'
import { OUTBOX_MAX_BODY, OutboxFile, PairRequest } from '../../shared/http/core.js'
import { createPairingCode, pairKiosk } from '../kiosks/pairing.js'
import type { Route } from './routes.js'
import { statsFor } from '../pushes/dashboard-view.js'

export const coreRoutes: Route[] = [
  {
    method: 'GET',
    path: '/healthz',
    roles: 'public',
    // the check-in count only with a credential: how many have come is not for anyone on the Wi-Fi
    handle: (ctx, { req, res }) =>
      sendJson(res, 200, {
        ok: true,
        event: ctx.store.data.event.id,
        ...(ctx.store.credentials.authenticate(bearer(req)) ? { lastSeq: ctx.store.ledger.lastSeq } : {}),
      }),
  },
  {
    method: 'GET',
    path: '/api/stats',
    roles: ['usher', 'admin'],
    handle: (ctx, { res, url }) => sendJson(res, 200, { ok: true, ...statsFor(ctx, url.searchParams.get('day') ?? undefined) }),
  },
  {
    method: 'POST',
    path: '/api/pairing-codes',
    roles: ['admin'],
    handle: async (ctx, { res }) => sendJson(res, 200, { ok: true, ...(await createPairingCode(ctx.store, 30)) }),
  },
  {
    method: 'POST',
    path: '/api/pair',
    roles: 'public', // the pairing code is the credential
    async handle(ctx, { req, res }) {
      const request = await readBody(req, PairRequest)
      if (!request) return invalidPayload(res)
      const address = req.socket.remoteAddress ?? '?'
      // spent before the code is looked at, so guesses in parallel cannot outrun the budget
      if (!(await ctx.pairing.take(address))) return sendJson(res, 429, { ok: false, error: 'rate_limited' })
      const paired = await pairKiosk(ctx.store, request)
      if (!paired) {
        ctx.pairing.failed(address)
        ctx.log.error(`pairing: wrong or used code from ${address}`)
        return sendJson(res, 403, { ok: false, error: 'forbidden' })
      }
      await ctx.pairing.succeeded(address)
      ctx.log.info(`kiosk paired: ${paired.kioskId}`)
      ctx.kiosksChanged(true)
      // the kiosk keeps every hub's address, to move to the next when its hub is gone
      sendJson(res, 200, { ok: true, ...paired, hubs: ctx.hubUrls })
    },
  },
  {
    method: 'GET',
    path: '/api/admin/pairing-failures',
    roles: ['admin'],
    handle: (ctx, { res }) => sendJson(res, 200, { ok: true, failures: ctx.pairing.recent().slice(0, 20), limited: ctx.pairing.limited }),
  },
  {
    method: 'POST',
    path: '/api/checkins/import',
    roles: ['admin'],
    // a kiosk's unsent records carried on a USB stick: same path, same dedup, as the socket
    async handle(ctx, { req, res }) {
      const file = await readBody(req, OutboxFile, OUTBOX_MAX_BODY)
      if (!file) return invalidPayload(res)
      let added = 0
      for (const sub of file.submissions) {
        const result = await ctx.store.submit(sub)
        if (!result.duplicate) added++
      }
      sendJson(res, 200, { ok: true, added, duplicates: file.submissions.length - added })
    },
  },
]
