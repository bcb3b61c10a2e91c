// The kiosk agent against a real hub: offline scans arrive exactly once, two desks admitting
// the same person offline are both kept with one flagged, and the count stays right.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startAgent, type AgentHandle } from '../../agent/agent.js'
import { createPairingCode } from '../../hub/kiosks/pairing.js'
import { tempDir } from '../helpers/temp-dir.js'
import { startTestHub, type TestHub } from '../helpers/test-hub.js'
import { openKioskScreen } from '../helpers/kiosk-client.js'
import { until } from '../helpers/until.js'
import { DAY1_MORNING } from '../fixtures/event.js'

let dirs: Awaited<ReturnType<typeof tempDir>>[] = []
let hub: TestHub | null = null
const agents: AgentHandle[] = []
const dir = async () => {
  const d = await tempDir()
  dirs.push(d)
  return d.path
}

async function kioskAgent(t: TestHub, deskId: string) {
  const { code } = await createPairingCode(t.store, 5)
  const agent = await startAgent({
    dataDir: await dir(),
    port: 0,
    hubUrl: t.url,
    pairingCode: code,
    kioskName: deskId,
    deskId,
    now: () => DAY1_MORNING,
    ackTimeoutMs: 2000,
    log: () => {},
  })
  agents.push(agent)
  await until(() => agent.kiosk.online && agent.kiosk.registry, 10_000, 'agent synced')
  return agent
}

beforeEach(() => {
  dirs = []
})
afterEach(async () => {
  for (const a of agents.splice(0)) await a.close()
  await hub?.close()
  hub = null
  for (const d of dirs) await d.remove()
})

describe('kiosk agent', () => {
  it('decides locally, and scans made while the hub is down reach it exactly once after it returns', async () => {
    const hubDir = await dir()
    hub = await startTestHub(hubDir)
    const tokens = { admin: hub.adminToken, usher: hub.usherToken }
    const port = hub.port
    const agent = await kioskAgent(hub, 'desk-1')
    const screen = await openKioskScreen(agent)
    const codes = [1, 2, 4, 6].map((seq) => hub!.store.signBadge({ attendeeSeq: seq, badgeVersion: 1 }))

    await hub.close()
    hub = null
    await until(() => !agent.kiosk.online, 5000, 'agent offline')
    const results = []
    for (const code of codes) results.push(await screen.scan({ code }))
    results.push(await screen.scan({ code: codes[0]! }))
    expect(results.map((r) => r.outcome)).toEqual(['admitted', 'admitted', 'admitted', 'admitted', 'already_checked_in'])
    expect(results.every((r) => !r.online)).toBe(true)
    expect((await screen.state()).outboxDepth).toBe(5)

    hub = await startTestHub(hubDir, { port, tokens })
    await until(() => agent.kiosk.records.outbox.size === 0, 15_000, 'outbox drained')
    expect(hub.store.ledger.records.size).toBe(5)
    expect(hub.store.ledger.days.get('d1')?.size).toBe(4)
    // delivering again (a lost ack) changes nothing
    const all = [...hub.store.ledger.records.values()]
    for (const r of all) {
      const again = await hub.store.submit({
        id: r.id,
        deskId: r.deskId,
        kioskId: r.kioskId,
        kind: r.kind,
        method: r.method,
        scannedAt: r.scannedAt,
        clockOffsetMs: r.clockOffsetMs,
        attendeeId: r.attendeeId ?? 'x',
      })
      expect(again.duplicate).toBe(true)
    }
    expect(hub.store.ledger.records.size).toBe(5)
    screen.disconnect()
  })

  it('two kiosks admitting the same person while offline: both records kept, the later flagged, counted once', async () => {
    const hubDir = await dir()
    hub = await startTestHub(hubDir)
    const tokens = { admin: hub.adminToken, usher: hub.usherToken }
    const port = hub.port
    const a = await kioskAgent(hub, 'desk-1')
    const b = await kioskAgent(hub, 'desk-2')
    const code = hub.store.signBadge({ attendeeSeq: 9, badgeVersion: 1 })
    await hub.close()
    hub = null
    await until(() => !a.kiosk.online && !b.kiosk.online, 5000, 'both offline')
    const sa = await openKioskScreen(a)
    const sb = await openKioskScreen(b)
    expect((await sa.scan({ code })).outcome).toBe('admitted')
    expect((await sb.scan({ code })).outcome).toBe('admitted')

    hub = await startTestHub(hubDir, { port, tokens })
    await until(() => a.kiosk.records.outbox.size === 0 && b.kiosk.records.outbox.size === 0, 15_000, 'both drained')
    const records = [...hub.store.ledger.records.values()]
    expect(records).toHaveLength(2)
    expect(records.map((r) => r.outcome)).toEqual(['admitted', 'admitted'])
    expect(records.filter((r) => r.review === 'double_admission')).toHaveLength(1)
    expect(records[1]!.review).toBe('double_admission')
    expect(records[1]!.hubOutcome).toBe('already_checked_in')
    const usher = await hub.client(hub.usherToken)
    const stats = await usher.emitWithAck('stats:get', { dayId: 'd1' })
    if (!stats.ok) throw new Error(stats.error)
    expect(stats.stats.checkedIn).toBe(1)
    expect(stats.stats.reviews).toHaveLength(1)
    // once back online, each kiosk learns of the other's check-in
    await until(() => a.kiosk.records.ledger.records.size === 2 && b.kiosk.records.ledger.records.size === 2, 10_000, 'peers synced').catch(
      (e) => {
        throw new Error(
          `${e.message}: ${a.kiosk.records.ledger.records.size} ${b.kiosk.records.ledger.records.size} ${a.kiosk.online} ${b.kiosk.online} ${a.kiosk.records.hubCursor} ${b.kiosk.records.hubCursor} ${JSON.stringify([...a.kiosk.records.ledger.records.values()].map((r) => [r.id, r.seq]))} ${JSON.stringify([...b.kiosk.records.ledger.records.values()].map((r) => [r.id, r.seq]))}`,
        )
      },
    )
    sa.disconnect()
    sb.disconnect()
  })

  it('learns other desks’ check-ins online, so a second desk answers amber naming the first', async () => {
    hub = await startTestHub(await dir())
    const a = await kioskAgent(hub, 'desk-1')
    const b = await kioskAgent(hub, 'desk-2')
    const code = hub.store.signBadge({ attendeeSeq: 2, badgeVersion: 1 })
    const sa = await openKioskScreen(a)
    const sb = await openKioskScreen(b)
    expect((await sa.scan({ code })).outcome).toBe('admitted')
    await until(() => b.kiosk.records.ledger.records.size === 1, 5000, 'desk-2 heard of it')
    const second = await sb.scan({ code })
    expect(second.outcome).toBe('already_checked_in')
    expect(second.first?.desk?.en).toBe('Desk 1')
    sa.disconnect()
    sb.disconnect()
  })

  it('picks up registry changes: a reprinted badge makes the old code revoked at the kiosk', async () => {
    hub = await startTestHub(await dir())
    const agent = await kioskAgent(hub, 'desk-1')
    const old = hub.store.signBadge({ attendeeSeq: 4, badgeVersion: 1 })
    const rev = await hub.store.updateRegistry((data, r) => {
      const a = data.attendees.find((x) => x.id === 'A0004')!
      a.badgeVersion = 2
      a.rev = r
    })
    // no call to tell the kiosks: the store announces its own writes
    await until(() => agent.kiosk.data.registry?.rev === rev, 5000, 'registry pulled')
    const screen = await openKioskScreen(agent)
    expect((await screen.scan({ code: old })).outcome).toBe('revoked')
    expect((await screen.scan({ code: hub.store.signBadge({ attendeeSeq: 4, badgeVersion: 2 }) })).outcome).toBe('admitted')
    screen.disconnect()
  })

  it('searches forgivingly, offline too', async () => {
    hub = await startTestHub(await dir())
    const agent = await kioskAgent(hub, 'desk-1')
    await hub.close()
    hub = null
    const screen = await openKioskScreen(agent)
    for (const q of ["ng'wanangwa", 'NGWANANGWA', '  neema   ng wanangwa ', '0712000000', '+255 712 000 000']) {
      const res = await screen.timeout(2000).emitWithAck('attendee:search', { query: q })
      expect(res.ok && res.results.map((r: { id: string }) => r.id), q).toEqual(['A0001'])
    }
    screen.disconnect()
  })
})

