// Starts a real hub on 127.0.0.1:0 over a real data folder, with real credentials made the
// way the product makes them (first start, pairing).
import { io as connect, type Socket } from 'socket.io-client'
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/protocol.js'
import { createHub, type Hub } from '../../hub/server/app.js'
import { LoginThrottle } from '../../hub/auth/login-throttle.js'
import { createPairingCode, pairKiosk } from '../../hub/kiosks/pairing.js'
import { EventStore, type SeedEvent } from '../../hub/store/event-store.js'
import { EmbeddedBackend } from '../../hub/store/embedded-backend.js'
import { PostgresBackend } from '../../hub/store/postgres-backend.js'
import { DAY1_MORNING, testEvent } from '../fixtures/event.js'

export type HubClient = Socket<ServerToClientEvents, ClientToServerEvents>

export interface TestHub {
  hub: Hub
  store: EventStore
  url: string
  port: number
  dataDir: string
  adminToken: string
  usherToken: string
  /** the organiser's kiosk-exit PIN; known on the hub's first start only */
  exitPin: string | null
  clock: { now: Date }
  pairKiosk(name?: string): Promise<{ kioskId: string; token: string }>
  client(token: string | undefined, extra?: Record<string, unknown>): Promise<HubClient>
  close(): Promise<void>
}

export interface TestHubOptions {
  port?: number
  tokens?: { admin: string; usher: string }
  /** the hub's clock; a fixed morning of day 1 unless given */
  now?: () => Date
  seed?: SeedEvent
}

/** `dataDir`: a data folder (the embedded store) or a postgres:// URL (tests/helpers/store-kinds.ts). */
export async function startTestHub(dataDir: string, options: TestHubOptions = {}): Promise<TestHub> {
  const clock = { now: DAY1_MORNING }
  const now = options.now ?? (() => clock.now)
  const backend = /^postgres(ql)?:\/\//.test(dataDir) ? new PostgresBackend(dataDir) : new EmbeddedBackend(dataDir)
  const { store, firstStart } = await EventStore.open({ backend, now, seed: options.seed ?? ((key) => testEvent(key)) })
  const hub = createHub({ store, now, log: { info() {}, error() {} }, throttle: new LoginThrottle(1, 2) })
  const address = await hub.listen(options.port ?? 0, '127.0.0.1')
  const url = `http://127.0.0.1:${address.port}`
  const tokens = firstStart ? { admin: firstStart.adminToken, usher: firstStart.usherToken } : options.tokens
  if (!tokens) throw new Error('restarting a test hub needs the tokens from its first start')
  const clients: HubClient[] = []
  let closed: Promise<void> | null = null
  return {
    hub,
    store,
    url,
    port: address.port,
    dataDir,
    adminToken: tokens.admin,
    usherToken: tokens.usher,
    exitPin: firstStart?.exitPin ?? null,
    clock,
    async pairKiosk(name = 'Test kiosk') {
      const { code } = await createPairingCode(store, 5)
      const paired = await pairKiosk(store, { code, name })
      if (!paired) throw new Error('pairing failed')
      return { kioskId: paired.kioskId, token: paired.token }
    },
    client(token, extra = {}) {
      const socket: HubClient = connect(url, { auth: token ? { token } : {}, transports: ['websocket'], reconnection: false, ...extra })
      clients.push(socket)
      return new Promise((resolve, reject) => {
        socket.once('connect', () => resolve(socket))
        socket.once('connect_error', (err) => reject(err))
      })
    },
    /** once: a test that closed its hub to reopen it leaves the fixture's close nothing to do */
    close() {
      closed ??= (async () => {
        for (const c of clients) c.disconnect()
        await hub.close()
      })()
      return closed
    },
  }
}

/** The same hub started again on its port and data folder (close it first), as after a restart. */
export function reopenTestHub(t: TestHub, options: Omit<TestHubOptions, 'port' | 'tokens'> = {}): Promise<TestHub> {
  return startTestHub(t.dataDir, { ...options, port: t.port, tokens: { admin: t.adminToken, usher: t.usherToken } })
}
