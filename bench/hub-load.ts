// Hub under load: 100 simulated kiosks and 50 dashboards in this process, the hub in another.
// Sustained check-ins per second with ack p50/p99, and scan-to-dashboard latency (until a
// dashboard holds figures that include the check-in), side by side with a bare Socket.IO
// server that only acks and pushes, in the same run.
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { io, type Socket } from 'socket.io-client'
import { ms, now, summary, table, type BenchResult } from './lib.js'

const KIOSKS = Number(process.env.BENCH_KIOSKS ?? 100)
const DASHBOARDS = Number(process.env.BENCH_DASHBOARDS ?? 50)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8)
/** load before the measured window, not counted: a fresh process compiles its hot paths and grows its heap */
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP ?? 2)
const IN_FLIGHT = 2 // per kiosk, in the max run: a kiosk scans one person at a time, plus its outbox catching up
const OFFERED = Number(process.env.BENCH_RATE ?? 2000)

/** Hubs under test: where kiosks connect, where dashboards connect, how to stop them all. */
export interface Target {
  kioskUrls: string[]
  dashboardUrls: string[]
  adminToken?: string
  usherToken?: string
  stop(): Promise<void>
}

export interface Started {
  url: string
  adminToken?: string
  usherToken?: string
  stop(): Promise<void>
}

/** bench/hub-process.ts in a process of its own; `env` picks its store (a database, Redis). */
export async function startChild(mode: 'hub' | 'bare', dataDir: string, env: Record<string, string> = {}): Promise<Started> {
  const child = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : []),
      '--import',
      'tsx',
      'bench/hub-process.ts',
      mode,
      dataDir,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } },
  )
  const exited = new Promise<void>((r) => child.once('exit', () => r()))
  const line = await new Promise<string>((resolve) => createInterface({ input: child.stdout! }).once('line', resolve))
  const ready = JSON.parse(line) as { port: number; adminToken?: string; usherToken?: string }
  return {
    url: `http://127.0.0.1:${ready.port}`,
    ...(ready.adminToken ? { adminToken: ready.adminToken } : {}),
    ...(ready.usherToken ? { usherToken: ready.usherToken } : {}),
    async stop() {
      child.kill('SIGTERM')
      await exited
    },
  }
}

async function pairKiosks(base: string, adminToken: string, n: number): Promise<{ kioskId: string; token: string }[]> {
  const out = []
  for (let i = 0; i < n; i++) {
    const { code } = (await (
      await fetch(`${base}/api/pairing-codes`, { method: 'POST', headers: { Authorization: `Bearer ${adminToken}` } })
    ).json()) as { code: string }
    const paired = (await (
      await fetch(`${base}/api/pair`, { method: 'POST', body: JSON.stringify({ code, name: `bench ${i}` }) })
    ).json()) as { kioskId: string; token: string }
    out.push(paired)
  }
  return out
}

const connect = (url: string, auth: Record<string, string>) =>
  new Promise<Socket>((resolve, reject) => {
    const s = io(url, { auth, transports: ['websocket'], reconnection: false })
    s.once('connect', () => resolve(s))
    s.once('connect_error', reject)
  })

async function oneServer(mode: 'hub' | 'bare'): Promise<Target & { pair: boolean }> {
  const dir = await mkdtemp(join(tmpdir(), 'karibu-bench-load-'))
  const server = await startChild(mode, dir)
  return {
    kioskUrls: [server.url],
    dashboardUrls: [server.url],
    ...(server.adminToken ? { adminToken: server.adminToken } : {}),
    ...(server.usherToken ? { usherToken: server.usherToken } : {}),
    pair: mode === 'hub',
    async stop() {
      await server.stop()
      await rm(dir, { recursive: true, force: true })
    },
  }
}

export type LoadResult = Awaited<ReturnType<typeof load>>

