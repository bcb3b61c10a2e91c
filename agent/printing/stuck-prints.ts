// Badges stuck at this desk's printer at the hub (stopped, out of labels, offline, or refused),
// and moving them to another desk's printer from the kiosk. The hub holds the print log and
// checks that a kiosk moves only its own desk's jobs; the agent asks as this kiosk, and what
// the hub answers is validated here before the screen sees it.
import { z } from 'zod'
import { PRINTER_STATES, type PrinterState } from '../../shared/badges/printer-health.js'
import type { PrinterChoice, StuckPrint } from '../../shared/kiosk-protocol.js'
import { hubCall, type HubAccess } from './badge-printing.js'
import type { Kiosk } from '../kiosk.js'

const Job = z.object({
  jobId: z.string().regex(/^pj-[0-9a-f]{12}$/),
  attendeeId: z.string().max(64),
  badgeVersion: z.number().int(),
  createdAt: z.string().max(40),
  via: z.string(),
  printer: z.string().max(128).nullable(),
  deskId: z.string().max(64).nullable(),
  status: z.string(),
  printerState: z.enum(PRINTER_STATES).optional(),
})
const Jobs = z.object({ jobs: z.array(z.unknown()).max(1000) })
const Desks = z.object({
  desks: z
    .array(
      z.object({
        deskId: z.string().max(64),
        printer: z.string().max(128).nullable(),
        health: z
          .object({ state: z.enum(PRINTER_STATES) })
          .nullable()
          .optional(),
      }),
    )
    .max(500),
})

const TROUBLE: readonly PrinterState[] = ['stopped', 'media-empty', 'offline']

export type StuckAnswer = { ok: true; jobs: StuckPrint[]; desks: PrinterChoice[] } | { ok: false; error: 'offline' | 'not_ready' }

/** This desk's badges the hub printed that wait at a printer in trouble or were refused, and the other desks' printers. */
export async function stuckPrints(hub: HubAccess, kiosk: Kiosk): Promise<StuckAnswer> {
  const deskId = kiosk.data.desk.deskId
  const registry = kiosk.registry
  if (!deskId || !registry) return { ok: false, error: 'not_ready' }
  const [jobsRes, desksRes] = await Promise.all([
    hubCall(hub, 'GET', `/api/print-jobs?deskId=${encodeURIComponent(deskId)}&limit=50`),
    hubCall(hub, 'GET', '/api/desk-printers'),
  ])
  const listed = jobsRes?.status === 200 ? Jobs.safeParse(jobsRes.body) : null
  const desks = desksRes?.status === 200 ? Desks.safeParse(desksRes.body) : null
  if (!listed?.success || !desks?.success) return { ok: false, error: 'offline' }
  const own = kiosk.deskPrinter
  const ownInTrouble = !!own && TROUBLE.includes(own.state)
  const jobs: StuckPrint[] = []
  for (const raw of listed.data.jobs) {
    const j = Job.safeParse(raw)
    if (!j.success || j.data.via !== 'cups' || j.data.deskId !== deskId) continue
    const waiting = j.data.status === 'sent' && (!!j.data.printerState || (ownInTrouble && j.data.printer === own.printer))
    if (!waiting && j.data.status !== 'failed') continue
    // a badge replaced since (a new version) is not worth printing
    const a = registry.byId.get(j.data.attendeeId)
    if (a && a.badgeVersion !== j.data.badgeVersion) continue
    jobs.push({
      jobId: j.data.jobId,
      attendeeName: a ? kiosk.card(a).name : null,
      createdAt: j.data.createdAt,
      printer: j.data.printer,
      status: j.data.status === 'failed' ? 'failed' : 'sent',
      ...(j.data.printerState ? { printerState: j.data.printerState } : {}),
    })
  }
  const names = new Map(registry.event.desks.map((d) => [d.id, d.name]))
  const choices = desks.data.desks.flatMap((d): PrinterChoice[] => {
    const name = names.get(d.deskId)
    return d.deskId !== deskId && d.printer && name
      ? [{ deskId: d.deskId, name, printer: d.printer, state: d.health?.state ?? 'unknown' }]
      : []
  })
  return { ok: true, jobs, desks: choices }
}

export type MoveAnswer =
  | { ok: true; printer: string }
  | { ok: false; error: 'offline' | 'forbidden' | 'not_found' | 'no_printer' | 'already_printed' | 'print_failed' }

/** Moves one job to another desk's printer; the hub cancels it where it waited. */
export async function moveStuckPrint(hub: HubAccess, move: { jobId: string; toDeskId: string }): Promise<MoveAnswer> {
  const res = await hubCall(hub, 'POST', `/api/print-jobs/${move.jobId}/resend`, { deskId: move.toDeskId })
  if (!res) return { ok: false, error: 'offline' }
  const job = res.body.job as { printer?: unknown } | undefined
  if (res.status === 200 && typeof job?.printer === 'string') return { ok: true, printer: job.printer }
  if (res.status === 403) return { ok: false, error: 'forbidden' }
  if (res.status === 404) return { ok: false, error: 'not_found' }
  if (res.status === 409) return { ok: false, error: 'already_printed' }
  if (res.status === 400 && res.body.error === 'no_printer') return { ok: false, error: 'no_printer' }
  return { ok: false, error: 'print_failed' }
}
