// Printing through CUPS with its own command-line tools: `lp` to send (the PDF on stdin),
// `lpstat` to learn which jobs completed. CUPS_SERVER in the environment picks the print
// server, as for any CUPS client.
import { spawn } from 'node:child_process'
import type { BadgeFormat } from '../../shared/badges/badge-layout.js'
import { STOCKS } from '../../shared/badges/badge-stock.js'
import { PRINTER_NAME } from '../../shared/http/badges.js'

/** The media a badge printer is asked for: the stock itself, not the default A4. */
export const MEDIA = Object.fromEntries(Object.values(STOCKS).map((s) => [s.id, s.media])) as Record<BadgeFormat, string>

/** CUPS queue names: printable, no spaces, slashes or quotes; never starting with '-' (an lp option). */
export { PRINTER_NAME }

export type LpResult = { ok: true; cupsJobId: string | null } | { ok: false; error: string }

export interface Run {
  code: number | null
  stdout: string
  stderr: string
  spawnError?: string
}

export function run(command: string, args: string[], input: Buffer | null, timeoutMs: number): Promise<Run> {
  return new Promise((resolve) => {
    let stdout = ''
    let stderr = ''
    let settled = false
    const done = (r: Run) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      resolve(r)
    }
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] })
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      done({ code: null, stdout, stderr, spawnError: `${command} did not answer within ${timeoutMs} ms` })
    }, timeoutMs)
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    child.on('error', (err: NodeJS.ErrnoException) =>
      done({
        code: null,
        stdout,
        stderr,
        spawnError: err.code === 'ENOENT' ? `${command} is not installed (install cups-client)` : err.message,
      }),
    )
    child.on('close', (code) => done({ code, stdout, stderr }))
    child.stdin.on('error', () => {}) // lp may exit before reading all of stdin; its exit code says why
    child.stdin.end(input ?? undefined)
  })
}

/** lp's own message, without its "lp: " prefix, one line, short: shown to the desk officer as is. */
function lpMessage(r: Run): string {
  const text = r.spawnError ?? (r.stderr.trim() || r.stdout.trim() || `lp exited with code ${r.code}`)
  return text
    .split('\n')[0]!
    .replace(/^lp:\s*/, '')
    .slice(0, 200)
}

export async function lpPrint(
  pdf: Buffer,
  options: { printer: string; title: string; media: string; timeoutMs?: number },
): Promise<LpResult> {
  if (!PRINTER_NAME.test(options.printer)) return { ok: false, error: 'invalid printer name' }
  // no file argument: lp reads the PDF from stdin, so no temporary file is left behind
  const args = ['-d', options.printer, '-t', options.title, '-o', `media=${options.media}`]
  const r = await run('lp', args, pdf, options.timeoutMs ?? 20_000)
  if (r.code !== 0) return { ok: false, error: lpMessage(r) }
  // "request id is BadgePDF-12 (1 file(s))"
  const id = /request id is (\S+)/.exec(r.stdout)?.[1] ?? null
  return { ok: true, cupsJobId: id }
}

/** Ids of the jobs CUPS reports completed on these printers (empty when it cannot be asked). */
export async function completedJobs(printers: string[]): Promise<Set<string>> {
  const names = printers.filter((p) => PRINTER_NAME.test(p))
  if (names.length === 0) return new Set()
  const r = await run('lpstat', ['-W', 'completed', '-o', names.join(',')], null, 5_000)
  if (r.code !== 0) return new Set()
  return new Set(
    r.stdout
      .split('\n')
      .map((l) => l.split(/\s+/)[0] ?? '')
      .filter(Boolean),
  )
}
