// Hub cold start and resident memory at 50,000 attendees and 200,000 check-in records: the
// process `npm start` runs (the bundle, dist-hub/main.mjs), the same hub from its TypeScript
// source through tsx (as `npm start` ran it before), and plain node serving an empty HTTP
// server (the floor), each spawned and timed from outside alike, runs interleaved.
import { execFileSync, spawn } from 'node:child_process'
import { readFileSync, statSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { get } from 'node:http'
import { connect, createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { makeDataDir } from './fixtures.js'
import { ms, now, summary, table, type BenchResult } from './lib.js'

const ATTENDEES = 50_000
const RECORDS = Number(process.env.BENCH_RECORDS ?? 200_000)
const RUNS = Number(process.env.BENCH_COLD_RUNS ?? 5)
const ROOT = fileURLToPath(new URL('..', import.meta.url))

const EMPTY_SERVER = "require('node:http').createServer((q, s) => s.end('{}')).listen(Number(process.env.PORT), '127.0.0.1')"

interface Way {
  name: string
  args: string[]
}

const WAYS: Way[] = [
  { name: 'hub bundle (`npm start`: node dist-hub/main.mjs)', args: ['dist-hub/main.mjs'] },
  { name: 'hub from source through tsx (before)', args: ['--import', 'tsx', 'hub/main.ts'] },
  { name: 'reference: node, empty HTTP server', args: ['-e', EMPTY_SERVER] },
]

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port
      s.close(() => resolve(port))
    })
  })

const answers = (port: number) =>
  new Promise<boolean>((resolve) => {
    const req = get({ host: '127.0.0.1', port, path: '/healthz', agent: false }, (res) => {
      res.resume()
      resolve(res.statusCode === 200)
    })
    req.on('error', () => resolve(false))
  })

/** the port takes a connection: the kernel accepts it as soon as the hub has called listen() */
const listens = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = connect({ host: '127.0.0.1', port }, () => {
      s.destroy()
      resolve(true)
    })
    s.on('error', () => resolve(false))
  })

const rssMB = (pid: number, field: 'VmRSS' | 'VmHWM') =>
  Number(
    /(\d+) kB/.exec(
      readFileSync(`/proc/${pid}/status`, 'utf8')
        .split('\n')
        .find((l) => l.startsWith(field)) ?? '',
    )?.[1] ?? NaN,
  ) / 1024

/** user + system CPU the process has used, in ms (/proc/<pid>/stat, 10 ms ticks): what load from others sharing the cores does not inflate */
const cpuMs = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  return (Number(fields[11]) + Number(fields[12])) * 10
}

/**
 * Spawn → the port listening (polled every ms) → the first /healthz answered; resident memory
 * at listening, and its peak a second later. In between, `npm start` makes the banner's kiosk
 * pairing code, one whole registry write, before it answers anything.
 */
async function startOnce(way: Way, dataDir: string) {
  const port = await freePort()
  const t0 = now()
  const proc = spawn(process.execPath, way.args, {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', KARIBU_DATA: dataDir },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let errors = ''
  proc.stderr!.on('data', (d) => (errors += d))
  const exited = new Promise((r) => proc.once('exit', r))
  const waitFor = async (ready: (port: number) => Promise<boolean>) => {
    while (!(await ready(port))) {
      if (proc.exitCode !== null) throw new Error(`${way.name} exited with ${proc.exitCode}: ${errors}`)
      await new Promise((r) => setTimeout(r, 1))
    }
    return now() - t0
  }
  try {
    const listening = await waitFor(listens)
    const rss = rssMB(proc.pid!, 'VmRSS')
    const cpu = cpuMs(proc.pid!)
    const answering = await waitFor(answers)
    await new Promise((r) => setTimeout(r, 1000))
    return { listening, cpu, answering, rss, peak: rssMB(proc.pid!, 'VmHWM') }
  } finally {
    proc.kill('SIGTERM')
    await exited
  }
}

export async function run(): Promise<BenchResult> {
  const dir = join(tmpdir(), `karibu-bench-cold-${process.pid}`)
  await rm(dir, { recursive: true, force: true })
  await makeDataDir(dir, ATTENDEES, RECORDS)
  execFileSync(process.execPath, ['scripts/ensure-hub.mjs'], { cwd: ROOT, stdio: 'inherit' })
  const journalMB = statSync(join(dir, 'checkins.jsonl')).size / 2 ** 20
  const registryMB = statSync(join(dir, 'registry.json')).size / 2 ** 20
  const results = new Map(WAYS.map((w) => [w, [] as Awaited<ReturnType<typeof startOnce>>[]]))
  let child: { storeOpen: number; storeOpenCpu: number; rssMB: number; records: number }
  try {
    for (let i = 0; i < RUNS; i++) for (const way of WAYS) results.get(way)!.push(await startOnce(way, dir))
    // where the bundle's time goes: the store alone, opened in a process of its own
    child = JSON.parse(
      execFileSync(process.execPath, ['--import', 'tsx', 'bench/cold-start-child.ts', dir], { cwd: ROOT, encoding: 'utf8' }),
    ) as typeof child
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
  const spread = (v: number[]) => {
    const s = summary(v)
    return `${ms(s.p50)} (${ms(Math.min(...v))}–${ms(s.max)})`
  }
  return {
    name: `Hub cold start at ${ATTENDEES.toLocaleString('en')} attendees and ${RECORDS.toLocaleString('en')} records (${RUNS} runs each, interleaved; median (min–max))`,
    rows: WAYS.map((w) => {
      const rs = results.get(w)!
      return {
        process: w.name,
        'spawn → listening ms': spread(rs.map((r) => r.listening)),
        'CPU time to listening ms': spread(rs.map((r) => r.cpu)),
        'resident memory at listening MB': spread(rs.map((r) => r.rss)),
        'spawn → /healthz answered ms': spread(rs.map((r) => r.answering)),
        'peak resident memory MB (1 s later)': spread(rs.map((r) => r.peak)),
      }
    }),
    notes: [
      `Data folder: journal checkins.jsonl ${ms(journalMB)} MB on disk (${RECORDS.toLocaleString('en')} records), registry.json ${ms(registryMB)} MB.`,
      `Of the hub's start, opening the store (registry + journal replay into the ledger) took ${ms(child.storeOpen)} ms (${ms(child.storeOpenCpu)} ms of CPU) in a process of its own (${child.records} records replayed).`,
      'Timed from outside, polled every millisecond: from spawn until the port takes a TCP connection (listening), and until the first HTTP answer on /healthz; memory from /proc (VmRSS at listening, VmHWM a second later).',
    ],
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(table(await run()))
