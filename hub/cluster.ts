// Several hubs, one venue (or several): Socket.IO's Redis Streams adapter joins their Socket.IO
// servers (KARIBU_REDIS_URL). What crosses it: room operations (a revoked kiosk is cut off
// wherever it is connected) and what each hub sees of its kiosks, so every dashboard lists every
// kiosk. Check-ins and the registry do not travel here: each hub reads them from the shared
// database (store/postgres-backend.ts), so its figures come from its own ledger like a lone hub's.
import { createAdapter } from '@socket.io/redis-streams-adapter'
import { createClient } from 'redis'
import type { PresenceReport } from './kiosk-presence.js'

export interface InterHubEvents {
  'kiosk:presence': (report: PresenceReport) => void
}

export interface Cluster {
  adapter: ReturnType<typeof createAdapter>
  close(): Promise<void>
}

export async function joinCluster(redisUrl: string, log: (m: string) => void): Promise<Cluster> {
  const client = createClient({ url: redisUrl, socket: { reconnectStrategy: (retries) => Math.min(2000, 100 * 2 ** retries) } })
  let down = false
  client.on('error', (err: Error) => {
    if (!down) log(`Redis: ${err.message} (retrying)`)
    down = true
  })
  client.on('ready', () => (down = false))
  await client.connect()
  return {
    adapter: createAdapter(client, { streamName: 'karibu' }),
    async close() {
      await client.quit().catch(() => client.disconnect())
    },
  }
}
