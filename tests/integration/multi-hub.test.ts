// Several hubs on one PostgreSQL and one Redis (both real, from Debian's packages), each hub a
// real `npm start` process. A kiosk on hub A and a dashboard on hub B see the same figures;
// hub A killed with SIGKILL during a stream of check-ins → the kiosk moves to hub B, and every
// check-in it reported as accepted is stored exactly once.
import pg from 'pg'
import { io } from 'socket.io-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startAgent, type AgentHandle } from '../../agent/agent.js'
import type { DashboardUpdate, DashboardView } from '../../shared/protocol.js'
import { openKioskScreen } from '../helpers/kiosk-client.js'
import { freePort, healthy, runTs, type Child } from '../helpers/processes.js'
import { createDatabase, startPostgres, startRedis, type Service } from '../helpers/services.js'
import { tempDir } from '../helpers/temp-dir.js'
import { until } from '../helpers/until.js'

let postgres: Service
let redis: Service
let databaseUrl: string
const hubs: { name: string; url: string; port: number; child: Child | null }[] = []
let adminToken: string
let usherToken: string
const cleanups: (() => Promise<unknown>)[] = []

async function startHub(h: (typeof hubs)[number]) {
  h.child = runTs('hub/main.ts', [], {
    PORT: String(h.port),
    HOST: '127.0.0.1',
    KARIBU_DATABASE_URL: databaseUrl,
    KARIBU_REDIS_URL: redis.url,
    KARIBU_HUB_URLS: hubs.map((x) => x.url).join(','),
  })
  await until(() => healthy(`${h.url}/healthz`), 30_000, `${h.name} up (${h.child.output()})`)
  await until(() => h.child!.output().includes('pairing code'), 10_000, `${h.name} banner`)
}

const stats = async (hubUrl: string): Promise<DashboardView> => {
  const res = await fetch(`${hubUrl}/api/stats`, { headers: { Authorization: `Bearer ${usherToken}` } })
  return (await res.json()) as DashboardView
}

beforeAll(async () => {
  ;[postgres, redis] = await Promise.all([startPostgres(), startRedis()])
  databaseUrl = await createDatabase(postgres.url)
  for (const name of ['A', 'B']) {
    const port = await freePort()
    hubs.push({ name, port, url: `http://127.0.0.1:${port}`, child: null })
  }
  // A starts first and seeds the event in the database; B finds it there
  await startHub(hubs[0]!)
  adminToken = /\s(kba_[A-Za-z0-9_-]+)/.exec(hubs[0]!.child!.output())![1]!
  usherToken = /Usher credential: (kbu_[A-Za-z0-9_-]+)/.exec(hubs[0]!.child!.output())![1]!
  await startHub(hubs[1]!)
  expect(hubs[1]!.child!.output()).not.toContain('kba_') // B did not seed a second event
}, 90_000)

afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => undefined)
  for (const h of hubs) await h.child?.stop()
  await postgres?.stop()
  await redis?.stop()
})

async function pairedKiosk(deskId: string): Promise<AgentHandle> {
  const dir = await tempDir('karibu-multi-kiosk-')
  // the code is made on hub A and taken on hub A: the kiosk learns both addresses at pairing
  const res = await fetch(`${hubs[0]!.url}/api/pairing-codes`, { method: 'POST', headers: { Authorization: `Bearer ${adminToken}` } })
  const { code } = (await res.json()) as { code: string }
  const agent = await startAgent({
    dataDir: dir.path,
    port: 0,
    hubUrl: hubs[0]!.url,
    pairingCode: code,
    kioskName: deskId,
    deskId,
    ackTimeoutMs: 2000,
    log: () => {},
  })
  cleanups.push(async () => {
    await agent.close()
    await dir.remove()
  })
  await until(() => agent.kiosk.online && agent.kiosk.registry, 15_000, 'kiosk synced')
  return agent
}

