// The kiosk agent's loopback API answers only the screen opened from its own launch link:
// another program on the desk PC reaches the port but gets no attendee, no badge page, no
// re-pairing. Found by an attack review (issue 15, item 1).
import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import { io } from 'socket.io-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AgentHandle } from '../../agent/agent.js'
import { createPairingCode } from '../../hub/kiosks/pairing.js'
import { kioskSession, openKioskScreen, type KioskScreen } from '../helpers/kiosk-client.js'
import { startStack, type Stack } from '../helpers/stack.js'

let stack: Stack
let agent: AgentHandle
const screens: KioskScreen[] = []

beforeAll(async () => {
  stack = await startStack()
  agent = await stack.addKiosk('desk-1')
})
afterAll(async () => {
  for (const s of screens) s.disconnect()
  await stack.close()
})

const screen = async () => {
  const s = await openKioskScreen(agent)
  screens.push(s)
  return s
}

/** What another local program gets on the agent's socket, with the right Host and no session. */
function connectWithout(headers: Record<string, string> = {}): Promise<'connected' | 'refused'> {
  const socket = io(agent.url, { transports: ['websocket'], reconnection: false, extraHeaders: headers })
  return new Promise((resolve) => {
    socket.once('connect', () => (socket.disconnect(), resolve('connected')))
    socket.once('connect_error', () => (socket.close(), resolve('refused')))
  })
}

describe('kiosk agent session', () => {
  it('refuses every socket and data route without a session', async () => {
    expect(await connectWithout()).toBe('refused')
    expect(await connectWithout({ cookie: `karibu_kiosk_${new URL(agent.url).port}=guess` })).toBe('refused')
    expect(await connectWithout({ authorization: 'Bearer guess' })).toBe('refused')
    for (const path of ['/api/outbox-export', '/badge/A0001', '/badge-assets/DejaVuSans.ttf'])
      expect((await fetch(`${agent.url}${path}`)).status, path).toBe(401)
    // the page's own code loads, so it can say what is wrong
    const page = await fetch(`${agent.url}/kiosk`)
    expect(page.status).toBe(200)
    // and it may talk to its own agent only (not to any other port on the desk PC)
    expect(page.headers.get('content-security-policy')).toMatch(/connect-src 'self'(;|$)/)
    // /healthz stays open to any local program, with counts and the hub in use only
    const health = (await (await fetch(`${agent.url}/healthz`)).json()) as Record<string, unknown>
    expect(Object.keys(health).sort()).toEqual(['attendees', 'currentHubUrl', 'ok', 'online', 'outboxDepth', 'paired'])
  })

  it('takes a launch token once, and its session opens the socket and the routes', async () => {
    const link = agent.launchUrl()
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/kiosk#launch=[A-Za-z0-9_-]{43}$/)
    const cookie = await kioskSession(link)
    await expect(kioskSession(link)).rejects.toThrow('launch refused (401)')
    const set = await fetch(`${agent.url}/api/session`, { method: 'POST', body: JSON.stringify({ launch: agent.issueLaunch() }) })
    expect(set.headers.get('set-cookie')).toMatch(/; HttpOnly; SameSite=Strict; Path=\/$/)
    expect(await set.json()).toEqual({ ok: true }) // the session is in the cookie only, never in script's reach
    expect((await fetch(`${agent.url}/api/session`, { headers: { cookie } })).status).toBe(200)
    expect((await fetch(`${agent.url}/api/outbox-export`, { headers: { cookie } })).status).toBe(200)
    expect(await connectWithout({ cookie })).toBe('connected')
  })

  it('refuses kiosk:pair on a paired kiosk unless the organiser PIN is given', async () => {
    const s = await screen()
    const before = structuredClone(agent.kiosk.data.pairing)
    const { code } = await createPairingCode(stack.hub.store, 5)
    const pair = (extra: Record<string, unknown>) =>
      s.timeout(5000).emitWithAck('kiosk:pair', { hubUrl: 'http://127.0.0.1:9', code, name: 'rogue', ...extra })
    expect(await pair({})).toEqual({ ok: false, error: 'pin_required' })
    expect(await pair({ pin: '000000' === stack.hub.exitPin ? '000001' : '000000' })).toEqual({ ok: false, error: 'pin_required' })
    expect(agent.kiosk.data.pairing).toEqual(before)
    // with the PIN the organiser may move it (here to the same hub, with a fresh code)
    expect(await pair({ pin: stack.hub.exitPin!, hubUrl: stack.hub.url })).toEqual({ ok: true })
    expect(agent.kiosk.data.pairing?.kioskId).not.toBe(before?.kioskId)
  })

  it('limits searches across sockets: a new socket gets no new budget', async () => {
    const [a, b] = [await screen(), await screen()]
    const answers = []
    for (let i = 0; i < 40; i++) answers.push(await (i % 2 ? a : b).timeout(5000).emitWithAck('attendee:search', { query: 'a' }))
    expect(answers.filter((r) => r.ok)).toHaveLength(30)
    expect(answers.at(-1)).toEqual({ ok: false, error: 'rate_limited' })
  })

  it('keeps kiosk.json (the token) and the data folder to its owner', async () => {
    const dir = stack.agentDirs[0]!
    expect((await stat(dir)).mode & 0o777).toBe(0o700)
    expect((await stat(join(dir, 'kiosk.json'))).mode & 0o777).toBe(0o600)
    expect((await stat(join(stack.hubDir, 'registry.json'))).mode & 0o777).toBe(0o600)
    for (const journal of ['journal.jsonl', 'delivered.jsonl', 'peers.jsonl'])
      expect((await stat(join(dir, journal))).mode & 0o777, journal).toBe(0o600)
    expect((await stat(join(stack.hubDir, 'checkins.jsonl'))).mode & 0o777).toBe(0o600)
  })
})
