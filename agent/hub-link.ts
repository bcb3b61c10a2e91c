// The kiosk's connection to the hub: pulls the registry and other desks' check-ins, measures
// the clock offset, and drains the outbox until every record is acknowledged. Socket.IO's
// own send buffer dies with the process, so the outbox on disk is what guarantees delivery.
import { io, type Socket } from 'socket.io-client'
import { previousIdentityProof } from '../common/identity-proof.js'
import { HttpError } from '../shared/http/contract.js'
import { PairAnswer } from '../shared/http/core.js'
import { PrinterHealthSchema } from '../shared/printer-health-schema.js'
import type { CheckinSubmission } from '../shared/domain.js'
import { HubList, MAX_BATCH, type ClientToServerEvents, type ServerToClientEvents } from '../shared/protocol.js'
import type { Kiosk } from './kiosk.js'

type HubSocket = Socket<ServerToClientEvents, ClientToServerEvents>

/** Failed connection attempts in a row before a kiosk with several hubs tries the next one. */
const FAILOVER_AFTER = 2
/** Heartbeats in a row the home hub must answer /healthz before a kiosk that failed over moves back. */
const HOME_HEALTHY_BEATS = 6

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

  /** connection failures in a row at the current hub; at FAILOVER_AFTER the link moves on */
  private failures = 0
  private hubIndex = 0

  start() {
    if (!this.kiosk.data.pairing || this.socket) return
    this.open()
    this.unsubscribe = this.kiosk.onChange(() => {
      if (this.kiosk.outbox.size > 0) void this.drain()
    })
    this.timer = setInterval(() => void this.heartbeat().then(() => this.preferHome()).catch(() => undefined), this.options.heartbeatMs ?? 10_000)
  }

  /** The hubs this kiosk may use: the one it paired with first, then the others it was given. */
  get hubUrls(): string[] {
    const pairing = this.kiosk.data.pairing
    return pairing ? [...new Set([pairing.hubUrl, ...pairing.hubUrls])] : []
  }

  /** The hub this link is talking to (or trying to). */
  get hubUrl(): string | null {
    return this.hubUrls[this.hubIndex % Math.max(1, this.hubUrls.length)] ?? null
  }

  private open() {
    const pairing = this.kiosk.data.pairing
    const url = this.hubUrl
    if (!pairing || !url) return
    // records made under an identity this kiosk had before it was paired again: the proof
    // lets the hub accept them as this device's (hub/sockets.ts)
    const previous = this.kiosk.data.previous.slice(-8).map((p) => ({ kioskId: p.kioskId, proof: previousIdentityProof(p.token, pairing.kioskId) }))
    this.refusedIds.clear()
    const socket: HubSocket = io(url, {
      auth: { token: pairing.token, ...(previous.length > 0 ? { previous } : {}) },
      transports: ['websocket'],
      reconnectionDelay: 500,
      reconnectionDelayMax: 2000,
      timeout: 5000,
    })
    this.socket = socket
    socket.on('connect', () => {
      this.failures = 0
      this.kiosk.online = true
      this.kiosk.changed()
      void this.sync()
    })
    socket.on('disconnect', () => {
      this.kiosk.online = false
      this.kiosk.changed()
    })
    socket.on('connect_error', (err) => {
      if (err.message === 'unauthorized') return this.refused(socket, 'the hub no longer knows this kiosk (revoked, or a new event): attendee list removed, unsent records kept for export; pair it again', 'unknown')
      // the hub is gone (or never answered): with several hubs, move to the next; the outbox
      // holds every record until some hub acknowledges it, so nothing is lost or doubled
      if (++this.failures >= FAILOVER_AFTER && this.hubUrls.length > 1) this.moveOn(socket)
    })
    socket.on('registry:changed', () => void this.pullRegistry())
    socket.on('checkins:recorded', (records) => {
      void this.kiosk.applyPeers(records, false).then(
        (gapFree) => (gapFree ? undefined : this.pullPeers()),
        (err: Error) => this.options.log?.(`could not keep other desks' check-ins: ${err.message}`),
      )
    })
    socket.on('hubs:changed', (update) => void this.hubsChanged(update))
    socket.on('kiosk:revoked', () => this.refused(socket, 'this kiosk was revoked by the organiser: attendee list removed, unsent records kept for export'))
  }

  /** The hubs' shared list: a hub added later is one more to fail over to, without pairing again. */
  private async hubsChanged(update: unknown) {
    const parsed = HubList.safeParse(update)
    const pairing = this.kiosk.data.pairing
    if (!parsed.success || !pairing || parsed.data.hubUrls.join() === pairing.hubUrls.join()) return
    const current = this.hubUrl
    await this.kiosk.configure((d) => void (d.pairing && (d.pairing.hubUrls = parsed.data.hubUrls))).catch((err: Error) => this.options.log?.(`could not keep the hub list: ${err.message}`))
    this.hubIndex = Math.max(0, current ? this.hubUrls.indexOf(current) : 0)
  }

  private homeHealthy = 0

  /** After a failover: back to the home hub (the one it paired with) once it has been healthy a while. */
  private async preferHome() {
    const socket = this.socket
    const home = this.hubUrls[0]
    if (!socket || !home || this.hubIndex === 0) return void (this.homeHealthy = 0)
    const ok = await fetch(new URL('/healthz', home), { signal: AbortSignal.timeout(2000) }).then(
      (res) => (void res.body?.cancel(), res.ok),
      () => false,
    )
    this.homeHealthy = ok ? this.homeHealthy + 1 : 0
    if (this.homeHealthy < HOME_HEALTHY_BEATS || socket !== this.socket) return
    // the outbox holds whatever is not acknowledged yet: moving loses and doubles nothing
    this.homeHealthy = 0
    socket.removeAllListeners()
    socket.disconnect()
    this.failures = 0
    this.hubIndex = 0
    this.options.log?.(`home hub ${home} healthy again; moving back to it`)
    this.open()
  }

  private moveOn(socket: HubSocket) {
    if (socket !== this.socket) return
    socket.removeAllListeners()
    socket.disconnect()
    this.failures = 0
    this.hubIndex = (this.hubIndex + 1) % this.hubUrls.length
    this.options.log?.(`hub unreachable; trying ${this.hubUrl}`)
    this.open()
  }

  /** A revoked kiosk (or one the hub has never heard of) keeps nobody's personal data. */
  private refused(socket: HubSocket, why: string, reason: 'revoked' | 'unknown' = 'revoked') {
    if (this.revoked) return
    this.revoked = true
    socket.disconnect()
    this.options.log?.(why)
    this.kiosk.forgetAttendees(reason).catch((err: Error) => this.options.log?.(`could not remove the attendee list: ${err.message}`))
  }

  private get ackTimeout() {
    return this.options.ackTimeoutMs ?? 10_000
  }

  /** previous kiosk ids this hub would not take records for, until the next connection */
  private refusedIds = new Set<string>()

  /**
   * The next batch: one kiosk id per batch, this identity's own records first, so records the
   * hub will not take (made under an identity it cannot confirm) never hold new scans back.
   * Those stay in the outbox, for the USB export.
   */
  private nextBatch(): CheckinSubmission[] {
    const current = this.kiosk.data.pairing?.kioskId
    const sendable = new Set([current, ...this.kiosk.data.previous.map((p) => p.kioskId)].filter((id) => id !== undefined && !this.refusedIds.has(id)))
    const all = [...this.kiosk.outbox.values()].filter((s) => sendable.has(s.kioskId))
    const own = all.filter((s) => s.kioskId === current)
    const first = own.length > 0 ? own : all.filter((s) => s.kioskId === all[0]?.kioskId)
    return first.slice(0, MAX_BATCH)
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
    const res = await socket
      .timeout(this.ackTimeout)
      .emitWithAck('kiosk:heartbeat', { outboxDepth: this.kiosk.outbox.size, clockOffsetMs: this.kiosk.data.clockOffsetMs, ...(this.kiosk.data.desk.deskId ? { deskId: this.kiosk.data.desk.deskId } : {}), mode: this.kiosk.data.desk.mode })
      .catch(() => undefined)
    if (res?.ok) this.kiosk.setDeskPrinter(PrinterHealthSchema.safeParse(res.printer).data ?? null)
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
        for (let batch = this.nextBatch(); batch.length > 0 && this.socket?.connected; batch = this.nextBatch()) {
          try {
            const res = await this.socket.timeout(this.ackTimeout).emitWithAck('checkin:submitBatch', batch)
            if (!res.ok && res.error === 'forbidden' && batch[0]!.kioskId !== this.kiosk.data.pairing?.kioskId) {
              this.options.log?.(`the hub does not take records made as kiosk ${batch[0]!.kioskId}; they stay for export`)
              this.refusedIds.add(batch[0]!.kioskId)
              continue
            }
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
    this.socket?.removeAllListeners()
    this.socket?.disconnect()
    this.socket = null
    this.kiosk.online = false
  }
}

/** Trades a pairing code for this kiosk's own token. */
/** Why pairing failed, in the terms the desk officer acts on: the address, or the code. */
export class PairingError extends Error {
  constructor(
    readonly kind: 'hub_unreachable' | 'code_refused' | 'pairing_failed',
    message: string,
  ) {
    super(message)
  }
}

export async function pairWithHub(hubUrl: string, code: string, name: string): Promise<{ kioskId: string; token: string; hubs: string[]; badgePublicKey: string | undefined }> {
  let res: Response
  try {
    res = await fetch(new URL('/api/pair', hubUrl), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code, name }),
      signal: AbortSignal.timeout(10_000),
    })
  } catch (err) {
    throw new PairingError('hub_unreachable', `no hub answered at ${hubUrl}: ${(err as Error).message}`)
  }
  const body: unknown = await res.json().catch(() => null)
  const refusal = HttpError.safeParse(body)
  const error = refusal.success ? refusal.data.error : undefined
  if (res.status === 401 || res.status === 403 || res.status === 404 || res.status === 400) throw new PairingError(res.status === 404 && !error ? 'hub_unreachable' : 'code_refused', error ?? `pairing refused (${res.status})`)
  if (!res.ok) throw new PairingError('pairing_failed', error ?? `pairing failed (${res.status})`)
  // a hub from another version, or something else on that address: said plainly, not a crash later
  const paired = PairAnswer.safeParse(body)
  if (!paired.success) throw new PairingError('pairing_failed', `the hub's pairing answer is not one this kiosk understands: ${paired.error.issues.map((i) => i.path.join('.') || 'body').join(', ')}`)
  const { kioskId, token, hubs, event } = paired.data
  return { kioskId, token, hubs, badgePublicKey: event?.badgePublicKey }
}