describe('no network at all', () => {
  it('exports the unsent records to a file that the hub imports exactly once', async () => {
    const hubDir = await dir()
    hub = await startTestHub(hubDir)
    const tokens = { admin: hub.adminToken, usher: hub.usherToken }
    const port = hub.port
    const agent = await kioskAgent(hub, 'desk-1')
    await hub.close()
    hub = null
    await until(() => !agent.kiosk.online, 5000, 'offline')
    const screen = await openKioskScreen(agent)
    for (const id of ['A0001', 'A0002', 'A0006']) expect((await screen.scan({ attendeeId: id, method: 'search' })).outcome).toBe('admitted')
    const exported = await fetch(`${agent.url}/api/outbox-export`, { headers: { cookie: screen.cookie } })
    expect(exported.headers.get('content-disposition')).toContain('attachment')
    const file = await exported.text()
    await agent.close()
    agents.splice(agents.indexOf(agent), 1)

    hub = await startTestHub(hubDir, { port, tokens })
    const post = (token: string) =>
      fetch(`${hub!.url}/api/checkins/import`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: file })
    expect((await post(hub.usherToken)).status).toBe(403)
    expect(await (await post(hub.adminToken)).json()).toEqual({ ok: true, added: 3, duplicates: 0 })
    expect(await (await post(hub.adminToken)).json()).toEqual({ ok: true, added: 0, duplicates: 3 })
    expect(hub.store.ledger.records.size).toBe(3)
    expect(
      (
        await fetch(`${hub.url}/api/checkins/import`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${hub.adminToken}` },
          body: '{"submissions": [{"id": 1}]}',
        })
      ).status,
    ).toBe(400)
    expect(hub.store.ledger.records.size).toBe(3)
    screen.disconnect()
  })
})
