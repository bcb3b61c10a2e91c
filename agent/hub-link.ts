// The kiosk's connection to the hub: pulls the registry and other desks' check-ins, measures
// the clock offset, and drains the outbox until every record is acknowledged. Socket.IO's
// own send buffer dies with the process, so the outbox on disk is what guarantees delivery.
import { io, type Socket } from 'socket.io-client'
import { MAX_BATCH, type ClientToServerEvents, type ServerToClientEvents } from '../shared/protocol.js'
import type { Kiosk } from './kiosk.js'

type HubSocket = Socket<ServerToClientEvents, ClientToServerEvents>

export interface HubLinkOptions {
  ackTimeoutMs?: number
  heartbeatMs?: number
  log?: (message: string) => void
}

export class HubLink {
  private socket: HubSocket | null = null
  private draining = false
  private drainAgain = false
  private pulling: Promise<void> | null = null
  private timer: NodeJS.Timeout | null = null
  private retryTimer: NodeJS.Timeout | null = null
  private unsubscribe: (() => void) | null = null
  revoked = false

  constructor(
    private kiosk: Kiosk,
    private options: HubLinkOptions = {},
  ) {}

  start() {
    const pairing = this.kiosk.data.pairing
    if (!pairing || this.socket) return
    const socket: HubSocket = io(pairing.hubUrl, {
      auth: { token: pairing.token },
      transports: ['websocket'],
      reconnectionDelay: 500,
      reconnectionDelayMax: 2000,
      timeout: 5000,
    })
    this.socket = socket
    socket.on('connect', () => {
      this.kiosk.online = true
      this.kiosk.changed()
      void this.sync()
    })
    socket.on('disconnect', () => {
      this.kiosk.online = false
      this.kiosk.changed()
    })
    socket.on('connect_error', (err) => {
      if (err.message === 'unauthorized') {
        this.revoked = true
        this.options.log?.('hub refused this kiosk: it may have been revoked; pair it again')
      }
    })
    socket.on('registry:changed', () => void this.pullRegistry())
    socket.on('checkins:recorded', (records) => {
      void this.kiosk.applyPeers(records, false).then(
        (gapFree) => (gapFree ? undefined : this.pullPeers()),
        (err: Error) => this.options.log?.(`could not keep other desks' check-ins: ${err.message}`),
      )
    })
    socket.on('kiosk:revoked', () => {
      this.revoked = true
      socket.disconnect()
      this.options.log?.('this kiosk was revoked by the organiser: attendee list removed, unsent records kept for export')
      void this.kiosk.forgetAttendees()
    })
    this.unsubscribe = this.kiosk.onChange(() => {
      if (this.kiosk.outbox.size > 0) void this.drain()
    })
    this.timer = setInterval(() => void this.heartbeat(), this.options.heartbeatMs ?? 10_000)
  }

  private get ackTimeout() {
    return this.options.ackTimeoutMs ?? 10_000
  }

  private async sync() {
    try {
      await this.measureClock()
      await this.pullRegistry()
      await this.pullPeers()
      await this.heartbeat()
    } catch (err) {
      this.options.log?.(`sync failed: ${(err as Error).message}`)
    }
    void this.drain()
  }

  private async measureClock() {
    const socket = this.socket
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
        const socket = this.socket
        if (!socket?.connected) return
        const since = this.kiosk.data.registry?.rev ?? 0
        const res = await socket.timeout(this.ackTimeout).emitWithAck('registry:pull', { since })
        if (res.ok && (res.rev !== since || !this.kiosk.data.registry)) await this.kiosk.applyRegistry(res)
      } catch (err) {
        this.options.log?.(`registry pull failed: ${(err as Error).message}`)
      } finally {
        this.pulling = null
      }
    })()
    return this.pulling
  }

  private pullingPeers: Promise<void> | null = null

  /** Never rejects, like pullRegistry: the cursor stays where it was and the next pull resumes there. */
  private pullPeers(): Promise<void> {
    this.pullingPeers ??= this.pullPeersNow()
      .catch((err: Error) => this.options.log?.(`check-in pull failed: ${err.message}`))
      .finally(() => (this.pullingPeers = null))
    return this.pullingPeers
  }

  private async pullPeersNow() {
    for (;;) {
      const socket = this.socket
      if (!socket?.connected) return
      const res = await socket.timeout(this.ackTimeout).emitWithAck('checkins:pull', { since: this.kiosk.hubCursor, limit: 2000 })
      if (!res.ok || res.records.length === 0) return
      await this.kiosk.applyPeers(res.records, true)
    }
  }

  private async heartbeat() {
    const socket = this.socket
    if (!socket?.connected) return
    await socket
      .timeout(this.ackTimeout)
      .emitWithAck('kiosk:heartbeat', { outboxDepth: this.kiosk.outbox.size, clockOffsetMs: this.kiosk.data.clockOffsetMs, ...(this.kiosk.data.desk.deskId ? { deskId: this.kiosk.data.desk.deskId } : {}), mode: this.kiosk.data.desk.mode })
      .catch(() => undefined)
  }

  /** Sends the outbox in batches until it is empty or the hub stops answering. */
  async drain(): Promise<void> {
    if (this.draining) {
      this.drainAgain = true
      return
    }
    this.draining = true
    let failures = 0
    try {
      do {
        this.drainAgain = false
        while (this.kiosk.outbox.size > 0 && this.socket?.connected) {
          const batch = [...this.kiosk.outbox.values()].slice(0, MAX_BATCH)
          try {
            const res = await this.socket.timeout(this.ackTimeout).emitWithAck('checkin:submitBatch', batch)
            if (!res.ok) throw new Error(res.error)
            await this.kiosk.markDelivered(res.results.map((r: { id: string }) => r.id))
            failures = 0
          } catch (err) {
            failures++
            this.options.log?.(`delivery failed (${(err as Error).message}); will retry`)
            if (failures >= 3) {
              this.scheduleRetry(Math.min(15_000, 1000 * 2 ** failures))
              return
            }
          }
        }
      } while (this.drainAgain)
    } finally {
      this.draining = false
    }
  }

  private scheduleRetry(ms: number) {
    if (this.retryTimer) return
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null
      void this.drain()
    }, ms)
  }

  stop() {
    if (this.timer) clearInterval(this.timer)
    if (this.retryTimer) clearTimeout(this.retryTimer)
    this.unsubscribe?.()
    this.socket?.disconnect()
    this.socket = null
    this.kiosk.online = false
  }
}

/** Trades a pairing code for this kiosk's own token. */
export async function pairWithHub(hubUrl: string, code: string, name: string): Promise<{ kioskId: string; token: string }> {
  const res = await fetch(new URL('/api/pair', hubUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ code, name }),
    signal: AbortSignal.timeout(10_000),
  })
  const body = (await res.json().catch(() => ({}))) as { ok?: boolean; kioskId?: string; token?: string; error?: string }
  if (!res.ok || !body.kioskId || !body.token) throw new Error(body.error ?? `pairing failed (${res.status})`)
  return { kioskId: body.kioskId, token: body.token }
}
