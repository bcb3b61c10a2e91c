// End of the event and lost kiosks: personal data leaves the kiosk, unsent records do not.
import { readdir } from 'node:fs/promises'
import { afterEach, expect, it } from 'vitest'
import { startAgent } from '../../agent/agent.js'
import { wipeKioskData } from '../../agent/wipe.js'
import { revokeKiosk } from '../../hub/kiosks/pairing.js'
import { openKioskScreen } from '../helpers/kiosk-client.js'
import { startStack, type Stack } from '../helpers/stack.js'
import { until } from '../helpers/until.js'

let stack: Stack | null = null
afterEach(async () => {
  await stack?.close()
  stack = null
})

const day1 = () => new Date('2026-11-24T09:00:00+03:00')

it('wipe refuses while records wait for the hub, then removes every file once they are delivered', async () => {
  stack = await startStack()
  const agent = await stack.addKiosk('desk-1', day1)
  const dataDir = stack.agentDirs[0]!
  await stack.stopHub()
  const screen = await openKioskScreen(agent)
  await screen.scan({ attendeeId: 'A0001', method: 'search' })
  screen.disconnect()
  await agent.close()
  stack.agents.splice(0)
  expect(await wipeKioskData(dataDir)).toEqual({ wiped: false, unsent: 1 })
  expect(await readdir(dataDir)).toContain('journal.jsonl')
  // deliver, then wipe
  await stack.restartHub()
  const again = await startAgent({ dataDir, port: 0, now: day1, log: () => {} })
  await until(() => again.kiosk.records.outbox.size === 0, 15_000, 'delivered')
  await again.close()
  expect(await wipeKioskData(dataDir)).toEqual({ wiped: true, unsent: 0 })
  expect(await readdir(dataDir)).toEqual([])
})

it('a revoked kiosk is cut off at once and forgets the attendee list, keeping unsent records for export', async () => {
  stack = await startStack()
  const agent = await stack.addKiosk('desk-1', day1)
  expect(agent.kiosk.registry).not.toBeNull()
  await revokeKiosk(stack.hub.store, agent.kiosk.data.pairing!.kioskId)
  stack.hub.hub.ctx.kioskRevoked(agent.kiosk.data.pairing!.kioskId)
  await until(() => agent.kiosk.data.registry === null, 5000, 'attendee list removed')
  expect(agent.kiosk.online).toBe(false)
  expect(agent.kiosk.find('neema')).toEqual({ results: [], total: 0 })
  expect((await openKioskScreen(agent).then((s) => s.state())).paired).toBe(false)
})
