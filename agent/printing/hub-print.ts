// A badge printed by the hub on this desk's CUPS queue, for a desk that has a printer at the
// hub: the hub logs it (refusing a silent second print), renders it for the desk's stock and
// hands it to lp; the agent then follows the job for a few seconds, so the officer is told in
// one answer whether it printed, is still printing, or waits at a printer in trouble (stopped,
// out of labels, offline: the hub notes that on the job, and the desk moves it from its
// stuck-badges list).
import { z } from 'zod'
import type { DeskPrintOutcome } from '../../shared/kiosk-protocol.js'
import { PRINTER_STATES, type PrinterState } from '../../shared/badges/printer-health.js'
import { hubCall, refusal, type HubAccess, type PrintRefusal } from './badge-printing.js'

/** How long the agent follows a job before answering "printing", and how often it looks. */
export interface FollowTimes {
  waitMs: number
  everyMs: number
}
export const FOLLOW: FollowTimes = { waitMs: 5000, everyMs: 250 }

const Job = z.object({
  jobId: z.string().regex(/^pj-[0-9a-f]{12}$/),
  status: z.string().max(16),
  printer: z.string().max(128).nullable(),
  printerState: z.enum(PRINTER_STATES).optional(),
})
type Job = z.infer<typeof Job>
const Jobs = z.object({ jobs: z.array(z.unknown()).max(1000) })
const Desks = z.object({
  desks: z
    .array(
      z.object({
        deskId: z.string(),
        health: z
          .object({ state: z.enum(PRINTER_STATES) })
          .nullable()
          .optional(),
      }),
    )
    .max(500),
})

const TROUBLE: readonly PrinterState[] = ['stopped', 'media-empty', 'offline']

export type HubPrintAnswer = { ok: true; outcome: DeskPrintOutcome } | PrintRefusal | { ok: false; error: 'no_printer' }

/** Asks the hub to print the badge on this desk's printer, then follows the job. */
export async function printAtHub(
  hub: HubAccess,
  req: { attendeeId: string; force: boolean },
  follow: FollowTimes = FOLLOW,
): Promise<HubPrintAnswer> {
  const deskId = hub.deskId()
  const res = await hubCall(hub, 'POST', `/api/badges/${encodeURIComponent(req.attendeeId)}/print`, {
    force: req.force,
    ...(deskId ? { deskId } : {}),
  })
  // the printer was taken off this desk since the last heartbeat
  if (res?.status === 400 && res.body.error === 'no_printer') return { ok: false, error: 'no_printer' }
  // lp refused it (an unknown queue, a CUPS that does not answer): logged as failed at the hub
  if (res?.status === 502) return { ok: false, error: 'printer_refused' }
  const refused = refusal(res)
  if (refused) return refused
  const job = Job.safeParse(res!.body.job)
  if (!job.success || !job.data.printer) return { ok: false, error: 'print_failed' }
  return { ok: true, outcome: await followJob(hub, req.attendeeId, job.data, follow) }
}

async function followJob(hub: HubAccess, attendeeId: string, sent: Job, follow: FollowTimes): Promise<DeskPrintOutcome> {
  const printer = sent.printer!
  const outcome = (status: 'queued' | 'printing' | 'printed', printerState?: PrinterState): DeskPrintOutcome => ({
    via: 'hub',
    status,
    jobId: sent.jobId,
    printer,
    ...(printerState ? { printerState } : {}),
  })
  for (let waited = 0; ; waited += follow.everyMs) {
    // the hub's job list asks CUPS which jobs completed; its follower notes a printer in trouble
    const job = (await latest(hub, attendeeId, sent.jobId)) ?? sent
    if (job.status === 'completed') return outcome('printed')
    if (job.printerState) return outcome('queued', job.printerState)
    if (waited >= follow.waitMs) break
    await new Promise((resolve) => setTimeout(resolve, follow.everyMs))
  }
  // still at CUPS: the printer's own health says whether it is printing or waiting
  const state = await deskPrinterState(hub)
  return state && TROUBLE.includes(state) ? outcome('queued', state) : outcome('printing')
}

async function latest(hub: HubAccess, attendeeId: string, jobId: string): Promise<Job | null> {
  const res = await hubCall(hub, 'GET', `/api/print-jobs?attendeeId=${encodeURIComponent(attendeeId)}&limit=20`)
  const listed = res?.status === 200 ? Jobs.safeParse(res.body) : null
  if (!listed?.success) return null
  for (const raw of listed.data.jobs) {
    const j = Job.safeParse(raw)
    if (j.success && j.data.jobId === jobId) return j.data
  }
  return null
}

async function deskPrinterState(hub: HubAccess): Promise<PrinterState | null> {
  const res = await hubCall(hub, 'GET', '/api/desk-printers')
  const desks = res?.status === 200 ? Desks.safeParse(res.body) : null
  if (!desks?.success) return null
  return desks.data.desks.find((d) => d.deskId === hub.deskId())?.health?.state ?? null
}
