// `npm start`: the venue hub with its data folder, seeded with the demo event on first start.
import { networkInterfaces } from 'node:os'
import { localDate } from '../shared/event-days.js'
import { createHub } from './server/app.js'
import { hubConfig, redactedUrl } from './server/config.js'
import { createDemoEvent } from './demo/demo-event.js'
import { createPairingCode } from './kiosks/pairing.js'
import { EventStore } from './store/event-store.js'
import { EmbeddedBackend } from './store/embedded-backend.js'
import { EXIT, StartError } from '../node-shared/start-error.js'
import { guardProcess } from './server/process-guard.js'
import { cutOffRevokedElsewhere } from './kiosks/revocations.js'
import { openHubList, shareHubList } from './cluster/hub-list.js'
import { fdLimitWarning, openFileLimit } from './server/fd-limit.js'

function lanAddresses(): string[] {
  const out: string[] = []
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) out.push(a.address)
  }
  return out
}

// installed first: an error while starting is reported as well as one while serving
let timeZone = () => 'Africa/Dar_es_Salaam'
guardProcess({ log: (m) => console.error(m), timeZone: () => timeZone() })

async function main() {
  const config = hubConfig()
  const fdWarning = fdLimitWarning(openFileLimit())
  if (fdWarning) console.error(fdWarning)
  // PostgreSQL and Redis clients are loaded only by hubs that use them
  const backend = config.databaseUrl
    ? new (await import('./store/postgres-backend.js')).PostgresBackend(config.databaseUrl)
    : new EmbeddedBackend(config.dataDir)
  const { store, firstStart, tornBytes } = await EventStore.open({
    backend,
    seed: (badgePublicKey) => createDemoEvent({ firstDay: localDate('Africa/Dar_es_Salaam', new Date()), badgePublicKey }),
  })
  timeZone = () => store.data.event.timezone
  const cluster = config.redisUrl
    ? await (
        await import('./cluster/cluster.js')
      ).joinCluster(config.redisUrl, (m) => console.error(m), { startWaitMs: config.redisWaitMs })
    : undefined
  let setHubList: ((hubUrls: string[]) => void) | null = null
  // with a shared store the hub list is shared too (hub-list.ts); alone, it is this hub's own
  const hubUrls = config.databaseUrl
    ? await openHubList(
        store,
        config.hubUrls,
        (m) => console.error(m),
        (urls) => setHubList?.(urls),
      )
    : config.hubUrls
  const hub = createHub({ store, cluster, hubUrls })
  setHubList = shareHubList(hub)
  if (config.databaseUrl) cutOffRevokedElsewhere(hub)
  if (cluster)
    hub.io.on('connection', (socket) => {
      if (socket.data.role === 'kiosk') hub.ctx.presence.reachedAt(socket.data.principal, socket.handshake.headers.host ?? null)
    })
  cluster?.onChange((connected) => {
    hub.ctx.presence.otherHubsHeard(connected)
    if (connected) hub.ctx.presence.announceAll()
    hub.ctx.kiosksChanged(true)
  })
  const address = await hub.listen(config.port, config.host)
  const hosts = config.host === '0.0.0.0' ? ['127.0.0.1', ...lanAddresses()] : [config.host]
  const base = hosts.map((h) => `http://${h}:${address.port}`)
  const usher = store.data.credentials.find((c) => c.role === 'usher' && !c.revokedAt && c.token)
  const pairing = await createPairingCode(store, 30)

  const lines = [
    `Karibu hub — ${store.data.event.name.sw} / ${store.data.event.name.en}`,
    `Data / Data: ${store.location} (${store.data.attendees.length} attendees, ${store.ledger.records.size} check-ins)`,
    cluster && config.redisUrl ? `Vitovu vingine kupitia Redis / Other hubs through Redis: ${redactedUrl(config.redisUrl)}` : '',
    tornBytes ? `Ilani / Note: cut a torn last journal line (${tornBytes} bytes) left by a crash.` : '',
    '',
    ...base.flatMap((b) => [`Dashibodi / Dashboard: ${b}/dashboard${usher?.token ? `#token=${usher.token}` : ''}`]),
    `Utawala / Admin:       ${base[0]}/admin`,
    `Kioski / Kiosk:        npm run kiosk:web -- --hub ${base[base.length - 1]} --code <nambari / code>   (kisha / then http://127.0.0.1:5180/kiosk)`,
    '',
    firstStart
      ? `Nenosiri la msimamizi (linaonyeshwa mara moja tu) / Admin credential (shown once only):\n  ${firstStart.adminToken}\nPIN ya kutoka kwenye kioski / Kiosk exit PIN: ${firstStart.exitPin}`
      : 'Nenosiri la msimamizi lilionyeshwa mara ya kwanza / The admin credential was shown at first start.',
    usher?.token ? `Ufunguo wa wahudumu / Usher credential: ${usher.token}` : '',
    `Nambari ya kuunganisha kioski (dakika 30) / Kiosk pairing code (30 min): ${pairing.code}`,
  ]
  console.log(lines.filter((l, i) => l !== '' || lines[i - 1] !== '').join('\n'))

  const stop = async () => {
    await hub.close()
    process.exit(0)
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((err: unknown) => {
  if (err instanceof StartError) {
    console.error(`\nKaribu haikuanza / Karibu did not start:\n${err.message}\n`)
    process.exit(err.exitCode)
  }
  console.error(`\nKaribu haikuanza kwa hitilafu isiyotarajiwa / Karibu did not start on an unexpected error:\n`, err)
  process.exit(EXIT.failed)
})
