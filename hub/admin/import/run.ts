// The import as the routes and the CLI use it: read the file, plan against the registry,
// then (apply only) write it in one registry change.
import type { Bilingual } from '../../../shared/domain.js'
import type { EventStore } from '../../store/event-store.js'
import { applyPlan, mayApply, type ApplyCounts, type ImportMode } from './apply.js'
import { FIELD_NAMES, MappingError, resolveMapping, type Mapping, type MappingInput } from './fields.js'
import { allProblems, keptRows, planImport, validRows, type ImportPlan, type RegistryView, type RowValues } from './plan.js'
import type { FieldChange } from './attendee-from-row.js'
import type { ImportProblem } from './problems.js'
import { readTable, ReadError, type Table } from './read-table.js'
import { resolveChoices, ValueChoiceError, type ValueChoices, type ValueMatch } from './values.js'

export interface ImportInput {
  fileName: string
  content: Uint8Array
  mapping?: MappingInput | undefined
  /** the value-mapping step's choices */
  values?: ValueChoices | undefined
  /** a workbook's sheet to read; the first with data when absent */
  sheet?: string | undefined
}

export interface SampleRow {
  row: number
  action: 'add' | 'update' | 'skip' | 'left_out'
  values: RowValues
}

export interface ImportPreview {
  /** a workbook's sheets and the one read; the row the headers were found on */
  sheets: string[]
  sheet: string | null
  headerRow: number
  columns: string[]
  mapping: Mapping
  rows: number
  valid: number
  /** valid rows that add a person / update one already registered (same registration ID) */
  toAdd: number
  toUpdate: number
  /** rows the organiser chose to leave out (value mapping) */
  leftOut: number
  problems: ImportProblem[]
  /** every distinct group (and defined-category) value, what it matched, and how many rows have it */
  values: ValueMatch[]
  groups: ImportPlan['groups']
  categories: ImportPlan['categories']
  sample: SampleRow[]
  /** valid rows that change someone registered, with each change (old → new); the first UPDATE_ROWS */
  updates: RowUpdate[]
  /** valid rows that match someone registered and change nothing */
  unchanged: number
}

export interface RowUpdate {
  row: number
  externalId?: string | undefined
  name: string
  changes: FieldChange[]
}

export type ImportFailure = { error: 'bad_file' | 'bad_mapping'; code: string; message: Bilingual }

const SAMPLE_ROWS = 20
const UPDATE_ROWS = 500

const FILE_MESSAGES: Record<string, Bilingual> = {
  unsupported_file: {
    sw: 'Aina hii ya faili haisomeki: hifadhi kama .xlsx au .csv.',
    en: 'This kind of file cannot be read: save it as .xlsx or .csv.',
  },
  unreadable_file: { sw: 'Faili haisomeki: huenda imeharibika.', en: 'The file cannot be read: it may be damaged.' },
  empty_file: { sw: 'Faili haina safu yoyote.', en: 'The file has no rows.' },
  too_large: { sw: 'Faili ni kubwa mno (zaidi ya MB 10).', en: 'The file is too large (over 10 MB).' },
  too_many_rows: { sw: 'Faili ina safu nyingi mno (zaidi ya 50,000).', en: 'The file has too many rows (over 50,000).' },
  too_many_columns: {
    sw: 'Faili ina safu wima nyingi mno: je, ni orodha ya washiriki?',
    en: 'The file has too many columns: is it a list of attendees?',
  },
  unknown_sheet: { sw: 'Faili haina karatasi yenye jina hilo.', en: 'The file has no sheet of that name.' },
}

