// The hub's edge: who may connect, what may be sent, and that bad input changes nothing.
import fc from 'fast-check'
import { beforeEach, describe, expect } from 'vitest'
import { test } from '../helpers/hub-fixture.js'
import { submission } from '../helpers/submissions.js'
import { STORE_KINDS } from '../helpers/store-kinds.js'
import type { HubClient, TestHub } from '../helpers/test-hub.js'

describe.each(STORE_KINDS)('%s store', (kind) => {
  const it = test.override({ hubStore: kind })
  let t: TestHub
  it.beforeEach(({ hub }) => void (t = hub))

  describe('authentication', () => {
    it('refuses sockets without a credential or with a wrong one at the handshake', async () => {
      await expect(t.client(undefined)).rejects.toThrow('unauthorized')
      await expect(t.client('kbk_not-a-real-token-at-all')).rejects.toThrow('unauthorized')
    })

    it('refuses a revoked kiosk', async () => {
      const k = await t.pairKiosk()
      const { revokeKiosk } = await import('../../hub/kiosks/pairing.js')
      await revokeKiosk(t.store, k.kioskId)
      await expect(t.client(k.token)).rejects.toThrow('unauthorized')
    })

    it('refuses browser sockets from another origin', async () => {
      await expect(t.client(t.usherToken, { extraHeaders: { Origin: 'http://evil.example' }, transports: ['polling'] })).rejects.toThrow()
      const ok = await t.client(t.usherToken, { extraHeaders: { Origin: t.url }, transports: ['polling'] })
      expect(ok.connected).toBe(true)
    })

    it('lets each role send only its own requests', async () => {
      const usher = await t.client(t.usherToken)
      const k = await t.pairKiosk()
      const sub = submission(k.kioskId, { attendeeId: 'A0001' })
      expect(await usher.emitWithAck('checkin:submit', sub)).toEqual({ ok: false, error: 'forbidden' })
      expect(await usher.emitWithAck('registry:pull', { since: 0 })).toEqual({ ok: false, error: 'forbidden' })
      const kiosk = await t.client(k.token)
      expect(await kiosk.emitWithAck('stats:get', {})).toEqual({ ok: false, error: 'forbidden' })
      expect(t.store.ledger.records.size).toBe(0)
    })

    it('gives kiosks the attendee list without e-mail addresses (they search by name, phone, institution)', async () => {
      const k = await t.pairKiosk()
      const kiosk = await t.client(k.token)
      const delta = await kiosk.emitWithAck('registry:pull', { since: 0 })
      if (!delta.ok) throw new Error('pull failed')
      expect(delta.attendees).toHaveLength(10)
      expect(delta.attendees.every((a) => a.email === undefined && a.phone)).toBe(true)
      expect(t.store.data.attendees[0]!.email).toBe('person1@ega.go.tz') // the hub keeps them
    })

    it('protects /api/stats and answers /healthz without credentials', async () => {
      expect((await fetch(`${t.url}/healthz`)).status).toBe(200)
      expect((await fetch(`${t.url}/api/stats`)).status).toBe(401)
      const k = await t.pairKiosk()
      expect((await fetch(`${t.url}/api/stats`, { headers: { Authorization: `Bearer ${k.token}` } })).status).toBe(403)
      expect((await fetch(`${t.url}/api/stats`, { headers: { Authorization: `Bearer ${t.adminToken}` } })).status).toBe(200)
    })

    it('pairing needs a valid unused code', async () => {
      const bad = await fetch(`${t.url}/api/pair`, { method: 'POST', body: JSON.stringify({ code: 'ZZZZZZ', name: 'x' }) })
      expect(bad.status).toBe(403)
      const created = await fetch(`${t.url}/api/pairing-codes`, { method: 'POST', headers: { Authorization: `Bearer ${t.adminToken}` } })
      const { code } = (await created.json()) as { code: string }
      const good = await fetch(`${t.url}/api/pair`, { method: 'POST', body: JSON.stringify({ code, name: 'Desk 1 kiosk' }) })
      expect(good.status).toBe(200)
      const again = await fetch(`${t.url}/api/pair`, { method: 'POST', body: JSON.stringify({ code, name: 'Desk 1 kiosk' }) })
      expect(again.status).toBe(403)
      expect(
        (await fetch(`${t.url}/api/pairing-codes`, { method: 'POST', headers: { Authorization: `Bearer ${t.usherToken}` } })).status,
      ).toBe(403)
    })
  })

  describe('malformed payloads', () => {
    let kiosk: HubClient
    let kioskId: string
    beforeEach(async () => {
      const k = await t.pairKiosk()
      kioskId = k.kioskId
      kiosk = await t.client(k.token)
    })

    it('wrong types, missing fields and megabyte strings get invalid_payload and change nothing', async () => {
      const before = await fetch(`${t.url}/healthz`).then((r) => r.json())
      const cases: unknown[] = [
        null,
        42,
        'checkin',
        [],
        {},
        { ...submission(kioskId, { attendeeId: 'A0001' }), kind: 'sideways' },
        { ...submission(kioskId, { attendeeId: 'A0001' }), scannedAt: 'yesterday' },
        { ...submission(kioskId, { attendeeId: 'A0001' }), id: undefined },
        { ...submission(kioskId, {}), code: 'x'.repeat(900_000) },
        { ...submission(kioskId, { attendeeId: 'A0001' }), deskId: { $gt: '' } },
      ]
      for (const c of cases) expect(await kiosk.emitWithAck('checkin:submit', c)).toEqual({ ok: false, error: 'invalid_payload' })
      expect(await kiosk.emitWithAck('checkin:submitBatch', [])).toEqual({ ok: false, error: 'invalid_payload' })
      expect(await kiosk.emitWithAck('registry:pull', { since: -1 })).toEqual({ ok: false, error: 'invalid_payload' })
      expect(t.store.ledger.records.size).toBe(0)
      expect(await fetch(`${t.url}/healthz`).then((r) => r.json())).toEqual(before)
    })

    it('random JSON on every request gets an error ack and the hub keeps serving', async () => {
      const events = ['checkin:submit', 'checkin:submitBatch', 'checkins:pull', 'registry:pull', 'kiosk:heartbeat'] as const
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...events), fc.jsonValue({ maxDepth: 3 }), async (event, value) => {
          const res = (await kiosk.emitWithAck(event as 'checkin:submit', value)) as { ok: boolean; error?: string }
          if (res.ok) expect(['checkins:pull', 'registry:pull', 'kiosk:heartbeat']).toContain(event)
          else expect(res.error).toBe('invalid_payload')
        }),
        { numRuns: 150 },
      )
      expect(t.store.ledger.records.size).toBe(0)
      expect((await kiosk.emitWithAck('checkin:submit', submission(kioskId, { attendeeId: 'A0001' }))).ok).toBe(true)
    })

    it('a message over the size cap closes only that connection', async () => {
      const closed = new Promise((r) => kiosk.once('disconnect', r))
      kiosk.emit('checkin:submit', { blob: 'x'.repeat(1_200_000) }, () => {})
      await closed
      const other = await t.client((await t.pairKiosk()).token)
      expect(other.connected).toBe(true)
      expect((await fetch(`${t.url}/healthz`)).status).toBe(200)
    })

    it('oversized or broken HTTP bodies get a clear error', async () => {
      expect((await fetch(`${t.url}/api/pair`, { method: 'POST', body: '{not json' })).status).toBe(400)
      expect((await fetch(`${t.url}/api/pair`, { method: 'POST', body: 'x'.repeat(100_000) })).status).toBe(413)
      expect((await fetch(`${t.url}/nope/../../etc/passwd`)).status).toBe(404)
    })
  })
})
