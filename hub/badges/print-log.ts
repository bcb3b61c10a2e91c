// The print log: every badge print (and every bulk PDF handed out for printing) with who,
// where, which badge version, which printer and how it went. It is what stops a badge being
// printed twice by accident. Kept in its own append-only log beside the check-ins (the embedded
// backend's data/print-log.jsonl, or a table shared by several hubs): each entry is the job as
// it now stands, and the last entry for a job id wins.
import { z } from 'zod'
import { BADGE_FORMATS } from '../../shared/badges/badge-layout.js'
import { PRINTER_STATES } from '../../shared/badges/printer-health.js'
import type { AppendLog, StoreBackend } from '../store/backend.js'

export const PRINT_STATUSES = [
  'queued', // logged, not yet accepted by the print server
  'sent', // accepted by CUPS (lp gave a job id), or handed to a desk's own printer
  'completed', // CUPS (or the desk's printer) reports the job completed
  'failed', // lp or the desk's printer refused it (unknown, offline, out of paper): nothing was printed
  'exported', // part of a bulk PDF downloaded for printing elsewhere
] as const
export type PrintStatus = (typeof PRINT_STATUSES)[number]

const Attempt = z.object({
  at: z.string(),
  /** who sent this attempt (a resend may come from another desk) */
  by: z.string(),
  printer: z.string().nullable(),
  status: z.enum(PRINT_STATUSES),
  cupsJobId: z.string().optional(),
  error: z.string().optional(),
})
export type PrintAttempt = z.infer<typeof Attempt>

export const PrintJob = z.object({
  jobId: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  attendeeId: z.string(),
  badgeVersion: z.number().int().min(1),
  format: z.enum(BADGE_FORMATS),
  /** cups: printed by the hub; desk: printed by a kiosk on its own printer; pdf: part of a bulk PDF */
  via: z.enum(['cups', 'desk', 'pdf']),
  printer: z.string().nullable(),
  deskId: z.string().nullable(),
  /** the principal who asked: a kiosk id or an admin credential id */
  by: z.string(),
  role: z.enum(['admin', 'usher', 'kiosk']),
  /** printed again on purpose, over an earlier print of the same version */
  force: z.boolean(),
  status: z.enum(PRINT_STATUSES),
  cupsJobId: z.string().optional(),
  error: z.string().optional(),
  attempts: z.array(Attempt),
  /** while a sent job waits at CUPS: what is wrong with its printer (stopped, out of labels, offline) */
  printerState: z.enum(PRINTER_STATES).optional(),
})
export type PrintJob = z.infer<typeof PrintJob>

/** A print that counts as "this badge version is out there": everything but a failed attempt. */
export const countsAsPrinted = (job: PrintJob) => job.status !== 'failed'

export interface JobFilter {
  deskId?: string
  attendeeId?: string
  limit: number
}

export class PrintLog {
  /** insertion order = creation order */
  private jobs = new Map<string, PrintJob>()
  private byBadge = new Map<string, string[]>()

  private constructor(private entries: AppendLog<PrintJob>) {}

  static async open(backend: StoreBackend): Promise<PrintLog> {
    const { log: entries, records } = await backend.openLog('print-log', (v) => PrintJob.parse(v))
    const log = new PrintLog(entries)
    for (const job of records) log.remember(job)
    // another hub's prints count too: nothing reprints by accident across hubs either
    entries.onRemote((jobs) => jobs.forEach((j) => log.remember(j)))
    return log
  }

  private remember(job: PrintJob) {
    if (!this.jobs.has(job.jobId)) {
      const key = `${job.attendeeId}#${job.badgeVersion}`
      this.byBadge.set(key, [...(this.byBadge.get(key) ?? []), job.jobId])
    }
    this.jobs.set(job.jobId, job)
  }

  get(jobId: string): PrintJob | undefined {
    return this.jobs.get(jobId)
  }

  /** Every job of one badge version, oldest first. */
  jobsOf(attendeeId: string, badgeVersion: number): PrintJob[] {
    return (this.byBadge.get(`${attendeeId}#${badgeVersion}`) ?? []).map((id) => this.jobs.get(id)!)
  }

  /** The latest print of this badge version that was not a failure, or null. */
  lastPrint(attendeeId: string, badgeVersion: number): PrintJob | null {
    const printed = this.jobsOf(attendeeId, badgeVersion).filter(countsAsPrinted)
    return printed[printed.length - 1] ?? null
  }

  /**
   * Records jobs (new or changed). The in-memory state changes at once, before the write, so
   * a second request arriving while the first is on its way to disk already sees it.
   */
  save(...jobs: PrintJob[]): Promise<void> {
    const copies = jobs.map((j) => structuredClone(j))
    for (const j of copies) this.remember(j)
    return this.entries.append(copies)
  }

  recent(filter: JobFilter): PrintJob[] {
    const out: PrintJob[] = []
    const all = [...this.jobs.values()]
    for (let i = all.length - 1; i >= 0 && out.length < filter.limit; i--) {
      const j = all[i]!
      if (filter.deskId !== undefined && j.deskId !== filter.deskId) continue
      if (filter.attendeeId !== undefined && j.attendeeId !== filter.attendeeId) continue
      out.push(structuredClone(j))
    }
    return out
  }

  close(): Promise<void> {
    return this.entries.close()
  }
}
