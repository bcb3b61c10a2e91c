// Small helpers shared by the benchmarks: percentiles, tables, event-loop blocking.
import { monitorEventLoopDelay } from 'node:perf_hooks'

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
