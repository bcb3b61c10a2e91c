// The organiser's list: preview, then apply (hub/admin/import-routes.ts). The answers' types
// are what the admin page reads (renderer/src/api/admin.ts imports them as types only).
import { z } from 'zod'
import { Bilingual, Flag } from '../domain.js'
import { IMPORT_FIELDS, IMPORT_MAX_BODY } from '../import-fields.js'
import { okWith, type HttpContract } from './contract.js'

const ImportFieldName = z.enum(IMPORT_FIELDS)
const ValueChoice = z.record(z.string().max(1000), z.string().max(200).nullable()).refine((r) => Object.keys(r).length <= 1000)

export const ImportRequest = z.object({
  fileName: z.string().trim().min(1).max(255),
  contentBase64: z
    .string()
    .max(IMPORT_MAX_BODY)
    .regex(/^[A-Za-z0-9+/=\s]*$/),
  sheet: z.string().min(1).max(100).optional(),
  mapping: z.partialRecord(ImportFieldName, z.string().max(200).nullable()).optional(),
  /** the value-mapping step: a file's value → group (category) id, or null to leave its rows out */
  values: z.object({ groupId: ValueChoice, category: ValueChoice }).partial().optional(),
})
export type ImportRequest = z.infer<typeof ImportRequest>
export const ImportMode = z.enum(['valid-rows', 'all-or-nothing'])
export type ImportMode = z.infer<typeof ImportMode>
export const ApplyRequest = ImportRequest.extend({ mode: ImportMode })

export const ImportProblem = z.object({
  row: z.number(),
  field: ImportFieldName.nullable(),
  code: z.string(),
  message: Bilingual,
  externalId: z.string().optional(),
  name: z.string().optional(),
})
export type ImportProblem = z.infer<typeof ImportProblem>

export const ValueField = z.enum(['groupId', 'category'])
export const ValueMatch = z.object({
  field: ValueField,
  value: z.string(),
  rows: z.number(),
  to: z.string().nullable(),
  by: z.enum(['id', 'number', 'name', 'chosen', 'left_out', 'unknown']),
})
export const RowUpdate = z.object({
  row: z.number(),
  externalId: z.string().optional(),
  name: z.string(),
  changes: z.array(z.object({ field: ImportFieldName, from: z.string(), to: z.string() })),
})

export const ImportPreview = z.object({
  sheets: z.array(z.string()),
  sheet: z.string().nullable(),
  headerRow: z.number(),
  columns: z.array(z.string()),
  mapping: z.record(ImportFieldName, z.string().nullable()),
  rows: z.number(),
  valid: z.number(),
  toAdd: z.number(),
  toUpdate: z.number(),
  leftOut: z.number(),
  problems: z.array(ImportProblem),
  values: z.array(ValueMatch),
  groups: z.array(z.object({ id: z.string(), number: z.number(), name: Bilingual })),
  /** the event's categories; empty when it defines none (categories are then free text) */
  categories: z.array(z.object({ id: z.string(), name: Bilingual })),
  updates: z.array(RowUpdate),
  unchanged: z.number(),
  sample: z.array(
    z.object({
      row: z.number(),
      action: z.enum(['add', 'update', 'skip', 'left_out']),
      values: z.object({
        externalId: z.string().optional(),
        firstName: z.string(),
        lastName: z.string(),
        groupId: z.string(),
        title: z.string().optional(),
        organisation: z.string().optional(),
        orgType: z.string().optional(),
        category: z.string().optional(),
        phone: z.string().optional(),
        email: z.string().optional(),
        flags: z.partialRecord(Flag, z.boolean()).optional(),
      }),
    }),
  ),
})
export type ImportPreview = z.infer<typeof ImportPreview>

export const ImportResult = z.object({
  added: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  skipped: z.number(),
  leftOut: z.number(),
  problems: z.array(ImportProblem),
})
export type ImportResult = z.infer<typeof ImportResult>

export const importContracts: HttpContract[] = [
  { method: 'GET', path: '/api/admin/import/template.xlsx' },
  { method: 'POST', path: '/api/admin/import/preview', request: ImportRequest, response: okWith(ImportPreview.shape) },
  { method: 'POST', path: '/api/admin/import/apply', request: ApplyRequest, response: okWith(ImportResult.shape) },
]
