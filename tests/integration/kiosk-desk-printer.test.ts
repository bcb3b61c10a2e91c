// A desk whose badge printer at the hub stopped sees it on its own kiosk: the hub's heartbeat
// answer carries the desk printer's health, the agent puts it in the screen's state, and a
// printer back to ready clears it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startAgent, type AgentHandle } from '../../agent/agent.js'
import { createPairingCode } from '../../hub/kiosks/pairing.js'
import { tempDir } from '../helpers/temp-dir.js'
import { startTestHub, type TestHub } from '../helpers/test-hub.js'
import { until } from '../helpers/until.js'

let hub: TestHub
let agent: AgentHandle
const dirs: { remove(): Promise<void> }[] = []

beforeEach(async () => {
  const hubDir = await tempDir('karibu-hub-')
  const kioskDir = await tempDir('karibu-kiosk-')
  dirs.push(hubDir, kioskDir)
  hub = await startTestHub(hubDir.path)
  const { code } = await createPairingCode(hub.store, 5)
  agent = await startAgent({
    dataDir: kioskDir.path,
    port: 0,
    hubUrl: hub.url,
    pairingCode: code,
    deskId: 'desk-1',
    heartbeatMs: 50,
    log: () => {},
  })
  await until(() => agent.kiosk.online && agent.kiosk.registry, 10_000, 'kiosk synced')
})
afterEach(async () => {
  await agent?.close()
  await hub?.close()
  for (const d of dirs.splice(0)) await d.remove()
})

describe("the desk's badge printer at its kiosk", () => {
  it('shows a stopped printer on the kiosk, and clears when it is ready again; another desk’s printer is not shown', async () => {
    expect(agent.kiosk.deskPrinter).toBeNull()
    hub.hub.ctx.presence.printers.set('desk-2', { printer: 'ZebraB', state: 'offline' })
    hub.hub.ctx.presence.printers.set('desk-1', { printer: 'ZebraA', state: 'media-empty', message: 'out of labels' })
    await until(() => agent.kiosk.deskPrinter?.state === 'media-empty', 10_000, 'the kiosk to hear of its printer')
    expect(agent.kiosk.deskPrinter).toEqual({ printer: 'ZebraA', state: 'media-empty', message: 'out of labels' })
    hub.hub.ctx.presence.printers.set('desk-1', { printer: 'ZebraA', state: 'ready' })
    await until(() => agent.kiosk.deskPrinter?.state === 'ready', 10_000, 'the kiosk to hear it is ready')
  })
})