describe('two hubs on PostgreSQL and Redis', () => {
  it('a kiosk on hub A and a dashboard on hub B see the same figures, live', async () => {
    const agent = await pairedKiosk('desk-1')
    expect(agent.kiosk.data.pairing?.hubUrls).toEqual(hubs.map((h) => h.url))
    const dashboard = io(hubs[1]!.url, { auth: { token: usherToken }, transports: ['websocket'], reconnection: false })
    cleanups.push(async () => dashboard.disconnect())
    const pushed: DashboardUpdate[] = []
    dashboard.on('stats:changed', (v) => pushed.push(v))
    await until(() => dashboard.connected, 10_000, 'dashboard on hub B')
    const before = (await stats(hubs[1]!.url)).stats.checkedIn

    const screen = await openKioskScreen(agent)
    cleanups.push(async () => screen.disconnect())
    for (const id of ['A0001', 'A0002', 'A0003']) expect((await screen.scan({ attendeeId: id, method: 'search' })).outcome).toBe('admitted')

    // hub B pushes the new figures to its dashboard without being asked
    await until(() => pushed.some((v) => v.stats.checkedIn === before + 3), 10_000, 'stats:changed on hub B')
    const [a, b] = [await stats(hubs[0]!.url), await stats(hubs[1]!.url)]
    expect({ ...b.stats, generatedAt: '' }).toEqual({ ...a.stats, generatedAt: '' })
    // hub B lists the kiosk connected to hub A as online (heard through Redis)
    const kioskId = agent.kiosk.data.pairing!.kioskId
    await until(async () => (await stats(hubs[1]!.url)).kiosks.find((k) => k.kioskId === kioskId)?.online, 15_000, 'kiosk online on hub B')
  }, 60_000)

  it('hub A killed with SIGKILL mid-stream: the kiosk moves to hub B and every accepted check-in is stored exactly once', async () => {
    const agent = await pairedKiosk('desk-2')
    const screen = await openKioskScreen(agent)
    cleanups.push(async () => screen.disconnect())
    const accepted: string[] = []
    let stop = false
    let n = 0
    const streaming = (async () => {
      while (!stop) {
        const id = `A${String((n++ % 900) + 10).padStart(4, '0')}`
        const r = await screen.scan({ attendeeId: id, method: 'search' }).catch(() => null)
        if (r) accepted.push(r.recordId)
        await new Promise((res) => setTimeout(res, 15))
      }
    })()
    await until(() => accepted.length >= 40, 15_000, 'check-ins flowing')
    await hubs[0]!.child!.kill9()
    await until(() => agent.link()?.hubUrl === hubs[1]!.url && agent.kiosk.online, 20_000, 'kiosk moved to hub B')
    const atMove = accepted.length
    await until(() => accepted.length >= atMove + 40, 15_000, 'check-ins after the move')
    stop = true
    await streaming
    await until(() => agent.kiosk.records.outbox.size === 0, 30_000, 'outbox drained to hub B')

    const db = new pg.Client({ connectionString: databaseUrl })
    await db.connect()
    try {
      const { rows } = await db.query<{ id: string; n: string }>(
        'SELECT id, count(*) AS n FROM karibu_checkins WHERE id = ANY($1) GROUP BY id',
        [accepted],
      )
      expect(rows.length).toBe(accepted.length)
      expect(rows.every((r) => r.n === '1')).toBe(true)
      const seqs = await db.query<{ seq: string }>('SELECT seq FROM karibu_checkins ORDER BY seq')
      expect(seqs.rows.map((r) => Number(r.seq))).toEqual(seqs.rows.map((_, i) => i + 1)) // dense, no gap
    } finally {
      await db.end()
    }
    // hub B's figures are a recount of the shared records, and hub A comes back to the same
    await startHub(hubs[0]!)
    const [a, b] = [await stats(hubs[0]!.url), await stats(hubs[1]!.url)]
    expect({ ...a.stats, generatedAt: '' }).toEqual({ ...b.stats, generatedAt: '' })
  }, 120_000)
})
