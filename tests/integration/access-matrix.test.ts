// Who may do what, walked from the tables: every socket request in EVENT_ROLES and every core
// and badge HTTP route in ROUTES (admin routes: admin-access.test.ts) × none, kiosk, usher,
// admin, revoked kiosk. A request or route added later without a sample here fails the test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Role } from '../../shared/domain.js'
import { EVENT_ROLES, type ClientToServerEvents } from '../../shared/protocol.js'
import { adminRoutes } from '../../hub/admin/routes.js'
import { badgeRoutes } from '../../hub/badges/routes.js'
import { certificatePublicRoutes } from '../../hub/certificates/routes.js'
import { coreRoutes } from '../../hub/server/core-routes.js'
import { ROUTES } from '../../hub/server/http.js'
import { createPairingCode, revokeKiosk } from '../../hub/kiosks/pairing.js'
import { matchRoute, type Route } from '../../hub/server/routes.js'
import { STORE_KINDS, useStoreLocations, type StoreLocation } from '../helpers/store-kinds.js'
import { submission } from '../helpers/submissions.js'
import { startTestHub, type TestHub } from '../helpers/test-hub.js'

type Event = keyof ClientToServerEvents
const FORBIDDEN = { ok: false, error: 'forbidden' }
const ROLES: Role[] = ['kiosk', 'usher', 'admin']

/** A request each event accepts from a role allowed to send it. */
const PAYLOADS: Record<Event, (kioskId: string) => unknown> = {
  'checkin:submit': (k) => submission(k, { attendeeId: 'A0001' }),
  'checkin:submitBatch': (k) => [submission(k, { attendeeId: 'A0002' })],
  'checkins:pull': () => ({ since: 0 }),
  'registry:pull': () => ({ since: 0 }),
  'clock:ping': () => ({ kioskTime: Date.now() }),
  'kiosk:heartbeat': () => ({ outboxDepth: 0, clockOffsetMs: 0 }),
  'stats:get': () => ({}),
}

/** A concrete path for a route: named groups of a RegExp path become "x". */
function samplePath(route: Route): string {
  if (typeof route.path === 'string') return route.path
  return route.path.source
    .replace(/^\^|\$$/g, '')
    .replace(/\(\?<\w+>[^)]*\)/g, 'x')
    .replace(/\\(.)/g, '$1')
}
const keyOf = (route: Route) => `${route.method} ${samplePath(route)}`

/** One request each core or badge route accepts from a listed role (or anyone, if public). */
const HTTP: Record<string, (t: TestHub) => Promise<{ path?: string; body?: unknown }> | { path?: string; body?: unknown }> = {
  'GET /healthz': () => ({}),
  'GET /api/stats': () => ({ path: '/api/stats?day=d1' }),
  'POST /api/pairing-codes': () => ({}),
  'POST /api/pair': async (t) => ({ body: { code: (await createPairingCode(t.store, 5)).code, name: 'Matrix kiosk' } }),
  'GET /api/admin/pairing-failures': () => ({}),
  'POST /api/checkins/import': () => ({ body: { kioskId: null, exportedAt: new Date().toISOString(), submissions: [] } }),
  'GET /api/badges/x.pdf': () => ({ path: '/api/badges/A0001.pdf' }),
  'POST /api/badges/x/reprint': () => ({ path: '/api/badges/A0002/reprint' }),
  'POST /api/badges/x/print': () => ({ path: '/api/badges/A0003/print', body: {} }),
  'POST /api/badges/x/desk-print': () => ({ path: '/api/badges/A0003/desk-print', body: { force: true } }),
  'POST /api/print-jobs/x/desk-result': () => ({ path: '/api/print-jobs/pj-000000000000/desk-result', body: { ok: true } }),
  'GET /api/print-jobs': () => ({}),
  'POST /api/print-jobs/x/resend': () => ({ path: '/api/print-jobs/pj-000000000000/resend', body: { printer: 'Karibu' } }),
  'GET /api/badges.pdf': () => ({ path: '/api/badges.pdf?group=leaders' }),
  'GET /api/desk-printers': () => ({}),
  'PUT /api/desk-printers/x': () => ({ path: '/api/desk-printers/desk-2', body: { printer: null, stock: 'cr80' } }),
  'GET /badge/x': () => ({ path: '/badge/A0001' }),
  'GET /badge-assets/x': () => ({ path: '/badge-assets/DejaVuSans.ttf' }),
  'GET /certificate/x': () => ({ path: '/certificate/not-a-real-code' }),
  'GET /certificate': () => ({ path: '/certificate?number=KRB-0001-0000-0000' }),
}

const location = useStoreLocations()

