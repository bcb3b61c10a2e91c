// Redis stopped for 20 s under a stream of check-ins, two hubs on PostgreSQL: neither hub ends
// (before, the presence a kiosk heartbeat published was queued, timed out after 5 s and its
// unhandled rejection ended the process); check-ins go on through PostgreSQL and reach the
// other hub's dashboard by NOTIFY; a kiosk revoked on hub B while it is connected to hub A is
// cut off through the database; the kiosk list says it is this hub's view only; all of it
// comes back when Redis does, and every check-in the kiosk accepted is stored exactly once.
import { io } from 'socket.io-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DashboardUpdate } from '../../shared/protocol.js'
import { startHubCluster, scanStream, type HubCluster } from '../helpers/hub-cluster.js'
import { openKioskScreen } from '../helpers/kiosk-client.js'
import { healthy } from '../helpers/processes.js'
import { until } from '../helpers/until.js'

/** Longer than Redis' 5 s command timeout plus a kiosk's 10 s heartbeat: what used to end the hubs. */
const OUTAGE_MS = 20_000

let c: HubCluster
beforeAll(async () => {
  c = await startHubCluster(2)
}, 120_000)
afterAll(async () => c?.close())

describe('two hubs while Redis is away', () => {
  it('keep taking check-ins, keep dashboards counting, still cut off a revoked kiosk, and resume', async () => {
    const [A, B] = c.hubs as [(typeof c.hubs)[0], (typeof c.hubs)[0]]
    const agent = await c.pairedKiosk('desk-1')
    const doomed = await c.pairedKiosk('desk-2')
    const kioskId = agent.kiosk.data.pairing!.kioskId
    const doomedId = doomed.kiosk.data.pairing!.kioskId
    const dashboard = io(B.url, { auth: { token: c.usherToken }, transports: ['websocket'] })
    const pushed: DashboardUpdate[] = []
    dashboard.on('stats:changed', (v) => pushed.push(v))
    const screen = await openKioskScreen(agent)
    const stream = scanStream(screen)
    try {
      await until(() => dashboard.connected && stream.accepted.length >= 30, 15_000, 'check-ins flowing, dashboard on hub B')
      await until(
        async () => (await c.stats(B.url)).kiosks.find((k) => k.kioskId === kioskId)?.online,
        15_000,
        'kiosk on A listed online on B',
      )

      await c.redis.halt()
      const haltedAt = Date.now()
      // both hubs say their kiosk list is their own view only
      for (const h of [A, B])
        await until(async () => (await c.stats(h.url)).kiosks.every((k) => k.presenceLocalOnly), 15_000, `hub ${h.name} flags presence`)

      // revoked on B, connected to A: the cut-off travels through PostgreSQL
      const revoke = await fetch(`${B.url}/api/admin/kiosks/${doomedId}/revoke`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${c.adminToken}` },
      })
      expect(revoke.status).toBe(200)
      await until(
        () => doomed.link()?.revoked && !doomed.kiosk.registry && !doomed.kiosk.data.pairing,
        15_000,
        'revoked kiosk cut off without Redis',
      )

      // hub B's dashboard keeps counting what the kiosk on A stores
      const countedAt = pushed.at(-1)?.stats.checkedIn ?? 0
      await until(() => (pushed.at(-1)?.stats.checkedIn ?? 0) >= countedAt + 20, 20_000, 'dashboard on B counting during the outage')

      // the outage lasts long enough for queued presence to time out, as it used to
      await until(() => c.exits().length > 0 || Date.now() - haltedAt >= OUTAGE_MS, OUTAGE_MS + 5_000, 'outage held')
      expect(c.exits()).toEqual([])
      for (const h of [A, B]) expect(await healthy(`${h.url}/healthz`)).toBe(true)
      const during = stream.accepted.length

      await c.redis.resume()
      // presence is heard again: the flag goes and B lists the kiosk on A online again
      await until(
        async () => {
          const k = (await c.stats(B.url)).kiosks.find((x) => x.kioskId === kioskId)
          return k && !k.presenceLocalOnly && k.online
        },
        20_000,
        'presence back on B',
      )
      await until(() => stream.accepted.length >= during + 30, 15_000, 'check-ins after Redis came back')
    } finally {
      await stream.stop()
      screen.disconnect()
      dashboard.disconnect()
    }
    await until(() => agent.kiosk.records.outbox.size === 0, 30_000, 'outbox drained')
    expect(c.exits()).toEqual([])
    expect(await c.storedOnce(stream.accepted)).toEqual({ stored: stream.accepted.length, duplicated: 0, dense: true })
    const [a, b] = [await c.stats(A.url), await c.stats(B.url)]
    expect({ ...b.stats, generatedAt: '' }).toEqual({ ...a.stats, generatedAt: '' })
  }, 150_000)
})
