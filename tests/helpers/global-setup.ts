// The run's ledger of servers (tests/helpers/server-ledger.ts): made before the workers start,
// swept after the last one ends, whether the files passed or failed.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { killLeftovers, LEDGER_ENV } from './server-ledger.js'

export function setup() {
  process.env[LEDGER_ENV] = mkdtempSync(join(tmpdir(), 'karibu-servers-'))
}

export function teardown() {
  const dir = process.env[LEDGER_ENV]
  if (!dir) return
  const killed = killLeftovers(dir)
  // a server left to the sweep is a helper whose stop() was never reached: worth knowing
  if (killed.length > 0) console.warn(`test servers still running at the end, killed: ${killed.join(', ')}`)
}
