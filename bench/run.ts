// `npm run bench`: every benchmark in turn, each printing its table; the whole run is also
// written to bench/last-run.md for BENCHMARKS.md. BENCH_ONLY=store,drain runs a subset.
import { writeFile } from 'node:fs/promises'
import { cpus, totalmem } from 'node:os'
import { table, type BenchResult } from './lib.js'

const SUITES: Record<string, () => Promise<{ run: () => Promise<BenchResult> }>> = {
  store: () => import('./store.js'),
  'cold-start': () => import('./cold-start.js'),
  'hub-load': () => import('./hub-load.js'),
  'dashboard-flood': () => import('./dashboard-flood.js'),
  'import-huge': () => import('./import-huge.js'),
  'multi-hub': () => import('./multi-hub.js'),
  drain: () => import('./drain.js'),
  kiosk: () => import('./kiosk.js'),
  badges: () => import('./badges.js'),
  'camera-decoders': () => import('./camera-decoders.js'),
  'camera-kiosk': () => import('./camera-kiosk.js'),
  'phone-dashboard': () => import('./phone-dashboard.js'),
  'desk-pc': () => import('./desk-pc.js'),
}

const only = process.env.BENCH_ONLY?.split(',')
const header = `Machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${new Date().toISOString()}`
console.log(header + '\n')
const out = [header, '']
for (const [name, load] of Object.entries(SUITES)) {
  if (only && !only.includes(name)) continue
  const started = performance.now()
  try {
    const text = table(await (await load()).run())
    console.log(text + '\n')
    out.push(text, '', `(${name}: ${((performance.now() - started) / 1000).toFixed(1)} s)`, '')
  } catch (err) {
    console.error(`${name} failed: ${(err as Error).stack}`)
    process.exitCode = 1
  }
}
await writeFile(new URL('./last-run.md', import.meta.url), out.join('\n'))
