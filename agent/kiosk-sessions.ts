// Who may use the agent's loopback API: only a screen that proved it was opened by this
// launch. Anything on 127.0.0.1 can reach the port, so the port itself proves nothing.
// A launch token (printed by the agent, or handed to the Electron window through the
// preload) is good once; the screen trades it for a session, kept in an HttpOnly,
// SameSite=Strict cookie so the badge pages and the USB export link carry it too.
// Everything lives in memory: a restarted agent knows no old token or session.
import { randomBytes } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

/** Launch tokens not yet used; older ones are dropped first. */
const MAX_LAUNCHES = 16
/** Sessions kept at once (screens, reloads); the oldest is dropped first. */
const MAX_SESSIONS = 64

const secret = () => randomBytes(32).toString('base64url')

export class KioskSessions {
  private launches = new Set<string>()
  private sessions = new Set<string>()

  /** Cookies ignore the port, so two agents on one machine each need their own name. */
  constructor(readonly cookieName: string) {}

  issueLaunch(): string {
    const token = secret()
    this.launches.add(token)
    while (this.launches.size > MAX_LAUNCHES) this.launches.delete(this.launches.values().next().value!)
    return token
  }

  /** Trades a launch token, once, for a session; null for an unknown or used token. */
  exchange(launch: unknown): string | null {
    if (typeof launch !== 'string' || !this.launches.delete(launch)) return null
    const session = secret()
    this.sessions.add(session)
    while (this.sessions.size > MAX_SESSIONS) this.sessions.delete(this.sessions.values().next().value!)
    return session
  }

  /** The session a request carries (its cookie, or `Authorization: Bearer`), when it is one of ours. */
  valid(req: Pick<IncomingMessage, 'headers'>): boolean {
    const auth = req.headers.authorization
    const bearer = typeof auth === 'string' && auth.startsWith('Bearer ') ? auth.slice(7) : undefined
    const candidate = bearer ?? cookieValue(req.headers.cookie, this.cookieName)
    return candidate !== undefined && this.sessions.has(candidate)
  }

  cookie(session: string): string {
    return `${this.cookieName}=${session}; HttpOnly; SameSite=Strict; Path=/`
  }
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim()
  }
  return undefined
}
