// Hub cold start and resident memory at 50,000 attendees and 200,000 check-in records.
import { execFileSync } from 'node:child_process'
import { rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { makeDataDir } from './fixtures.js'
import { ms, summary, table, type BenchResult } from './lib.js'

const ATTENDEES = 50_000
const RECORDS = Number(process.env.BENCH_RECORDS ?? 200_000)

export async function run(): Promise<BenchResult> {
  const dir = join(tmpdir(), `karibu-bench-cold-${process.pid}`)
  await rm(dir, { recursive: true, force: true })
  await makeDataDir(dir, ATTENDEES, RECORDS)
  const runs = Array.from({ length: 3 }, () => JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', 'bench/cold-start-child.ts', dir], { encoding: 'utf8' })) as { sinceProcessStart: number; storeOpen: number; modulesLoaded: number; rssMB: number; records: number })
  await rm(dir, { recursive: true, force: true })
  const med = (f: (r: (typeof runs)[number]) => number) => summary(runs.map(f)).p50
  return {
    name: `Hub cold start at ${ATTENDEES.toLocaleString('en')} attendees and ${RECORDS.toLocaleString('en')} records (median of 3)`,
    rows: [
      {
        'process start → listening ms': ms(med((r) => r.sinceProcessStart)),
        'of which loading code (tsx) ms': ms(med((r) => r.modulesLoaded)),
        'store open (registry + journal replay) ms': ms(med((r) => r.storeOpen)),
        'resident memory MB': ms(med((r) => r.rssMB)),
        'records replayed': runs[0]!.records,
      },
    ],
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(table(await run()))
