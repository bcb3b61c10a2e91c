// Issuing, reprinting and printing badges. A badge is an attendee's current badge version,
// signed by the hub; a reprint is a new version, which revokes every older one at every kiosk
// (they learn it from the registry delta). Every print goes through the print log, which
// refuses a second print of the same version unless it is asked for on purpose.
import { randomBytes } from 'node:crypto'
import type { ServerResponse } from 'node:http'
import { SECURITY_HEADERS } from '../../common/http-util.js'
import type { BadgeFormat } from '../../shared/badge-layout.js'
import type { Attendee, Role } from '../../shared/domain.js'
import type { HubContext } from '../context.js'
import { stopIdleDrawer, streamBulkPdf } from './badge-draw.js'
import { badgePdfBuffer, layoutForPdf, type BulkLayout } from './badge-pdf.js'
import { completedJobs, lpPrint, MEDIA } from './cups.js'
import { DeskPrinters } from './desk-printers.js'
import { cancelJob, printerHealth } from './printer-health.js'
import { PrintLog, type JobFilter, type PrintJob } from './print-log.js'

export interface Principal {
  role: Role
  id: string
}

/** An answer for the caller: the HTTP status, a stable error code and what helps to act on it. */
export class BadgeError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: Record<string, unknown> = {},
  ) {
    super(code)
  }
}

export const MAX_BADGE_VERSION = 65535
const newJobId = () => `pj-${randomBytes(6).toString('hex')}`

/** How often a sent job is looked at in CUPS until it completes, and for how long at most. */
export const FOLLOW_EVERY_MS = 500
/** How often every desk's printer is looked at for the kiosk list. */
export const DESK_HEALTH_EVERY_MS = 5000
const FOLLOW_TICKS = (10 * 60_000) / FOLLOW_EVERY_MS

export class BadgeService {
  /** job id → looks left */
  private following = new Map<string, number>()
  private followTimer: NodeJS.Timeout | null = null
  private closed = false

  private healthTimer: NodeJS.Timeout | null = null

  constructor(
    private ctx: HubContext,
    readonly log: PrintLog,
    readonly desks: DeskPrinters,
  ) {
    this.watchDeskPrinters()
  }

  /**
   * Asks CUPS about every desk's printer every few seconds and puts the answer on the kiosk
   * list (dashboard, admin page), pushed at once when a desk's printer changes state.
   */
  private watchDeskPrinters() {
    if (this.closed) return
    this.healthTimer = setTimeout(() => {
      void this.checkDeskPrinters()
        .catch((err: unknown) => this.ctx.log.error(`desk printers: ${(err as Error).message}`))
        .finally(() => this.watchDeskPrinters())
    }, DESK_HEALTH_EVERY_MS)
    this.healthTimer.unref()
  }

  async checkDeskPrinters(): Promise<void> {
    const desks = this.desks.all()
    const health = await printerHealth(desks.flatMap((d) => (d.printer ? [d.printer] : [])))
    if (this.closed) return
    const known = this.ctx.presence.printers
    let changed = false
    for (const d of desks) {
      const h = d.printer ? health.get(d.printer) : undefined
      const before = known.get(d.deskId)
      if (h?.state === before?.state && h?.message === before?.message && h?.printer === before?.printer) continue
      if (h) known.set(d.deskId, h)
      else known.delete(d.deskId)
      changed = true
    }
    if (changed) this.ctx.kiosksChanged(true)
  }

  /**
   * Follows a job CUPS accepted to its end: completed, or the printer's trouble (stopped,
   * media-empty, offline) noted on the job while it waits, so the desk and the admin page can
   * move it to another printer. Gives up after ten minutes; jobs() still marks it completed.
   * One look at CUPS per tick for every job followed, however many wait at a stopped printer.
   */
  private follow(jobId: string) {
    if (this.closed) return
    this.following.set(jobId, FOLLOW_TICKS)
    if (!this.followTimer) this.scheduleFollow()
  }

  private scheduleFollow() {
    this.followTimer = setTimeout(() => {
      void this.followTick()
        .catch((err: unknown) => this.ctx.log.error(`following print jobs in CUPS failed: ${(err as Error).message}`))
        .finally(() => {
          this.followTimer = null
          if (!this.closed && this.following.size > 0) this.scheduleFollow()
        })
    }, FOLLOW_EVERY_MS)
    this.followTimer.unref()
  }

