// Unauthenticated engine.io sessions: one address holds only a few sessions that have not shown
// a credential, and only so many TCP connections; a credential sent with the handshake is
// checked before a session is made; a session is closed when it shows no credential in time.
import { createConnection, type Socket as NetSocket } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHub, type Hub } from '../../hub/server/app.js'
import { HANDSHAKE_WINDOW_MS } from '../../hub/server/connection-limits.js'
import { fdLimitWarning, openFileLimit } from '../../hub/server/fd-limit.js'
import { LoginThrottle } from '../../hub/auth/login-throttle.js'
import { EmbeddedBackend } from '../../hub/store/embedded-backend.js'
import { EventStore } from '../../hub/store/event-store.js'
import { DAY1_MORNING, testEvent } from '../fixtures/event.js'
import { tempDir } from '../helpers/temp-dir.js'
import { until } from '../helpers/until.js'

const LIMITS = { connectionsPerAddress: 20, pendingSessionsPerAddress: 4, sessionsPerAddress: 10 }

/** An engine.io polling handshake: the status, and the session id when one was made. */
async function handshake(url: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${url}/socket.io/?EIO=4&transport=polling`, { headers })
  const body = await res.text()
  return { status: res.status, sid: res.ok ? (JSON.parse(body.slice(1)) as { sid: string }).sid : null }
}

describe('sessions and connections per address', () => {
  let dir: { path: string; remove(): Promise<void> }
  let hub: Hub
  let url: string
  let tokens: { admin: string; usher: string }
  beforeEach(async () => {
    dir = await tempDir()
    const { store, firstStart } = await EventStore.open({
      backend: new EmbeddedBackend(dir.path),
      now: () => DAY1_MORNING,
      seed: (key) => testEvent(key),
    })
    tokens = { admin: firstStart!.adminToken, usher: firstStart!.usherToken }
    hub = createHub({
      store,
      now: () => DAY1_MORNING,
      log: { info() {}, error() {} },
      throttle: new LoginThrottle(1, 2),
      connectionLimits: LIMITS,
    })
    url = `http://127.0.0.1:${(await hub.listen(0, '127.0.0.1')).port}`
  })
  afterEach(async () => {
    await hub.close()
    await dir.remove()
  })

  it(`at most ${LIMITS.pendingSessionsPerAddress} sessions without a credential per address; the next handshake is refused before a session is made`, async () => {
    for (let i = 0; i < LIMITS.pendingSessionsPerAddress; i++) expect((await handshake(url)).status).toBe(200)
    const refused = await handshake(url)
    expect(refused.status).toBe(403)
    expect(hub.io.engine.clientsCount).toBe(LIMITS.pendingSessionsPerAddress)
  })

  it('a wrong credential in the handshake is refused before a session is made; a right one is let through', async () => {
    expect((await handshake(url, { authorization: 'Bearer not-a-credential' })).status).toBe(403)
    expect(hub.io.engine.clientsCount).toBe(0)
    expect((await handshake(url, { authorization: `Bearer ${tokens.usher}` })).status).toBe(200)
  })

  it(`TCP connections past ${LIMITS.connectionsPerAddress} from one address are closed at once`, async () => {
    const sockets: NetSocket[] = []
    const closed: boolean[] = []
    for (let i = 0; i < LIMITS.connectionsPerAddress + 5; i++) {
      const s = createConnection({ host: '127.0.0.1', port: Number(new URL(url).port) })
      const index = closed.push(false) - 1
      s.on('close', () => (closed[index] = true))
      s.on('error', () => {})
      sockets.push(s)
      await new Promise((r) => s.once('connect', r))
    }
    await until(() => closed.filter(Boolean).length >= 5, 5000, 'the connections past the cap closed')
    expect(closed.filter(Boolean).length).toBe(5)
    expect(closed.slice(0, LIMITS.connectionsPerAddress).every((c) => !c)).toBe(true)
    for (const s of sockets) s.destroy()
  })

  it('the handshake window is short, and the fd limit is read and warned about in both languages', () => {
    expect(HANDSHAKE_WINDOW_MS).toBeLessThanOrEqual(5000)
    expect((hub.io as unknown as { _connectTimeout: number })._connectTimeout).toBe(HANDSHAKE_WINDOW_MS)
    expect(
      openFileLimit(
        'Limit                     Soft Limit           Hard Limit           Units\nMax open files            1024                 1048576              files\n',
      ),
    ).toBe(1024)
    expect(openFileLimit()).toBeGreaterThan(0)
    const warning = fdLimitWarning(1024)!
    expect(warning).toMatch(/kikomo cha faili/)
    expect(warning).toMatch(/open-file limit is 1024/)
    expect(fdLimitWarning(65536)).toBeNull()
    expect(hub.http.maxConnections).toBeLessThan(openFileLimit()!)
  })
})
