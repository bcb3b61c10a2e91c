// The hub holds a file descriptor per connection, and the registry and journal need some of
// their own: with the common 1024 a thousand idle connections made registry writes fail (EMFILE).
// Node cannot raise its own limit, so the hub reads it at start and says when it is low.
import { readFileSync } from 'node:fs'

/** Below this the hub warns at start: ~1,000 attendees' phones, 100 kiosks and the hub's own files. */
export const LOW_FD_LIMIT = 4096
/** Descriptors kept back from connections for the journal, the registry, fonts and exports. */
export const FD_RESERVE = 256

/** The soft "Max open files" of this process from /proc (Linux); null where it cannot be read. */
export function openFileLimit(limitsText?: string): number | null {
  let text = limitsText
  if (text === undefined) {
    try {
      text = readFileSync('/proc/self/limits', 'utf8')
    } catch {
      return null
    }
  }
  const m = /^Max open files\s+(\d+|unlimited)\s/m.exec(text)
  if (!m) return null
  return m[1] === 'unlimited' ? Infinity : Number(m[1])
}

/** The bilingual start-up warning when the limit is low, else null. */
export function fdLimitWarning(limit: number | null): string | null {
  if (limit === null || limit >= LOW_FD_LIMIT) return null
  return [
    `Ilani / Warning: kikomo cha faili zilizo wazi ni ${limit} / the open-file limit is ${limit}.`,
    `  Kitovu kinapokea miunganisho ${Math.max(0, limit - FD_RESERVE)} tu / The hub accepts only ${Math.max(0, limit - FD_RESERVE)} connections.`,
    `  Ongeza kabla ya kuanza / Raise it before starting: ulimit -n ${LOW_FD_LIMIT * 4}`,
  ].join('\n')
}