  private async followTick() {
    const before = new Map<string, PrintJob>()
    for (const [jobId, ticks] of this.following) {
      const job = this.log.get(jobId)
      if (!job || job.status !== 'sent' || !job.cupsJobId || !job.printer || ticks <= 0) this.following.delete(jobId)
      else {
        this.following.set(jobId, ticks - 1)
        before.set(jobId, job)
      }
    }
    if (before.size === 0) return
    const printers = [...new Set([...before.values()].map((j) => j.printer!))]
    const [done, health] = await Promise.all([completedJobs(printers), printerHealth(printers)])
    if (this.closed) return
    const changed: PrintJob[] = []
    for (const [jobId, seen] of before) {
      const job = this.log.get(jobId)
      // re-sent elsewhere meanwhile: that send follows its own job
      if (!job || job.status !== 'sent' || job.cupsJobId !== seen.cupsJobId) continue
      const updated: PrintJob = structuredClone(job)
      updated.updatedAt = this.ctx.now().toISOString()
      if (done.has(job.cupsJobId!)) {
        updated.status = 'completed'
        delete updated.printerState
        this.following.delete(jobId)
        changed.push(updated)
        continue
      }
      const state = health.get(job.printer!)?.state
      const trouble = state === 'stopped' || state === 'media-empty' || state === 'offline' ? state : undefined
      if (trouble === job.printerState) continue
      if (trouble) updated.printerState = trouble
      else delete updated.printerState
      changed.push(updated)
      if (trouble) this.ctx.log.info(`badge print ${jobId} waits on ${job.printer}: ${trouble}`)
    }
    if (changed.length > 0) await this.log.save(...changed)
  }

  /** Stops following jobs (the hub is closing). */
  stop() {
    this.closed = true
    if (this.healthTimer) clearTimeout(this.healthTimer)
    if (this.followTimer) clearTimeout(this.followTimer)
    this.following.clear()
  }

  private get store() {
    return this.ctx.store
  }

  attendee(id: string): Attendee {
    const a = this.store.registry.byId.get(id)
    if (!a) throw new BadgeError(404, 'not_found')
    return a
  }

  /** The signed code of a badge version (the current one by default). */
  code(a: Attendee, version = a.badgeVersion): string {
    return this.store.signBadge({ attendeeSeq: a.seq, badgeVersion: version })
  }

  /** Issues version 1 to every attendee here who has no badge yet; one registry write for all. */
  async issue(attendees: readonly Attendee[], by: string): Promise<void> {
    const ids = new Set(attendees.filter((a) => a.badgeVersion === 0).map((a) => a.id))
    if (ids.size === 0) return
    const at = this.ctx.now().toISOString()
    await this.store.updateRegistry((data, rev) => {
      for (const a of data.attendees) {
        // checked again here: a concurrent request may have issued it since
        if (!ids.has(a.id) || a.badgeVersion !== 0) continue
        a.badgeVersion = 1
        a.rev = rev
        data.badges.push({ attendeeId: a.id, version: 1, issuedAt: at, by, reason: a.walkIn ? 'walk_in' : 'first' })
      }
    })
  }

  /** A new badge version; every older version is refused from now on. */
  async reprint(attendeeId: string, by: string): Promise<number> {
    this.attendee(attendeeId)
    const at = this.ctx.now().toISOString()
    let version = 0
    await this.store.updateRegistry((data, rev) => {
      const a = data.attendees.find((x) => x.id === attendeeId)
      if (!a) throw new BadgeError(404, 'not_found')
      if (a.badgeVersion >= MAX_BADGE_VERSION) throw new BadgeError(409, 'too_many_versions')
      a.badgeVersion += 1
      a.rev = rev
      version = a.badgeVersion
      data.badges.push({ attendeeId, version, issuedAt: at, by, reason: version === 1 ? (a.walkIn ? 'walk_in' : 'first') : 'reprint' })
    })
    this.ctx.log.info(`badge reprinted: ${attendeeId} v${version} by ${by}`)
    return version
  }

  /** The current badge as a one-page PDF, issuing version 1 first if none was issued. */
  async pdf(attendeeId: string, format: BadgeFormat, by: string): Promise<{ pdf: Buffer; badgeVersion: number }> {
    await this.issue([this.attendee(attendeeId)], by)
    const a = this.attendee(attendeeId)
    return { pdf: await this.render(a, a.badgeVersion, format), badgeVersion: a.badgeVersion }
  }

  private render(a: Attendee, version: number, format: BadgeFormat): Promise<Buffer> {
    const layout = layoutForPdf({ event: this.store.registry.event, attendee: { ...a, badgeVersion: version }, code: this.code(a, version), format })
    return badgePdfBuffer([layout], format, 'single', `Karibu badge ${a.id} v${version}`)
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
    request: { attendeeId: string; format?: BadgeFormat | undefined; printer?: string | undefined; deskId?: string | undefined; force: boolean },
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
  async deskPrint(request: { attendeeId: string; format?: BadgeFormat | undefined; printer?: string | undefined; deskId?: string | undefined; force: boolean }, principal: Principal): Promise<PrintJob> {
    const format = request.format ?? this.desks.stockOf(this.deskOf(principal, request.deskId))
    await this.issue([this.attendee(request.attendeeId)], principal.id)
    const a = this.attendee(request.attendeeId)
    const job = await this.logNewJob(a, { ...request, format }, principal, { via: 'desk', printer: request.printer ?? null, status: 'sent' })
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
    const job: PrintJob = { ...structuredClone(logged), format, via: 'cups', status: 'queued', force: logged.force || force, updatedAt: this.ctx.now().toISOString() }
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
      const pdf = await this.render(a, job.badgeVersion, job.format)
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
      if (result.cupsJobId) this.follow(job.jobId)
    } else {
      job.status = 'failed'
      job.error = result.error
      job.attempts.push({ at, by: principal.id, printer, status: 'failed', error: result.error })
    }
    await this.log.save(job)
    this.ctx.log.info(`badge print ${job.jobId}: ${job.attendeeId} v${job.badgeVersion} on ${printer}: ${job.status}${job.error ? ` (${job.error})` : ''}`)
    if (!result.ok) throw new BadgeError(502, 'print_failed', { job })
    return job
  }

