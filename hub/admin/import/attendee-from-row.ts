// What a planned row makes of an attendee: a new one, or the registered one with the file's
// values on top. The preview's old → new and the write use the same functions, so the preview
// shows exactly what the import would write.
import { FLAGS, type Attendee, type Flag } from '../../../shared/domain.js'
import type { PlannedRow, RowValues } from './plan.js'

function mergeFlags(current: readonly Flag[], set: Partial<Record<Flag, boolean>> | undefined): Flag[] {
  if (!set) return [...current]
  return FLAGS.filter((f) => set[f] ?? current.includes(f))
}

/**
 * Every new attendee is made here, from an imported row's values or a walk-in's (`walkIn`):
 * `ids` from nextAttendeeIds, `rev` the registry revision that adds them.
 */
export function newAttendee(v: RowValues, ids: { id: string; seq: number }, rev: number, walkIn = false): Attendee {
  const { id, seq } = ids
  const a: Attendee = {
    id,
    seq,
    firstName: v.firstName,
    lastName: v.lastName,
    title: v.title ?? '',
    organisation: v.organisation ?? '',
    orgType: v.orgType ?? '',
    category: v.category ?? '',
    groupId: v.groupId,
    flags: mergeFlags([], v.flags),
    walkIn,
    // issued at once, as the seed does: the code can be sent or printed straight away
    badgeVersion: 1,
    rev,
  }
  if (v.externalId) a.externalId = v.externalId
  if (v.phone) a.phone = v.phone
  if (v.email) a.email = v.email
  return a
}

export function updatedAttendee(before: Attendee, r: Pick<PlannedRow, 'values'>, rev: number): Attendee {
  const v = r.values
  const after: Attendee = {
    ...before,
    firstName: v.firstName,
    lastName: v.lastName,
    groupId: v.groupId,
    title: v.title ?? before.title,
    organisation: v.organisation ?? before.organisation,
    orgType: v.orgType ?? before.orgType,
    category: v.category ?? before.category,
    flags: mergeFlags(before.flags, v.flags),
    rev,
  }
  // a mapped phone or email column is the truth, an empty cell included
  if ('phone' in v) {
    if (v.phone) after.phone = v.phone
    else delete after.phone
  }
  if ('email' in v) {
    if (v.email) after.email = v.email
    else delete after.email
  }
  return after
}

/** The fields an organiser reads in the preview's old → new. */
export const CHANGE_FIELDS = [
  'firstName',
  'lastName',
  'title',
  'organisation',
  'orgType',
  'category',
  'groupId',
  'phone',
  'email',
  'flags',
] as const
export type ChangeField = (typeof CHANGE_FIELDS)[number]
export interface FieldChange {
  field: ChangeField
  from: string
  to: string
}

const shown = (v: unknown) => (Array.isArray(v) ? v.join(', ') : typeof v === 'string' ? v : '')

export function changesOf(before: Attendee, after: Attendee): FieldChange[] {
  return CHANGE_FIELDS.map((field) => ({ field, from: shown(before[field]), to: shown(after[field]) })).filter((c) => c.from !== c.to)
}
