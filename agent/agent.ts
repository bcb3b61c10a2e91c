// The kiosk agent: plain Node, hosted by Electron's main process or run alone for a browser
// kiosk (`npm run kiosk:web`). It owns the kiosk's data and its link to the hub; the screen
// talks only to it.
import { chmod, mkdir } from 'node:fs/promises'
import { RateLimiterMemory } from 'rate-limiter-flexible'
import { z } from 'zod'
import { checkPin } from '../node-shared/pin.js'
import { DEFAULT_STATIC_DIR } from '../node-shared/static-pages.js'
import { socketHandler, type Refusal } from '../node-shared/socket-handler.js'
import {
  DeskPrint,
  DeskRequest,
  LocalPrintResult,
  PairRequest,
  PrintMove,
  ScanRequest,
  SearchRequest,
  type KioskClientEvents,
  type LocalAck,
} from '../shared/kiosk-protocol.js'
import { proxyBadgePage, type HubAccess } from './printing/badge-printing.js'
import { printAtDesk } from './printing/desk-print.js'
import type { FollowTimes } from './printing/hub-print.js'
import { HubLink } from './hub-link.js'
import { Kiosk, NotReadyError } from './kiosk.js'
import { PairingError, pairWithHub } from './kiosk-pairing.js'
import { kioskState } from './kiosk-view.js'
import { startLocalServer } from './local-server.js'
import { moveStuckPrint, stuckPrints } from './printing/stuck-prints.js'

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
  /** searches the screen may make per 10 s: enough for a person typing, too few to list everyone */
  searchesPer10s?: number
  /** a launch link was just used (main.ts prints the next one, for another screen) */
  onLaunchUsed?: () => void
  /** how long a badge printed by the hub is followed before the screen is answered "printing" */
  printFollow?: FollowTimes
}

// Electron's print window loads the page, lays it out and spools it: seconds, or a slow driver's tens
const LOCAL_PRINT_MS = 60_000

export interface AgentHandle {
  /** e.g. http://127.0.0.1:5180 — the kiosk page is at `${url}/kiosk` */
  url: string
  /** a fresh one-time link to the kiosk page: `${url}/kiosk#launch=…` (what a browser kiosk opens) */
  launchUrl(): string
  /** a fresh one-time launch token (what Electron's main hands the window through the preload) */
  issueLaunch(): string
  kiosk: Kiosk
  link: () => HubLink | null
  /** checks the organiser PIN that lets a desk officer leave kiosk mode */
  verifyExitPin(pin: string): boolean
  close(): Promise<void>
}

