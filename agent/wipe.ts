// End of the event: remove everything a kiosk holds about people. Refuses while records
// still wait for the hub, unless forced (export them first: /api/outbox-export).
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { Kiosk } from './kiosk.js'

export const KIOSK_FILES = ['kiosk.json', 'journal.jsonl', 'delivered.jsonl', 'peers.jsonl']

export async function wipeKioskData(dataDir: string, options: { force?: boolean } = {}): Promise<{ wiped: boolean; unsent: number }> {
  const kiosk = await Kiosk.open(dataDir)
  const unsent = kiosk.records.outbox.size
  await kiosk.close()
  if (unsent > 0 && !options.force) return { wiped: false, unsent }
  for (const f of KIOSK_FILES) await rm(join(dataDir, f), { force: true })
  return { wiped: true, unsent }
}
