// PostgreSQL restarted five times under a stream of check-ins on two hubs (a kiosk on each):
// no hub ends (before, a pooled client whose connection dropped while checked out emitted an
// 'error' nobody listened to, and the process died), kiosks keep admitting offline meanwhile,
// the hubs reconnect by themselves, and every check-in a kiosk accepted is stored exactly once
// with dense seqs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHubCluster, scanStream, type HubCluster } from '../helpers/hub-cluster.js'
import { openKioskScreen } from '../helpers/kiosk-client.js'
import { healthy } from '../helpers/processes.js'
import { until } from '../helpers/until.js'

const RESTARTS = 5

let c: HubCluster
beforeAll(async () => {
  c = await startHubCluster(2)
}, 120_000)
afterAll(async () => c?.close())

describe('two hubs while PostgreSQL restarts', () => {
  it('stay up, reconnect by themselves and lose or double nothing', async () => {
    const agents = [await c.pairedKiosk('desk-1', c.hubs[0]), await c.pairedKiosk('desk-2', c.hubs[1])]
    const screens = await Promise.all(agents.map((a) => openKioskScreen(a)))
    const streams = screens.map((s, i) => scanStream(s, i * 450))
    const accepted = () => streams.flatMap((s) => s.accepted)
    const delivered = () => accepted().length - agents.reduce((n, a) => n + a.kiosk.records.outbox.size, 0)
    try {
      await until(() => streams.every((s) => s.accepted.length >= 30), 15_000, 'check-ins flowing')
      for (let i = 0; i < RESTARTS; i++) {
        await c.postgres.halt()
        const atHalt = accepted().length
        // the kiosks go on admitting while the database is away
        await until(() => accepted().length >= atHalt + 20, 10_000, 'kiosks admitting meanwhile')
        await c.postgres.resume()
        // the hubs store again without being restarted
        const atResume = delivered()
        await until(() => c.exits().length > 0 || delivered() >= atResume + 40, 30_000, `restart ${i + 1}: stored again`)
        expect(c.exits()).toEqual([])
      }
    } finally {
      for (const s of streams) await s.stop()
      for (const s of screens) s.disconnect()
    }
    await until(() => c.exits().length > 0 || agents.every((a) => a.kiosk.records.outbox.size === 0), 60_000, 'outboxes drained')
    expect(c.exits()).toEqual([])
    for (const h of c.hubs) expect(await healthy(`${h.url}/healthz`)).toBe(true)
    expect(await c.storedOnce(accepted())).toEqual({ stored: accepted().length, duplicated: 0, dense: true })
    await until(
      async () => {
        const [a, b] = [await c.stats(c.hubs[0]!.url), await c.stats(c.hubs[1]!.url)]
        return (
          a.stats.checkedIn === b.stats.checkedIn &&
          JSON.stringify({ ...a.stats, generatedAt: '' }) === JSON.stringify({ ...b.stats, generatedAt: '' })
        )
      },
      10_000,
      'the same figures on both hubs',
    )
  }, 240_000)
})
