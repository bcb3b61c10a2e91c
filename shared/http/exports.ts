// The attendance register, the check-in log and the summary (hub/admin/export-routes.ts).
// Files, not JSON; what they take is the query string (day, group, columns, language…).
import { z } from 'zod'
import { REGISTER_COLUMNS, REGISTER_ORIENTATIONS, REGISTER_SORTS } from '../documents.js'
import { okWith, type HttpContract } from './contract.js'

const Flag = z
  .enum(['0', '1', 'true', 'false'])
  .optional()
  .transform((v) => v === '1' || v === 'true')
const Text = z
  .string()
  .max(200)
  .regex(/^[^\p{C}]*$/u)

export const Lang = z.enum(['sw', 'en']).default('sw')

export const RegisterQuery = z.object({
  day: z.string().max(64).optional(),
  group: z.string().max(64).optional(),
  institution: Text.optional(),
  sort: z.enum(REGISTER_SORTS).default('surname'),
  /** comma-separated: phone,category,group,desk,time */
  columns: z
    .string()
    .max(200)
    .optional()
    .transform((s, ctx) => {
      const list = (s ?? '').split(',').filter((c) => c !== '')
      const bad = list.filter((c) => !(REGISTER_COLUMNS as readonly string[]).includes(c))
      if (bad.length > 0) ctx.addIssue({ code: 'custom', message: `unknown columns: ${bad.join(',')}` })
      return REGISTER_COLUMNS.filter((c) => list.includes(c))
    }),
  orientation: z.enum(REGISTER_ORIENTATIONS).default('auto'),
  blank: Flag,
  lang: Lang,
  officerName: Text.optional(),
  officerTitle: Text.optional(),
})

/** The check-in log and the summary: only the language. */
export const LangQuery = z.object({ lang: Lang.catch('sw') })

const REGISTER_FILES = ['register.pdf', 'register.csv', 'register.xlsx']

export const exportContracts: HttpContract[] = [
  ...REGISTER_FILES.map((file): HttpContract => ({ method: 'GET', path: `/api/admin/exports/${file}`, query: RegisterQuery })),
  ...['checkins.csv', 'checkins.xlsx', 'summary.pdf', 'summary.xlsx'].map((file): HttpContract => ({
    method: 'GET',
    path: `/api/admin/exports/${file}`,
    query: LangQuery,
  })),
  { method: 'GET', path: '/api/admin/exports/institutions', response: okWith({ institutions: z.array(z.unknown()) }) },
]
