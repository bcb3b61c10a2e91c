// Main's log on the desk PC: a file in the kiosk's data folder, so a technician can read what
// happened after a crash or a reboot. Small and rotated, so a kiosk left running for the whole
// event cannot fill the disk. Synchronous appends: the last lines before a crash are the useful
// ones, and main logs little.
import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { isoWithOffset } from '../../shared/local-time.js'

export interface RotatingLogOptions {
  /** size at which the file is rotated */
  maxBytes?: number
  /** rotated files kept beside the current one (main.1.log is the newest) */
  keep?: number
  now?: () => Date
  /** the desk PC stands at the venue, so its own zone is the event's */
  timeZone?: string
}

export interface RotatingLog {
  readonly path: string
  write(level: string, message: string): void
}

export function openRotatingLog(dir: string, options: RotatingLogOptions = {}): RotatingLog {
  const { maxBytes = 1024 * 1024, keep = 3, now = () => new Date() } = options
  const timeZone = options.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone
  mkdirSync(dir, { recursive: true })
  const path = join(dir, 'main.log')
  const rotated = (n: number) => join(dir, `main.${n}.log`)
  let size = sizeOf(path)

  const rotate = () => {
    rmSync(rotated(keep), { force: true })
    for (let n = keep - 1; n >= 1; n--) if (sizeOf(rotated(n)) >= 0) renameSync(rotated(n), rotated(n + 1))
    if (keep > 0) renameSync(path, rotated(1))
    else rmSync(path, { force: true })
    size = 0
  }

  return {
    path,
    write(level, message) {
      const line = `${isoWithOffset(now(), timeZone)} ${level} ${message}\n`
      try {
        if (size > 0 && size + Buffer.byteLength(line) > maxBytes) rotate()
        appendFileSync(path, line)
        size += Buffer.byteLength(line)
      } catch {
        // A full or read-only disk must not take the kiosk down; the console still has the line.
      }
    },
  }
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size
  } catch {
    return -1
  }
}

type ConsoleMethod = 'log' | 'info' | 'warn' | 'error'

/** Copies everything main (and the agent it hosts) prints to the console into the log file. */
export function teeConsoleTo(log: RotatingLog, target: Pick<Console, ConsoleMethod> = console): void {
  for (const method of ['log', 'info', 'warn', 'error'] as const) {
    const original = target[method].bind(target)
    target[method] = (...args: unknown[]) => {
      original(...args)
      log.write(method.toUpperCase(), args.map(describe).join(' '))
    }
  }
}

function describe(value: unknown): string {
  if (value instanceof Error) return value.stack ?? `${value.name}: ${value.message}`
  if (typeof value === 'string') return value
  try {
    return JSON.stringify(value)
  } catch {
    return String(value)
  }
}

/** The log main keeps in the kiosk's data folder; without one (a broken disk) the kiosk still starts. */
export function logToFolder(dir: string): RotatingLog | null {
  try {
    const log = openRotatingLog(dir)
    teeConsoleTo(log)
    return log
  } catch (error) {
    console.warn('no log file for this run', error)
    return null
  }
}
