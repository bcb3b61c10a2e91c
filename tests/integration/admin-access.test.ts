// Every admin route refuses callers without the right role. The test walks the exported
// table, so a route added later without a valid-request entry here fails this test.
import { describe, expect } from 'vitest'
import { adminRoutes } from '../../hub/admin/routes.js'
import { matchRoute, type Route } from '../../hub/server/routes.js'
import { submission } from '../helpers/submissions.js'
import { it } from '../helpers/hub-fixture.js'
import type { TestHub } from '../helpers/test-hub.js'

/** A concrete path for a route: named groups of a RegExp path become "x". */
function samplePath(route: Route): string {
  if (typeof route.path === 'string') return route.path
  return route.path.source
    .replace(/^\^/, '')
    .replace(/\$$/, '')
    .replace(/\(\?<\w+>[^)]*\)/g, 'x')
    .replace(/\\\//g, '/')
}
const keyOf = (route: Route) => `${route.method} ${samplePath(route)}`

const csv = Buffer.from('Registration ID,First name,Surname,Group\nNEW-1,Peter,Mbwana,ict\n').toString('base64')
/** a 1×1 PNG, the smallest logo */
const ONE_PIXEL_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='
const walkIn = { firstName: 'Musa', lastName: 'Hamisi', groupId: 'guests' }

interface Valid {
  path?: string
  body?: unknown
}

/** One request each route accepts from the admin. */
function validRequests(t: TestHub, ids: { revokeKiosk: string; revokeUsher: string; certified: string }): Record<string, () => Valid> {
  const { badgePublicKey: _key, ...event } = t.store.data.event
  return {
    'POST /api/admin/import/preview': () => ({ body: { fileName: 'list.csv', contentBase64: csv } }),
    'POST /api/admin/import/apply': () => ({ body: { fileName: 'list.csv', contentBase64: csv, mode: 'valid-rows' } }),
    'GET /api/admin/event': () => ({}),
    'PUT /api/admin/event': () => ({ body: { ...event, venue: 'JNICC, Dar es Salaam' } }),
    'POST /api/admin/walk-ins': () => ({ body: walkIn }),
    'GET /api/admin/kiosks': () => ({}),
    'POST /api/admin/kiosks/x/revoke': () => ({ path: `/api/admin/kiosks/${ids.revokeKiosk}/revoke` }),
    'GET /api/admin/exports/register.csv': () => ({ path: '/api/admin/exports/register.csv?day=d1&group=ict' }),
    'GET /api/admin/exports/register.pdf': () => ({ path: '/api/admin/exports/register.pdf?day=d1' }),
    'GET /api/admin/exports/checkins.csv': () => ({}),
    'GET /api/admin/exports/summary.pdf': () => ({}),
    'GET /api/admin/exports/register.xlsx': () => ({ path: '/api/admin/exports/register.xlsx?day=d1' }),
    'GET /api/admin/exports/checkins.xlsx': () => ({}),
    'GET /api/admin/exports/summary.xlsx': () => ({}),
    'GET /api/admin/exports/institutions': () => ({}),
    'GET /api/admin/import/template.xlsx': () => ({}),
    'GET /api/admin/certificates/settings': () => ({}),
    'PUT /api/admin/certificates/settings': () => ({
      body: { signatoryName: 'Eng. Asha Juma', signatoryTitle: 'Mkurugenzi Mkuu', organiser: 'e-GA', minDays: 1, verifyBaseUrl: '' },
    }),
    'PUT /api/admin/certificates/logo': () => ({ body: { contentBase64: ONE_PIXEL_PNG } }),
    'DELETE /api/admin/certificates/logo': () => ({}),
    'GET /api/admin/certificates/x\\.pdf': () => ({ path: `/api/admin/certificates/${ids.certified}.pdf` }),
    'GET /api/admin/certificates.pdf': () => ({}),
    'GET /api/admin/credentials': () => ({}),
    'POST /api/admin/credentials/admin': () => ({}),
    'POST /api/admin/credentials/ushers': () => ({ body: { label: 'Wall screen' } }),
    'POST /api/admin/credentials/x/revoke': () => ({ path: `/api/admin/credentials/${ids.revokeUsher}/revoke` }),
    'PUT /api/admin/kiosk-exit-pin': () => ({ body: { pin: '2468' } }),
  }
}

describe('admin routes: roles', () => {
  it('none → 401, usher → 403, kiosk → 403 (walk-ins: 200), admin → 2xx, for every route in the table', async ({ hub: t, api }) => {
    const kiosk = await t.pairKiosk('Desk kiosk')
    const victim = await t.pairKiosk('Kiosk to revoke')
    const usherRes = await api.call('POST', '/api/admin/credentials/ushers', { label: 'to revoke' }, t.adminToken)
    const revokeUsher = ((await usherRes.json()) as { usher: { id: string } }).usher.id
    // someone present, so a certificate can be made for them
    await t.store.submit(submission(kiosk.kioskId, { attendeeId: 'A0001', method: 'search' }))
    const valid = validRequests(t, { revokeKiosk: victim.kioskId, revokeUsher, certified: 'A0001' })

    expect(adminRoutes.length).toBeGreaterThanOrEqual(16)
    for (const route of adminRoutes) {
      expect(valid[keyOf(route)], `no valid request for ${keyOf(route)}: add one to this test`).toBeDefined()
      expect(matchRoute(adminRoutes, route.method, samplePath(route))?.route).toBe(route)
    }

    const revBefore = t.store.data.rev
    const attendeesBefore = t.store.data.attendees.length
    for (const route of adminRoutes) {
      const key = keyOf(route)
      const req = valid[key]!()
      const path = req.path ?? samplePath(route)
      expect((await api.call(route.method, path, req.body, null)).status, `${key} without a credential`).toBe(401)
      expect(
        (await api.call(route.method, path, req.body, 'kbx_not-a-real-credential-at-all')).status,
        `${key} with a wrong credential`,
      ).toBe(401)
      expect((await api.call(route.method, path, req.body, t.usherToken)).status, `${key} as usher`).toBe(403)
      if (key !== 'POST /api/admin/walk-ins')
        expect((await api.call(route.method, path, req.body, kiosk.token)).status, `${key} as kiosk`).toBe(403)
    }
    // nothing refused changed anything
    expect(t.store.data.rev).toBe(revBefore)
    expect(t.store.data.attendees.length).toBe(attendeesBefore)

    const asKiosk = await api.call('POST', '/api/admin/walk-ins', walkIn, kiosk.token)
    expect(asKiosk.status).toBe(200)

    let admin = t.adminToken
    for (const route of adminRoutes) {
      const key = keyOf(route)
      const req = valid[key]!()
      const res = await api.call(route.method, req.path ?? samplePath(route), req.body, admin)
      expect(
        res.status,
        `${key} as admin: ${res.status} ${res.headers.get('content-type')?.includes('json') ? await res.clone().text() : ''}`,
      ).toBeGreaterThanOrEqual(200)
      expect(res.status, key).toBeLessThan(300)
      if (key === 'POST /api/admin/credentials/admin') {
        const { token } = (await res.json()) as { token: string }
        expect((await api.call('GET', '/api/admin/event', undefined, admin)).status).toBe(401)
        admin = token
      } else await res.arrayBuffer()
    }
  })
})
