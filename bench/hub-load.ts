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
const IN_FLIGHT = 2 // per kiosk, in the max run: a kiosk scans one person at a time, plus its outbox catching up
const OFFERED = Number(process.env.BENCH_RATE ?? 2000)

interface Started {
  port: number
  adminToken?: string
  usherToken?: string
  stop(): void
}

async function startChild(mode: 'hub' | 'bare', dataDir: string): Promise<Started> {
  const child = spawn(process.execPath, [...(process.env.BENCH_PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : []), '--import', 'tsx', 'bench/hub-process.ts', mode, dataDir], { stdio: ['ignore', 'pipe', 'inherit'] })
  const line = await new Promise<string>((resolve) => createInterface({ input: child.stdout! }).once('line', resolve))
  return { ...(JSON.parse(line) as Omit<Started, 'stop'>), stop: () => child.kill('SIGTERM') }
}

async function pairKiosks(base: string, adminToken: string, n: number): Promise<{ kioskId: string; token: string }[]> {
  const out = []
  for (let i = 0; i < n; i++) {
    const { code } = (await (await fetch(`${base}/api/pairing-codes`, { method: 'POST', headers: { Authorization: `Bearer ${adminToken}` } })).json()) as { code: string }
    const paired = (await (await fetch(`${base}/api/pair`, { method: 'POST', body: JSON.stringify({ code, name: `bench ${i}` }) })).json()) as { kioskId: string; token: string }
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

async function load(mode: 'hub' | 'bare', rate: number | 'max') {
  const dir = await mkdtemp(join(tmpdir(), 'karibu-bench-load-'))
  const server = await startChild(mode, dir)
  const url = `http://127.0.0.1:${server.port}`
  const kiosks = mode === 'hub' ? await pairKiosks(url, server.adminToken!, KIOSKS) : Array.from({ length: KIOSKS }, (_, i) => ({ kioskId: `k${i}`, token: '' }))
  const kioskSockets = await Promise.all(kiosks.map((k) => connect(url, { token: k.token })))
  const dashboards = await Promise.all(Array.from({ length: DASHBOARDS }, () => connect(url, { token: server.usherToken ?? '', role: 'dashboard' })))

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
  const deadline = started + SECONDS * 1000
  const submit = async (k: number) => {
    const socket = kioskSockets[k]!
    const seq = ((n++ * 7919) % 1000) + 1
    const t0 = now()
    const res = (await socket.timeout(10_000).emitWithAck('checkin:submit', {
      id: randomBytes(12).toString('base64url'),
      attendeeId: `A${String(seq).padStart(4, '0')}`,
      deskId: `desk-${(k % 3) + 1}`,
      kioskId: kiosks[k]!.kioskId,
      kind: 'in',
      method: 'search',
      scannedAt: new Date().toISOString(),
      clockOffsetMs: 0,
    }).catch(() => ({ ok: false }))) as { ok: boolean; record?: { seq: number } }
    if (!res.ok || !res.record) {
      failed++
      return
    }
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
  const elapsed = (now() - started) / 1000
  await new Promise((r) => setTimeout(r, 300)) // last pushes
  for (const s of [...kioskSockets, ...dashboards]) s.disconnect()
  server.stop()
  await rm(dir, { recursive: true, force: true })
  return { rate: acks.length / elapsed, failed, ack: summary(acks), dash: summary(toDashboard) }
}

export async function run(): Promise<BenchResult> {
  const rows: BenchResult['rows'] = []
  const row = (name: string, offered: string, r: Awaited<ReturnType<typeof load>>) => ({
    server: name,
    offered,
    'check-ins/s': Math.round(r.rate),
    'ack p50 ms': ms(r.ack.p50),
    'ack p99 ms': ms(r.ack.p99),
    'scan-to-dashboard p50 ms': ms(r.dash.p50),
    'scan-to-dashboard p99 ms': ms(r.dash.p99),
    failed: r.failed,
  })
  const results: Record<string, Awaited<ReturnType<typeof load>>> = {}
  for (const rate of [OFFERED, 'max'] as const) {
    for (const mode of ['hub', 'bare'] as const) {
      const r = await load(mode, rate)
      results[`${mode}-${rate}`] = r
      rows.push(row(mode === 'hub' ? 'Karibu hub' : 'bare Socket.IO', rate === 'max' ? `max (${IN_FLIGHT} in flight per kiosk)` : `${rate}/s`, r))
    }
  }
  rows.push({ server: 'ratio hub / bare at max', 'check-ins/s': (results['hub-max']!.rate / results['bare-max']!.rate).toFixed(2) })
  return {
    name: `Hub under load: ${KIOSKS} kiosks, ${DASHBOARDS} dashboards, ${SECONDS} s per run, clients in a separate process`,
    rows,
    notes: [
      'Karibu hub: validates, decides by the rules, appends to the fsync\'d journal, acks, pushes records to kiosks and figures to dashboards every 50 ms. Bare: acks and pushes, nothing else.',
      'Scan-to-dashboard: from sending a check-in until a dashboard holds figures that include it (so it includes the 50 ms push interval).',
    ],
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(table(await run()))
