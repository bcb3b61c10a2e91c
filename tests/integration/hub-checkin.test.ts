// The hub's check-in rules, end to end through a real Socket.IO connection and a real store.
import { describe, expect } from 'vitest'
import type { StoreChange } from '../../hub/store/store-changes.js'
import type { LedgerEntry } from '../../shared/ledger.js'
import type { DashboardUpdate } from '../../shared/protocol.js'
import { at } from '../fixtures/event.js'
import { submission } from '../helpers/submissions.js'
import { test } from '../helpers/hub-fixture.js'
import { STORE_KINDS } from '../helpers/store-kinds.js'
import type { HubClient, TestHub } from '../helpers/test-hub.js'
import { until } from '../helpers/until.js'

describe.each(STORE_KINDS)('%s store', (kind) => {
  const it = test.override({ hubStore: kind })
  let t: TestHub
  let kiosk: HubClient
  let kioskId: string

  it.beforeEach(({ hub, kiosk: paired }) => {
    t = hub
    kioskId = paired.kioskId
    kiosk = paired.socket
  })

  const code = (seq: number, version = 1) => t.store.signBadge({ attendeeSeq: seq, badgeVersion: version })
  const submit = (fields: Parameters<typeof submission>[1]) => kiosk.emitWithAck('checkin:submit', submission(kioskId, fields))

  describe('check-in outcomes', () => {
    it('admits a valid badge on an allowed day', async () => {
      const res = await submit({ code: code(1) })
      expect(res).toMatchObject({
        ok: true,
        duplicate: false,
        record: { outcome: 'admitted', attendeeId: 'A0001', dayId: 'd1', badgeVersion: 1, hallId: 'plenary' },
      })
    })

    it('says already checked in, with the first time and desk', async () => {
      await submit({ code: code(2), deskId: 'desk-2', scannedAt: at('08:01') })
      const res = await submit({ code: code(2), deskId: 'desk-1', scannedAt: at('08:30') })
      expect(res).toMatchObject({
        ok: true,
        record: { outcome: 'already_checked_in', first: { deskId: 'desk-2', at: new Date(at('08:01')).toISOString() } },
      })
    })

    it('refuses a wrong day, and the record names the day', async () => {
      const res = await submit({ code: code(3) }) // Rehema is a leader: day 3 only
      expect(res).toMatchObject({ ok: true, record: { outcome: 'wrong_day', attendeeId: 'A0003', dayId: 'd1' } })
    })

    it('refuses a revoked (older) badge version', async () => {
      await t.store.updateRegistry((data, rev) => {
        const a = data.attendees.find((x) => x.id === 'A0004')!
        a.badgeVersion = 2
        a.rev = rev
      })
      expect(await submit({ code: code(4, 1) })).toMatchObject({ ok: true, record: { outcome: 'revoked', attendeeId: 'A0004' } })
      expect(await submit({ code: code(4, 2) })).toMatchObject({ ok: true, record: { outcome: 'admitted' } })
    })

    it('refuses unknown, garbled, tampered and other-event codes, each with its own outcome', async () => {
      expect(await submit({ code: code(999) })).toMatchObject({ record: { outcome: 'unknown', attendeeId: null } })
      expect(await submit({ code: 'hello-world' })).toMatchObject({ record: { outcome: 'invalid' } })
      const good = code(1)
      const tampered = good.slice(0, 10) + (good[10] === 'A' ? 'B' : 'A') + good.slice(11)
      expect(await submit({ code: tampered })).toMatchObject({ record: { outcome: 'invalid' } })
      const { createBadgeSigner, generateBadgeKeys } = await import('../../node-shared/badge-crypto.js')
      let other = generateBadgeKeys()
      while (other.publicKey.slice(0, 3) === t.store.data.event.badgePublicKey.slice(0, 3)) other = generateBadgeKeys()
      const foreign = createBadgeSigner(other.privateKeyPem)({ attendeeSeq: 1, badgeVersion: 1 })
      expect(await submit({ code: foreign })).toMatchObject({ record: { outcome: 'other_event' } })
      expect(t.store.ledger.days.get('d1')?.size ?? 0).toBe(0)
    })

    it('says no event today outside the event days', async () => {
      expect(await submit({ code: code(1), scannedAt: '2026-12-01T09:00:00+03:00' })).toMatchObject({
        record: { outcome: 'no_event_today', dayId: null },
      })
    })

    it('checks in by attendee id (search) and records exits, then re-entry', async () => {
      expect(await submit({ attendeeId: 'A0006', method: 'search' })).toMatchObject({ record: { outcome: 'admitted' } })
      expect(await submit({ attendeeId: 'A0006', kind: 'out', scannedAt: at('10:00') })).toMatchObject({ record: { outcome: 'exited' } })
      expect(await submit({ attendeeId: 'A0006', scannedAt: at('10:30') })).toMatchObject({ record: { outcome: 'readmitted' } })
      expect(await submit({ attendeeId: 'nobody', method: 'search' })).toMatchObject({ record: { outcome: 'unknown' } })
    })

    it('places a scan on the day of the hub clock, correcting the kiosk clock offset', async () => {
      // the kiosk clock is 10 minutes fast: 00:05 on its clock is 23:55 the day before on the hub
      const res = await submit({ code: code(1), scannedAt: '2026-11-25T00:05:00+03:00', clockOffsetMs: 10 * 60_000 })
      expect(res).toMatchObject({ record: { dayId: 'd1', effectiveAt: new Date('2026-11-24T23:55:00+03:00').toISOString() } })
    })
  })

  describe('idempotency', () => {
    it('the same id twice gives one record and the same answer', async () => {
      const sub = submission(kioskId, { code: code(7) })
      const first = await kiosk.emitWithAck('checkin:submit', sub)
      const again = await kiosk.emitWithAck('checkin:submit', { ...sub, code: code(8) })
      expect(again).toMatchObject({ ok: true, duplicate: true })
      expect(first.ok && again.ok && again.record).toEqual(first.ok && first.record)
      expect(t.store.ledger.records.size).toBe(1)
      const both = await Promise.all([
        kiosk.emitWithAck('checkin:submit', submission(kioskId, { id: 'same-id-twice', code: code(9) })),
        kiosk.emitWithAck('checkin:submit', submission(kioskId, { id: 'same-id-twice', code: code(9) })),
      ])
      expect(both.map((b) => b.ok && b.duplicate).sort()).toEqual([false, true])
      expect(t.store.ledger.records.size).toBe(2)
    })

    it('a batch with repeats stores each id once', async () => {
      const a = submission(kioskId, { code: code(1) })
      const b = submission(kioskId, { code: code(2) })
      const res = await kiosk.emitWithAck('checkin:submitBatch', [a, b, a])
      expect(res).toMatchObject({ ok: true })
      expect(res.ok && res.results.map((r) => r.duplicate)).toEqual([false, false, true])
      expect(t.store.ledger.records.size).toBe(2)
    })

    it('a kiosk cannot submit in another kiosk’s name', async () => {
      const res = await kiosk.emitWithAck('checkin:submit', submission('kiosk-someone-else', { code: code(1) }))
      expect(res).toEqual({ ok: false, error: 'forbidden' })
      expect(t.store.ledger.records.size).toBe(0)
    })
  })

  describe('reviews', () => {
    it('a kiosk that admitted an old badge offline is believed (the person is in) and the case is flagged for review', async () => {
      await t.store.updateRegistry((data, rev) => {
        const a = data.attendees.find((x) => x.id === 'A0004')!
        a.badgeVersion = 2 // reprinted at the help desk; this kiosk had not heard yet
        a.rev = rev
      })
      const res = await submit({ code: code(4, 1), localOutcome: 'admitted' })
      expect(res).toMatchObject({ ok: true, record: { outcome: 'admitted', hubOutcome: 'revoked', review: 'hub_refused' } })
      // a kiosk's offline refusal is not second-guessed the other way
      expect(await submit({ code: code(3), localOutcome: 'wrong_day' })).toMatchObject({ ok: true, record: { outcome: 'wrong_day' } })
      const usher = await t.client(t.usherToken)
      const stats = await usher.emitWithAck('stats:get', { dayId: 'd1' })
      if (!stats.ok) throw new Error(stats.error)
      expect(stats.stats.checkedIn).toBe(1)
      expect(stats.stats.reviews).toEqual([expect.objectContaining({ kind: 'hub_refused', hubOutcome: 'revoked', attendeeId: 'A0004' })])
    })
  })

  describe('stats', () => {
    it('counts unique attendees per day and per group, equal to a recount', async () => {
      await submit({ code: code(1) })
      await submit({ code: code(1), deskId: 'desk-2' })
      await submit({ code: code(2) })
      await submit({ code: code(5), deskId: 'expo-door' })
      const usher = await t.client(t.usherToken)
      const res = await usher.emitWithAck('stats:get', { dayId: 'd1' })
      if (!res.ok) throw new Error(res.error)
      expect(res.stats.checkedIn).toBe(3)
      expect(res.stats.expected).toBe(8) // everyone but the two leaders
      expect(res.stats.groups.find((g) => g.key === 'ict')).toEqual({ key: 'ict', checkedIn: 2, expected: 6 })
      expect(res.stats.halls).toEqual([
        { hallId: 'plenary', inside: 2, capacity: 10, level: 'ok' },
        { hallId: 'expo', inside: 1, capacity: 3, level: 'ok' },
      ])
      expect(res.stats.vipArrivals.map((v) => v.attendeeId)).toEqual(['A0005'])
      const http = await fetch(`${t.url}/api/stats?day=d1`, { headers: { Authorization: `Bearer ${t.usherToken}` } })
      expect(((await http.json()) as { stats: { checkedIn: number } }).stats.checkedIn).toBe(3)
    })
  })

  describe('pushes', () => {
    it('kiosks hear of records that move nobody as stubs; dashboards get the kiosk list only when it changed', async () => {
      const usher = await t.client(t.usherToken)
      const pushes: DashboardUpdate[] = []
      usher.on('stats:changed', (u) => pushes.push(u))
      const paired = await t.pairKiosk('Desk 2 kiosk')
      const other = await t.client(paired.token)
      const heard: LedgerEntry[] = []
      other.on('checkins:recorded', (records) => heard.push(...records))
      // the push for the kiosk that just connected: after it, the list is news no more
      await until(() => pushes.some((p) => p.kiosks?.some((k) => k.kioskId === paired.kioskId && k.online)), 5000, 'desk 2 online pushed')
      pushes.length = 0
      await submit({ code: code(1) }) // admitted: moves someone
      await submit({ code: code(1), deskId: 'desk-2' }) // already checked in: moves nobody
      await submit({ code: 'garbled' }) // invalid: moves nobody
      await until(() => heard.length === 3, 5000, 'three records heard')
      expect(heard.map((r) => Object.keys(r).length > 2)).toEqual([true, false, false])
      expect(heard[1]).toEqual({ id: expect.any(String), seq: 2 })
      await until(() => pushes.some((p) => p.stats.checkedIn === 1), 5000, 'figures pushed')
      expect(pushes.every((p) => p.kiosks === undefined && p.event === undefined)).toBe(true)
      // a kiosk leaving is news at once
      other.disconnect()
      await until(() => pushes.some((p) => p.kiosks?.some((k) => !k.online)), 5000, 'kiosk list pushed')
      // a heartbeat's news (its outbox) follows within the second, with no check-in to carry it
      expect(await kiosk.emitWithAck('kiosk:heartbeat', { outboxDepth: 7, clockOffsetMs: 0 })).toEqual({ ok: true })
      await until(
        () => pushes.some((p) => p.kiosks?.some((k) => k.kioskId === kioskId && k.outboxDepth === 7)),
        3000,
        'heartbeat news pushed',
      )
    })
  })

  // the store announces what it stores, so a route that writes need not (and cannot forget to) tell anyone
  describe('the change stream', () => {
    it('announces a new check-in once, a duplicate delivery not at all, and a registry write with its rev', async () => {
      const changes: StoreChange[] = []
      const unsubscribe = t.store.changes.subscribe((c) => changes.push(c))
      const sub = submission(kioskId, { code: code(1) })
      const first = await t.store.submit(sub)
      expect(changes).toEqual([{ kind: 'checkins', records: [first.record] }])
      expect((await t.store.submit(sub)).duplicate).toBe(true)
      expect(changes).toHaveLength(1)
      const rev = await t.store.updateRegistry((data) => {
        data.event = { ...data.event }
      })
      expect(changes[1]).toEqual({ kind: 'registry', rev })
      unsubscribe()
      await t.store.submit(submission(kioskId, { code: code(2) }))
      expect(changes).toHaveLength(2)
    })

    it('a route that makes no call of its own still reaches kiosks and dashboards', async () => {
      const usher = await t.client(t.usherToken)
      const revs: number[] = []
      const pushes: DashboardUpdate[] = []
      kiosk.on('registry:changed', ({ rev }) => revs.push(rev))
      usher.on('stats:changed', (u) => pushes.push(u))
      // a check-in's push first, so nothing pushed before the write is still on its way
      expect(await submit({ code: code(1) })).toMatchObject({ ok: true })
      await until(() => pushes.some((p) => p.stats.lastSeq === t.store.ledger.lastSeq), 5000, 'the check-in pushed')
      pushes.length = 0
      // making an usher credential tells nobody by hand
      const res = await fetch(`${t.url}/api/admin/credentials/ushers`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${t.adminToken}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ label: 'Mlango wa pili' }),
      })
      expect(res.status).toBe(200)
      const rev = t.store.data.rev
      await until(() => revs.includes(rev), 5000, 'registry:changed')
      // dashboards are pushed again, with the event the new revision holds
      await until(() => pushes.some((p) => p.event !== undefined), 5000, 'stats:changed with the event')
    })
  })
})
