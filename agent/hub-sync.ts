// What the kiosk keeps in step with the hub at each connection and after: the clock offset,
// the registry, other desks' check-ins (by cursor, so nothing is missed across a drop) and the
// heartbeat that reports the kiosk and brings back its desk printer's health.
import { PrinterHealthSchema } from '../shared/badges/printer-health-schema.js'
import type { HubSocket } from './hub-connection.js'
import type { Kiosk } from './kiosk.js'

export class HubSync {
  private pulling: Promise<void> | null = null
  private pullingPeers: Promise<void> | null = null

  constructor(
    private kiosk: Kiosk,
    private socket: () => HubSocket | null,
    private ackTimeout: number,
    private log: (message: string) => void,
  ) {}

  /** Listens to the hub's news on a new socket. */
  listen(socket: HubSocket) {
    socket.on('registry:changed', () => void this.pullRegistry())
    socket.on('checkins:recorded', (records) => {
      void this.kiosk.applyPeers(records, false).then(
        (gapFree) => (gapFree ? undefined : this.pullPeers()),
        (err: Error) => this.log(`could not keep other desks' check-ins: ${err.message}`),
      )
    })
  }

  /** Everything, in order, once connected. Never rejects. */
  async all() {
    try {
      await this.measureClock()
      await this.pullRegistry()
      await this.pullPeers()
      await this.heartbeat()
    } catch (err) {
      this.log(`sync failed: ${(err as Error).message}`)
    }
  }

  private async measureClock() {
    const socket = this.socket()
    if (!socket?.connected) return
    const t0 = this.kiosk.now().getTime()
    const res = await socket.timeout(this.ackTimeout).emitWithAck('clock:ping', { kioskTime: t0 })
    const t1 = this.kiosk.now().getTime()
    if (res.ok) await this.kiosk.setClockOffset(Math.round((t0 + t1) / 2 - res.hubTime))
  }

  /** Never rejects: a pull cut off by a lost connection is simply made again at the next connect. */
  pullRegistry(): Promise<void> {
    this.pulling ??= (async () => {
      try {
        const socket = this.socket()
        if (!socket?.connected) return
        const since = this.kiosk.data.registry?.rev ?? 0
        const res = await socket.timeout(this.ackTimeout).emitWithAck('registry:pull', { since })
        if (res.ok && (res.rev !== since || !this.kiosk.data.registry)) await this.kiosk.applyRegistry(res)
      } catch (err) {
        this.log(`registry pull failed: ${(err as Error).message}`)
      } finally {
        this.pulling = null
      }
    })()
    return this.pulling
  }

  /** Never rejects, like pullRegistry: the cursor stays where it was and the next pull resumes there. */
  private pullPeers(): Promise<void> {
    this.pullingPeers ??= this.pullPeersNow()
      .catch((err: Error) => this.log(`check-in pull failed: ${err.message}`))
      .finally(() => (this.pullingPeers = null))
    return this.pullingPeers
  }

  private async pullPeersNow() {
    for (;;) {
      const socket = this.socket()
      if (!socket?.connected) return
      const res = await socket.timeout(this.ackTimeout).emitWithAck('checkins:pull', { since: this.kiosk.records.hubCursor, limit: 2000 })
      if (!res.ok || res.records.length === 0) return
      await this.kiosk.applyPeers(res.records, true)
    }
  }

  async heartbeat() {
    const socket = this.socket()
    if (!socket?.connected) return
    const deskId = this.kiosk.data.desk.deskId ?? undefined
    const res = await socket
      .timeout(this.ackTimeout)
      .emitWithAck('kiosk:heartbeat', {
        outboxDepth: this.kiosk.records.outbox.size,
        clockOffsetMs: this.kiosk.data.clockOffsetMs,
        ...(deskId ? { deskId } : {}),
        mode: this.kiosk.data.desk.mode,
      })
      .catch(() => undefined)
    if (!res?.ok) return
    // asked for an earlier desk: the answer is about that desk's printer
    if (deskId !== (this.kiosk.data.desk.deskId ?? undefined)) return
    const assigned = deskId && typeof res.printerAssigned === 'boolean' ? res.printerAssigned : null
    this.kiosk.setDeskPrinter(PrinterHealthSchema.safeParse(res.printer).data ?? null, assigned)
  }
}
