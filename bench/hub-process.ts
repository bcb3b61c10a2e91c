// Child process for the load benchmark: the real hub on a prepared data folder (or on
// KARIBU_DATABASE_URL, joined to other hubs through KARIBU_REDIS_URL), or a bare Socket.IO
// server with the same message pattern (ack each check-in, push a batch every 50 ms) and
// nothing else. Prints one JSON line when ready.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Server } from 'socket.io'
import { createHub } from '../hub/server/app.js'
import { joinCluster } from '../hub/cluster/cluster.js'
import { PostgresBackend } from '../hub/store/postgres-backend.js'
import { EventStore } from '../hub/store/event-store.js'
import { createDemoEvent } from '../hub/demo/demo-event.js'
import { localDate } from '../shared/event-days.js'

const [mode, dataDir] = process.argv.slice(2)

if (mode === 'bare') {
  const http = createServer()
  const io = new Server(http, { serveClient: false })
  let pending: unknown[] = []
  let timer: NodeJS.Timeout | null = null
  let seq = 0
  io.on('connection', (socket) => {
    void socket.join(socket.handshake.auth?.role === 'dashboard' ? 'dashboards' : 'kiosks')
    socket.on('checkin:submit', (payload: { id: string }, ack: (r: unknown) => void) => {
      const record = { ...payload, seq: ++seq }
      ack({ ok: true, record, duplicate: false })
      // what the hub sends kiosks of most records (shared/ledger.ts forKiosks), so both push alike
      pending.push({ id: record.id, seq: record.seq })
      timer ??= setTimeout(() => {
        timer = null
        io.to('kiosks').emit('checkins:recorded', pending)
        io.to('dashboards').emit('stats:changed', { stats: { lastSeq: seq } })
        pending = []
      }, 50)
    })
  })
  http.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ port: (http.address() as AddressInfo).port })))
} else {
  const { KARIBU_DATABASE_URL: databaseUrl, KARIBU_REDIS_URL: redisUrl } = process.env
  const { store, firstStart } = await EventStore.open({
    dataDir: dataDir!,
    ...(databaseUrl ? { backend: new PostgresBackend(databaseUrl) } : {}),
    // today, on the real clock the load uses: check-ins are decided as on a real event day
    seed: (key) => createDemoEvent({ firstDay: localDate('Africa/Dar_es_Salaam', new Date()), badgePublicKey: key }),
  })
  const cluster = redisUrl ? await joinCluster(redisUrl, (m) => console.error(m)) : undefined
  // every simulated kiosk and dashboard comes from 127.0.0.1, where a venue gives each its own address
  const connectionLimits = { connectionsPerAddress: 4096, sessionsPerAddress: 4096, pendingSessionsPerAddress: 4096 }
  const hub = createHub({ store, cluster, connectionLimits, log: { info() {}, error: (m) => console.error(m) } })
  const address = await hub.listen(0, '127.0.0.1')
  console.log(JSON.stringify({ port: address.port, adminToken: firstStart?.adminToken, usherToken: firstStart?.usherToken }))
}
process.on('SIGTERM', () => process.exit(0))
