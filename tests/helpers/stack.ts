// A whole venue in one test: a real hub on 127.0.0.1 and kiosk agents paired with it the
// way a desk officer pairs one, each with its own data folder.
import { startAgent, type AgentHandle, type AgentOptions } from '../../agent/agent.js'
import { createPairingCode } from '../../hub/kiosks/pairing.js'
import { tempDir } from './temp-dir.js'
import { startTestHub, type TestHub, type TestHubOptions } from './test-hub.js'
import { until } from './until.js'

export interface Stack {
  hub: TestHub
  hubDir: string
  agents: AgentHandle[]
  /** each kiosk's data folder, in the order they were added */
  agentDirs: string[]
  /** `options`: e.g. a shorter heartbeat, for a test that waits on what the hub answers it */
  addKiosk(deskId: string, now?: () => Date, options?: Pick<AgentOptions, 'heartbeatMs' | 'printFollow'>): Promise<AgentHandle>
  /** stops the hub (kiosks go offline) */
  stopHub(): Promise<void>
  /** starts the hub again on the same port and data folder */
  restartHub(): Promise<TestHub>
  close(): Promise<void>
}

/** `options`: the hub's seed event and clock (the test event at 08:00 on day 1 unless given). */
export async function startStack(options: Pick<TestHubOptions, 'seed' | 'now'> = {}): Promise<Stack> {
  const dirs = [await tempDir('karibu-hub-')]
  const hubDir = dirs[0]!.path
  let hub: TestHub | null = await startTestHub(hubDir, options)
  const port = hub.port
  const tokens = { admin: hub.adminToken, usher: hub.usherToken }
  const agents: AgentHandle[] = []
  const agentDirs: string[] = []
  const stack: Stack = {
    get hub() {
      if (!hub) throw new Error('hub is stopped')
      return hub
    },
    hubDir,
    agents,
    agentDirs,
    async addKiosk(deskId, now, options = {}) {
      const d = await tempDir('karibu-kiosk-')
      dirs.push(d)
      agentDirs.push(d.path)
      const { code } = await createPairingCode(stack.hub.store, 5)
      const agent = await startAgent({
        dataDir: d.path,
        port: 0,
        hubUrl: stack.hub.url,
        pairingCode: code,
        kioskName: deskId,
        deskId,
        ackTimeoutMs: 2000,
        log: () => {},
        ...(now ? { now } : {}),
        ...options,
      })
      agents.push(agent)
      await until(() => agent.kiosk.online && agent.kiosk.registry, 10_000, 'kiosk synced')
      return agent
    },
    async stopHub() {
      await hub?.close()
      hub = null
    },
    async restartHub() {
      hub = await startTestHub(hubDir, { ...options, port, tokens })
      return hub
    },
    async close() {
      for (const a of agents) await a.close()
      await hub?.close()
      for (const d of dirs) await d.remove()
    },
  }
  return stack
}
