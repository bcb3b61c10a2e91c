// One sound per answer, so a desk officer who is looking away hears which answer it was:
// rising for welcome, a double beep for already in, low and falling for every refusal, each
// refusal its own. Pure data; sounds.ts plays it.
import type { ShownOutcome } from './outcome-view'

/** [frequency Hz, start s, length s] */
export type Note = [number, number, number]
export interface Sound {
  wave: 'sine' | 'square'
  notes: Note[]
}

const sine = (...notes: Note[]): Sound => ({ wave: 'sine', notes })
const square = (...notes: Note[]): Sound => ({ wave: 'square', notes })

/** Every answer has its own (tests/unit/kiosk-result-logic.test.ts checks no two are alike). */
export const SOUNDS: Record<ShownOutcome, Sound> = {
  admitted: sine([880, 0, 0.12], [1320, 0.13, 0.2]),
  readmitted: sine([880, 0, 0.1], [1175, 0.11, 0.1], [1320, 0.22, 0.14]),
  exited: sine([660, 0, 0.18]),
  already_checked_in: sine([620, 0, 0.16], [620, 0.24, 0.16]),
  wrong_day: square([330, 0, 0.2], [247, 0.24, 0.36]),
  no_event_today: square([262, 0, 0.5]),
  revoked: square([300, 0, 0.1], [300, 0.16, 0.1], [300, 0.32, 0.1]),
  other_event: square([392, 0, 0.18], [262, 0.22, 0.3]),
  invalid: square([180, 0, 0.6]),
  unknown: square([240, 0, 0.22], [180, 0.26, 0.4]),
  error: square([200, 0, 0.12], [200, 0.2, 0.12]),
}
