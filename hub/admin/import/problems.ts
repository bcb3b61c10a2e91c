// What can be wrong with a row, said to the organiser in both languages, with the row number
// they see in their spreadsheet.
import type { Bilingual } from '../../../shared/domain.js'
import { FIELD_NAMES, type ImportField } from './fields.js'

export const PROBLEM_CODES = [
  'unmapped_column',
  'missing_field',
  'one_word_name',
  'unknown_group',
  'unknown_category',
  'duplicate_external_id',
  'duplicate_phone',
  'duplicate_email',
  'bad_phone',
  'bad_email',
  'too_long',
] as const
export type ProblemCode = (typeof PROBLEM_CODES)[number]

export interface ImportProblem {
  /** spreadsheet row number (header = 1) */
  row: number
  field: ImportField | null
  code: ProblemCode
  message: Bilingual
  /** who the row is, so "row 16: bad phone" needs no looking up */
  externalId?: string
  name?: string
}

/** Who a duplicate collides with: an earlier row of the file, or someone already registered. */
export type Other = { row: number } | { name: string; externalId?: string | undefined }

function other(o: Other): Bilingual {
  if ('row' in o) return { sw: `safu ya ${o.row}`, en: `row ${o.row}` }
  const id = o.externalId ? ` (${o.externalId})` : ''
  return { sw: `${o.name}${id}, ambaye amesajiliwa tayari`, en: `${o.name}${id}, already registered` }
}

export function problem(
  row: number,
  field: ImportField | null,
  code: ProblemCode,
  detail: { value?: string; with?: Other; max?: number } = {},
): ImportProblem {
  const f = field ? FIELD_NAMES[field] : { sw: '', en: '' }
  const v = (detail.value ?? '').length > 60 ? `${detail.value!.slice(0, 60)}…` : (detail.value ?? '')
  const w = detail.with ? other(detail.with) : { sw: '', en: '' }
  const messages: Record<ProblemCode, Bilingual> = {
    unmapped_column: {
      sw: `Hakuna safu wima ya "${f.sw}" kwenye faili: chagua safu wima yake.`,
      en: `No column for "${f.en}" in the file: choose its column.`,
    },
    missing_field: { sw: `${f.sw} halijajazwa.`, en: `${f.en} is empty.` },
    one_word_name: {
      sw: `Jina "${v}" lina neno moja tu: andika jina la kwanza na jina la ukoo.`,
      en: `Name "${v}" is one word only: write the first name and the surname.`,
    },
    unknown_group: {
      sw: `Kundi "${v}" halipo kwenye tukio hili: chagua kundi lake, au acha safu zake nje.`,
      en: `Group "${v}" is not in this event: choose its group, or leave its rows out.`,
    },
    unknown_category: {
      sw: `Kategoria "${v}" haipo kwenye tukio hili: chagua kategoria yake, au acha safu zake nje.`,
      en: `Category "${v}" is not in this event: choose its category, or leave its rows out.`,
    },
    duplicate_external_id: {
      sw: `Namba ya usajili ${v} inajirudia: sawa na ${w.sw}.`,
      en: `Registration ID ${v} repeats: same as ${w.en}.`,
    },
    duplicate_phone: { sw: `Simu ${v} inajirudia: sawa na ${w.sw}.`, en: `Phone ${v} repeats: same as ${w.en}.` },
    duplicate_email: { sw: `Barua pepe ${v} inajirudia: sawa na ${w.sw}.`, en: `Email ${v} repeats: same as ${w.en}.` },
    bad_phone: {
      sw: `Simu "${v}" si namba sahihi (mfano 0712 345 678 au +255 712 345 678).`,
      en: `Phone "${v}" is not a valid number (e.g. 0712 345 678 or +255 712 345 678).`,
    },
    bad_email: { sw: `Barua pepe "${v}" si sahihi.`, en: `Email "${v}" is not valid.` },
    too_long: { sw: `${f.sw} ni refu mno (zaidi ya herufi ${detail.max}).`, en: `${f.en} is too long (over ${detail.max} characters).` },
  }
  return { row, field, code, message: messages[code] }
}
