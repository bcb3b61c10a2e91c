// Small helpers shared by the benchmarks: percentiles, tables, event-loop blocking, Chromium
// (plain or throttled like a slow machine) and a kiosk desk (a hub with a paired agent).
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { chromium, type Browser, type CDPSession } from 'playwright-core'
import { startAgent, type AgentHandle } from '../agent/agent.js'
import { createHub, type Hub } from '../hub/server/app.js'
import { createDemoEvent } from '../hub/demo/demo-event.js'
import { createPairingCode } from '../hub/kiosks/pairing.js'
import { EventStore } from '../hub/store/event-store.js'
import { BENCH_DAY } from './fixtures.js'

export interface BenchResult {
  name: string
  rows: Record<string, string | number>[]
  notes?: string[]
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[i]!
}

export function summary(values: number[]) {
  const s = [...values].sort((a, b) => a - b)
  return { p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), max: s[s.length - 1] ?? NaN, n: s.length }
}

export const ms = (v: number) => (Number.isFinite(v) ? Number(v.toFixed(v < 10 ? 3 : 1)) : 'n/a')

export function table(result: BenchResult): string {
  const cols = [...new Set(result.rows.flatMap((r) => Object.keys(r)))]
  const cell = (v: unknown) => String(v ?? '')
  const widths = cols.map((c) => Math.max(c.length, ...result.rows.map((r) => cell(r[c]).length)))
  const line = (vals: string[]) => '| ' + vals.map((v, i) => v.padEnd(widths[i]!)).join(' | ') + ' |'
  return [
    `### ${result.name}`,
    '',
    line(cols),
    '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|',
    ...result.rows.map((r) => line(cols.map((c) => cell(r[c])))),
    ...(result.notes?.length ? ['', ...result.notes.map((n) => `- ${n}`)] : []),
  ].join('\n')
}

/** Longest single block of the event loop while `work` runs, in ms. */
export async function longestBlock<T>(work: () => Promise<T>): Promise<{ value: T; maxBlockMs: number; p99BlockMs: number }> {
  const h = monitorEventLoopDelay({ resolution: 1 })
  h.enable()
  const value = await work()
  h.disable()
  return { value, maxBlockMs: h.max / 1e6, p99BlockMs: h.percentile(99) / 1e6 }
}

export const now = () => performance.now()

/** Chromium's flags on this machine (RECIPES.md); `extra` for a fake camera and the like. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export const launchChromium = (extra: string[] = []): Promise<Browser> =>
  chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: [...CHROMIUM_ARGS, ...extra] })

/** A slow machine or a poor network, from the Chrome DevTools Protocol (RECIPES.md). */
export interface Throttle {
  cpu?: number
  network?: { latencyMs: number; downKbps: number; upKbps: number }
}

export async function throttle(cdp: CDPSession, t: Throttle) {
  if (t.cpu) await cdp.send('Emulation.setCPUThrottlingRate', { rate: t.cpu })
  if (t.network) {
    await cdp.send('Network.enable')
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: t.network.latencyMs,
      downloadThroughput: (t.network.downKbps * 1000) / 8,
      uploadThroughput: (t.network.upKbps * 1000) / 8,
    })
  }
}

export interface KioskDesk {
  root: string
  store: EventStore
  hub: Hub
  agent: AgentHandle
  /** a valid badge code for attendee `seq` of the demo event */
  badge(seq: number): string
  close(): Promise<void>
}

/** The demo event on a real hub, and a real kiosk agent paired with it at desk-1, on a fixed morning of the bench day. */
export async function startKioskDesk(prefix: string): Promise<KioskDesk> {
  const clock = () => new Date(`${BENCH_DAY}T09:00:00+03:00`)
  const root = await mkdtemp(join(tmpdir(), prefix))
  const { store } = await EventStore.open({
    dataDir: join(root, 'hub'),
    now: clock,
    seed: (key) => createDemoEvent({ firstDay: BENCH_DAY, badgePublicKey: key }),
  })
  const hub = createHub({ store, now: clock, log: { info() {}, error() {} } })
  const { port } = await hub.listen(0, '127.0.0.1')
  const { code: pairing } = await createPairingCode(store, 5)
  const agent = await startAgent({
    dataDir: join(root, 'kiosk'),
    port: 0,
    hubUrl: `http://127.0.0.1:${port}`,
    pairingCode: pairing,
    deskId: 'desk-1',
    now: clock,
    log: () => {},
  })
  while (!agent.kiosk.registry) await new Promise((r) => setTimeout(r, 20))
  return {
    root,
    store,
    hub,
    agent,
    badge: (seq) => store.signBadge({ attendeeSeq: seq, badgeVersion: store.registry.bySeq.get(seq)!.badgeVersion || 1 }),
    async close() {
      await agent.close()
      await hub.close()
      await rm(root, { recursive: true, force: true })
    },
  }
}
