// A badge is an attendee's current badge version, signed by the hub; a reprint is a new
// version, which revokes every older one at every kiosk (they learn it from the registry delta).
import type { BadgeFormat } from '../../shared/badges/badge-layout.js'
import type { Attendee, Role } from '../../shared/domain.js'
import type { BadgeHub } from './badge-hub.js'
import { badgePdfBuffer, layoutForPdf } from './badge-pdf.js'

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

export class BadgeVersions {
  constructor(private ctx: BadgeHub) {}

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

  render(a: Attendee, version: number, format: BadgeFormat): Promise<Buffer> {
    const layout = layoutForPdf({
      event: this.store.registry.event,
      attendee: { ...a, badgeVersion: version },
      code: this.code(a, version),
      format,
    })
    return badgePdfBuffer([layout], format, 'single', `Karibu badge ${a.id} v${version}`)
  }
}
