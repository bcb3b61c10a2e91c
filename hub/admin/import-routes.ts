// POST /api/admin/import/preview and /apply: the organiser's list, checked before anything
// is written, then written in one registry change.
import { invalidPayload, readBody, sendError, sendFile, sendJson } from '../../node-shared/http-util.js'
import { ApplyRequest, ImportRequest } from '../../shared/http/import.js'
import { IMPORT_MAX_BODY as MAX_BODY } from '../../shared/import-fields.js'
import { ADMIN, type Route } from '../server/routes.js'
import { buildTemplate } from './import/template.js'
import { applyImport, isFailure, planFile, previewOf, type ImportFailure, type ImportInput } from './import/run.js'

function input(body: ImportRequest): ImportInput {
  return {
    fileName: body.fileName,
    content: Buffer.from(body.contentBase64, 'base64'),
    mapping: body.mapping,
    values: body.values,
    sheet: body.sheet,
  }
}

const sendFailure = (res: Parameters<Route['handle']>[1]['res'], f: ImportFailure) =>
  sendError(res, 422, f.error, f.message, { code: f.code })

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
        return sendError(
          res,
          409,
          'has_problems',
          {
            sw: 'Hakuna kilichoingizwa: rekebisha safu zenye matatizo, au ingiza safu sahihi tu.',
            en: 'Nothing was imported: fix the rows with problems, or import the valid rows only.',
          },
          {
            added: 0,
            updated: 0,
            skipped: result.preview.rows - result.preview.leftOut,
            leftOut: result.preview.leftOut,
            problems: result.preview.problems,
          },
        )
      }
      if (result.rev !== null) {
        ctx.log.info(`import: ${result.added} added, ${result.updated} updated, ${result.skipped} skipped, ${result.leftOut} left out`)
      }
      sendJson(res, 200, {
        ok: true,
        added: result.added,
        updated: result.updated,
        unchanged: result.unchanged,
        skipped: result.skipped,
        leftOut: result.leftOut,
        problems: result.preview.problems,
      })
    },
  },
]
