// The crash harness: a hub and two kiosk agents as separate processes, check-ins streamed
// through the kiosks, and SIGKILLs at random moments, each victim restarted. At the end,
// every check-in a kiosk reported as accepted must be in the hub exactly once, and the hub's
// counts must equal a recount from the raw journal. Used by the test run (20+ kills) and by
// `npm run soak` (200+). When and whom it kills comes from a seeded generator: the seed is
// printed (and in the report), and KARIBU_CRASH_SEED=<seed> replays the same kills.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { io, type Socket } from 'socket.io-client'
import { createBadgeSigner } from '../../node-shared/badge-crypto.js'
import { isAdmitting, type CheckinRecord } from '../../shared/domain.js'
import type { KioskClientEvents, KioskServerEvents, ScanResult } from '../../shared/kiosk-protocol.js'
import { kioskSession, lastLaunchUrl } from './kiosk-client.js'
import { seedFromEnv } from './seeded-random.js'
import { freePort, healthy, runTs, type Child } from './processes.js'
import { tempDir } from './temp-dir.js'
import { until } from './until.js'

export interface HarnessReport {
  /** the kills' seed: KARIBU_CRASH_SEED=<seed> replays them */
  seed: number
  kills: number
  reported: number
  stored: number
  missing: string[]
  duplicateLines: number
  countsMatch: boolean
}

interface Proc {
  name: string
  start(): Promise<Child>
  child: Child | null
}