describe.each(STORE_KINDS)('%s store', (kind) => {
  let dir: StoreLocation
  let t: TestHub
  let tokens: Record<Role | 'revoked', string>
  let kioskId: string

  beforeAll(async () => {
    dir = await location(kind)
    t = await startTestHub(dir.where)
    const kiosk = await t.pairKiosk('Matrix kiosk')
    const revoked = await t.pairKiosk('Lost kiosk')
    await revokeKiosk(t.store, revoked.kioskId)
    kioskId = kiosk.kioskId
    tokens = { kiosk: kiosk.token, usher: t.usherToken, admin: t.adminToken, revoked: revoked.token }
  })
  afterAll(async () => {
    await t?.close()
    await dir?.remove()
  })

  it('sockets: none and a revoked kiosk are refused at the handshake', async () => {
    await expect(t.client(undefined)).rejects.toThrow('unauthorized')
    await expect(t.client(tokens.revoked)).rejects.toThrow('unauthorized')
    await expect(t.client('kbk_not-a-real-credential-at-all')).rejects.toThrow('unauthorized')
  })

  it.each(ROLES)('sockets: %s gets an answer to exactly the requests EVENT_ROLES lists for it', async (role) => {
    const socket = await t.client(tokens[role])
    // every request the hub listens to is in the table, and every one in the table has a sample
    const listened = t.hub.io.sockets.sockets
      .get(socket.id!)!
      .eventNames()
      .filter((e) => !['disconnect', 'disconnecting', 'error'].includes(String(e)))
    expect(new Set(listened)).toEqual(new Set(Object.keys(EVENT_ROLES)))
    expect(Object.keys(PAYLOADS).sort()).toEqual(Object.keys(EVENT_ROLES).sort())
    const before = t.store.ledger.records.size
    for (const event of Object.keys(EVENT_ROLES) as Event[]) {
      const res = await socket.emitWithAck(event as 'clock:ping', PAYLOADS[event](kioskId))
      if (EVENT_ROLES[event].includes(role)) {
        expect(res, `${event} as ${role}`).not.toEqual(FORBIDDEN)
        expect(res.ok, `${event} as ${role}: ${JSON.stringify(res).slice(0, 200)}`).toBe(true)
      } else expect(res, `${event} as ${role}`).toEqual(FORBIDDEN)
    }
    // only the kiosk may store check-ins: one submit, one batch of one
    expect(t.store.ledger.records.size - before).toBe(role === 'kiosk' ? 2 : 0)
    socket.disconnect()
  })

  it('HTTP: every core and badge route: none → 401 unless public, unlisted role → 403, listed role → neither', async () => {
    const covered = ROUTES.filter((r) => !adminRoutes.includes(r))
    expect(new Set(covered)).toEqual(new Set([...coreRoutes, ...badgeRoutes, ...certificatePublicRoutes]))
    for (const route of covered) {
      expect(HTTP[keyOf(route)], `no sample request for ${keyOf(route)}: add one to this test`).toBeDefined()
      const { path } = await HTTP[keyOf(route)]!(t)
      expect(matchRoute(ROUTES, route.method, path?.split('?')[0] ?? samplePath(route))?.route, keyOf(route)).toBe(route)
    }
    const call = async (route: Route, token: string | null) => {
      const req = await HTTP[keyOf(route)]!(t)
      const res = await fetch(`${t.url}${req.path ?? samplePath(route)}`, {
        method: route.method,
        headers: {
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
          ...(req.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        },
        body: req.body === undefined ? undefined : JSON.stringify(req.body),
      })
      await res.arrayBuffer()
      return res.status
    }
    // first every refusal, which must change nothing; then the allowed calls
    const rev = t.store.data.rev
    const records = t.store.ledger.records.size
    for (const route of covered) {
      if (route.roles === 'public') continue
      const key = keyOf(route)
      expect(await call(route, null), `${key} without a credential`).toBe(401)
      expect(await call(route, tokens.revoked), `${key} as a revoked kiosk`).toBe(401)
      for (const role of ROLES) if (!route.roles.includes(role)) expect(await call(route, tokens[role]), `${key} as ${role}`).toBe(403)
    }
    expect(t.store.data.rev).toBe(rev)
    expect(t.store.ledger.records.size).toBe(records)
    for (const route of covered) {
      const key = keyOf(route)
      // a public route checks no credential: the same answer whoever asks
      const allowed =
        route.roles === 'public'
          ? [null, tokens.revoked, ...ROLES.map((r) => tokens[r])]
          : ROLES.filter((r) => route.roles.includes(r)).map((r) => tokens[r])
      for (const token of allowed) {
        const status = await call(route, token)
        expect([401, 403], `${key}: ${status}`).not.toContain(status)
        if (route.roles === 'public') expect(status, key).toBeLessThan(300)
      }
    }
  })

  it('a browser WebSocket from a foreign origin is refused; from the hub’s own origin it is accepted', async () => {
    const foreign = [
      'http://evil.example',
      'null',
      `http://127.0.0.1:${t.port + 1}`,
      `http://127.0.0.1:${t.port}.evil.example`,
      `http://localhost:${t.port}`,
    ]
    for (const Origin of foreign) {
      await expect(t.client(t.usherToken, { transports: ['websocket'], extraHeaders: { Origin } }), Origin).rejects.toThrow()
    }
    const own = await t.client(t.usherToken, { transports: ['websocket'], extraHeaders: { Origin: t.url } })
    expect(own.connected).toBe(true)
    expect((await own.emitWithAck('stats:get', {})).ok).toBe(true)
    own.disconnect()
  })
})
