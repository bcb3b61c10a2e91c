// Pure: a table, a mapping and the registry as it is → what an import would do, row by row,
// and every problem. Nothing is written here; apply.ts carries a plan out.
import { attendeeName, FLAGS, groupNumber, type Attendee, type Bilingual, type EventInfo, type Flag } from '../../../shared/domain.js'
import { changesOf, updatedAttendee, type FieldChange } from './attendee-from-row.js'
import { REQUIRED_FIELDS, type ImportField, type Mapping } from './fields.js'
import { oneLine, splitFullName, withPrefix } from './names.js'
import { normalisePhone } from './phone.js'
import { problem, type ImportProblem } from './problems.js'
import type { Table } from './read-table.js'
import { categoryMatcher, groupMatcher, valueKey, type ResolvedChoices, type ValueField, type ValueMatch } from './values.js'

/** The attendee fields a row sets; a field whose column is not mapped is absent (kept on update). */
export interface RowValues {
  externalId?: string
  firstName: string
  lastName: string
  groupId: string
  title?: string
  organisation?: string
  orgType?: string
  category?: string
  phone?: string | undefined
  email?: string | undefined
  /** flags this row sets on or off; flags not named keep their value on update */
  flags?: Partial<Record<Flag, boolean>>
}

export interface PlannedRow {
  row: number
  values: RowValues
  /** the registered attendee this row updates (same registration ID), or null to add one */
  existingId: string | null
  problems: ImportProblem[]
  /** the organiser chose to leave this row's value out: not imported, and not a problem */
  leftOut?: true
  /** for a row that updates someone registered: what it would change (old → new) */
  changes?: FieldChange[]
}

export interface ImportPlan {
  sheets: string[]
  sheet: string | null
  headerRow: number
  columns: string[]
  mapping: Mapping
  rows: PlannedRow[]
  /** problems of the file as a whole (a required field with no column) */
  fileProblems: ImportProblem[]
  /** each distinct group value (and category value, when the event defines categories) and what it was taken to mean */
  values: ValueMatch[]
  /** the event's groups, for the value-mapping step to offer */
  groups: { id: string; number: number; name: Bilingual }[]
  /** the event's categories, for the value-mapping step to offer; empty: categories are free text */
  categories: { id: string; name: Bilingual }[]
}

export const validRows = (plan: ImportPlan) =>
  plan.fileProblems.length ? [] : plan.rows.filter((r) => r.problems.length === 0 && !r.leftOut)
/** the rows an import would take, were they all valid: every row but those left out */
export const keptRows = (plan: ImportPlan) => plan.rows.filter((r) => !r.leftOut)
export const allProblems = (plan: ImportPlan) => [...plan.fileProblems, ...plan.rows.flatMap((r) => r.problems)]

const MAX: Partial<Record<ImportField, number>> = {
  externalId: 64,
  firstName: 100,
  lastName: 100,
  title: 100,
  organisation: 200,
  orgType: 100,
  category: 100,
  email: 200,
}
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const FALSE = new Set(['', '0', 'no', 'n', 'false', 'hapana', 'la', '-'])
const FLAG_WORDS: Record<string, Flag> = {
  vip: 'vip',
  'mgeni mashuhuri': 'vip',
  speaker: 'speaker',
  mzungumzaji: 'speaker',
  mnenaji: 'speaker',
  exhibitor: 'exhibitor',
  mwonyeshaji: 'exhibitor',
  press: 'press',
  media: 'press',
  'mwandishi wa habari': 'press',
  habari: 'press',
  staff: 'staff',
  mratibu: 'staff',
  mfanyakazi: 'staff',
}

const key = (s: string) => s.trim().toLowerCase()

export interface RegistryView {
  event: Pick<EventInfo, 'groups' | 'categories'>
  attendees: readonly Attendee[]
}

