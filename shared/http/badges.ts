// Desk printers, badges and print jobs (hub/badges/routes.ts). The kiosk agent reads the
// desk-print answers with these (agent/printing/badge-printing.ts).
import { z } from 'zod'
import { BADGE_FORMATS } from '../badges/badge-layout.js'
import { BADGE_STOCKS } from '../badges/badge-stock.js'
import { PrinterHealthSchema } from '../badges/printer-health-schema.js'
import { okWith, type HttpContract } from './contract.js'

/** A CUPS queue name as lpadmin accepts it: nothing a shell or a URL could misread. */
export const PRINTER_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.@+-]{0,126}$/
export const BULK_LAYOUTS = ['single', 'sheet'] as const

const Id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_.:-]+$/)
const Format = z.enum(BADGE_FORMATS).default('cr80')
const Printer = z.string().regex(PRINTER_NAME)
const Flag = z
  .enum(['0', '1', 'true', 'false'])
  .optional()
  .transform((v) => v === '1' || v === 'true')

export const DeskPrinterInput = z
  .object({
    /** the CUPS queue; null: this desk prints on the kiosk's own printer, or not at all */
    printer: z.string().regex(PRINTER_NAME).nullable(),
    stock: z.enum(BADGE_STOCKS),
  })
  .strict()
export type DeskPrinterInput = z.infer<typeof DeskPrinterInput>
export const DeskPrinterSetting = DeskPrinterInput.extend({ deskId: z.string(), at: z.string(), by: z.string() }).strip()

export const FormatQuery = z.object({ format: Format })
export const BadgePageQuery = z.object({ format: Format, print: Flag })
// no format: the desk's stock (set on the admin page), else the CR80 card
export const PrintBody = z
  .object({
    format: z.enum(BADGE_FORMATS).optional(),
    printer: Printer.optional(),
    deskId: Id.optional(),
    force: z.boolean().default(false),
  })
  .strict()
export const DeskPrintBody = z
  .object({
    format: z.enum(BADGE_FORMATS).optional(),
    printer: z
      .string()
      .min(1)
      .max(128)
      .regex(/^[^\p{C}]+$/u)
      .optional(),
    deskId: Id.optional(),
    force: z.boolean().default(false),
  })
  .strict()
export const DeskResultBody = z
  .object({
    ok: z.boolean(),
    error: z
      .string()
      .max(64)
      .regex(/^[a-z_]+$/)
      .optional(),
  })
  .strict()
// to a named CUPS queue, or to the printer of a desk (what a kiosk moves a stuck badge to)
export const ResendBody = z.union([
  z.object({ printer: Printer, force: z.boolean().default(false) }).strict(),
  z.object({ deskId: Id, force: z.boolean().default(false) }).strict(),
])
export const JobsQuery = z.object({
  deskId: Id.optional(),
  attendeeId: Id.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(50),
})
export const BulkQuery = z.object({
  group: Id.optional(),
  day: Id.optional(),
  notPrinted: Flag,
  layout: z.enum(BULK_LAYOUTS).default('single'),
  format: Format,
})

/** A print job as callers read it: the fields they act on; the rest passes through untouched. */
export const PrintJobView = z.looseObject({
  jobId: z.string(),
  badgeVersion: z.number(),
  status: z.string(),
  createdAt: z.string(),
  deskId: z.string().nullable(),
})
export const JobAnswer = okWith({ job: PrintJobView })
export const DeskPrintAnswer = okWith({ job: PrintJobView, path: z.string() })
/** 409 conflict: when and where this version was printed before */
export const AlreadyPrinted = z.object({
  ok: z.literal(false),
  error: z.string(),
  lastPrint: z.looseObject({ createdAt: z.string(), deskId: z.string().nullable().optional() }).optional(),
})

export const badgeContracts: HttpContract[] = [
  {
    method: 'GET',
    path: '/api/desk-printers',
    response: okWith({ desks: z.array(DeskPrinterSetting.extend({ health: PrinterHealthSchema.nullable() })) }),
  },
  { method: 'PUT', path: '/api/desk-printers/:deskId', request: DeskPrinterInput, response: okWith({ desk: DeskPrinterSetting }) },
  { method: 'GET', path: '/api/badges/:attendeeId.pdf', query: FormatQuery },
  { method: 'POST', path: '/api/badges/:attendeeId/reprint', response: okWith({ badgeVersion: z.number() }) },
  { method: 'POST', path: '/api/badges/:attendeeId/print', request: PrintBody, response: JobAnswer },
  { method: 'POST', path: '/api/badges/:attendeeId/desk-print', request: DeskPrintBody, response: DeskPrintAnswer },
  { method: 'POST', path: '/api/print-jobs/:jobId/desk-result', request: DeskResultBody, response: JobAnswer },
  { method: 'GET', path: '/api/print-jobs', query: JobsQuery, response: okWith({ jobs: z.array(PrintJobView) }) },
  { method: 'POST', path: '/api/print-jobs/:jobId/resend', request: ResendBody, response: JobAnswer },
  { method: 'GET', path: '/api/badges.pdf', query: BulkQuery },
  { method: 'GET', path: '/badge/:attendeeId', query: BadgePageQuery },
  { method: 'GET', path: '/badge-assets/:file' },
]
