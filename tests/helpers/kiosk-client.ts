// Talks to a kiosk agent the way the kiosk screen does: its launch link traded for a session
// cookie, then Socket.IO on its local port with that cookie.
import { io, type Socket } from 'socket.io-client'
import type { AgentHandle } from '../../agent/agent.js'
import type { KioskClientEvents, KioskServerEvents, KioskState, ScanResult } from '../../shared/kiosk-protocol.js'

export type KioskScreen = Socket<KioskServerEvents, KioskClientEvents> & {
  scan(req: { code?: string; attendeeId?: string; method?: 'qr' | 'search' | 'manual' }): Promise<ScanResult>
  state(): Promise<KioskState>
  /** the `Cookie` header this screen's session rides on, for plain HTTP requests */
  cookie: string
}

/** A launch link's origin and its one-time token. */
function splitLaunch(launchUrl: string): { origin: string; launch: string } {
  const url = new URL(launchUrl)
  const launch = new URLSearchParams(url.hash.slice(1)).get('launch')
  if (!launch) throw new Error(`not a launch link: ${launchUrl}`)
  return { origin: url.origin, launch }
}

/** The last launch link a `npm run kiosk:web` process printed. */
export function lastLaunchUrl(output: string): string {
  const all = [...output.matchAll(/(http:\/\/127\.0\.0\.1:\d+\/kiosk#launch=[A-Za-z0-9_-]+)/g)]
  const last = all.at(-1)?.[1]
  if (!last) throw new Error(`no launch link in: ${output}`)
  return last
}

/** Trades a launch link for a session, as the page does; returns the `Cookie` header to send. */
export async function kioskSession(launchUrl: string): Promise<string> {
  const { origin, launch } = splitLaunch(launchUrl)
  const res = await fetch(`${origin}/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ launch }),
  })
  const set = res.headers.get('set-cookie')
  if (!res.ok || !set) throw new Error(`launch refused (${res.status})`)
  return set.split(';')[0]!
}

/** fetch() on the agent with a session of its own. */
export async function agentFetch(agent: AgentHandle, path: string, init: RequestInit = {}): Promise<Response> {
  const cookie = await kioskSession(agent.launchUrl())
  return fetch(`${agent.url}${path}`, { ...init, headers: { ...(init.headers as Record<string, string> | undefined), cookie } })
}

/** A screen on an agent in this process, or on one in another process through its printed launch link. */
export async function openKioskScreen(target: AgentHandle | string): Promise<KioskScreen> {
  const launchUrl = typeof target === 'string' ? target : target.launchUrl()
  const cookie = await kioskSession(launchUrl)
  // the screen watches on the real clock: a test's fake timers move the kiosk agent, and a screen
  // on them would miss the agent's pings (engine.io's server pings from node:timers, never faked)
  const socket = io(new URL(launchUrl).origin, {
    transports: ['websocket'],
    reconnection: false,
    extraHeaders: { cookie },
    useNativeTimers: true,
  }) as KioskScreen
  socket.cookie = cookie
  socket.scan = async (req) => {
    const res = await socket.timeout(5000).emitWithAck('scan:submit', { method: 'qr', ...req })
    if (!res.ok) throw new Error(res.error)
    return res.result
  }
  socket.state = async () => {
    const res = await socket.timeout(5000).emitWithAck('kiosk:state', {})
    if (!res.ok) throw new Error(res.error)
    return res.state
  }
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve())
    socket.once('connect_error', reject)
  })
  return socket
}