export async function startAgent(options: AgentOptions): Promise<AgentHandle> {
  const log = options.log ?? ((m: string) => console.log(`[kiosk] ${m}`))
  // the token, the attendee list and the check-ins: this user's only
  await mkdir(options.dataDir, { recursive: true, mode: 0o700 })
  await chmod(options.dataDir, 0o700)
  const kiosk = await Kiosk.open(options.dataDir, options.now)
  // `--hub` without a code: the pairing screen offers that address
  kiosk.suggestedHubUrl = options.hubUrl ?? null
  let link: HubLink | null = null
  const connect = () => {
    link?.stop()
    link = new HubLink(kiosk, {
      log,
      onOnline: (online) => kiosk.setOnline(online),
      ...(options.ackTimeoutMs ? { ackTimeoutMs: options.ackTimeoutMs } : {}),
      ...(options.heartbeatMs ? { heartbeatMs: options.heartbeatMs } : {}),
    })
    link.start()
  }

  const pair = async (hubUrl: string, code: string, name: string) => {
    const paired = await pairWithHub(hubUrl, code, name)
    await kiosk.configure((d) => {
      kiosk.keepIdentityForUnsent(d)
      d.pairing = {
        hubUrl,
        hubUrls: paired.hubs,
        kioskId: paired.kioskId,
        token: paired.token,
        name,
        ...(paired.badgePublicKey ? { badgePublicKey: paired.badgePublicKey } : {}),
      }
      d.registry = null
      d.unpaired = null
    })
    connect()
  }

  if (!kiosk.data.pairing && options.hubUrl && options.pairingCode)
    await pair(options.hubUrl, options.pairingCode, options.kioskName ?? 'Kiosk')
  if (options.deskId && kiosk.data.desk.deskId !== options.deskId) await kiosk.configure((d) => (d.desk.deskId = options.deskId!))
  if (kiosk.data.pairing) connect()

  function verifyExitPin(pin: string): boolean {
    const hash = kiosk.data.registry?.exitPinHash
    return !!hash && typeof pin === 'string' && /^\d{4,12}$/.test(pin) && checkPin(pin, hash)
  }

  const hub: HubAccess = {
    current: () => {
      const pairing = kiosk.data.pairing
      return pairing ? { hubUrl: link?.hubUrl ?? pairing.hubUrl, token: pairing.token } : null
    },
    deskId: () => kiosk.data.desk.deskId,
  }

  const server = await startLocalServer(options.staticDir ?? DEFAULT_STATIC_DIR, options.port ?? 5180, {
    // open to any local program: counts and the hub in use (an address on the venue LAN), nothing about who
    health: () => {
      const state = kioskState(kiosk)
      return {
        ok: true,
        paired: state.paired,
        online: state.online,
        outboxDepth: state.outboxDepth,
        attendees: state.attendees,
        currentHubUrl: link?.hubUrl ?? null,
      }
    },
    routes: (req, url) => {
      if (req.method === 'GET' && url.pathname === '/api/outbox-export') {
        return { status: 200, body: kiosk.exportOutbox(), download: `karibu-outbox-${kiosk.data.pairing?.kioskId ?? 'kiosk'}.json` }
      }
      return null
    },
    proxy: (req, url, res) => proxyBadgePage(hub, req, url, res),
    ...(options.onLaunchUsed ? { launchUsed: options.onLaunchUsed } : {}),
  })
  const searches = new RateLimiterMemory({ points: options.searchesPer10s ?? 30, duration: 10 })
  const pinTries = new RateLimiterMemory({ points: 5, duration: 60 })

  // the screen names the hub the kiosk is on now (after a failover, not the one it paired with)
  const screenState = () => kioskState(kiosk, link?.hubUrl)
  const broadcast = () => server.io.emit('kiosk:state', screenState())
  kiosk.onChange(broadcast)

  server.io.on('connection', (socket) => {
    const handle = socketHandler<keyof KioskClientEvents, LocalAck<object>, Refusal>(socket, {
      failed(event, err) {
        if (!(err instanceof NotReadyError)) log(`${event} failed: ${(err as Error).message}`)
        return { ok: false, error: err instanceof NotReadyError ? 'not_ready' : 'internal' }
      },
    })
    handle('scan:submit', ScanRequest, async ({ override, ...scan }) => {
      if (override) {
        // the same budget as the other PIN uses: guessing it here gains nothing
        if (
          !(await pinTries.consume('all').then(
            () => true,
            () => false,
          ))
        )
          return { ok: false, error: 'rate_limited' }
        if (!verifyExitPin(override.pin)) return { ok: false, error: 'wrong_pin' }
        return { ok: true, result: await kiosk.scan({ ...scan, override: override.reason }) }
      }
      return { ok: true, result: await kiosk.scan(scan) }
    })
    handle('attendee:search', SearchRequest, async ({ query }) => {
      // one budget for the whole agent, not per socket: a new socket gets no new budget
      if (
        !(await searches.consume('all').then(
          () => true,
          () => false,
        ))
      )
        return { ok: false, error: 'rate_limited' }
      return { ok: true, ...kiosk.find(query) }
    })
    handle('desk:configure', DeskRequest, async ({ deskId, mode }) => {
      const moved = kiosk.data.desk.deskId !== deskId
      await kiosk.configure((d) => (d.desk = { deskId, mode }))
      if (moved) {
        // another desk, another printer (or none): asked now, not at the next heartbeat
        kiosk.setDeskPrinter(null, null)
        void link?.beatNow()
      }
      return { ok: true }
    })
    handle('kiosk:pair', PairRequest, async (req) => {
      // re-pairing moves the token, the hub address and the pinned badge key: on a paired
      // kiosk only the organiser may do it (the same PIN that leaves kiosk mode)
      if (kiosk.data.pairing) {
        if (req.pin === undefined) return { ok: false, error: 'pin_required' }
        if (
          !(await pinTries.consume('all').then(
            () => true,
            () => false,
          ))
        )
          return { ok: false, error: 'rate_limited' }
        if (!verifyExitPin(req.pin)) return { ok: false, error: 'pin_required' }
      }
      try {
        await pair(req.hubUrl, req.code, req.name)
      } catch (err) {
        return { ok: false, error: err instanceof PairingError ? err.kind : 'pairing_failed' }
      }
      return { ok: true }
    })
    // asks nothing: any payload will do
    handle('kiosk:state', z.unknown(), () => ({ ok: true, state: screenState() }))
    handle('badge:print', DeskPrint, (req) =>
      printAtDesk(
        {
          hub,
          printerAssigned: () => kiosk.printerAssigned,
          // this screen prints on this PC; its answer comes from another process: checked
          printLocally: async (path) =>
            LocalPrintResult.safeParse(await socket.timeout(LOCAL_PRINT_MS).emitWithAck('badge:print-local', { path })).data ?? {
              ok: false,
              error: 'invalid_answer',
            },
          log,
          ...(options.printFollow ? { follow: options.printFollow } : {}),
        },
        req,
      ),
    )
    handle('print:stuck', z.unknown(), () => stuckPrints(hub, kiosk))
    handle('print:move', PrintMove, async (req) => {
      const moved = await moveStuckPrint(hub, req)
      if (moved.ok) log(`badge print ${req.jobId} moved to desk ${req.toDeskId} (${moved.printer})`)
      return moved
    })
  })

  const issueLaunch = () => server.sessions.issueLaunch()
  return {
    url: server.url,
    launchUrl: () => `${server.url}/kiosk#launch=${issueLaunch()}`,
    issueLaunch,
    kiosk,
    link: () => link,
    verifyExitPin,
    async close() {
      link?.stop()
      await new Promise<void>((resolve) => server.io.close(() => resolve()))
      await kiosk.close()
    },
  }
}
