// Builds the hub from its parts, so tests start it on port 0 with a temp store and a clock.
import { createServer, type IncomingMessage, type Server as HttpServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Server } from 'socket.io'
import { jsonOnlyParser } from '../../node-shared/json-only-parser.js'
import { DEFAULT_STATIC_DIR } from '../../node-shared/static-pages.js'
import type { Cluster } from '../cluster/cluster.js'
import type { HubContext, Log } from './context.js'
import { bearer } from '../../node-shared/http-util.js'
import { ConnectionLimits, HANDSHAKE_WINDOW_MS, type ConnectionLimitOptions } from './connection-limits.js'
import { FD_RESERVE, openFileLimit } from './fd-limit.js'
import { createHttpHandler } from './http.js'
import { KioskPresence } from '../kiosks/kiosk-presence.js'
import { sleep } from '../../node-shared/sleep.js'
import { LoginThrottle } from '../auth/login-throttle.js'
import { PairingGuard } from '../kiosks/pairing-guard.js'
import { startPushes } from '../pushes/pushes.js'
import { attachSockets, type HubServer } from './sockets.js'
import { lazyBadgeService } from '../badges/badge-service.js'
import type { EventStore } from '../store/event-store.js'

/** Socket.IO refuses messages above this size by closing the connection. */
export const MAX_MESSAGE_BYTES = 1_000_000

export interface HubOptions {
  store: EventStore
  now?: () => Date
  staticDir?: string
  log?: Log
  throttle?: LoginThrottle
  /** other hubs on the same database, joined through Redis (hub/cluster/cluster.ts) */
  cluster?: Cluster | undefined
  /** every hub's address, for kiosks to fail over (KARIBU_HUB_URLS) */
  hubUrls?: string[]
  pairing?: PairingGuard
  /** per-address caps on connections and sessions (hub/server/connection-limits.ts) */
  connectionLimits?: ConnectionLimitOptions
}

export interface Hub {
  http: HttpServer
  io: HubServer
  ctx: HubContext
  listen(port: number, host?: string): Promise<AddressInfo>
  close(): Promise<void>
}

/** Browsers must come from the hub's own origin; Node clients (kiosk agents) send no Origin. */
export function originAllowed(req: IncomingMessage): boolean {
  const origin = req.headers.origin
  if (!origin) return true
  try {
    return new URL(origin).host === req.headers.host
  } catch {
    return false
  }
}

export function createHub(options: HubOptions): Hub {
  const now = options.now ?? (() => new Date())
  const log = options.log ?? { info: (m) => console.log(m), error: (m) => console.error(m) }
  // assigned once, below: the closures in ctx refer to it before the server exists
  // eslint-disable-next-line prefer-const
  let io: HubServer

  const ctx: HubContext = {
    store: options.store,
    presence: new KioskPresence((report) => {
      if (options.cluster) io.serverSideEmit('kiosk:presence', report)
    }),
    throttle: options.throttle ?? new LoginThrottle(),
    pairing: options.pairing ?? new PairingGuard({ redis: options.cluster?.redis, now }),
    hubUrls: options.hubUrls ?? [],
    now,
    log,
    badges: () => badges.get(),
    kiosksChanged: (urgent) => pushes.kiosksChanged(urgent),
    // through every hub: the kiosk may be connected to another one
    kioskRevoked(kioskId) {
      io.to(`kiosk:${kioskId}`).emit('kiosk:revoked')
      io.in(`kiosk:${kioskId}`).disconnectSockets(true)
    },
    credentialsRevoked(ids) {
      if (ids.length) io.in(ids.map((id) => `credential:${id}`)).disconnectSockets(true)
    },
  }

  const badges = lazyBadgeService(ctx, (m) => log.error(m))

  const http = createServer(createHttpHandler(ctx, options.staticDir ?? DEFAULT_STATIC_DIR))
  // a connection that has not sent its request's headers in 10 s is closed (Node's default: 60 s)
  http.headersTimeout = 10_000
  const fdLimit = openFileLimit()
  // past this, new connections are refused rather than the journal and registry starved of fds
  if (fdLimit !== null && Number.isFinite(fdLimit)) http.maxConnections = Math.max(64, fdLimit - FD_RESERVE)
  const limits = new ConnectionLimits(options.connectionLimits)
  limits.guard(http)
  io = new Server(http, {
    maxHttpBufferSize: MAX_MESSAGE_BYTES,
    // a session must show a valid credential within this, not Socket.IO's 45 s
    connectTimeout: HANDSHAKE_WINDOW_MS,
    allowRequest: (req, callback) => {
      if (!originAllowed(req)) return callback('forbidden', false)
      if (!limits.allowsSession(req)) return callback('too_many_sessions', false)
      // a client that sends its credential with the handshake (the kiosk agent) is checked
      // before any session is made for it
      const token = bearer(req)
      if (token === undefined || ctx.store.credentials.authenticate(token)) return callback(null, true)
      const address = req.socket.remoteAddress ?? '?'
      void sleep(ctx.throttle.delayFor(address)).then(() => {
        ctx.throttle.failed(address)
        callback('unauthorized', false)
      })
    },
    serveClient: false,
    parser: jsonOnlyParser,
    ...(options.cluster ? { adapter: options.cluster.adapter } : {}),
  })
  io.engine.on('connection', (conn: Parameters<ConnectionLimits['opened']>[0]) => limits.opened(conn))
  attachSockets(io, ctx, limits)
  // every check-in and registry change, this hub's or another's, reaches the clients from here
  const pushes = startPushes(io, ctx)
  io.on('kiosk:presence', (report) => {
    ctx.presence.heard(report, now().getTime())
    ctx.kiosksChanged(false)
  })

  return {
    http,
    io,
    ctx,
    listen(port, host = '0.0.0.0') {
      return new Promise((resolve, reject) => {
        http.once('error', reject)
        http.listen(port, host, () => resolve(http.address() as AddressInfo))
      })
    },
    async close() {
      pushes.close()
      const closed = new Promise<void>((resolve) => io.close(() => resolve()))
      // a browser keeps its idle connections for a minute: a hub that is stopping does not wait
      // for them (a dashboard left open held a restart for 59 s)
      http.closeAllConnections()
      await closed
      // the print log and the desk printer watch: the heartbeat opens them with the hub
      await badges.close()
      await options.store.close()
      await options.cluster?.close()
    },
  }
}