/** Kiosk i talks to kioskUrls[i mod n], dashboard j to dashboardUrls[j mod m]; pairs the kiosks unless `pair` is false (bare). */
export async function load(target: Target & { pair: boolean }, rate: number | 'max', seconds = SECONDS) {
  const kiosks = target.pair
    ? await pairKiosks(target.kioskUrls[0]!, target.adminToken!, KIOSKS)
    : Array.from({ length: KIOSKS }, (_, i) => ({ kioskId: `k${i}`, token: '' }))
  const kioskSockets = await Promise.all(kiosks.map((k, i) => connect(target.kioskUrls[i % target.kioskUrls.length]!, { token: k.token })))
  const dashboards = await Promise.all(
    Array.from({ length: DASHBOARDS }, (_, j) =>
      connect(target.dashboardUrls[j % target.dashboardUrls.length]!, { token: target.usherToken ?? '', role: 'dashboard' }),
    ),
  )

  // scan-to-dashboard: a check-in is on a dashboard when figures with lastSeq >= its seq arrive
  const ackedAt = new Map<number, number>() // seq -> send time
  const toDashboard: number[] = []
  for (const d of dashboards) {
    let seen = 0
    d.on('stats:changed', (u: { stats: { lastSeq: number } }) => {
      const t = now()
      for (let s = seen + 1; s <= u.stats.lastSeq; s++) {
        const sent = ackedAt.get(s)
        if (sent !== undefined) toDashboard.push(t - sent)
      }
      seen = Math.max(seen, u.stats.lastSeq)
    })
  }

  const acks: number[] = []
  let n = 0
  let failed = 0
  const started = now()
  const measureFrom = started + WARMUP_SECONDS * 1000
  const deadline = measureFrom + seconds * 1000
  const submit = async (k: number) => {
    const socket = kioskSockets[k]!
    const seq = ((n++ * 7919) % 1000) + 1
    const t0 = now()
    const res = (await socket
      .timeout(10_000)
      .emitWithAck('checkin:submit', {
        id: randomBytes(12).toString('base64url'),
        attendeeId: `A${String(seq).padStart(4, '0')}`,
        deskId: `desk-${(k % 3) + 1}`,
        kioskId: kiosks[k]!.kioskId,
        kind: 'in',
        method: 'search',
        scannedAt: new Date().toISOString(),
        clockOffsetMs: 0,
      })
      .catch(() => ({ ok: false }))) as { ok: boolean; record?: { seq: number } }
    if (!res.ok || !res.record) {
      failed++
      return
    }
    if (t0 < measureFrom) return
    acks.push(now() - t0)
    // dashboards' view is tracked for every 10th check-in, to keep the measuring out of the way
    if (res.record.seq % 10 === 0) ackedAt.set(res.record.seq, t0)
  }
  if (rate === 'max') {
    // closed loop: each kiosk keeps IN_FLIGHT check-ins outstanding until the time is up
    const loop = async (k: number) => {
      while (now() < deadline) await submit(k)
    }
    await Promise.all(kioskSockets.flatMap((_, k) => Array.from({ length: IN_FLIGHT }, () => loop(k))))
  } else {
    // open loop: check-ins are sent at the offered rate whatever the answers do
    const inflight: Promise<void>[] = []
    let k = 0
    while (now() < deadline) {
      const due = Math.floor(((now() - started) / 1000) * rate)
      while (inflight.length < due) {
        inflight.push(submit(k))
        k = (k + 1) % KIOSKS
      }
      await new Promise((r) => setTimeout(r, 2))
    }
    await Promise.all(inflight)
  }
  const elapsed = (now() - measureFrom) / 1000
  await new Promise((r) => setTimeout(r, 300)) // last pushes
  for (const s of [...kioskSockets, ...dashboards]) s.disconnect()
  return { rate: acks.length / elapsed, failed, ack: summary(acks), dash: summary(toDashboard) }
}

export async function run(): Promise<BenchResult> {
  const rows: BenchResult['rows'] = []
  const row = (name: string, offered: string, r: LoadResult) => ({
    server: name,
    offered,
    'check-ins/s': Math.round(r.rate),
    'ack p50 ms': ms(r.ack.p50),
    'ack p99 ms': ms(r.ack.p99),
    'scan-to-dashboard p50 ms': ms(r.dash.p50),
    'scan-to-dashboard p99 ms': ms(r.dash.p99),
    failed: r.failed,
  })
  const results: Record<string, LoadResult> = {}
  // BENCH_LOAD_ONLY_MAX=1: the pair at the maximum alone, to repeat it several times on a shared machine
  for (const rate of process.env.BENCH_LOAD_ONLY_MAX ? (['max'] as const) : ([OFFERED, 'max'] as const)) {
    for (const mode of ['hub', 'bare'] as const) {
      const target = await oneServer(mode)
      const r = await load(target, rate).finally(() => target.stop())
      results[`${mode}-${rate}`] = r
      rows.push(
        row(mode === 'hub' ? 'Karibu hub' : 'bare Socket.IO', rate === 'max' ? `max (${IN_FLIGHT} in flight per kiosk)` : `${rate}/s`, r),
      )
    }
  }
  rows.push({ server: 'ratio hub / bare at max', 'check-ins/s': (results['hub-max']!.rate / results['bare-max']!.rate).toFixed(2) })
  return {
    name: `Hub under load: ${KIOSKS} kiosks, ${DASHBOARDS} dashboards, ${SECONDS} s measured per run after ${WARMUP_SECONDS} s of warm-up, clients in a separate process`,
    rows,
    notes: [
      "Karibu hub: validates, decides by the rules, appends to the fsync'd journal, acks, pushes records to kiosks and figures to dashboards every 50 ms. Bare: acks and pushes, nothing else.",
      'Scan-to-dashboard: from sending a check-in until a dashboard holds figures that include it (so it includes the 50 ms push interval).',
    ],
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(table(await run()))