export async function runCrashHarness(options: { kills: number; log?: (m: string) => void }): Promise<HarnessReport> {
  const log = options.log ?? (() => {})
  const random = seedFromEnv('KARIBU_CRASH_SEED', 'crash harness')
  const dirs = [await tempDir('karibu-crash-hub-'), await tempDir('karibu-crash-k1-'), await tempDir('karibu-crash-k2-')]
  const [hubDir, k1Dir, k2Dir] = dirs.map((d) => d.path) as [string, string, string]
  const hubPort = await freePort()
  const hubUrl = `http://127.0.0.1:${hubPort}`
  const kioskPorts = [await freePort(), await freePort()]
  const procs: Proc[] = []
  const screens: Socket<KioskServerEvents, KioskClientEvents>[] = []
  const cookies: string[] = []
  try {
    // first hub start: read the admin credential it prints once, to make pairing codes
    const hub: Proc = {
      name: 'hub',
      child: null,
      async start() {
        const child = runTs('hub/main.ts', [], { PORT: String(hubPort), HOST: '127.0.0.1', KARIBU_DATA: hubDir })
        await until(() => healthy(`${hubUrl}/healthz`), 30_000, `hub up (${child.output()})`)
        await until(() => child.output().includes('pairing code'), 10_000, 'hub banner')
        return child
      },
    }
    hub.child = await hub.start()
    const adminToken = /\s(kba_[A-Za-z0-9_-]+)/.exec(hub.child.output())?.[1]
    if (!adminToken) throw new Error(`no admin credential in: ${hub.child.output()}`)
    procs.push(hub)
    const sign = createBadgeSigner(await readFile(join(hubDir, 'badge-key.pem'), 'utf8'))

    for (const [i, dir] of [k1Dir, k2Dir].entries()) {
      const port = kioskPorts[i]!
      const res = await fetch(`${hubUrl}/api/pairing-codes`, { method: 'POST', headers: { Authorization: `Bearer ${adminToken}` } })
      const { code } = (await res.json()) as { code: string }
      let first = true
      const kiosk: Proc = {
        name: `kiosk${i + 1}`,
        child: null,
        async start() {
          const args = ['--data', dir, '--port', String(port), '--desk', `desk-${i + 1}`]
          if (first) args.push('--hub', hubUrl, '--code', code)
          first = false
          const child = runTs('agent/main.ts', args)
          await until(
            () => healthy(`http://127.0.0.1:${port}/healthz`, (b) => (b.attendees as number) > 0),
            30_000,
            `kiosk up (${child.output()})`,
          )
          // a restarted agent knows no old session: the screen opens the new launch link, as a desk officer would
          await until(() => child.output().includes('#launch='), 10_000, 'launch link printed')
          cookies[i] = await kioskSession(lastLaunchUrl(child.output()))
          const screen = screens[i]
          if (screen) screen.io.opts.extraHeaders = { cookie: cookies[i]! }
          return child
        },
      }
      kiosk.child = await kiosk.start()
      procs.push(kiosk)
      screens.push(
        io(`http://127.0.0.1:${port}`, {
          transports: ['websocket'],
          reconnectionDelay: 100,
          reconnectionDelayMax: 300,
          extraHeaders: { cookie: cookies[i]! },
        }),
      )
    }

    const reported: ScanResult[] = []
    let stop = false
    let n = 0
    const scanning = (async () => {
      while (!stop) {
        const k = n++ % screens.length
        const seq = ((n * 37) % 1000) + 1
        const req =
          n % 3 === 0
            ? { code: sign({ attendeeSeq: seq, badgeVersion: 1 }), method: 'qr' }
            : { attendeeId: `A${String(seq).padStart(4, '0')}`, method: 'search' }
        const res = await screens[k]!.timeout(1500)
          .emitWithAck('scan:submit', req)
          .catch(() => null)
        if (res?.ok) reported.push(res.result)
        else await new Promise((r) => setTimeout(r, 50))
      }
    })()

    for (let kill = 0; kill < options.kills; kill++) {
      await new Promise((r) => setTimeout(r, 100 + random.next() * 500))
      const victim = procs[Math.floor(random.next() * procs.length)]!
      log(`kill ${kill + 1}: ${victim.name} (reported so far ${reported.length})`)
      await victim.child!.kill9()
      victim.child = await victim.start()
    }
    await new Promise((r) => setTimeout(r, 500))
    stop = true
    await scanning
    for (const [i, port] of kioskPorts.entries()) {
      await until(
        () => healthy(`http://127.0.0.1:${port}/healthz`, (b) => b.outboxDepth === 0 && b.online === true),
        60_000,
        `kiosk${i + 1} drained`,
      )
    }
    for (const p of procs) await p.child!.stop()

    const lines = (await readFile(join(hubDir, 'checkins.jsonl'), 'utf8')).split('\n').filter((l) => l.trim())
    const records = lines.map((l) => JSON.parse(l) as CheckinRecord)
    const ids = new Map<string, number>()
    for (const r of records) ids.set(r.id, (ids.get(r.id) ?? 0) + 1)
    const missing = reported.map((r) => r.recordId).filter((id) => !ids.has(id))
    const duplicateLines = [...ids.values()].filter((c) => c > 1).length

    // the hub's own figures after a clean start on the same data, against a recount
    const check = runTs('hub/main.ts', [], { PORT: String(hubPort), HOST: '127.0.0.1', KARIBU_DATA: hubDir })
    procs.push({ name: 'check', child: check, start: async () => check })
    await until(() => healthy(`${hubUrl}/healthz`), 30_000, 'hub for the final count')
    await until(() => check.output().includes('Usher credential'), 10_000, 'usher credential printed')
    const usher = /Usher credential: (kbu_[A-Za-z0-9_-]+)/.exec(check.output())?.[1]
    const registry = JSON.parse(await readFile(join(hubDir, 'registry.json'), 'utf8')) as { event: { days: { id: string }[] } }
    let countsMatch = true
    for (const day of registry.event.days) {
      const stats = (await (
        await fetch(`${hubUrl}/api/stats?day=${day.id}`, { headers: { Authorization: `Bearer ${usher}` } })
      ).json()) as { stats: { checkedIn: number } }
      if (stats.stats.checkedIn !== recountUnique(records, day.id)) countsMatch = false
    }
    return { seed: random.seed, kills: options.kills, reported: reported.length, stored: ids.size, missing, duplicateLines, countsMatch }
  } finally {
    for (const s of screens) s.disconnect()
    for (const p of procs) await p.child?.stop().catch(() => {})
    for (const d of dirs) await d.remove()
  }
}

/** A full recount from the raw records, apart from the ledger, to check the hub's figures against. */
function recountUnique(records: Iterable<CheckinRecord>, dayId: string): number {
  const seen = new Set<string>()
  for (const r of records) if (r.dayId === dayId && r.attendeeId && isAdmitting(r.outcome)) seen.add(r.attendeeId)
  return seen.size
}
