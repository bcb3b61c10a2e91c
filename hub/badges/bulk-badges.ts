// Badges in bulk: which attendees, in the order a desk files them, and one PDF of them all,
// drawn in the badge drawer's thread.
import type { ServerResponse } from 'node:http'
import { SECURITY_HEADERS } from '../../node-shared/http-util.js'
import type { BadgeFormat } from '../../shared/badges/badge-layout.js'
import type { Attendee } from '../../shared/domain.js'
import type { BadgeHub } from './badge-hub.js'
import { streamBulkPdf } from './badge-draw.js'
import type { BulkLayout } from './badge-pdf.js'
import { BadgeError, type BadgeVersions, type Principal } from './badge-versions.js'
import { newJobId } from './print-jobs.js'
import type { PrintJob, PrintLog } from './print-log.js'

export class BulkBadges {
  constructor(
    private ctx: BadgeHub,
    private versions: BadgeVersions,
    private log: PrintLog,
  ) {}

  private get store() {
    return this.ctx.store
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
  async streamBulk(
    res: ServerResponse,
    attendees: Attendee[],
    format: BadgeFormat,
    layout: BulkLayout,
    principal: Principal,
  ): Promise<void> {
    await this.versions.issue(attendees, principal.id)
    const current = attendees.map((a) => this.versions.attendee(a.id))
    const at = this.ctx.now().toISOString()
    await this.log.save(
      ...current.map((a): PrintJob => ({
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
      })),
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
      code: (a) => this.versions.code(a),
    })
    this.ctx.log.info(`bulk badges: ${current.length} ${format} (${layout}) by ${principal.id}`)
  }
}
