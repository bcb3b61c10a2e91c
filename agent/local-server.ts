// Serves the kiosk screen and its Socket.IO API on 127.0.0.1 only. The Host and Origin checks
// stop a web page elsewhere from reaching the agent through DNS rebinding.
import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Server } from 'socket.io'
import { sendJson } from '../common/http-util.js'
import { createStaticPages } from '../common/static-pages.js'
import type { KioskClientEvents, KioskServerEvents } from '../shared/kiosk-protocol.js'
import { jsonOnlyParser } from '../common/json-only-parser.js'

export const KIOSK_PAGES = ['/kiosk'] as const

export function isLocalHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`
}

export interface LocalServer {
  http: HttpServer
  io: Server<KioskClientEvents, KioskServerEvents>
  url: string
  port: number
}

export async function startLocalServer(
  staticDir: string,
  port: number,
  extraRoutes: (req: IncomingMessage, url: URL) => { status: number; body: unknown; download?: string } | null,
  /** answers a request itself (the badge pages it fetches from the hub); false: not one of its paths */
  proxy: (req: IncomingMessage, url: URL, res: ServerResponse) => Promise<boolean> = async () => false,
): Promise<LocalServer> {
  const serveStatic = createStaticPages(staticDir, KIOSK_PAGES)
  let boundPort = port
  const http = createServer((req, res) => {
    if (!isLocalHost(req.headers.host, boundPort)) return sendJson(res, 421, { ok: false, error: 'forbidden' })
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`)
    const extra = extraRoutes(req, url)
    if (extra) {
      if (extra.download) res.setHeader('Content-Disposition', `attachment; filename="${extra.download}"`)
      return sendJson(res, extra.status, extra.body)
    }
    if (req.method !== 'GET') return sendJson(res, 405, { ok: false, error: 'not_found' })
    // the agent serves one page: the kiosk
    if (url.pathname === '/') return void res.writeHead(302, { Location: '/kiosk' }).end()
    proxy(req, url, res)
      .then((answered) => answered || serveStatic(url.pathname, res))
      .then((served) => {
        if (!served) sendJson(res, 404, { ok: false, error: 'not_found' })
      }, () => sendJson(res, 500, { ok: false, error: 'internal' }))
  })
  const io = new Server<KioskClientEvents, KioskServerEvents>(http, {
    maxHttpBufferSize: 64 * 1024,
    serveClient: false,
    parser: jsonOnlyParser,
    allowRequest: (req, cb) => {
      const origin = req.headers.origin
      cb(null, isLocalHost(req.headers.host, boundPort) && (!origin || isLocalHost(origin.replace(/^http:\/\//, ''), boundPort)))
    },
  })
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject)
    http.listen(port, '127.0.0.1', () => resolve())
  })
  boundPort = (http.address() as AddressInfo).port
  return { http, io, port: boundPort, url: `http://127.0.0.1:${boundPort}` }
}
