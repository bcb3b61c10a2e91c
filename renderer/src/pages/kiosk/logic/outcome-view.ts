// How each outcome looks and sounds. One table, so a new outcome cannot be forgotten
// (the Record type makes the compiler list it).
import type { Flag, Outcome } from '../../../../../shared/domain'

/** 'error' is the screen's own: the agent could not answer. */
export type ShownOutcome = Outcome | 'error'
export type Tone = 'good' | 'warn' | 'bad' | 'neutral'

export const OUTCOME_TONE: Record<ShownOutcome, Tone> = {
  admitted: 'good',
  readmitted: 'good',
  exited: 'neutral',
  already_checked_in: 'warn',
  wrong_day: 'bad',
  no_event_today: 'bad',
  revoked: 'bad',
  other_event: 'bad',
  invalid: 'bad',
  unknown: 'bad',
  error: 'bad',
}

/** Flags a desk officer must act on, in the order they matter. */
export const NOTE_FLAGS: readonly Flag[] = ['vip', 'speaker', 'press', 'exhibitor', 'staff']

export const notesFor = (flags: readonly Flag[]): Flag[] => NOTE_FLAGS.filter((f) => flags.includes(f))

/**
 * How long an answer stays before the screen goes back to scanning. A welcome is read at a
 * glance; a refusal (a list of days, where to go) needs time to read, and a tap closes any.
 */
export const RESULT_MS: Record<Tone, number> = { good: 4000, neutral: 4000, warn: 8000, bad: 15_000 }
