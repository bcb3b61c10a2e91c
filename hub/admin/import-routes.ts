// POST /api/admin/import/preview and /apply: the organiser's list, checked before anything
// is written, then written in one registry change.
import { z } from 'zod'
import { sendJson } from '../../common/http-util.js'
import type { Route } from '../routes.js'
import { ADMIN, invalidPayload, readBody, sendError, sendFile } from './http.js'
import { IMPORT_FIELDS } from './import/fields.js'
import { MAX_FILE_BYTES } from './import/read-table.js'
import { buildTemplate } from './import/template.js'
import { applyImport, isFailure, planFile, previewOf, type ImportFailure, type ImportInput } from './import/run.js'

/** base64 is 4/3 of the bytes; a little room for the JSON around it */
const MAX_BODY = Math.ceil((MAX_FILE_BYTES * 4) / 3) + 64 * 1024

const ValueChoice = z.record(z.string().max(1000), z.string().max(200).nullable()).refine((r) => Object.keys(r).length <= 1000)
const ImportRequest = z.object({
  fileName: z.string().trim().min(1).max(255),
  contentBase64: z.string().max(MAX_BODY).regex(/^[A-Za-z0-9+/=\s]*$/),
  sheet: z.string().min(1).max(100).optional(),
  mapping: z.partialRecord(z.enum(IMPORT_FIELDS), z.string().max(200).nullable()).optional(),
  /** the value-mapping step: a file's value → group (category) id, or null to leave its rows out */
  values: z.object({ groupId: ValueChoice, category: ValueChoice }).partial().optional(),
})
const ApplyRequest = ImportRequest.extend({ mode: z.enum(['valid-rows', 'all-or-nothing']) })

function input(body: z.infer<typeof ImportRequest>): ImportInput {
  return { fileName: body.fileName, content: Buffer.from(body.contentBase64, 'base64'), mapping: body.mapping, values: body.values, sheet: body.sheet }
}

const sendFailure = (res: Parameters<Route['handle']>[1]['res'], f: ImportFailure) => sendError(res, 422, f.error, f.message, { code: f.code })

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

export const importRoutes: Route[] = [
  {
    method: 'GET',
    path: '/api/admin/import/template.xlsx',
    roles: ADMIN,
    async handle(ctx, { res }) {
      sendFile(res, XLSX_TYPE, 'orodha-ya-washiriki.xlsx', await buildTemplate(ctx.store.data.event))
    },
  },
  {
    method: 'POST',
    path: '/api/admin/import/preview',
    roles: ADMIN,
    async handle(ctx, { req, res }) {
      const body = await readBody(req, ImportRequest, MAX_BODY)
      if (!body) return invalidPayload(res)
      const plan = await planFile(input(body), ctx.store.data)
      if (isFailure(plan)) return sendFailure(res, plan)
      sendJson(res, 200, { ok: true, ...previewOf(plan) })
    },
  },
  {
    method: 'POST',
    path: '/api/admin/import/apply',
    roles: ADMIN,
    async handle(ctx, { req, res, principal }) {
      const body = await readBody(req, ApplyRequest, MAX_BODY)
      if (!body) return invalidPayload(res)
      const result = await applyImport(ctx.store, input(body), body.mode, principal?.id ?? 'admin')
      if ('error' in result) return sendFailure(res, result)
      if (!result.applied) {
        return sendError(res, 409, 'has_problems', { sw: 'Hakuna kilichoingizwa: rekebisha safu zenye matatizo, au ingiza safu sahihi tu.', en: 'Nothing was imported: fix the rows with problems, or import the valid rows only.' }, {
          added: 0,
          updated: 0,
          skipped: result.preview.rows - result.preview.leftOut,
          leftOut: result.preview.leftOut,
          problems: result.preview.problems,
        })
      }
      if (result.rev !== null) {
        ctx.log.info(`import: ${result.added} added, ${result.updated} updated, ${result.skipped} skipped, ${result.leftOut} left out`)
      }
      sendJson(res, 200, { ok: true, added: result.added, updated: result.updated, unchanged: result.unchanged, skipped: result.skipped, leftOut: result.leftOut, problems: result.preview.problems })
    },
  },
]
