// A kiosk agent process killed with SIGKILL right after the screen showed "admitted" still
// has that check-in when it starts again, and the hub ends up with it exactly once.
import { afterEach, describe, expect, it } from 'vitest'
import { createPairingCode } from '../../hub/kiosks/pairing.js'
import { localDate } from '../../shared/event-days.js'
import { testEvent } from '../fixtures/event.js'
import { lastLaunchUrl, openKioskScreen } from '../helpers/kiosk-client.js'
import { freePort, runTs, type Child } from '../helpers/processes.js'
import { tempDir } from '../helpers/temp-dir.js'
import { startTestHub, type TestHub } from '../helpers/test-hub.js'
import { until } from '../helpers/until.js'

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => {})
})

const today = localDate('Africa/Dar_es_Salaam', new Date())
const hubOnToday = (dir: string, options: { port?: number; tokens?: { admin: string; usher: string } } = {}) =>
  startTestHub(dir, { ...options, now: () => new Date(), seed: (key) => testEvent(key, today) })

async function agentProcess(dataDir: string, port: number, hub?: TestHub): Promise<Child> {
  const args = ['--data', dataDir, '--port', String(port), '--desk', 'desk-1']
  if (hub) args.push('--hub', hub.url, '--code', (await createPairingCode(hub.store, 5)).code)
  const child = runTs('agent/main.ts', args)
  cleanups.push(() => child.stop())
  await until(
    async () => {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => null)
      return res?.ok ? ((await res.json()) as { attendees: number }).attendees > 0 : false
    },
    20_000,
    `agent on ${port} ready: ${child.output()}`,
  )
  return child
}

describe('kiosk agent crash', () => {
  it('keeps and delivers a check-in shown as admitted, after kill -9, exactly once', async () => {
    const hubDir = await tempDir()
    const kioskDir = await tempDir()
    cleanups.push(hubDir.remove, kioskDir.remove)
    let hub = await hubOnToday(hubDir.path)
    const { port: hubPort, adminToken, usherToken } = hub
    cleanups.push(() => hub.close())
    const port = await freePort()
    let agent = await agentProcess(kioskDir.path, port, hub)

    // offline, so the record can only be in the kiosk's own journal when it dies
    await hub.close()
    const screen = await openKioskScreen(lastLaunchUrl(agent.output()))
    const first = await screen.scan({ code: hub.store.signBadge({ attendeeSeq: 1, badgeVersion: 1 }) })
    expect(first.outcome).toBe('admitted')
    await agent.kill9()
    screen.disconnect()

    agent = await agentProcess(kioskDir.path, port)
    const again = await openKioskScreen(lastLaunchUrl(agent.output()))
    expect((await again.state()).outboxDepth).toBe(1)
    // the restarted kiosk remembers it: the same badge is now amber, not green again
    expect((await again.scan({ code: hub.store.signBadge({ attendeeSeq: 1, badgeVersion: 1 }) })).outcome).toBe('already_checked_in')
    // online now, a scan and an immediate kill: delivered or not, it must land once
    hub = await hubOnToday(hubDir.path, { port: hubPort, tokens: { admin: adminToken, usher: usherToken } })
    await until(async () => (await again.state()).outboxDepth === 0, 15_000, 'outbox drained')
    const third = await again.scan({ code: hub.store.signBadge({ attendeeSeq: 2, badgeVersion: 1 }) })
    expect(third.outcome).toBe('admitted')
    await agent.kill9()
    again.disconnect()
    // the kiosk started again delivers what it had not yet sent (closed by the harness at the end)
    agent = await agentProcess(kioskDir.path, port)
    await until(() => hub.store.ledger.records.has(third.recordId), 15_000, 'third delivered')
    void agent

    expect(hub.store.ledger.records.has(first.recordId)).toBe(true)
    const records = [...hub.store.ledger.records.values()]
    expect(records).toHaveLength(3)
    expect(new Set(records.map((r) => r.id)).size).toBe(3)
    expect(hub.store.ledger.days.get('d1')?.size).toBe(2)
  })
})
