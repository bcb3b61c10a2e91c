// Tells a USB barcode scanner (a "keyboard wedge") from a person typing. A scanner sends a
// whole code in one fast burst and ends it with Enter or Tab; nobody types 20 characters at
// 35 ms a key. The burst is judged by its median gap, not each gap, because a busy kiosk PC
// (or a USB hub) stalls the odd key for hundreds of milliseconds and a scan must not be lost
// to that; a person's median gap is 100 ms or more. A pause of over a second ends a burst, so
// what someone typed before picking up the scanner is not glued to the front of the code.
// Pure: it sees only keys and times, so it is tested without a browser.

export interface WedgeKey {
  key: string
  /** milliseconds, any monotonic origin (KeyboardEvent.timeStamp) */
  timeStamp: number
  /** auto-repeat from a held key: never part of a scan */
  repeat?: boolean
}

export interface WedgeOptions {
  /**
   * shortest burst taken as a scan. Badge codes are ~92 characters, but a scanner reading
   * something else (a product barcode, an old event's badge) must get an answer, "not a
   * badge", rather than silence; speed, not length, tells a scanner from a person.
   */
  minLength: number
  /** the burst's median gap between keys must be at most this */
  maxMedianGapMs: number
  /** a pause longer than this ends the burst (also between the last key and Enter/Tab) */
  breakGapMs: number
}

export const DEFAULT_WEDGE: WedgeOptions = { minLength: 4, maxMedianGapMs: 35, breakGapMs: 1000 }

/** Badge codes are far shorter; a runaway burst is cut from the front. */
const MAX_BUFFER = 512
const TERMINATORS = new Set(['Enter', 'Tab'])

export class WedgeDetector {
  private buffer = ''
  private times: number[] = []

  constructor(private readonly options: WedgeOptions = DEFAULT_WEDGE) {}

  /** Feeds one keydown. Returns the scanned code when this key ends a scan, else null. */
  push(e: WedgeKey): string | null {
    if (e.repeat) {
      this.reset()
      return null
    }
    const last = this.times[this.times.length - 1]
    const paused = last !== undefined && e.timeStamp - last > this.options.breakGapMs
    if (TERMINATORS.has(e.key)) {
      const code = !paused && this.isScan() ? this.buffer : null
      this.reset()
      return code
    }
    // Shift, Control and friends: scanners press Shift for capitals; they are not characters
    if (e.key.length !== 1) return null
    if (paused) this.reset()
    this.buffer += e.key
    this.times.push(e.timeStamp)
    if (this.buffer.length > MAX_BUFFER) {
      this.buffer = this.buffer.slice(1)
      this.times.shift()
    }
    return null
  }

  /** Characters of the burst in progress (what a scanner may have typed into a focused input so far). */
  get pending(): string {
    return this.buffer
  }

  reset() {
    this.buffer = ''
    this.times = []
  }

  private isScan(): boolean {
    const t = this.times
    if (t.length < this.options.minLength) return false
    const gaps = t
      .slice(1)
      .map((at, i) => at - t[i]!)
      .sort((a, b) => a - b)
    return gaps[Math.floor(gaps.length / 2)]! <= this.options.maxMedianGapMs
  }
}

/** The text of an input once a scan that a scanner typed into it is taken back out. */
export function withoutScan(value: string, code: string): string {
  if (value.endsWith(code)) return value.slice(0, value.length - code.length)
  const at = value.lastIndexOf(code)
  return at < 0 ? value : value.slice(0, at) + value.slice(at + code.length)
}
