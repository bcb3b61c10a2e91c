// Printing badges, every print through the print log, which refuses a second print of the
// same version unless it is asked for on purpose: through CUPS at the hub (a desk's printer,
// followed to its end), on a kiosk's own printer (logged first, its result reported after),
// and sent again to another printer when one stops.
import { randomBytes } from 'node:crypto'
import type { BadgeFormat } from '../../shared/badges/badge-layout.js'
import type { Attendee } from '../../shared/domain.js'
import type { BadgeHub } from './badge-hub.js'
import { BadgeError, type BadgeVersions, type Principal } from './badge-versions.js'
import { completedJobs, lpPrint, MEDIA } from './cups.js'
import type { DeskPrinters } from './desk-printers.js'
import type { PrintFollower } from './print-follow.js'
import { cancelJob } from './printer-health.js'
import type { JobFilter, PrintJob, PrintLog } from './print-log.js'

export const newJobId = () => `pj-${randomBytes(6).toString('hex')}`

export class PrintJobs {
  constructor(
    private ctx: BadgeHub,
    private versions: BadgeVersions,
    private log: PrintLog,
    private desks: DeskPrinters,
    private follower: PrintFollower,
  ) {}

  private get store() {
    return this.ctx.store
  }

  private attendee(id: string): Attendee {
    return this.versions.attendee(id)
  }

  private issue(attendees: readonly Attendee[], by: string) {
    return this.versions.issue(attendees, by)
  }

  private deskOf(principal: Principal, deskId: string | undefined): string | null {
    if (deskId !== undefined) {
      if (!this.store.registry.event.desks.some((d) => d.id === deskId)) throw new BadgeError(400, 'unknown_desk')
      return deskId
    }
    if (principal.role !== 'kiosk') return null
    return this.store.data.kiosks.find((k) => k.id === principal.id)?.deskId ?? null
  }

  private refuseSecondPrint(attendeeId: string, version: number, force: boolean) {
    const last = this.log.lastPrint(attendeeId, version)
    if (last && !force) throw new BadgeError(409, 'conflict', { lastPrint: last })
  }

  /**
   * Logs a new print of `a`'s current badge, refusing a silent second one. From the check to
   * save() nothing awaits: a second request for the same badge, even one arriving in the same
   * tick, finds this job and is refused. A desk print is handed to the desk's printer at once
   * ('sent', one attempt); a hub print waits for CUPS ('queued').
   */
  private async logNewJob(
    a: Attendee,
    request: { format: BadgeFormat; deskId?: string | undefined; force: boolean },
    principal: Principal,
    how: { via: 'cups' | 'desk'; printer: string | null; status: 'queued' | 'sent' },
  ): Promise<PrintJob> {
    const deskId = this.deskOf(principal, request.deskId)
    this.refuseSecondPrint(a.id, a.badgeVersion, request.force)
    const at = this.ctx.now().toISOString()
    const job: PrintJob = {
      jobId: newJobId(),
      createdAt: at,
      updatedAt: at,
      attendeeId: a.id,
      badgeVersion: a.badgeVersion,
      format: request.format,
      via: how.via,
      printer: how.printer,
      deskId,
      by: principal.id,
      role: principal.role,
      force: request.force,
      status: how.status,
      attempts: how.status === 'sent' ? [{ at, by: principal.id, printer: how.printer, status: 'sent' }] : [],
    }
    await this.log.save(job)
    return job
  }

  /** Prints the current badge through CUPS and logs it. A second print of the same version needs `force`. */
  async print(
    request: {
      attendeeId: string
      format?: BadgeFormat | undefined
      printer?: string | undefined
      deskId?: string | undefined
      force: boolean
    },
    principal: Principal,
  ): Promise<PrintJob> {
    // the desk's own printer and stock unless the request names them
    const desk = this.desks.get(this.deskOf(principal, request.deskId))
    const printer = request.printer ?? desk?.printer ?? process.env.KARIBU_PRINTER
    if (!printer) throw new BadgeError(400, 'no_printer')
    const format = request.format ?? desk?.stock ?? 'cr80'
    await this.issue([this.attendee(request.attendeeId)], principal.id)
    const a = this.attendee(request.attendeeId)
    const job = await this.logNewJob(a, { ...request, format }, principal, { via: 'cups', printer, status: 'queued' })
    return this.send(job, printer, principal)
  }

  /**
   * Logs a badge a kiosk prints on its own printer (Electron's silent print, or the browser's
   * print dialog) before the kiosk prints it, so the same refusal of a silent second print holds
   * at every desk. The kiosk reports how it went with deskResult.
   */
  async deskPrint(
    request: {
      attendeeId: string
      format?: BadgeFormat | undefined
      printer?: string | undefined
      deskId?: string | undefined
      force: boolean
    },
    principal: Principal,
  ): Promise<PrintJob> {
    const format = request.format ?? this.desks.stockOf(this.deskOf(principal, request.deskId))
    await this.issue([this.attendee(request.attendeeId)], principal.id)
    const a = this.attendee(request.attendeeId)
    const job = await this.logNewJob(a, { ...request, format }, principal, {
      via: 'desk',
      printer: request.printer ?? null,
      status: 'sent',
    })
    this.ctx.log.info(`badge print ${job.jobId}: ${a.id} v${a.badgeVersion} at desk ${job.deskId ?? '?'}`)
    return job
  }

