// The kiosk's link to the hub, put together: the connection and its failover
// (hub-connection.ts), keeping in step (hub-sync.ts) and delivering the outbox
// (outbox-drain.ts). It tells whoever listens whether the hub is reachable; the kiosk's own
// state is the agent's to set.
import { HubConnection } from './hub-connection.js'
import { HubSync } from './hub-sync.js'
import type { Kiosk } from './kiosk.js'
import { OutboxDrain } from './outbox-drain.js'

export interface HubLinkOptions {
  ackTimeoutMs?: number
  heartbeatMs?: number
  log?: (message: string) => void
  /** the hub answers (true) or is gone (false) */
  onOnline?: (online: boolean) => void
}

export class HubLink {
  private timer: NodeJS.Timeout | null = null
  private unsubscribe: (() => void) | null = null
  private connection: HubConnection
  private sync: HubSync
  private outbox: OutboxDrain

  constructor(
    private kiosk: Kiosk,
    private options: HubLinkOptions = {},
  ) {
    const log = options.log ?? (() => undefined)
    const ackTimeout = options.ackTimeoutMs ?? 10_000
    const socket = () => this.connection.socket
    this.sync = new HubSync(kiosk, socket, ackTimeout, log)
    this.outbox = new OutboxDrain(kiosk, socket, ackTimeout, log)
    this.connection = new HubConnection(
      kiosk,
      {
        opened: (s) => {
          this.outbox.reset()
          this.sync.listen(s)
        },
        connected: () => {
          options.onOnline?.(true)
          void this.sync.all().then(() => this.outbox.drain())
        },
        disconnected: () => options.onOnline?.(false),
      },
      log,
    )
  }

  start() {
    if (!this.kiosk.data.pairing || this.connection.socket) return
    this.connection.open()
    this.unsubscribe = this.kiosk.onChange(() => {
      if (this.kiosk.records.outbox.size > 0) void this.outbox.drain()
    })
    this.timer = setInterval(
      () =>
        void this.sync
          .heartbeat()
          .then(() => this.connection.preferHome())
          .catch(() => undefined),
      this.options.heartbeatMs ?? 10_000,
    )
  }

  get hubUrls(): string[] {
    return this.connection.hubUrls
  }

  /** The hub this link is talking to (or trying to). */
  get hubUrl(): string | null {
    return this.connection.hubUrl
  }

  get revoked(): boolean {
    return this.connection.revoked
  }

  pullRegistry(): Promise<void> {
    return this.sync.pullRegistry()
  }

  /** Reports to the hub now (the desk changed: its printer is another one, or none). */
  beatNow(): Promise<void> {
    return this.sync.heartbeat().catch(() => undefined)
  }

  drain(): Promise<void> {
    return this.outbox.drain()
  }

  stop() {
    if (this.timer) clearInterval(this.timer)
    this.outbox.stop()
    this.unsubscribe?.()
    this.connection.close()
    this.options.onOnline?.(false)
  }
}