/** `choices`: the organiser's value mapping, keyed by valueKey (see values.ts resolveChoices) */
export function planImport(table: Table, mapping: Mapping, registry: RegistryView, choices: ResolvedChoices = {}): ImportPlan {
  // a full-name column stands in for first name and surname
  const required = mapping.fullName ? REQUIRED_FIELDS.filter((f) => f === 'groupId') : REQUIRED_FIELDS
  const fileProblems = required.filter((f) => !mapping[f]).map((f) => problem(table.headerRow ?? 1, f, 'unmapped_column'))
  const pairMapped = !!mapping.firstName && !!mapping.lastName
  const index = new Map(table.columns.map((c, i) => [c, i]))
  const col = (field: ImportField) => {
    const column = mapping[field]
    return column === null ? undefined : index.get(column)
  }

  const categories = registry.event.categories ?? []
  // with no categories defined, a category cell is free text, kept as written
  const matchers: Partial<Record<ValueField, { match(v: string): { id: string; by: 'id' | 'number' | 'name' } | null }>> = {
    groupId: groupMatcher(registry.event.groups),
  }
  if (categories.length) matchers.category = categoryMatcher(categories)
  const valueMatches = new Map<string, ValueMatch>()
  const seeValue = (field: ValueField, value: string, to: string | null, by: ValueMatch['by']) => {
    const k = `${field}\u0000${valueKey(value)}`
    const seen = valueMatches.get(k)
    if (seen) seen.rows++
    else valueMatches.set(k, { field, value, rows: 1, to, by })
  }
  /** what a group or category cell means: an id, null (unknown: a problem), or 'left_out' */
  const lookUp = (row: number, field: ValueField, value: string, problems: ImportProblem[]): string | null | 'left_out' => {
    const chosen = choices[field]?.get(valueKey(value))
    if (chosen === null) {
      seeValue(field, value, null, 'left_out')
      return 'left_out'
    }
    if (chosen !== undefined) {
      seeValue(field, value, chosen, 'chosen')
      return chosen
    }
    const found = matchers[field]!.match(value)
    if (found) {
      seeValue(field, value, found.id, found.by)
      return found.id
    }
    seeValue(field, value, null, 'unknown')
    problems.push(problem(row, field, field === 'category' ? 'unknown_category' : 'unknown_group', { value }))
    return null
  }
  const byExternal = new Map<string, Attendee>()
  const byPhone = new Map<string, Attendee>()
  const byEmail = new Map<string, Attendee>()
  for (const a of registry.attendees) {
    if (a.externalId) byExternal.set(key(a.externalId), a)
    if (a.phone) byPhone.set(a.phone, a)
    if (a.email) byEmail.set(key(a.email), a)
  }
  const seenExternal = new Map<string, number>()
  const seenPhone = new Map<string, number>()
  const seenEmail = new Map<string, number>()

  const rows = table.rows.map(({ row, cells }): PlannedRow => {
    const problems: ImportProblem[] = []
    const cell = (field: ImportField): string | undefined => {
      const i = col(field)
      return i === undefined ? undefined : (cells[i] ?? '')
    }
    const text = (field: ImportField): string | undefined => {
      const raw = cell(field)
      if (raw === undefined) return undefined
      const value = oneLine(raw)
      const max = MAX[field]
      if (max && value.length > max) problems.push(problem(row, field, 'too_long', { max }))
      return value
    }

    const values: RowValues = { firstName: '', lastName: '', groupId: '' }
    if (!oneLine(cell('groupId') ?? '') && mapping.groupId) problems.push(problem(row, 'groupId', 'missing_field'))
    const name = readName(row, cell, pairMapped, problems)
    values.firstName = name.firstName
    values.lastName = name.lastName

    const group = text('groupId')
    if (group) {
      const id = lookUp(row, 'groupId', group, problems)
      if (id === 'left_out') return { row, values, existingId: null, problems: [], leftOut: true }
      if (id !== null) values.groupId = id
    }
    for (const f of ['title', 'organisation', 'orgType', 'category'] as const) {
      const v = text(f)
      if (v !== undefined) values[f] = v
    }
    if (values.category && matchers.category) {
      // the attendee keeps the category's id; an unknown value keeps the cell until mapped
      const id = lookUp(row, 'category', values.category, problems)
      if (id === 'left_out') return { row, values, existingId: null, problems: [], leftOut: true }
      if (id !== null) values.category = id
    }
    const title = withPrefix(name.prefix, values.title)
    if (title !== undefined) values.title = title
    if (title && title.length > 100 && !problems.some((x) => x.field === 'title'))
      problems.push(problem(row, 'title', 'too_long', { max: 100 }))

    const externalId = text('externalId')
    let existing: Attendee | undefined
    if (externalId) {
      values.externalId = externalId
      existing = byExternal.get(key(externalId))
      const earlier = seenExternal.get(key(externalId))
      if (earlier) problems.push(problem(row, 'externalId', 'duplicate_external_id', { value: externalId, with: { row: earlier } }))
      else seenExternal.set(key(externalId), row)
    }
    // the same person twice: within the file, or someone registered under another registration ID
    const clash = (found: Attendee | undefined) =>
      found && found !== existing ? { name: attendeeName(found), externalId: found.externalId } : undefined

    const rawPhone = cell('phone')
    if (rawPhone !== undefined) {
      const phone = normalisePhone(rawPhone)
      if (!phone.ok) problems.push(problem(row, 'phone', 'bad_phone', { value: oneLine(rawPhone) }))
      else {
        values.phone = phone.phone
        if (phone.phone) {
          const earlier = seenPhone.get(phone.phone)
          const registered = clash(byPhone.get(phone.phone))
          if (earlier) problems.push(problem(row, 'phone', 'duplicate_phone', { value: phone.phone, with: { row: earlier } }))
          else if (registered) problems.push(problem(row, 'phone', 'duplicate_phone', { value: phone.phone, with: registered }))
          if (!earlier) seenPhone.set(phone.phone, row)
        }
      }
    }

    const email = text('email')
    if (email !== undefined) {
      if (email && !EMAIL.test(email)) problems.push(problem(row, 'email', 'bad_email', { value: email }))
      else {
        values.email = email || undefined
        if (email) {
          const earlier = seenEmail.get(key(email))
          const registered = clash(byEmail.get(key(email)))
          if (earlier) problems.push(problem(row, 'email', 'duplicate_email', { value: email, with: { row: earlier } }))
          else if (registered) problems.push(problem(row, 'email', 'duplicate_email', { value: email, with: registered }))
          if (!earlier) seenEmail.set(key(email), row)
        }
      }
    }

    const flags = readFlags(cell)
    if (flags) values.flags = flags
    const who = { externalId: externalId || undefined, name: attendeeName(values) || oneLine(cell('fullName') ?? '') || undefined }
    for (const p of problems) {
      if (who.externalId) p.externalId = who.externalId
      if (who.name) p.name = who.name
    }
    const planned: PlannedRow = { row, values, existingId: existing?.id ?? null, problems }
    if (existing) planned.changes = changesOf(existing, updatedAttendee(existing, planned, existing.rev))
    return planned
  })
  return {
    sheets: table.sheets ?? [],
    sheet: table.sheet ?? null,
    headerRow: table.headerRow ?? 1,
    columns: table.columns,
    mapping,
    rows,
    fileProblems,
    values: [...valueMatches.values()],
    groups: registry.event.groups.map((g, i) => ({ id: g.id, number: groupNumber(registry.event.groups, i), name: g.name })),
    categories: categories.map((c) => ({ id: c.id, name: c.name })),
  }
}

