// Several real hubs (`npm start` processes) on one real PostgreSQL and one real Redis, with
// paired kiosk agents: what the several-hubs tests share.
import pg from 'pg'
import { startAgent, type AgentHandle } from '../../agent/agent.js'
import type { DashboardView } from '../../shared/protocol.js'
import { freePort, healthy, runTs, type Child } from './processes.js'
import { createDatabase, startPostgres, startRedis, type Service } from './services.js'
import { tempDir } from './temp-dir.js'
import { until } from './until.js'

export interface ClusterHub {
  name: string
  url: string
  port: number
  child: Child | null
}

export interface HubCluster {
  postgres: Service
  redis: Service
  databaseUrl: string
  hubs: ClusterHub[]
  adminToken: string
  usherToken: string
  /** `hubUrls`: its KARIBU_HUB_URLS (every hub in `hubs` unless given) */
  startHub(h: ClusterHub, hubUrls?: string[]): Promise<void>
  /** a new hub slot (not started) at the end of `hubs` */
  addHub(): Promise<ClusterHub>
  stats(hubUrl: string): Promise<DashboardView>
  /** paired through `hub` (the first by default), so it talks to that hub first */
  pairedKiosk(deskId: string, hub?: ClusterHub, options?: { heartbeatMs?: number }): Promise<AgentHandle>
  /** every id stored once, and the seqs dense */
  storedOnce(ids: string[]): Promise<{ stored: number; duplicated: number; dense: boolean }>
  /** what went wrong with a hub, for assertion messages */
  exits(): string[]
  close(): Promise<void>
}

export async function startHubCluster(count = 2): Promise<HubCluster> {
  const [postgres, redis] = await Promise.all([startPostgres(), startRedis()])
  const databaseUrl = await createDatabase(postgres.url)
  const hubs: ClusterHub[] = []
  const addHub = async () => {
    const port = await freePort()
    const h: ClusterHub = { name: String.fromCharCode(65 + hubs.length), port, url: `http://127.0.0.1:${port}`, child: null }
    hubs.push(h)
    return h
  }
  for (let i = 0; i < count; i++) await addHub()
  const cleanups: (() => Promise<unknown>)[] = []
  const startHub = async (h: ClusterHub, hubUrls = hubs.map((x) => x.url)) => {
    h.child = runTs('hub/main.ts', [], {
      PORT: String(h.port),
      HOST: '127.0.0.1',
      KARIBU_DATABASE_URL: databaseUrl,
      KARIBU_REDIS_URL: redis.url,
      KARIBU_HUB_URLS: hubUrls.join(','),
    })
    await until(() => healthy(`${h.url}/healthz`), 30_000, `${h.name} up (${h.child.output()})`)
    await until(() => h.child!.output().includes('pairing code'), 10_000, `${h.name} banner`)
  }
  // A starts first and seeds the event in the database; the others find it there
  await startHub(hubs[0]!)
  const adminToken = /\s(kba_[A-Za-z0-9_-]+)/.exec(hubs[0]!.child!.output())![1]!
  const usherToken = /Usher credential: (kbu_[A-Za-z0-9_-]+)/.exec(hubs[0]!.child!.output())![1]!
  for (const h of hubs.slice(1)) await startHub(h)

  return {
    postgres,
    redis,
    databaseUrl,
    hubs,
    adminToken,
    usherToken,
    startHub,
    addHub,
    async stats(hubUrl) {
      const res = await fetch(`${hubUrl}/api/stats`, {
        headers: { Authorization: `Bearer ${usherToken}` },
        signal: AbortSignal.timeout(5000),
      })
      return (await res.json()) as DashboardView
    },
    async pairedKiosk(deskId, hub = hubs[0]!, options = {}) {
      const dir = await tempDir('karibu-multi-kiosk-')
      const res = await fetch(`${hub.url}/api/pairing-codes`, { method: 'POST', headers: { Authorization: `Bearer ${adminToken}` } })
      const { code } = (await res.json()) as { code: string }
      const agent = await startAgent({
        dataDir: dir.path,
        port: 0,
        hubUrl: hub.url,
        pairingCode: code,
        kioskName: deskId,
        deskId,
        ackTimeoutMs: 2000,
        ...options,
        log: () => {},
      })
      cleanups.push(async () => {
        await agent.close()
        await dir.remove()
      })
      await until(() => agent.kiosk.online && agent.kiosk.registry, 15_000, 'kiosk synced')
      return agent
    },
    async storedOnce(ids) {
      const db = new pg.Client({ connectionString: databaseUrl })
      await db.connect()
      try {
        const { rows } = await db.query<{ id: string; n: string }>(
          'SELECT id, count(*) AS n FROM karibu_checkins WHERE id = ANY($1) GROUP BY id',
          [ids],
        )
        const seqs = await db.query<{ seq: string }>('SELECT seq FROM karibu_checkins ORDER BY seq')
        return {
          stored: rows.length,
          duplicated: rows.filter((r) => r.n !== '1').length,
          dense: seqs.rows.every((r, i) => Number(r.seq) === i + 1),
        }
      } finally {
        await db.end()
      }
    },
    exits() {
      return hubs
        .filter((h) => h.child && (h.child.proc.exitCode !== null || h.child.proc.signalCode !== null))
        .map((h) => `hub ${h.name} exited (${h.child!.proc.exitCode ?? h.child!.proc.signalCode}):\n${h.child!.output().slice(-3000)}`)
    },
    async close() {
      for (const c of cleanups.reverse()) await c().catch(() => undefined)
      for (const h of hubs) await h.child?.stop()
      await postgres.stop()
      await redis.stop()
    },
  }
}

/** Scans attendees one after another (about 50 a second) until stopped; `accepted` holds the record ids the kiosk gave. */
export function scanStream(screen: { scan(req: { attendeeId: string; method: 'search' }): Promise<{ recordId: string }> }, first = 10) {
  const accepted: string[] = []
  let stopped = false
  let n = 0
  const running = (async () => {
    while (!stopped) {
      const id = `A${String(((n++ + first) % 900) + 10).padStart(4, '0')}`
      const r = await screen.scan({ attendeeId: id, method: 'search' }).catch(() => null)
      if (r) accepted.push(r.recordId)
      await new Promise((res) => setTimeout(res, 15))
    }
  })()
  return {
    accepted,
    async stop() {
      stopped = true
      await running
    },
  }
}
