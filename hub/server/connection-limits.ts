// Caps what one address can hold open before it has proved anything: TCP connections, and
// engine.io sessions not yet past the credential check. An unauthenticated session costs the hub
// ~110 KB and, by default, lived 45 s; ~1,000 idle connections took a 1024 fd limit, after which
// registry writes failed with EMFILE.
import type { Server as HttpServer, IncomingMessage } from 'node:http'
import type { Socket as NetSocket } from 'node:net'

export interface ConnectionLimitOptions {
  /** open TCP connections from one address (a venue's ushers and kiosks each have their own) */
  connectionsPerAddress: number
  /** engine.io sessions from one address that have not yet shown a valid credential */
  pendingSessionsPerAddress: number
  /** all engine.io sessions from one address */
  sessionsPerAddress: number
}

export const CONNECTION_LIMITS: ConnectionLimitOptions = {
  connectionsPerAddress: 512,
  pendingSessionsPerAddress: 128,
  sessionsPerAddress: 400,
}

/** How long a session may go without a valid credential before it is closed (Socket.IO's default is 45 s). */
export const HANDSHAKE_WINDOW_MS = 5000

interface EngineConn {
  remoteAddress: string
  once(event: 'close', fn: () => void): unknown
}

export class ConnectionLimits {
  private tcp = new Map<string, number>()
  private sessions = new Map<string, { all: number; pending: Set<EngineConn> }>()

  constructor(private limits: ConnectionLimitOptions = CONNECTION_LIMITS) {}

  /** every TCP connection the HTTP server accepts; those past the cap are closed at once */
  guard(http: HttpServer) {
    http.on('connection', (socket: NetSocket) => {
      const address = socket.remoteAddress ?? '?'
      const open = (this.tcp.get(address) ?? 0) + 1
      if (open > this.limits.connectionsPerAddress) return socket.destroy()
      this.tcp.set(address, open)
      socket.once('close', () => {
        const left = (this.tcp.get(address) ?? 1) - 1
        if (left > 0) this.tcp.set(address, left)
        else this.tcp.delete(address)
      })
    })
  }

  /** for engine.io's allowRequest: a new session from this address is within its caps */
  allowsSession(req: IncomingMessage): boolean {
    const s = this.sessions.get(req.socket.remoteAddress ?? '?')
    return !s || (s.all < this.limits.sessionsPerAddress && s.pending.size < this.limits.pendingSessionsPerAddress)
  }

  /** an engine.io session was made: it counts as pending until `authenticated` */
  opened(conn: EngineConn) {
    const address = conn.remoteAddress
    let s = this.sessions.get(address)
    if (!s) this.sessions.set(address, (s = { all: 0, pending: new Set() }))
    s.all++
    s.pending.add(conn)
    conn.once('close', () => {
      s.all--
      s.pending.delete(conn)
      if (s.all <= 0) this.sessions.delete(address)
    })
  }

  authenticated(conn: EngineConn) {
    this.sessions.get(conn.remoteAddress)?.pending.delete(conn)
  }

  counts(address: string) {
    const s = this.sessions.get(address)
    return { tcp: this.tcp.get(address) ?? 0, sessions: s?.all ?? 0, pending: s?.pending.size ?? 0 }
  }
}
