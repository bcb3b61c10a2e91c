// Serves the kiosk screen and its Socket.IO API on 127.0.0.1 only. The Host and Origin checks
// stop a web page elsewhere from reaching the agent through DNS rebinding; the launch session
// (kiosk-sessions.ts) stops another program on this machine from using it. Only the screen's
// own code, /healthz (counts, no names) and the session exchange are open without a session.
import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Server } from 'socket.io'
import { BodyError, SECURITY_HEADERS, readJsonBody, sendJson } from '../node-shared/http-util.js'
import { SessionRequest } from '../shared/http/kiosk-agent.js'
import { createStaticPages } from '../node-shared/static-pages.js'
import type { KioskClientEvents, KioskServerEvents } from '../shared/kiosk-protocol.js'
import { jsonOnlyParser } from '../node-shared/json-only-parser.js'
import { KioskSessions } from './kiosk-sessions.js'

export const KIOSK_PAGES = ['/kiosk'] as const

/** The camera's QR decoder is zxing-cpp in WebAssembly, from this origin: the kiosk may compile WebAssembly, never eval JavaScript. */
// the kiosk page: the camera's decoder is WebAssembly, and the page talks to its own agent only
// ('self' covers the agent's websocket on the same port; no other local service is reachable)
const KIOSK_HEADERS = {
  ...SECURITY_HEADERS,
  'Content-Security-Policy': SECURITY_HEADERS['Content-Security-Policy']!.replace(
    "script-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
  ).replace("connect-src 'self' ws: wss:", "connect-src 'self'"),
}

export function isLocalHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`
}

export interface LocalServer {
  http: HttpServer
  io: Server<KioskClientEvents, KioskServerEvents>
  sessions: KioskSessions
  url: string
  port: number
}

export interface LocalRoutes {
  /** GET /healthz: answered without a session, so it must hold no personal data */
  health(): unknown
  /** routes for a screen with a session; null: not one of them */
  routes(req: IncomingMessage, url: URL): { status: number; body: unknown; download?: string } | null
  /** answers a request itself (the badge pages it fetches from the hub); false: not one of its paths */
  proxy?(req: IncomingMessage, url: URL, res: ServerResponse): Promise<boolean>
  /** a launch token was just used */
  launchUsed?(): void
}

const NO_SESSION = { ok: false, error: 'no_session' } as const

export async function startLocalServer(staticDir: string, port: number, local: LocalRoutes): Promise<LocalServer> {
  const serveStatic = createStaticPages(staticDir, KIOSK_PAGES, KIOSK_HEADERS)
  let boundPort = port
  let sessions: KioskSessions | null = null
  const http = createServer((req, res) => {
    if (!isLocalHost(req.headers.host, boundPort) || !sessions) return sendJson(res, 421, { ok: false, error: 'forbidden' })
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`)
    if (url.pathname === '/api/session') return void answerSession(sessions, req, res, local.launchUsed)
    if (req.method === 'GET' && url.pathname === '/healthz') return sendJson(res, 200, local.health())
    const authed = sessions.valid(req)
    const extra = authed ? local.routes(req, url) : null
    if (extra) {
      if (extra.download) res.setHeader('Content-Disposition', `attachment; filename="${extra.download}"`)
      return sendJson(res, extra.status, extra.body)
    }
    if (req.method !== 'GET') return sendJson(res, authed ? 405 : 401, authed ? { ok: false, error: 'not_found' } : NO_SESSION)
    // the agent serves one page: the kiosk
    if (url.pathname === '/') return void res.writeHead(302, { Location: '/kiosk' }).end()
    // the screen's code is open (it holds nothing secret, and must load to say "no session");
    // what it fetches with data in it is not
    serveStatic(url.pathname, res, req.headers)
      .then(async (served) => served || (authed && (await local.proxy?.(req, url, res))))
      .then(
        (answered) => {
          if (!answered) sendJson(res, authed ? 404 : 401, authed ? { ok: false, error: 'not_found' } : NO_SESSION)
        },
        () => sendJson(res, 500, { ok: false, error: 'internal' }),
      )
  })
  const io = new Server<KioskClientEvents, KioskServerEvents>(http, {
    maxHttpBufferSize: 64 * 1024,
    serveClient: false,
    parser: jsonOnlyParser,
    allowRequest: (req, cb) => {
      const origin = req.headers.origin
      const local = isLocalHost(req.headers.host, boundPort) && (!origin || isLocalHost(origin.replace(/^http:\/\//, ''), boundPort))
      cb(null, local && !!sessions?.valid(req))
    },
  })
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject)
    http.listen(port, '127.0.0.1', () => resolve())
  })
  boundPort = (http.address() as AddressInfo).port
  sessions = new KioskSessions(`karibu_kiosk_${boundPort}`)
  return { http, io, sessions, port: boundPort, url: `http://127.0.0.1:${boundPort}` }
}

/** GET: does this screen have a session? POST {launch}: trade a launch token for one. */
async function answerSession(sessions: KioskSessions, req: IncomingMessage, res: ServerResponse, launchUsed?: () => void) {
  if (req.method === 'GET') return sendJson(res, sessions.valid(req) ? 200 : 401, sessions.valid(req) ? { ok: true } : NO_SESSION)
  if (req.method !== 'POST') return sendJson(res, 405, { ok: false, error: 'not_found' })
  let body: unknown
  try {
    body = await readJsonBody(req, 1024)
  } catch (err) {
    return sendJson(res, err instanceof BodyError ? err.status : 400, { ok: false, error: 'invalid_payload' })
  }
  const request = SessionRequest.safeParse(body)
  const session = sessions.exchange(request.success ? request.data?.launch : undefined)
  if (!session) return sendJson(res, 401, NO_SESSION)
  res.setHeader('Set-Cookie', sessions.cookie(session))
  // not in the body: the page's scripts never see the session, only the cookie jar does
  sendJson(res, 200, { ok: true })
  launchUsed?.()
}
