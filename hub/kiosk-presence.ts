// Which kiosks are connected and what they last reported. Live state, not records: it is
// rebuilt as kiosks reconnect after a hub restart.
import type { KioskHeartbeat, KioskStatus } from '../shared/protocol.js'
import type { KioskRecord } from './store/registry-data.js'

interface Live {
  sockets: number
  lastSeen: number
  outboxDepth: number
  clockOffsetMs: number
  deskId: string | null
}

export class KioskPresence {
  private live = new Map<string, Live>()

  private entry(id: string): Live {
    let e = this.live.get(id)
    if (!e) this.live.set(id, (e = { sockets: 0, lastSeen: 0, outboxDepth: 0, clockOffsetMs: 0, deskId: null }))
    return e
  }

  connected(id: string, now: number) {
    const e = this.entry(id)
    e.sockets++
    e.lastSeen = now
  }

  disconnected(id: string, now: number) {
    const e = this.entry(id)
    e.sockets = Math.max(0, e.sockets - 1)
    e.lastSeen = now
  }

  heartbeat(id: string, beat: KioskHeartbeat, now: number) {
    const e = this.entry(id)
    e.lastSeen = now
    e.outboxDepth = beat.outboxDepth
    e.clockOffsetMs = beat.clockOffsetMs
    if (beat.deskId) e.deskId = beat.deskId
  }

  seen(id: string, now: number) {
    this.entry(id).lastSeen = now
  }

  list(kiosks: readonly KioskRecord[]): KioskStatus[] {
    return kiosks.map((k) => {
      const e = this.live.get(k.id)
      return {
        kioskId: k.id,
        name: k.name,
        deskId: e?.deskId ?? k.deskId ?? null,
        online: !!e && e.sockets > 0,
        lastSeen: e && e.lastSeen ? new Date(e.lastSeen).toISOString() : null,
        outboxDepth: e?.outboxDepth ?? 0,
        clockOffsetMs: e?.clockOffsetMs ?? 0,
        revoked: !!k.revokedAt,
      }
    })
  }
}
