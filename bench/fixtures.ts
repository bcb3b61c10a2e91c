// Builds data folders of a given size for the benchmarks: the demo event with N attendees
// and a journal of M check-in records, written directly (as a long event would leave them).
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { EventStore } from '../hub/store/event-store.js'
import { createDemoEvent } from '../hub/demo/demo-event.js'
import type { CheckinRecord } from '../shared/domain.js'

export const BENCH_DAY = '2026-11-24'

export async function makeDataDir(dir: string, attendees: number, records: number): Promise<void> {
  await mkdir(dir, { recursive: true })
  const { store } = await EventStore.open({
    dataDir: dir,
    seed: (key) => createDemoEvent({ firstDay: BENCH_DAY, badgePublicKey: key, attendees }),
  })
  const days = store.data.event.days
  await store.close()
  const lines: string[] = []
  const base = Date.parse(`${BENCH_DAY}T07:00:00+03:00`)
  for (let i = 1; i <= records; i++) {
    const a = ((i * 7919) % attendees) + 1
    const d = days[i % days.length]!
    const at = new Date(base + (i % days.length) * 86400_000 + (i % 36000) * 1000).toISOString()
    const r: CheckinRecord = {
      id: `bench-${i}`,
      seq: i,
      attendeeId: `A${String(a).padStart(4, '0')}`,
      badgeVersion: 1,
      dayId: d.id,
      deskId: `desk-${(i % 3) + 1}`,
      hallId: 'plenary',
      kioskId: `kiosk-${i % 10}`,
      kind: 'in',
      method: 'qr',
      scannedAt: at,
      effectiveAt: at,
      clockOffsetMs: 0,
      receivedAt: at,
      outcome: 'admitted',
    }
    lines.push(JSON.stringify(r))
  }
  if (records) await writeFile(join(dir, 'checkins.jsonl'), lines.join('\n') + '\n')
}
