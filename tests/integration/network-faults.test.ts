// Venue networks: a link that drops every few seconds, and a kiosk whose clock is wrong.
import diagnostics from 'node:diagnostics_channel'
import type { Socket } from 'node:net'
import { afterEach, expect, it, vi } from 'vitest'
import { startAgent, type AgentHandle } from '../../agent/agent.js'
import { createPairingCode } from '../../hub/kiosks/pairing.js'
import { startFlakyProxy } from '../helpers/flaky-proxy.js'
import { openKioskScreen } from '../helpers/kiosk-client.js'
import { tempDir } from '../helpers/temp-dir.js'
import { startTestHub } from '../helpers/test-hub.js'
import { startStack } from '../helpers/stack.js'
import { until } from '../helpers/until.js'

const cleanups: (() => Promise<unknown>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

async function setup(agentNow: () => Date, viaPort?: (hubPort: number) => Promise<number>) {
  const hubDir = await tempDir()
  const kioskDir = await tempDir()
  cleanups.push(hubDir.remove, kioskDir.remove)
  const hub = await startTestHub(hubDir.path)
  cleanups.push(() => hub.close())
  const port = viaPort ? await viaPort(hub.port) : hub.port
  const { code } = await createPairingCode(hub.store, 5)
  const agent: AgentHandle = await startAgent({
    dataDir: kioskDir.path,
    port: 0,
    hubUrl: `http://127.0.0.1:${port}`,
    pairingCode: code,
    deskId: 'desk-1',
    now: agentNow,
    ackTimeoutMs: 1000,
    log: () => {},
  })
  cleanups.push(() => agent.close())
  return { hub, agent }
}

it('a connection cut every 700 ms still delivers every check-in exactly once', async () => {
  let proxy: Awaited<ReturnType<typeof startFlakyProxy>> | null = null
  const { hub, agent } = await setup(
    () => new Date('2026-11-24T09:00:00+03:00'),
    async (hubPort) => {
      proxy = await startFlakyProxy(hubPort, 700)
      cleanups.push(() => proxy!.close())
      return proxy.port
    },
  )
  await until(() => agent.kiosk.registry, 10_000, 'registry through the flaky link')
  const screen = await openKioskScreen(agent)
  cleanups.push(async () => screen.disconnect())
  const ids: string[] = []
  for (let i = 0; i < 60; i++) {
    const r = await screen.scan({ attendeeId: `A${String((i % 10) + 1).padStart(4, '0')}`, method: 'search' })
    ids.push(r.recordId)
    await new Promise((res) => setTimeout(res, 30))
  }
  await until(() => agent.kiosk.records.outbox.size === 0, 30_000, 'outbox drained through the flaky link')
  expect(proxy!.cuts()).toBeGreaterThan(1)
  for (const id of ids) expect(hub.store.ledger.records.has(id)).toBe(true)
  expect(hub.store.ledger.records.size).toBe(60)
  expect(hub.store.ledger.days.get('d1')?.size).toBe(8) // ten people, two of them leaders not allowed on day 1
})

it('a kiosk clock ten minutes fast: the offset is measured and shown, and scans land on the right day', async () => {
  // the hub's clock says 23:50 on day 1; the kiosk's says 00:00 on day 2
  const hubNow = new Date('2026-11-24T23:50:00+03:00')
  const kioskNow = new Date(hubNow.getTime() + 10 * 60_000)
  const { hub, agent } = await setup(() => kioskNow)
  hub.clock.now = hubNow
  await until(() => agent.kiosk.registry && agent.kiosk.data.clockOffsetMs === 600_000, 10_000, 'offset measured')
  const screen = await openKioskScreen(agent)
  cleanups.push(async () => screen.disconnect())
  const r = await screen.scan({ attendeeId: 'A0001', method: 'search' })
  expect(r.day?.id).toBe('d1')
  await until(() => hub.store.ledger.records.has(r.recordId), 10_000, 'delivered')
  expect(hub.store.ledger.records.get(r.recordId)).toMatchObject({ dayId: 'd1', clockOffsetMs: 600_000, effectiveAt: hubNow.toISOString() })
  expect((await screen.state()).today?.id).toBe('d1')
  // the hub shows each kiosk's offset to the organisers
  const usher = await hub.client(hub.usherToken)
  await until(
    async () => {
      const res = await usher.emitWithAck('stats:get', {})
      return res.ok && res.kiosks.some((k) => k.clockOffsetMs === 600_000)
    },
    15_000,
    'offset in the kiosk list',
  )
})

it('the hub unreachable for two minutes: the kiosk keeps admitting, keeps trying, and delivers everything once it is back', async () => {
  // two minutes on fake timers: the link's retry timers are the test's, while the sockets stay
  // real. Installed before the kiosk starts, so its socket's timers are fake too. Date stays real:
  // engine.io-client reads it for ping expiry, and the kiosk has a clock of its own.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'], shouldAdvanceTime: true })
  cleanups.push(async () => void vi.useRealTimers()) // runs last: cleanups go in reverse
  const stack = await startStack()
  cleanups.push(() => stack.close())
  const refused = refusedConnections(stack.hub.port)
  cleanups.push(async () => refused.stop())
  const agent = await stack.addKiosk('desk-1', () => new Date('2026-11-24T09:00:00+03:00'))
  const screen = await openKioskScreen(agent)
  cleanups.push(async () => screen.disconnect())
  await stack.stopHub()
  const ids: string[] = []
  for (let i = 0; i < 60; i++) {
    if (i % 5 === 0) {
      // a scan every ten seconds
      const r = await screen.scan({ attendeeId: `A000${((i / 5) % 9) + 1}`, method: 'search' })
      expect(r.online).toBe(false)
      ids.push(r.recordId)
    }
    // two seconds a step, the link's longest backoff: each step sees one more attempt refused
    const before = refused.count()
    await vi.advanceTimersByTimeAsync(2000)
    await until(() => refused.count() > before, 10_000, `reconnect attempt ${before + 1}`)
  }
  expect(ids).toHaveLength(12)
  expect(agent.kiosk.records.outbox.size).toBe(ids.length)
  // two minutes of failed reconnects: the link has not given up
  expect(refused.count()).toBeGreaterThanOrEqual(60)
  await stack.restartHub()
  await vi.advanceTimersByTimeAsync(2000)
  await until(() => agent.kiosk.records.outbox.size === 0, 30_000, 'drained after the outage')
  for (const id of ids) expect(stack.hub.store.ledger.records.has(id)).toBe(true)
  expect(stack.hub.store.ledger.records.size).toBe(ids.length)
})

/** Counts this process's connections to `port` that were refused (nothing listening), as they happen. */
function refusedConnections(port: number) {
  let n = 0
  const onSocket = ({ socket }: { socket: Socket }) =>
    socket.once('error', (err: NodeJS.ErrnoException & { port?: number }) => {
      if (err.code === 'ECONNREFUSED' && err.port === port) n++
    })
  const channel = diagnostics.channel('net.client.socket')
  channel.subscribe(onSocket as (message: unknown) => void)
  return { count: () => n, stop: () => channel.unsubscribe(onSocket as (message: unknown) => void) }
}
