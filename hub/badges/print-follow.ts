// Printers watched through CUPS: every desk's printer every few seconds (for the kiosk list),
// and each sent job to its end, noting the printer's trouble on the job while it waits.
import type { BadgeHub } from './badge-hub.js'
import { completedJobs } from './cups.js'
import type { DeskPrinters } from './desk-printers.js'
import { printerHealth } from './printer-health.js'
import type { PrintJob, PrintLog } from './print-log.js'

/** How often a sent job is looked at in CUPS until it completes, and for how long at most. */
export const FOLLOW_EVERY_MS = 500
/** How often every desk's printer is looked at for the kiosk list. */
export const DESK_HEALTH_EVERY_MS = 5000
const FOLLOW_TICKS = (10 * 60_000) / FOLLOW_EVERY_MS

export class PrintFollower {
  /** job id → looks left */
  private following = new Map<string, number>()
  private followTimer: NodeJS.Timeout | null = null
  private closed = false

  private healthTimer: NodeJS.Timeout | null = null

  constructor(
    private ctx: BadgeHub,
    private log: PrintLog,
    private desks: DeskPrinters,
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
  follow(jobId: string) {
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
}
