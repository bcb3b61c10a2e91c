// Hub cold start and resident memory at 50,000 attendees and 200,000 check-in records: the
// process `npm start` runs (the bundle, dist-hub/main.mjs), the same hub from its TypeScript
// source through tsx (as `npm start` ran it before), and plain node serving an empty HTTP
// server (the floor), each spawned and timed from outside alike, runs interleaved.
import { execFileSync, spawn } from 'node:child_process'
import { readFileSync, statSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { get } from 'node:http'
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

let nextPort = 42_000 + (process.pid % 1000) * 5

const answers = (port: number) =>
  new Promise<boolean>((resolve) => {
    const req = get({ host: '127.0.0.1', port, path: '/healthz', agent: false }, (res) => {
      res.resume()
      resolve(res.statusCode === 200)
    })
    req.on('error', () => resolve(false))
  })

const rssMB = (pid: number, field: 'VmRSS' | 'VmHWM') => Number(/(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith(field)) ?? '')?.[1] ?? NaN) / 1024

/** Spawn → first /healthz answered (polled every ms), resident memory then, and its peak a second later. */
async function startOnce(way: Way, dataDir: string) {
  const port = nextPort++
  const t0 = now()
  const proc = spawn(process.execPath, way.args, { cwd: ROOT, env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', KARIBU_DATA: dataDir }, stdio: 'ignore' })
  const exited = new Promise((r) => proc.once('exit', r))
  try {
    while (!(await answers(port))) {
      if (proc.exitCode !== null) throw new Error(`${way.name} exited with ${proc.exitCode}`)
      await new Promise((r) => setTimeout(r, 1))
    }
    const listening = now() - t0
    const rss = rssMB(proc.pid!, 'VmRSS')
    await new Promise((r) => setTimeout(r, 1000)) // the start banner's pairing code is one registry write
    return { listening, rss, peak: rssMB(proc.pid!, 'VmHWM') }
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
  for (let i = 0; i < RUNS; i++) for (const way of WAYS) results.get(way)!.push(await startOnce(way, dir))
  // where the bundle's time goes: the store alone, opened in a process of its own
  const child = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', 'bench/cold-start-child.ts', dir], { cwd: ROOT, encoding: 'utf8' })) as { storeOpen: number; rssMB: number; records: number }
  await rm(dir, { recursive: true, force: true })
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
        'spawn → /healthz answered ms': spread(rs.map((r) => r.listening)),
        'resident memory then MB': spread(rs.map((r) => r.rss)),
        'peak resident memory MB (1 s later)': spread(rs.map((r) => r.peak)),
      }
    }),
    notes: [
      `Data folder: journal checkins.jsonl ${ms(journalMB)} MB on disk (${RECORDS.toLocaleString('en')} records), registry.json ${ms(registryMB)} MB.`,
      `Of the hub's start, opening the store (registry + journal replay into the ledger) took ${ms(child.storeOpen)} ms in a process of its own (${child.records} records replayed).`,
      'Timed from outside: from spawn until the first HTTP answer on /healthz, polled every millisecond; memory from /proc (VmRSS, VmHWM).',
    ],
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(table(await run()))
