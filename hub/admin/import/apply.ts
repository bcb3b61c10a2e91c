// Carries out a plan on the registry data, inside one updateRegistry change: every row or
// none is in the one write. Updates keep the attendee's id, seq and badge version, so their
// check-ins and badge history stay theirs.
import type { Attendee } from '../../../shared/domain.js'
import type { RegistryData } from '../../store/registry-data.js'
import { newAttendee, updatedAttendee } from './attendee-from-row.js'
import { keptRows, validRows, type ImportPlan } from './plan.js'

export type ImportMode = 'valid-rows' | 'all-or-nothing'

export interface ApplyCounts {
  added: number
  updated: number
  /** rows matching a registered person whose details were already the same */
  unchanged: number
  /** rows with a problem, not imported */
  skipped: number
  /** rows whose value the organiser chose to leave out */
  leftOut: number
}

/** Whether a plan may be applied in a mode: all-or-nothing refuses any problem (rows left out by choice are not one). */
export function mayApply(plan: ImportPlan, mode: ImportMode): boolean {
  const valid = validRows(plan).length
  return mode === 'valid-rows' ? true : valid === keptRows(plan).length && plan.fileProblems.length === 0
}

/** The next free attendee id and seq: seqs only grow, so an old badge never names a new person. */
export function nextAttendeeIds(data: Pick<RegistryData, 'attendees'>) {
  let seq = data.attendees.reduce((m, a) => Math.max(m, a.seq), 0)
  const ids = new Set(data.attendees.map((a) => a.id))
  return () => {
    seq++
    let id = `A${String(seq).padStart(4, '0')}`
    for (let n = 2; ids.has(id); n++) id = `A${String(seq).padStart(4, '0')}-${n}`
    ids.add(id)
    return { id, seq }
  }
}

function changedFrom(before: Attendee, after: Attendee): boolean {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)] as (keyof Attendee)[])
  keys.delete('rev')
  return [...keys].some((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
}

/** Mutates `data` (call it inside updateRegistry). `by` names who imported, for the badge log. */
export function applyPlan(data: RegistryData, plan: ImportPlan, rev: number, at: string, by: string): ApplyCounts {
  const rows = validRows(plan)
  const next = nextAttendeeIds(data)
  const kept = keptRows(plan).length
  const counts: ApplyCounts = { added: 0, updated: 0, unchanged: 0, skipped: kept - rows.length, leftOut: plan.rows.length - kept }
  const byId = new Map(data.attendees.map((a, i) => [a.id, i]))
  for (const r of rows) {
    const index = r.existingId === null ? undefined : byId.get(r.existingId)
    if (index === undefined) {
      const { id, seq } = next()
      data.attendees.push(newAttendee(r.values, { id, seq }, rev))
      data.badges.push({ attendeeId: id, version: 1, issuedAt: at, by, reason: 'first' })
      counts.added++
      continue
    }
    const before = data.attendees[index]!
    const after = updatedAttendee(before, r, rev)
    if (changedFrom(before, after)) {
      data.attendees[index] = after
      counts.updated++
    } else counts.unchanged++
  }
  return counts
}
