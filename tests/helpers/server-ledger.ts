// Every server a test starts (PostgreSQL, Redis, cupsd) is written down until it is stopped, so
// none outlives the run: a worker that exits (a failed or timed-out file, an afterAll that
// threw) kills its own on the way out, and the run's global teardown (tests/helpers/global-setup.ts)
// kills whatever a worker killed hard (SIGKILL, OOM) left in the ledger. The ledger folder is
// the run's own (KARIBU_TEST_SERVERS), so a run never touches another run's servers.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export const LEDGER_ENV = 'KARIBU_TEST_SERVERS'

interface Entry {
  what: string
  /** the server's pid, or a file whose first line is it (PostgreSQL's postmaster.pid) */
  pid?: number
  pidFile?: string
  /** SIGKILL unless given: PostgreSQL takes SIGQUIT, its immediate shutdown, so its backends go too */
  signal?: NodeJS.Signals
}

const mine = new Map<string, Entry>()
let seq = 0
let hooked = false

function ledgerDir(): string | null {
  return process.env[LEDGER_ENV] ?? null
}

/** Writes the server down; the returned function strikes it out once it has stopped. */
export function recordServer(entry: Entry): () => void {
  const id = `${process.pid}-${++seq}`
  mine.set(id, entry)
  const dir = ledgerDir()
  if (dir) {
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, `${id}.json`), JSON.stringify(entry))
  }
  if (!hooked) process.once('exit', () => void killAll([...mine.values()]))
  hooked = true
  return () => {
    mine.delete(id)
    if (dir) rmSync(join(dir, `${id}.json`), { force: true })
  }
}

function pidOf(entry: Entry): number | null {
  if (entry.pid) return entry.pid
  try {
    const pid = Number(readFileSync(entry.pidFile!, 'utf8').split('\n')[0])
    return Number.isInteger(pid) && pid > 0 ? pid : null
  } catch {
    return null // no pid file: the server is not running
  }
}

/** Signals only, no waiting: it also works from an 'exit' handler; the servers' folders are temporary. */
function killAll(entries: Entry[]): string[] {
  const killed: string[] = []
  for (const e of entries) {
    const pid = pidOf(e)
    if (!pid) continue
    try {
      process.kill(pid, e.signal ?? 'SIGKILL')
      killed.push(`${e.what} (pid ${pid})`)
    } catch {
      // already gone
    }
  }
  return killed
}

/** For the global teardown: kills every server still in the run's ledger and removes the ledger. */
export function killLeftovers(dir: string): string[] {
  let names: string[]
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.json'))
  } catch {
    return []
  }
  const entries = names.map((n) => JSON.parse(readFileSync(join(dir, n), 'utf8')) as Entry)
  const killed = killAll(entries)
  rmSync(dir, { recursive: true, force: true })
  return killed
}
