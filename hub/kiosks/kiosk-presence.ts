// Which kiosks are connected and what they last reported. Live state, not records: it is
// rebuilt as kiosks reconnect after a hub restart. With several hubs, each also hears what the
// others see (hub/cluster/cluster.ts); another hub's word lapses if it stops repeating it, so a kiosk
// on a hub that died is not shown online for ever. While the others cannot be heard at all
// (Redis away), every kiosk says so (`presenceLocalOnly`): online is then only what this hub sees.
import type { PrinterHealth } from '../../shared/badges/printer-health.js'
import type { KioskHeartbeat, KioskStatus } from '../../shared/protocol.js'
import type { KioskRecord } from '../store/registry-data.js'

interface Live {
  sockets: number
  lastSeen: number
  outboxDepth: number
  clockOffsetMs: number
  deskId: string | null
  /** host:port the kiosk reached this hub at */
  hub: string | null
}

/** What one hub tells the others about one kiosk. */
export interface PresenceReport {
  kioskId: string
  online: boolean
  lastSeen: number
  outboxDepth: number
  clockOffsetMs: number
  deskId: string | null
  /** the hub it is connected to (host:port as the kiosk reached it); absent from older hubs */
  hub?: string | null
}

/** Kiosks heartbeat every 10 s and each beat is passed on: three missed and it lapses. */
export const REMOTE_LAPSE_MS = 30_000

export class KioskPresence {
  private live = new Map<string, Live>()
  private remote = new Map<string, PresenceReport & { heardAt: number }>()
  private othersHeard = true

  constructor(private readonly onLocalChange: (report: PresenceReport) => void = () => {}) {}

  private entry(id: string): Live {
    let e = this.live.get(id)
    if (!e) this.live.set(id, (e = { sockets: 0, lastSeen: 0, outboxDepth: 0, clockOffsetMs: 0, deskId: null, hub: null }))
    return e
  }

  private changed(id: string) {
    const e = this.entry(id)
    this.onLocalChange({
      kioskId: id,
      online: e.sockets > 0,
      lastSeen: e.lastSeen,
      outboxDepth: e.outboxDepth,
      clockOffsetMs: e.clockOffsetMs,
      deskId: e.deskId,
      hub: e.hub,
    })
  }

  /** The address the kiosk reached this hub at, so every hub's list says which hub it is on. */
  reachedAt(id: string, hub: string | null) {
    this.entry(id).hub = hub
    this.changed(id)
  }

  /** Whether the other hubs' reports can reach this one (hub/cluster/cluster.ts). */
  otherHubsHeard(heard: boolean) {
    this.othersHeard = heard
  }

  /** Tells the other hubs about every kiosk here at once (Redis back: they need not wait for heartbeats). */
  announceAll() {
    for (const id of this.live.keys()) this.changed(id)
  }

  connected(id: string, now: number) {
    const e = this.entry(id)
    e.sockets++
    e.lastSeen = now
    this.changed(id)
  }

  disconnected(id: string, now: number) {
    const e = this.entry(id)
    e.sockets = Math.max(0, e.sockets - 1)
    e.lastSeen = now
    this.changed(id)
  }

  heartbeat(id: string, beat: KioskHeartbeat, now: number) {
    const e = this.entry(id)
    e.lastSeen = now
    e.outboxDepth = beat.outboxDepth
    e.clockOffsetMs = beat.clockOffsetMs
    if (beat.deskId) e.deskId = beat.deskId
    this.changed(id)
  }

  seen(id: string, now: number) {
    this.entry(id).lastSeen = now
  }

  /** Another hub's report. */
  heard(report: PresenceReport, now: number) {
    this.remote.set(report.kioskId, { ...report, heardAt: now })
  }

  /** The desk a kiosk last said it is at (to this hub or another), else the one it was paired for. */
  deskOf(id: string, record?: KioskRecord): string | null {
    const e = this.live.get(id)
    const r = this.remote.get(id)
    const latest = r && (!e || r.lastSeen > e.lastSeen) ? r : e
    return latest?.deskId ?? record?.deskId ?? null
  }

  /** each desk's badge printer health, kept by the badge service (hub/badges) */
  readonly printers = new Map<string, PrinterHealth>()

  list(kiosks: readonly KioskRecord[], now: number): KioskStatus[] {
    return kiosks.map((k) => {
      const e = this.live.get(k.id)
      const r = this.remote.get(k.id)
      const remoteOnline = !!r && r.online && now - r.heardAt < REMOTE_LAPSE_MS
      // the fresher of the two accounts says what the kiosk last reported
      const latest = r && (!e || r.lastSeen > e.lastSeen) ? r : e
      const lastSeen = Math.max(e?.lastSeen ?? 0, r?.lastSeen ?? 0)
      const onHere = !!e && e.sockets > 0
      const hub = onHere ? e.hub : remoteOnline ? r.hub : null
      const deskId = latest?.deskId ?? k.deskId ?? null
      const printer = deskId ? this.printers.get(deskId) : undefined
      return {
        kioskId: k.id,
        name: k.name,
        deskId: latest?.deskId ?? k.deskId ?? null,
        online: onHere || remoteOnline,
        lastSeen: lastSeen ? new Date(lastSeen).toISOString() : null,
        outboxDepth: latest?.outboxDepth ?? 0,
        clockOffsetMs: latest?.clockOffsetMs ?? 0,
        revoked: !!k.revokedAt,
        ...(this.othersHeard ? {} : { presenceLocalOnly: true }),
        ...(hub ? { hub } : {}),
        ...(printer ? { printer } : {}),
      }
    })
  }
}
