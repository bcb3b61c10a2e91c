// Guessing pairing codes: one budget of wrong guesses for the whole code space, spent before a
// code is looked at (so parallel guesses cannot outrun it), not cleared by a valid credential,
// shared by hubs through Redis, with a memory budget while Redis is away; failures are logged
// and listed for the admin page.
import { createClient } from 'redis'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { PairingGuard } from '../../hub/kiosks/pairing-guard.js'
import { startRedis, type Service } from '../helpers/services.js'
import { test } from '../helpers/hub-fixture.js'
import type { TestHub } from '../helpers/test-hub.js'

const LIMITS = { globalPerMinute: 12, perAddressPerMinute: 100 }

describe('pairing guesses on a hub', () => {
  let t: TestHub
  const logged: string[] = []
  test.beforeEach(({ hub }) => {
    t = hub
    // the test hub's own guard, with the per-address budget low enough to see
    t.hub.ctx.pairing = new PairingGuard({ limits: { globalPerMinute: 100, perAddressPerMinute: 10 } })
    t.hub.ctx.log = { info() {}, error: (m) => void logged.push(m) }
  })
  const guess = (code: string) => fetch(`${t.url}/api/pair`, { method: 'POST', body: JSON.stringify({ code, name: 'Guess' }) })

  test('40 guesses in parallel: only the budget is looked at, the rest refused unread; a valid credential clears nothing; failures listed for the admin', async () => {
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => guess(`ZZ${String(i).padStart(4, '0')}`)))
    const statuses = answers.map((a) => a.status)
    expect(statuses.filter((s) => s === 403).length).toBe(10)
    expect(statuses.filter((s) => s === 429).length).toBe(30)
    // an admin's valid credential from the same address does not give the guesser a new budget
    expect((await fetch(`${t.url}/api/stats`, { headers: { Authorization: `Bearer ${t.adminToken}` } })).status).toBe(200)
    expect((await guess('ZZ9999')).status).toBe(429)
    expect(logged.filter((l) => l.includes('pairing: wrong or used code from')).length).toBe(10)
    const listed = (await (
      await fetch(`${t.url}/api/admin/pairing-failures`, { headers: { Authorization: `Bearer ${t.adminToken}` } })
    ).json()) as { failures: { at: string; address: string }[]; limited: number }
    expect(listed.failures.length).toBe(10)
    expect(listed.failures[0]!.address).toMatch(/127\.0\.0\.1/)
    expect(listed.limited).toBe(31)
    expect((await fetch(`${t.url}/api/admin/pairing-failures`, { headers: { Authorization: `Bearer ${t.usherToken}` } })).status).toBe(403)
  })

  test('a right code is given its guess back', async () => {
    for (let i = 0; i < 9; i++) expect((await guess(`YY000${i}`)).status).toBe(403)
    const { code } = (await (
      await fetch(`${t.url}/api/pairing-codes`, { method: 'POST', headers: { Authorization: `Bearer ${t.adminToken}` } })
    ).json()) as { code: string }
    expect((await guess(code)).status).toBe(200)
    expect((await guess('YY0010')).status).toBe(403)
    expect((await guess('YY0011')).status).toBe(429)
  })
})

describe('one budget for the code space, shared through Redis', () => {
  let redis: Service
  beforeEach(async () => {
    redis = await startRedis()
  })
  afterEach(async () => {
    await redis.stop()
  })

  it('guesses from many addresses on two hubs spend one budget; with Redis away each hub keeps a memory budget', async () => {
    const clients = [
      createClient({ url: redis.url, disableOfflineQueue: true }),
      createClient({ url: redis.url, disableOfflineQueue: true }),
    ]
    for (const c of clients) {
      c.on('error', () => {})
      await c.connect()
    }
    try {
      const [a, b] = clients.map((redisClient) => new PairingGuard({ limits: LIMITS, redis: redisClient }))
      const taken: boolean[] = []
      for (let i = 0; i < 20; i++) taken.push(await (i % 2 ? a! : b!).take(`10.0.${i}.1`))
      expect(taken.filter(Boolean).length).toBe(LIMITS.globalPerMinute)
      // Redis gone: still bounded, by the memory budget of each hub
      await redis.halt()
      const alone = new PairingGuard({ limits: LIMITS, redis: clients[0] })
      const aloneTaken: boolean[] = []
      for (let i = 0; i < 20; i++) aloneTaken.push(await alone.take(`10.1.${i}.1`))
      expect(aloneTaken.filter(Boolean).length).toBe(LIMITS.globalPerMinute)
    } finally {
      for (const c of clients) await c.close().catch(() => c.destroy())
    }
  })
})