  /** Recent jobs, newest first; jobs CUPS has since completed are marked so. */
  async jobs(filter: JobFilter): Promise<PrintJob[]> {
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

  /** Attendees for a bulk run, in the order a desk files them: by group, then surname. */
  selectForBulk(query: { group?: string | undefined; day?: string | undefined; notPrinted: boolean }): Attendee[] {
    const event = this.store.registry.event
    if (query.group !== undefined && !event.groups.some((g) => g.id === query.group)) throw new BadgeError(400, 'unknown_group')
    if (query.day !== undefined && !event.days.some((d) => d.id === query.day)) throw new BadgeError(400, 'unknown_day')
    const groupOrder = new Map(event.groups.map((g, i) => [g.id, i]))
    const collator = new Intl.Collator('sw') // one collator: localeCompare(x, 'sw') makes one per call
    const daysOf = new Map(event.groups.map((g) => [g.id, g.days]))
    return [...this.store.registry.attendees]
      .filter((a) => query.group === undefined || a.groupId === query.group)
      .filter((a) => query.day === undefined || (daysOf.get(a.groupId)?.includes(query.day) ?? false))
      .filter((a) => !query.notPrinted || a.badgeVersion === 0 || !this.log.lastPrint(a.id, a.badgeVersion))
      .sort(
        (x, y) =>
          (groupOrder.get(x.groupId) ?? 1e9) - (groupOrder.get(y.groupId) ?? 1e9) ||
          collator.compare(x.lastName, y.lastName) ||
          collator.compare(x.firstName, y.firstName) ||
          x.seq - y.seq,
      )
  }

  /**
   * Streams a bulk PDF to `res`. The badges are logged as exported first (so a desk printing
   * one of them again is warned), then drawn in the badge drawer's thread (badge-draw.ts), so
   * check-ins keep their latency while a thousand badges are drawn.
   */
  async streamBulk(res: ServerResponse, attendees: Attendee[], format: BadgeFormat, layout: BulkLayout, principal: Principal): Promise<void> {
    await this.issue(attendees, principal.id)
    const current = attendees.map((a) => this.attendee(a.id))
    const at = this.ctx.now().toISOString()
    await this.log.save(
      ...current.map(
        (a): PrintJob => ({
          jobId: newJobId(),
          createdAt: at,
          updatedAt: at,
          attendeeId: a.id,
          badgeVersion: a.badgeVersion,
          format,
          via: 'pdf',
          printer: null,
          deskId: null,
          by: principal.id,
          role: principal.role,
          force: false,
          status: 'exported',
          attempts: [],
        }),
      ),
    )
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'application/pdf',
      'Content-Disposition': `inline; filename="karibu-badges-${format}-${layout}.pdf"`,
      'Cache-Control': 'no-store',
      'X-Badge-Count': String(current.length),
    })
    await streamBulkPdf(res, {
      format,
      layout,
      title: `Karibu badges (${current.length})`,
      event: this.store.registry.event,
      attendees: current,
      code: (a) => this.code(a),
    })
    this.ctx.log.info(`bulk badges: ${current.length} ${format} (${layout}) by ${principal.id}`)
  }
}

// One service per running hub, opened with it on first use. The print log's file handle is
// closed by closeBadgeService (the hub's close should call it).
const services = new WeakMap<HubContext, Promise<BadgeService>>()

export function badgeService(ctx: HubContext): Promise<BadgeService> {
  let service = services.get(ctx)
  if (!service) {
    service = Promise.all([PrintLog.open(ctx.store.backend), DeskPrinters.open(ctx.store.backend)]).then(([log, desks]) => new BadgeService(ctx, log, desks))
    service.catch((err: unknown) => {
      services.delete(ctx)
      ctx.log.error(`print log could not be opened: ${(err as Error).message}`)
    })
    services.set(ctx, service)
  }
  return service
}

export async function closeBadgeService(ctx: HubContext): Promise<void> {
  const service = services.get(ctx)
  if (!service) return
  services.delete(ctx)
  const opened = await service.catch(() => null)
  opened?.stop()
  await opened?.log.close()
  await opened?.desks.close()
  await stopIdleDrawer()
}