/**
 * First name and surname from their own columns when the row has them, else from the full
 * name. Honorifics at the front of either move to the title.
 */
function readName(row: number, cell: (field: ImportField) => string | undefined, pairMapped: boolean, problems: ImportProblem[]) {
  const first = oneLine(cell('firstName') ?? '')
  const last = oneLine(cell('lastName') ?? '')
  const full = cell('fullName')
  const checkLength = (v: { firstName: string; lastName: string }) => {
    if (v.firstName.length > 100) problems.push(problem(row, 'firstName', 'too_long', { max: 100 }))
    if (v.lastName.length > 100) problems.push(problem(row, 'lastName', 'too_long', { max: 100 }))
  }
  if (pairMapped && (first || last || full === undefined || !oneLine(full))) {
    if (!first) problems.push(problem(row, 'firstName', 'missing_field'))
    if (!last) problems.push(problem(row, 'lastName', 'missing_field'))
    const split = splitFullName(first)
    const v = {
      firstName: split.lastName ? [split.firstName, split.lastName].filter(Boolean).join(' ') : first,
      lastName: last,
      prefix: split.prefix,
    }
    checkLength(v)
    return v
  }
  if (full === undefined || !oneLine(full)) {
    if (full !== undefined) problems.push(problem(row, 'fullName', 'missing_field'))
    else {
      // at most one of the pair is mapped, and no full name: the missing column is a file problem
      if (!first && cell('firstName') !== undefined) problems.push(problem(row, 'firstName', 'missing_field'))
      if (!last && cell('lastName') !== undefined) problems.push(problem(row, 'lastName', 'missing_field'))
    }
    return { firstName: first, lastName: last, prefix: '' }
  }
  const v = splitFullName(full, cell('lastName'))
  if (!v.firstName || !v.lastName) problems.push(problem(row, 'fullName', 'one_word_name', { value: oneLine(full) }))
  checkLength(v)
  return v
}

function readFlags(cell: (field: ImportField) => string | undefined): Partial<Record<Flag, boolean>> | undefined {
  let flags: Partial<Record<Flag, boolean>> | undefined
  const list = cell('flags')
  if (list !== undefined) {
    flags = Object.fromEntries(FLAGS.map((f) => [f, false]))
    for (const word of list.split(/[,;/|]+/)) {
      const word_ = key(word).replace(/\s+/g, ' ')
      // own words only: "constructor" is not a flag because every object has one
      const flag = Object.hasOwn(FLAG_WORDS, word_) ? FLAG_WORDS[word_] : undefined
      if (flag) flags[flag] = true
    }
  }
  for (const flag of FLAGS) {
    const v = cell(flag)
    if (v === undefined) continue
    flags ??= {}
    flags[flag] = !FALSE.has(key(v))
  }
  return flags
}
