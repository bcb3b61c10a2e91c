// The kiosk agent: plain Node, hosted by Electron's main process or run alone for a browser
// kiosk (`npm run kiosk:web`). It owns the kiosk's data and its link to the hub; the screen
// talks only to it.
import { mkdir } from 'node:fs/promises'
import { checkPin } from '../common/pin.js'
import { DEFAULT_STATIC_DIR } from '../common/static-pages.js'
import { DeskPrint, DeskPrintResult, DeskRequest, PairRequest, ScanRequest, SearchRequest, type LocalAck } from '../shared/kiosk-protocol.js'
import { proxyBadgePage, reportDeskPrint, requestDeskPrint, type HubAccess } from './badge-printing.js'
import { HubLink, PairingError, pairWithHub } from './hub-link.js'
import { Kiosk, NotReadyError } from './kiosk.js'
import { startLocalServer } from './local-server.js'

export interface AgentOptions {
  /** folder for the kiosk's registry copy, journal and outbox */
  dataDir: string
  /** local UI server port (127.0.0.1 only); 0 picks a free one */
  port?: number
  /** hub address and pairing code to pair with at start, when not yet paired */
  hubUrl?: string
  pairingCode?: string
  kioskName?: string
  deskId?: string
  staticDir?: string
  now?: () => Date
  ackTimeoutMs?: number
  /** how often the kiosk reports to the hub (10 s); tests shorten it */
  heartbeatMs?: number
  log?: (message: string) => void
}

export interface AgentHandle {
  /** e.g. http://127.0.0.1:5180 — the kiosk page is at `${url}/kiosk` */
  url: string
  kiosk: Kiosk
  link: () => HubLink | null
  /** checks the organiser PIN that lets a desk officer leave kiosk mode */
  verifyExitPin(pin: string): boolean
  close(): Promise<void>
}

export async function startAgent(options: AgentOptions): Promise<AgentHandle> {
  const log = options.log ?? ((m: string) => console.log(`[kiosk] ${m}`))
  await mkdir(options.dataDir, { recursive: true })
  const kiosk = await Kiosk.open(options.dataDir, options.now)
  // `--hub` without a code: the pairing screen offers that address
  kiosk.suggestedHubUrl = options.hubUrl ?? null
  let link: HubLink | null = null
  const connect = () => {
    link?.stop()
    link = new HubLink(kiosk, { log, ...(options.ackTimeoutMs ? { ackTimeoutMs: options.ackTimeoutMs } : {}), ...(options.heartbeatMs ? { heartbeatMs: options.heartbeatMs } : {}) })
    link.start()
  }

  const pair = async (hubUrl: string, code: string, name: string) => {
    const paired = await pairWithHub(hubUrl, code, name)
    await kiosk.configure((d) => {
      d.pairing = { hubUrl, hubUrls: paired.hubs, kioskId: paired.kioskId, token: paired.token, name, ...(paired.badgePublicKey ? { badgePublicKey: paired.badgePublicKey } : {}) }
      d.registry = null
      d.unpaired = null
    })
    connect()
  }

  if (!kiosk.data.pairing && options.hubUrl && options.pairingCode) await pair(options.hubUrl, options.pairingCode, options.kioskName ?? 'Kiosk')
  if (options.deskId && kiosk.data.desk.deskId !== options.deskId) await kiosk.configure((d) => (d.desk.deskId = options.deskId!))
  if (kiosk.data.pairing) connect()

  const hub: HubAccess = {
    current: () => {
      const pairing = kiosk.data.pairing
      return pairing ? { hubUrl: link?.hubUrl ?? pairing.hubUrl, token: pairing.token } : null
    },
    deskId: () => kiosk.data.desk.deskId,
  }

  const server = await startLocalServer(options.staticDir ?? DEFAULT_STATIC_DIR, options.port ?? 5180, (req, url) => {
    if (req.method === 'GET' && url.pathname === '/api/outbox-export') {
      return { status: 200, body: kiosk.exportOutbox(), download: `karibu-outbox-${kiosk.data.pairing?.kioskId ?? 'kiosk'}.json` }
    }
    if (req.method === 'GET' && url.pathname === '/healthz') return { status: 200, body: { ok: true, ...kiosk.state(), currentHubUrl: link?.hubUrl ?? null } }
    return null
  }, (req, url, res) => proxyBadgePage(hub, req, url, res))

  const broadcast = () => server.io.emit('kiosk:state', kiosk.state())
  kiosk.onChange(broadcast)

  server.io.on('connection', (socket) => {
    const handle = (event: keyof import('../shared/kiosk-protocol.js').KioskClientEvents, fn: (payload: unknown) => Promise<LocalAck<object>>) => {
      socket.on(event, (async (payload: unknown, ack: unknown) => {
        if (typeof ack !== 'function') return
        try {
          ;(ack as (r: LocalAck<object>) => void)(await fn(payload))
        } catch (err) {
          if (!(err instanceof NotReadyError)) log(`${event} failed: ${(err as Error).message}`)
          ;(ack as (r: LocalAck<object>) => void)({ ok: false, error: err instanceof NotReadyError ? 'not_ready' : 'internal' })
        }
      }) as never)
    }
    handle('scan:submit', async (payload) => {
      const req = ScanRequest.safeParse(payload)
      if (!req.success) return { ok: false, error: 'invalid_payload' }
      return { ok: true, result: await kiosk.scan(req.data) }
    })
    handle('attendee:search', async (payload) => {
      const req = SearchRequest.safeParse(payload)
      if (!req.success) return { ok: false, error: 'invalid_payload' }
      return { ok: true, ...kiosk.find(req.data.query) }
    })
    handle('desk:configure', async (payload) => {
      const req = DeskRequest.safeParse(payload)
      if (!req.success) return { ok: false, error: 'invalid_payload' }
      await kiosk.configure((d) => (d.desk = { deskId: req.data.deskId, mode: req.data.mode }))
      return { ok: true }
    })
    handle('kiosk:pair', async (payload) => {
      const req = PairRequest.safeParse(payload)
      if (!req.success) return { ok: false, error: 'invalid_payload' }
      try {
        await pair(req.data.hubUrl, req.data.code, req.data.name)
      } catch (err) {
        return { ok: false, error: err instanceof PairingError ? err.kind : 'pairing_failed' }
      }
      return { ok: true }
    })
    handle('kiosk:state', async () => ({ ok: true, state: kiosk.state() }))
    handle('badge:print', async (payload) => {
      const req = DeskPrint.safeParse(payload)
      if (!req.success) return { ok: false, error: 'invalid_payload' }
      return requestDeskPrint(hub, req.data)
    })
    handle('badge:printed', async (payload) => {
      const req = DeskPrintResult.safeParse(payload)
      if (!req.success) return { ok: false, error: 'invalid_payload' }
      const { jobId, ...result } = req.data
      return (await reportDeskPrint(hub, jobId, result)) ? { ok: true } : { ok: false, error: 'offline' }
    })
  })

  return {
    url: server.url,
    kiosk,
    link: () => link,
    verifyExitPin(pin) {
      const hash = kiosk.data.registry?.exitPinHash
      return !!hash && typeof pin === 'string' && /^\d{4,12}$/.test(pin) && checkPin(pin, hash)
    },
    async close() {
      link?.stop()
      await new Promise<void>((resolve) => server.io.close(() => resolve()))
      await kiosk.close()
    },
  }
}
