// Failed logins slow down: hub/auth/login-throttle.ts on its own (delays double per failure from an
// address, up to a cap, and clear on success or after ten quiet minutes), then through a real
// hub's socket handshake, timed.
import fc from 'fast-check'
import { io as connect } from 'socket.io-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHub, type Hub } from '../../hub/server/app.js'
import { LoginThrottle } from '../../hub/auth/login-throttle.js'
import { EmbeddedBackend } from '../../hub/store/embedded-backend.js'
import { EventStore } from '../../hub/store/event-store.js'
import { DAY1_MORNING, testEvent } from '../fixtures/event.js'
import { tempDir } from '../helpers/temp-dir.js'

const QUIET_MS = 10 * 60_000

describe('LoginThrottle', () => {
  it('no delay before a failure; then base, 2×, 4×… per failure, capped', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 1, max: 20_000 }),
        fc.integer({ min: 1, max: 40 }),
        (base, max, failures) => {
          const throttle = new LoginThrottle(base, max, () => 0)
          expect(throttle.delayFor('10.0.0.7')).toBe(0)
          const seen: number[] = []
          for (let i = 0; i < failures; i++) {
            throttle.failed('10.0.0.7')
            seen.push(throttle.delayFor('10.0.0.7'))
          }
          expect(seen).toEqual(seen.map((_, i) => Math.min(max, base * 2 ** i)))
          for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]!)
        },
      ),
    )
  })

  it('defaults: 250 ms after the first failure, doubling to 4 s', () => {
    const throttle = new LoginThrottle()
    const delays = Array.from({ length: 7 }, () => (throttle.failed('a'), throttle.delayFor('a')))
    expect(delays).toEqual([250, 500, 1000, 2000, 4000, 4000, 4000])
  })

  it('is per address, and a success clears only that address', () => {
    const throttle = new LoginThrottle(100, 1000, () => 0)
    for (let i = 0; i < 3; i++) throttle.failed('192.168.1.20')
    throttle.failed('192.168.1.21')
    expect(throttle.delayFor('192.168.1.20')).toBe(400)
    expect(throttle.delayFor('192.168.1.21')).toBe(100)
    expect(throttle.delayFor('192.168.1.22')).toBe(0)
    throttle.succeeded('192.168.1.20')
    expect(throttle.delayFor('192.168.1.20')).toBe(0)
    expect(throttle.delayFor('192.168.1.21')).toBe(100)
    throttle.failed('192.168.1.20') // starts again from the base
    expect(throttle.delayFor('192.168.1.20')).toBe(100)
  })

  it('forgets an address after ten quiet minutes, not before', () => {
    const clock = { now: 1_000_000 }
    const throttle = new LoginThrottle(100, 1000, () => clock.now)
    for (let i = 0; i < 4; i++) throttle.failed('a')
    clock.now += QUIET_MS
    expect(throttle.delayFor('a')).toBe(800)
    clock.now += 1
    expect(throttle.delayFor('a')).toBe(0)
    throttle.failed('a')
    expect(throttle.delayFor('a')).toBe(100)
  })

  // as the hub uses it: every failure is preceded by delayFor (it sleeps that long first)
  it('matches a model over any sequence of failures, successes and time passing', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('fail' as const), address: fc.constantFrom('a', 'b', 'c') }),
      fc.record({ kind: fc.constant('succeed' as const), address: fc.constantFrom('a', 'b', 'c') }),
      fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 2 * QUIET_MS }) }),
    )
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        let now = 0
        const throttle = new LoginThrottle(50, 3000, () => now)
        const model = new Map<string, { count: number; last: number }>()
        for (const o of ops) {
          if (o.kind === 'wait') now += o.ms
          else if (o.kind === 'succeed') {
            throttle.succeeded(o.address)
            model.delete(o.address)
          } else {
            throttle.delayFor(o.address)
            const m = model.get(o.address)
            // a failure after the quiet time starts from one again
            model.set(o.address, { count: m && now - m.last <= QUIET_MS ? m.count + 1 : 1, last: now })
            throttle.failed(o.address)
          }
          for (const address of ['a', 'b', 'c']) {
            const m = model.get(address)
            const expected = !m || now - m.last > QUIET_MS ? 0 : Math.min(3000, 50 * 2 ** (m.count - 1))
            expect(throttle.delayFor(address), `${address} after ${JSON.stringify(o)}`).toBe(expected)
          }
        }
      }),
      { numRuns: 300 },
    )
  })
})

describe('socket handshake through a real hub', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>
  let hub: Hub
  let url: string
  let adminToken: string

  beforeAll(async () => {
    dir = await tempDir()
    const { store, firstStart } = await EventStore.open({
      backend: new EmbeddedBackend(dir.path),
      now: () => DAY1_MORNING,
      seed: (key) => testEvent(key),
    })
    hub = createHub({ store, now: () => DAY1_MORNING, log: { info() {}, error() {} }, throttle: new LoginThrottle(200, 800) })
    url = `http://127.0.0.1:${(await hub.listen(0, '127.0.0.1')).port}`
    adminToken = firstStart!.adminToken
  })
  afterAll(async () => {
    await hub.close()
    await dir.remove()
  })

  /** Connects from `localAddress`; resolves with the outcome and how long the answer took. */
  const attempt = (token: string, localAddress = '127.0.0.1') =>
    new Promise<{ ok: boolean; error?: string; ms: number }>((resolve) => {
      const started = performance.now()
      const socket = connect(url, { auth: { token }, transports: ['websocket'], reconnection: false, localAddress } as never)
      socket.once('connect', () => (socket.disconnect(), resolve({ ok: true, ms: performance.now() - started })))
      socket.once('connect_error', (err) => resolve({ ok: false, error: err.message, ms: performance.now() - started }))
    })

  it('answers a wrong token more slowly after several failures from the same address; a right one clears it', async () => {
    const wrong = 'kba_wrong-token-for-the-throttle-test'
    const first = await attempt(wrong)
    expect(first).toMatchObject({ ok: false, error: 'unauthorized' })
    expect(first.ms).toBeLessThan(150)
    for (let i = 0; i < 3; i++) expect((await attempt(wrong)).error).toBe('unauthorized') // 200, 400, 800 ms
    const slowed = await attempt(wrong)
    expect(slowed).toMatchObject({ ok: false, error: 'unauthorized' })
    expect(slowed.ms).toBeGreaterThanOrEqual(750)
    expect(slowed.ms).toBeGreaterThan(first.ms + 600)

    // another address is not slowed by these failures
    const elsewhere = await attempt(wrong, '127.0.0.2')
    expect(elsewhere).toMatchObject({ ok: false, error: 'unauthorized' })
    expect(elsewhere.ms).toBeLessThan(150)

    expect((await attempt(adminToken)).ok).toBe(true)
    const after = await attempt(wrong)
    expect(after.error).toBe('unauthorized')
    expect(after.ms).toBeLessThan(150)
  })
})
