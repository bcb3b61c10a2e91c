// Dashboards flooding: kiosk acks while 40 usher sockets, in a process of their own, keep
// `stats:get` asked as fast as the hub answers (8 in flight each), 100 kiosks at 1,000/s (issue
// 19; BENCH_FLOOD_RATE=500 for the earlier rate). Beside the same load with the
// dashboards quiet, in the same run. Run with `flood URL TOKEN` it is that flooding process.
import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { io } from 'socket.io-client'
import { load, startChild, type LoadResult } from './hub-load.js'
import { ms, type BenchResult } from './lib.js'

const FLOODERS = 40
const IN_FLIGHT = 8
const RATE = Number(process.env.BENCH_FLOOD_RATE ?? 1000)
const SECONDS = Number(process.env.BENCH_FLOOD_SECONDS ?? 6)

async function flood(url: string, token: string) {
  let served = 0
  let refused = 0
  let reconnects = 0
  let stopping = false
  const connect = () =>
    new Promise<ReturnType<typeof io> | null>((resolve) => {
      const s = io(url, { auth: { token }, transports: ['websocket'], reconnection: false })
      s.once('connect', () => resolve(s))
      s.once('connect_error', () => resolve(null))
    })
  // a persistent flooder: cut off, it connects again at once and goes on
  const flooder = async () => {
    while (!stopping) {
      const s = await connect()
      if (!s) continue
      reconnects++
      const ask = async () => {
        while (!stopping && s.connected) {
          const r = (await s
            .timeout(10_000)
            .emitWithAck('stats:get', {})
            .catch(() => ({ ok: false }))) as { ok: boolean }
          if (r.ok) served++
          else if (s.connected) refused++
        }
      }
      await Promise.all(Array.from({ length: IN_FLIGHT }, ask))
      s.disconnect()
    }
  }
  const running = Array.from({ length: FLOODERS }, flooder)
  console.log('flooding')
  process.once('SIGTERM', async () => {
    stopping = true
    await Promise.all(running)
    console.log(JSON.stringify({ served, refused, connections: reconnects }))
    process.exit(0)
  })
}

async function startFlood(url: string, token: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/dashboard-flood.ts', 'flood', url, token], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const lines = createInterface({ input: child.stdout! })
  const next = () => new Promise<string>((resolve) => lines.once('line', resolve))
  await next()
  return async () => {
    const result = next()
    child.kill('SIGTERM')
    return JSON.parse(await result) as { served: number; refused: number; connections: number }
  }
}

export async function run(): Promise<BenchResult> {
  const rows: BenchResult['rows'] = []
  for (const flooding of [false, true]) {
    const dir = await mkdtemp(join(tmpdir(), 'karibu-bench-flood-'))
    const hub = await startChild('hub', dir)
    // the quiet dashboards use the admin credential: the usher one, at this address, is the flooder's and is cut off
    const target = {
      kioskUrls: [hub.url],
      dashboardUrls: [hub.url],
      adminToken: hub.adminToken!,
      usherToken: hub.adminToken!,
      pair: true,
      stop: async () => {},
    }
    const stopFlood = flooding ? await startFlood(hub.url, hub.usherToken!) : null
    let r: LoadResult
    let flood = { served: 0, refused: 0, connections: 0 }
    try {
      r = await load(target, RATE, SECONDS)
      if (stopFlood) flood = await stopFlood()
    } finally {
      await hub.stop()
      await rm(dir, { recursive: true, force: true })
    }
    rows.push({
      dashboards: flooding ? `${FLOODERS} usher sockets flooding stats:get` : 'quiet',
      offered: `${RATE}/s`,
      'check-ins/s': Math.round(r.rate),
      'ack p50 ms': ms(r.ack.p50),
      'ack p99 ms': ms(r.ack.p99),
      'ack max ms': ms(r.ack.max),
      'stats:get served': flood.served,
      'stats:get refused': flood.refused,
      'flooder connections': flood.connections,
      failed: r.failed,
    })
  }
  return {
    name: `Dashboards flooding: kiosk acks at ${RATE}/s while ${FLOODERS} usher sockets (one credential, one address, ${IN_FLIGHT} in flight each) ask stats:get non-stop, ${SECONDS} s measured`,
    rows,
    notes: [
      'A flooding socket that is cut off connects again at once and goes on. The flooding sockets run in a process of their own; the kiosks and 50 quiet dashboards (admin credential) in the bench process, the hub in a third.',
    ],
  }
}

if (process.argv[2] === 'flood') await flood(process.argv[3]!, process.argv[4]!)
else if (import.meta.url === `file://${process.argv[1]}`) console.log((await import('./lib.js')).table(await run()))
