// Store: check-in commit latency (decide + fsync'd journal append) and the longest
// event-loop block, at 1,000 / 10,000 / 50,000 attendees with 200,000 records, side by side
// with what lowdb's whole-file write of the same data costs.
import { open, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Low } from 'lowdb'
import { JSONFile } from 'lowdb/node'
import { EventStore } from '../hub/store/event-store.js'
import { createDemoEvent } from '../hub/demo/demo-event.js'
import { BENCH_DAY, makeDataDir } from './fixtures.js'
import { longestBlock, ms, now, summary, table, type BenchResult } from './lib.js'

const SIZES = process.env.BENCH_STORE_SIZES ? process.env.BENCH_STORE_SIZES.split(',').map(Number) : [1_000, 10_000, 50_000]
const RECORDS = Number(process.env.BENCH_RECORDS ?? 200_000)
const COMMITS = Number(process.env.BENCH_COMMITS ?? 2000)

/** The disk's own floor: one ~350-byte line appended and fdatasync'd, nothing else. */
async function openFloor(path: string) {
  const fh = await open(path, 'a')
  const line = JSON.stringify({ pad: 'x'.repeat(330) }) + '\n'
  const times: number[] = []
  return {
    times,
    async once() {
      const t0 = now()
      await fh.appendFile(line)
      await fh.datasync()
      times.push(now() - t0)
    },
    close: () => fh.close(),
  }
}

export async function run(): Promise<BenchResult> {
  const rows: BenchResult['rows'] = []
  for (const attendees of SIZES) {
    const dir = join(tmpdir(), `karibu-bench-store-${attendees}-${process.pid}`)
    await rm(dir, { recursive: true, force: true })
    await makeDataDir(dir, attendees, RECORDS)
    const { store } = await EventStore.open({
      dataDir: dir,
      seed: (key) => createDemoEvent({ firstDay: BENCH_DAY, badgePublicKey: key, attendees }),
    })
    const latencies: number[] = []
    // the bare append+fdatasync runs between the commits, on the same disk at the same moments:
    // a stall of the disk's lands on both sides of the ratio alike
    const floor = await openFloor(join(dir, 'floor.jsonl'))
    const { maxBlockMs } = await longestBlock(async () => {
      for (let i = 0; i < COMMITS; i++) {
        await floor.once()
        const seq = (i % attendees) + 1
        const code = store.signBadge({ attendeeSeq: seq, badgeVersion: 1 })
        const t0 = now()
        await store.submit({
          id: `commit-${i}-${process.pid}`,
          code,
          deskId: 'desk-1',
          kioskId: 'bench',
          kind: 'in',
          method: 'qr',
          scannedAt: new Date(Date.parse(`${BENCH_DAY}T10:00:00+03:00`) + i).toISOString(),
          clockOffsetMs: 0,
        })
        latencies.push(now() - t0)
      }
    })
    // the same data through lowdb: what one check-in would cost if it went through a whole-file rewrite
    const whole = new Low<object>(new JSONFile<object>(join(dir, 'lowdb-whole.json')), {
      registry: store.data,
      checkins: [...store.ledger.records.values()],
    })
    const writes: number[] = []
    for (let i = 0; i < 3; i++) {
      const t0 = now()
      await whole.write()
      writes.push(now() - t0)
    }
    await store.close()
    await floor.close()
    await rm(dir, { recursive: true, force: true })
    const c = summary(latencies)
    const w = summary(writes)
    const f = summary(floor.times)
    rows.push({
      attendees,
      records: RECORDS,
      'commit p50 ms': ms(c.p50),
      'commit p99 ms': ms(c.p99),
      'longest loop block ms': ms(maxBlockMs),
      'bare append+fdatasync p50 / p99 / max ms': `${ms(f.p50)} / ${ms(f.p99)} / ${ms(f.max)}`,
      'ratio commit p99 / bare p99': Number((c.p99 / f.p99).toFixed(2)),
      'lowdb whole-file write ms (median of 3)': ms(w.p50),
      'ratio (lowdb / commit p99)': Math.round(w.p50 / c.p99),
    })
  }
  return {
    name: 'Store: check-in commit vs lowdb whole-file write',
    rows,
    notes: [
      `${COMMITS} sequential commits per size, each decided by the rules and fdatasync'd before it returns.`,
      'The bare append+fdatasync column is the disk alone (one line, no hub, its own file), run alternately with the commits: the floor under every commit, and the source of the occasional long stall.',
    ],
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(table(await run()))