function failure(err: unknown): ImportFailure {
  if (err instanceof ReadError) return { error: 'bad_file', code: err.code, message: FILE_MESSAGES[err.code]! }
  if (err instanceof MappingError) {
    const field = FIELD_NAMES[err.field as keyof typeof FIELD_NAMES] ?? { sw: err.field, en: err.field }
    return {
      error: 'bad_mapping',
      code: 'unknown_column',
      message: {
        sw: `Safu wima "${err.column}" ya ${field.sw} haipo kwenye faili.`,
        en: `Column "${err.column}" for ${field.en} is not in the file.`,
      },
    }
  }
  if (err instanceof ValueChoiceError) {
    // Swahili agrees with the noun's class: kundi hili halipo, kategoria hii haipo
    const what =
      err.field === 'category' ? { sw: 'kategoria hii haipo', en: 'this category' } : { sw: 'kundi hili halipo', en: 'this group' }
    return {
      error: 'bad_mapping',
      code: 'unknown_value_target',
      message: {
        sw: `"${err.value}" → "${err.target}": ${what.sw} kwenye tukio hili.`,
        en: `"${err.value}" → "${err.target}": ${what.en} is not in this event.`,
      },
    }
  }
  throw err
}

function planWith(table: Table, input: ImportInput, registry: RegistryView): ImportPlan {
  return planImport(table, resolveMapping(table.columns, input.mapping), registry, resolveChoices(input.values, registry.event))
}

export async function planFile(input: ImportInput, registry: RegistryView): Promise<ImportPlan | ImportFailure> {
  try {
    return planWith(await readTable(input.fileName, input.content, input.sheet), input, registry)
  } catch (err) {
    return failure(err)
  }
}

export const isFailure = (x: ImportPlan | ImportFailure): x is ImportFailure => 'error' in x

export function previewOf(plan: ImportPlan): ImportPreview {
  const valid = validRows(plan)
  const ok = new Set(valid)
  return {
    sheets: plan.sheets,
    sheet: plan.sheet,
    headerRow: plan.headerRow,
    columns: plan.columns,
    mapping: plan.mapping,
    rows: plan.rows.length,
    valid: valid.length,
    toAdd: valid.filter((r) => r.existingId === null).length,
    toUpdate: valid.filter((r) => r.existingId !== null).length,
    leftOut: plan.rows.length - keptRows(plan).length,
    problems: allProblems(plan),
    values: plan.values,
    groups: plan.groups,
    categories: plan.categories,
    updates: valid
      .filter((r) => r.changes?.length)
      .slice(0, UPDATE_ROWS)
      .map((r) => ({
        row: r.row,
        externalId: r.values.externalId,
        name: `${r.values.firstName} ${r.values.lastName}`.trim(),
        changes: r.changes!,
      })),
    unchanged: valid.filter((r) => r.existingId !== null && !r.changes?.length).length,
    sample: plan.rows.slice(0, SAMPLE_ROWS).map((r) => ({
      row: r.row,
      action: r.leftOut ? 'left_out' : !ok.has(r) ? 'skip' : r.existingId ? 'update' : 'add',
      values: r.values,
    })),
  }
}

export type ApplyOutcome =
  | ({ applied: true; rev: number | null } & ApplyCounts & { preview: ImportPreview })
  | { applied: false; preview: ImportPreview }
  | ImportFailure

/**
 * Reads and plans against the store's registry, then applies in the same tick: nothing can
 * change the registry between the check and the write. All-or-nothing with any problem writes
 * nothing at all (no new revision either).
 */
export async function applyImport(store: EventStore, input: ImportInput, mode: ImportMode, by: string): Promise<ApplyOutcome> {
  let table
  try {
    table = await readTable(input.fileName, input.content, input.sheet)
  } catch (err) {
    return failure(err)
  }
  let plan: ImportPlan
  try {
    plan = planWith(table, input, { event: store.data.event, attendees: store.data.attendees })
  } catch (err) {
    return failure(err)
  }
  const preview = previewOf(plan)
  if (!mayApply(plan, mode)) return { applied: false, preview }
  if (preview.valid === 0)
    return {
      applied: true,
      rev: null,
      added: 0,
      updated: 0,
      unchanged: 0,
      skipped: plan.rows.length - preview.leftOut,
      leftOut: preview.leftOut,
      preview,
    }
  let counts: ApplyCounts = { added: 0, updated: 0, unchanged: 0, skipped: 0, leftOut: 0 }
  const at = store.now().toISOString()
  const rev = await store.updateRegistry((data, r) => {
    counts = applyPlan(data, plan, r, at, by)
  })
  return { applied: true, rev, ...counts, preview }
}
