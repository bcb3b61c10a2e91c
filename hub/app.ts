// Builds the hub from its parts, so tests start it on port 0 with a temp store and a clock.
import { createServer, type IncomingMessage, type Server as HttpServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Server } from 'socket.io'
import { DEFAULT_STATIC_DIR } from '../common/static-pages.js'
import type { HubContext, Log } from './context.js'
import { createHttpHandler } from './http.js'
import { KioskPresence } from './kiosk-presence.js'
import { LoginThrottle } from './login-throttle.js'
import { attachSockets, statsFor, type HubServer } from './sockets.js'
import type { EventStore } from './store/event-store.js'

/** Socket.IO refuses messages above this size by closing the connection. */
export const MAX_MESSAGE_BYTES = 1_000_000
/** Dashboards get fresh figures at most this often, however fast check-ins arrive. */
const STATS_INTERVAL_MS = 50

export interface HubOptions {
  store: EventStore
  now?: () => Date
  staticDir?: string
  log?: Log
  throttle?: LoginThrottle
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
  let statsTimer: NodeJS.Timeout | null = null
  let io: HubServer

  const pushStats = () => {
    if (statsTimer) return
    statsTimer = setTimeout(() => {
      statsTimer = null
      io.to('dashboards').emit('stats:changed', statsFor(ctx))
    }, STATS_INTERVAL_MS)
  }

  const ctx: HubContext = {
    store: options.store,
    presence: new KioskPresence(),
    throttle: options.throttle ?? new LoginThrottle(),
    now,
    log,
    recorded(record) {
      io.to(['dashboards', 'kiosks']).emit('checkin:recorded', record)
      pushStats()
    },
    kiosksChanged: pushStats,
    registryChanged(rev) {
      io.to('kiosks').emit('registry:changed', { rev })
    },
  }

  const http = createServer(createHttpHandler(ctx, options.staticDir ?? DEFAULT_STATIC_DIR))
  io = new Server(http, {
    maxHttpBufferSize: MAX_MESSAGE_BYTES,
    allowRequest: (req, callback) => callback(null, originAllowed(req)),
    serveClient: false,
  })
  attachSockets(io, ctx)

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
      if (statsTimer) clearTimeout(statsTimer)
      await new Promise<void>((resolve) => io.close(() => resolve()))
      await options.store.close()
    },
  }
}
