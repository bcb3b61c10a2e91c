// Several hubs: the same load as bench/hub-load.ts (100 kiosks, 50 dashboards, clients in this
// process), against hubs on PostgreSQL joined by Redis, each hub a process of its own.
//   - one hub on PostgreSQL: what the shared store costs against the embedded journal;
//   - two hubs, kiosks on A and dashboards on B: scan-to-dashboard latency across hubs;
//   - two hubs, kiosks and dashboards spread over both: what two hubs take together;
//   - the same with Redis stopped before the load: what the hubs take on PostgreSQL alone.
// PostgreSQL runs with its default durability (fsync, synchronous commit), on this machine.
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createDatabase, startPostgres, startRedis } from '../tests/helpers/services.js'
import { load, startChild, type LoadResult, type Started, type Target } from './hub-load.js'
import { ms, table, type BenchResult } from './lib.js'

interface Layout {
  name: string
  hubs: 1 | 2
  kiosksOn: 'A' | 'both'
  dashboardsOn: 'A' | 'B' | 'both'
  /** Redis stopped once the hubs are up, started again after the run */
  redisStopped?: boolean
}

/** seconds measured per run (after hub-load's warm-up): six runs, so shorter than hub-load's */
const SECONDS = Number(process.env.BENCH_MULTI_SECONDS ?? 5)
/** a rate well below saturation, where latency is the hub's and not the queue's */
const OFFERED = Number(process.env.BENCH_MULTI_RATE ?? 500)

/** BENCH_MULTI_ONLY="Redis stopped" runs the layouts whose name contains it */
const ONLY = process.env.BENCH_MULTI_ONLY
const ALL_LAYOUTS: Layout[] = [
  { name: '1 hub, PostgreSQL', hubs: 1, kiosksOn: 'A', dashboardsOn: 'A' },
  { name: '2 hubs: kiosks on A, dashboards on B', hubs: 2, kiosksOn: 'A', dashboardsOn: 'B' },
  { name: '2 hubs: kiosks and dashboards on both', hubs: 2, kiosksOn: 'both', dashboardsOn: 'both' },
  { name: '2 hubs: on both, Redis stopped', hubs: 2, kiosksOn: 'both', dashboardsOn: 'both', redisStopped: true },
]
const LAYOUTS = ALL_LAYOUTS.filter((l) => !ONLY || l.name.includes(ONLY))

/** PostgreSQL and Redis from Debian's packages (.ci/run installs them for the tests). */
export const available = () => existsSync('/usr/lib/postgresql') && ['/usr/bin/redis-server', '/usr/sbin/redis-server'].some(existsSync)

export async function run(): Promise<BenchResult> {
  if (!available()) {
    return {
      name: 'Several hubs: PostgreSQL + Redis',
      rows: [],
      notes: ['skipped: PostgreSQL and redis-server are not installed (apt-get install postgresql redis-server)'],
    }
  }
  const [postgres, redis] = await Promise.all([startPostgres({ durable: true }), startRedis()])
  const dir = await mkdtemp(join(tmpdir(), 'karibu-bench-multi-'))
  const rows: BenchResult['rows'] = []
  try {
    for (const layout of LAYOUTS)
      for (const rate of [OFFERED, 'max'] as const) {
        const env = {
          KARIBU_DATABASE_URL: await createDatabase(postgres.url),
          ...(layout.hubs === 2 ? { KARIBU_REDIS_URL: redis.url } : {}),
        }
        const hubs: Started[] = [await startChild('hub', dir, env)]
        if (layout.hubs === 2) hubs.push(await startChild('hub', dir, env))
        const [a, b] = [hubs[0]!, hubs[hubs.length - 1]!]
        const on = (where: 'A' | 'B' | 'both') => (where === 'A' ? [a.url] : where === 'B' ? [b.url] : hubs.map((h) => h.url))
        const target: Target & { pair: boolean } = {
          kioskUrls: on(layout.kiosksOn),
          dashboardUrls: on(layout.dashboardsOn),
          ...(a.adminToken ? { adminToken: a.adminToken } : {}),
          ...(a.usherToken ? { usherToken: a.usherToken } : {}),
          pair: true,
          stop: async () => {
            for (const h of hubs) await h.stop()
          },
        }
        if (layout.redisStopped) await redis.halt()
        const r: LoadResult = await load(target, rate, SECONDS).finally(async () => {
          await target.stop()
          if (layout.redisStopped) await redis.resume()
        })
        rows.push({
          layout: layout.name,
          offered: rate === 'max' ? 'max (2 in flight per kiosk)' : `${rate}/s`,
          'check-ins/s': Math.round(r.rate),
          'ack p50 ms': ms(r.ack.p50),
          'ack p99 ms': ms(r.ack.p99),
          'scan-to-dashboard p50 ms': ms(r.dash.p50),
          'scan-to-dashboard p99 ms': ms(r.dash.p99),
          failed: r.failed,
        })
      }
  } finally {
    await postgres.stop()
    await redis.stop()
    await rm(dir, { recursive: true, force: true })
  }
  return {
    name: `Several hubs: PostgreSQL + Redis, 100 kiosks and 50 dashboards, ${SECONDS} s measured per run, clients in a separate process`,
    rows,
    notes: [
      'Each hub appends check-ins under one PostgreSQL advisory lock, after catching up with what the other stored, in group-commit transactions; a commit NOTIFYs the other hub, which reads the new records and pushes its own figures.',
      "Redis stopped: each hub carries on alone on PostgreSQL (check-ins, figures by NOTIFY); only what each hub hears of the other's kiosks stops.",
      'On this 2-core machine the two hubs, PostgreSQL, Redis and the 150 clients share the same two cores: two hubs cannot go faster than one here. The figures say what the shared store costs and how fast a check-in crosses to the other hub, not what two machines would take.',
    ],
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(table(await run()))
