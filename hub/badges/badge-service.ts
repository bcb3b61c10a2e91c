// The hub's badges, put together once per hub (createHub): versions (badge-versions.ts),
// print jobs (print-jobs.ts), the printers watched through CUPS (print-follow.ts) and bulk
// PDFs (bulk-badges.ts), over the print log and the desks' printers kept in the store.
import type { BadgeHub } from './badge-hub.js'
import { stopIdleDrawer } from './badge-draw.js'
import { BadgeVersions } from './badge-versions.js'
import { BulkBadges } from './bulk-badges.js'
import { DeskPrinters } from './desk-printers.js'
import { PrintFollower } from './print-follow.js'
import { PrintJobs } from './print-jobs.js'
import { PrintLog } from './print-log.js'

export { BadgeError, MAX_BADGE_VERSION, type Principal } from './badge-versions.js'

export class BadgeService {
  readonly versions: BadgeVersions
  readonly follower: PrintFollower
  readonly jobs: PrintJobs
  readonly bulk: BulkBadges

  private constructor(
    ctx: BadgeHub,
    readonly log: PrintLog,
    readonly desks: DeskPrinters,
  ) {
    this.versions = new BadgeVersions(ctx)
    this.follower = new PrintFollower(ctx, log, desks)
    this.jobs = new PrintJobs(ctx, this.versions, log, desks, this.follower)
    this.bulk = new BulkBadges(ctx, this.versions, log)
  }

  static async open(ctx: BadgeHub): Promise<BadgeService> {
    const [log, desks] = await Promise.all([PrintLog.open(ctx.store.backend), DeskPrinters.open(ctx.store.backend)])
    return new BadgeService(ctx, log, desks)
  }

  async close() {
    this.follower.stop()
    await this.log.close()
    await this.desks.close()
    await stopIdleDrawer()
  }
}

/**
 * The hub's badge service, opened on first use (the print log is read from the store then)
 * and opened again after a failed open. Made by createHub, closed with the hub.
 */
export function lazyBadgeService(ctx: BadgeHub, log: (message: string) => void) {
  let service: Promise<BadgeService> | null = null
  return {
    get(): Promise<BadgeService> {
      if (!service) {
        const opening = BadgeService.open(ctx)
        opening.catch((err: unknown) => {
          if (service === opening) service = null
          log(`print log could not be opened: ${(err as Error).message}`)
        })
        service = opening
      }
      return service
    },
    async close() {
      const opened = await service?.catch(() => null)
      service = null
      await opened?.close()
    },
  }
}