  /** What the desk's printer made of a desk print: done, or failed (then it no longer counts as printed). */
  async deskResult(jobId: string, result: { ok: boolean; error?: string | undefined }, principal: Principal): Promise<PrintJob> {
    const logged = this.log.get(jobId)
    if (!logged || logged.via !== 'desk') throw new BadgeError(404, 'not_found')
    if (principal.role !== 'admin' && logged.by !== principal.id) throw new BadgeError(403, 'forbidden')
    const at = this.ctx.now().toISOString()
    const job: PrintJob = structuredClone(logged)
    job.updatedAt = at
    job.status = result.ok ? 'completed' : 'failed'
    if (result.ok) delete job.error
    else job.error = result.error ?? 'print_failed'
    job.attempts.push({ at, by: principal.id, printer: job.printer, status: job.status, ...(result.ok ? {} : { error: job.error! }) })
    await this.log.save(job)
    return job
  }

  /**
   * Sends a logged job (again) to a printer: after a failure, or on purpose with `force`. A
   * kiosk moves only its own desk's jobs, and only to another desk's printer (`to` a desk), never
   * to any queue the hub's CUPS happens to have.
   */
  async resend(jobId: string, to: { printer: string } | { deskId: string }, force: boolean, principal: Principal): Promise<PrintJob> {
    const logged = this.log.get(jobId)
    if (!logged) throw new BadgeError(404, 'not_found')
    const printer = this.resendTarget(logged, to, principal)
    const a = this.attendee(logged.attendeeId)
    if (a.badgeVersion !== logged.badgeVersion) throw new BadgeError(409, 'revoked', { badgeVersion: a.badgeVersion })
    // the job still waiting at a stopped printer is cancelled there: it must not print twice when that printer comes back
    const waiting = logged.status === 'sent' && logged.via === 'cups' && logged.cupsJobId ? logged.cupsJobId : null
    if (!(waiting && (await cancelJob(waiting)))) this.refuseSecondPrint(a.id, logged.badgeVersion, force)
    // laid out for the stock in the printer it moves to, when that is a desk's printer
    const format = this.desks.all().find((d) => d.printer === printer)?.stock ?? logged.format
    const job: PrintJob = {
      ...structuredClone(logged),
      format,
      via: 'cups',
      status: 'queued',
      force: logged.force || force,
      updatedAt: this.ctx.now().toISOString(),
    }
    delete job.printerState
    await this.log.save(job)
    return this.send(job, printer, principal)
  }

  private resendTarget(logged: PrintJob, to: { printer: string } | { deskId: string }, principal: Principal): string {
    if (principal.role === 'kiosk') {
      const record = this.store.data.kiosks.find((k) => k.id === principal.id)
      const desk = this.ctx.presence.deskOf(principal.id, record)
      if (!logged.deskId || logged.deskId !== desk) throw new BadgeError(403, 'forbidden')
    }
    if ('printer' in to) {
      if (principal.role === 'kiosk' && !this.desks.all().some((d) => d.printer === to.printer)) throw new BadgeError(403, 'forbidden')
      return to.printer
    }
    const printer = this.desks.get(to.deskId)?.printer
    if (!printer) throw new BadgeError(400, 'no_printer')
    return printer
  }

  private async send(job: PrintJob, printer: string, principal: Principal): Promise<PrintJob> {
    const a = this.attendee(job.attendeeId)
    let result: Awaited<ReturnType<typeof lpPrint>>
    try {
      const pdf = await this.versions.render(a, job.badgeVersion, job.format)
      result = await lpPrint(pdf, { printer, title: `karibu-${job.jobId}`, media: MEDIA[job.format] })
    } catch (err) {
      result = { ok: false, error: `could not render the badge: ${(err as Error).message}`.slice(0, 200) }
    }
    const at = this.ctx.now().toISOString()
    job.printer = printer
    job.updatedAt = at
    delete job.error
    delete job.cupsJobId
    if (result.ok) {
      job.status = 'sent'
      if (result.cupsJobId) job.cupsJobId = result.cupsJobId
      job.attempts.push({ at, by: principal.id, printer, status: 'sent', ...(result.cupsJobId ? { cupsJobId: result.cupsJobId } : {}) })
      if (result.cupsJobId) this.follower.follow(job.jobId)
    } else {
      job.status = 'failed'
      job.error = result.error
      job.attempts.push({ at, by: principal.id, printer, status: 'failed', error: result.error })
    }
    await this.log.save(job)
    this.ctx.log.info(
      `badge print ${job.jobId}: ${job.attendeeId} v${job.badgeVersion} on ${printer}: ${job.status}${job.error ? ` (${job.error})` : ''}`,
    )
    if (!result.ok) throw new BadgeError(502, 'print_failed', { job })
    return job
  }

  /** Recent jobs, newest first; jobs CUPS has since completed are marked so. */
  async recent(filter: JobFilter): Promise<PrintJob[]> {
    const jobs = this.log.recent(filter)
    const waiting = jobs.filter((j) => j.status === 'sent' && j.cupsJobId && j.printer)
    if (waiting.length > 0) {
      const done = await completedJobs([...new Set(waiting.map((j) => j.printer!))])
      const changed = waiting.filter((j) => done.has(j.cupsJobId!))
      const at = this.ctx.now().toISOString()
      for (const j of changed) {
        j.status = 'completed'
        j.updatedAt = at
      }
      if (changed.length > 0) await this.log.save(...changed)
    }
    return jobs
  }
}
