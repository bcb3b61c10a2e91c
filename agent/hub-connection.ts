// The kiosk's socket to a hub, and which hub: it knows every hub of the deployment, moves to
// the next when its hub is gone and back home once the home hub has been healthy a while. A
// hub that no longer knows this kiosk (revoked, or a new event) makes it forget its attendees.
// What travels over the socket is the sync's and the drain's business (hub-sync.ts, outbox-drain.ts).
import { io, type Socket } from 'socket.io-client'
import { previousIdentityProof } from '../node-shared/identity-proof.js'
import { HubList, type ClientToServerEvents, type ServerToClientEvents } from '../shared/protocol.js'
import type { Kiosk } from './kiosk.js'

export type HubSocket = Socket<ServerToClientEvents, ClientToServerEvents>

/** Failed connection attempts in a row before a kiosk with several hubs tries the next one. */
const FAILOVER_AFTER = 2
/** Heartbeats in a row the home hub must answer /healthz before a kiosk that failed over moves back. */
const HOME_HEALTHY_BEATS = 6

export interface ConnectionEvents {
  /** a new socket, before it connects: the place to listen to the hub's events */
  opened(socket: HubSocket): void
  connected(): void
  disconnected(): void
}

export class HubConnection {
  socket: HubSocket | null = null
  revoked = false
  /** connection failures in a row at the current hub; at FAILOVER_AFTER the link moves on */
  private failures = 0
  private hubIndex = 0
  private homeHealthy = 0

  constructor(
    private kiosk: Kiosk,
    private events: ConnectionEvents,
    private log: (message: string) => void,
  ) {}

  /** The hubs this kiosk may use: the one it paired with first, then the others it was given. */
  get hubUrls(): string[] {
    const pairing = this.kiosk.data.pairing
    return pairing ? [...new Set([pairing.hubUrl, ...pairing.hubUrls])] : []
  }

  /** The hub this link is talking to (or trying to). */
  get hubUrl(): string | null {
    return this.hubUrls[this.hubIndex % Math.max(1, this.hubUrls.length)] ?? null
  }

  open() {
    const pairing = this.kiosk.data.pairing
    const url = this.hubUrl
    if (!pairing || !url) return
    // records made under an identity this kiosk had before it was paired again: the proof
    // lets the hub accept them as this device's (hub/server/sockets.ts)
    const previous = this.kiosk.data.previous
      .slice(-8)
      .map((p) => ({ kioskId: p.kioskId, proof: previousIdentityProof(p.token, pairing.kioskId) }))
    const socket: HubSocket = io(url, {
      auth: { token: pairing.token, ...(previous.length > 0 ? { previous } : {}) },
      transports: ['websocket'],
      reconnectionDelay: 500,
      reconnectionDelayMax: 2000,
      timeout: 5000,
    })
    this.socket = socket
    this.events.opened(socket)
    socket.on('connect', () => {
      this.failures = 0
      this.events.connected()
    })
    socket.on('disconnect', () => this.events.disconnected())
    socket.on('connect_error', (err) => {
      if (err.message === 'unauthorized')
        return this.refused(
          socket,
          'the hub no longer knows this kiosk (revoked, or a new event): attendee list removed, unsent records kept for export; pair it again',
          'unknown',
        )
      // the hub is gone (or never answered): with several hubs, move to the next; the outbox
      // holds every record until some hub acknowledges it, so nothing is lost or doubled
      if (++this.failures >= FAILOVER_AFTER && this.hubUrls.length > 1)
        this.moveTo(socket, (this.hubIndex + 1) % this.hubUrls.length, `hub unreachable; trying the next`)
    })
    socket.on('hubs:changed', (update) => void this.hubsChanged(update))
    socket.on('kiosk:revoked', () =>
      this.refused(socket, 'this kiosk was revoked by the organiser: attendee list removed, unsent records kept for export'),
    )
  }

  /** The hubs' shared list: a hub added later is one more to fail over to, without pairing again. */
  private async hubsChanged(update: unknown) {
    const parsed = HubList.safeParse(update)
    const pairing = this.kiosk.data.pairing
    if (!parsed.success || !pairing || parsed.data.hubUrls.join() === pairing.hubUrls.join()) return
    const current = this.hubUrl
    await this.kiosk
      .configure((d) => void (d.pairing && (d.pairing.hubUrls = parsed.data.hubUrls)))
      .catch((err: Error) => this.log(`could not keep the hub list: ${err.message}`))
    this.hubIndex = Math.max(0, current ? this.hubUrls.indexOf(current) : 0)
  }

  /** After a failover: back to the home hub (the one it paired with) once it has been healthy a while. */
  async preferHome() {
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
    this.moveTo(socket, 0, `home hub ${home} healthy again; moving back to it`)
  }

  private moveTo(socket: HubSocket, index: number, why: string) {
    if (socket !== this.socket) return
    socket.removeAllListeners()
    socket.disconnect()
    this.failures = 0
    this.hubIndex = index
    this.log(`${why}: ${this.hubUrl}`)
    this.open()
  }

  /** A revoked kiosk (or one the hub has never heard of) keeps nobody's personal data. */
  private refused(socket: HubSocket, why: string, reason: 'revoked' | 'unknown' = 'revoked') {
    if (this.revoked) return
    this.revoked = true
    socket.disconnect()
    this.log(why)
    this.kiosk.forgetAttendees(reason).catch((err: Error) => this.log(`could not remove the attendee list: ${err.message}`))
  }

  close() {
    this.socket?.removeAllListeners()
    this.socket?.disconnect()
    this.socket = null
  }
}
