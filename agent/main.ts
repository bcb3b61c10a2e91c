// `npm run kiosk:web -- --hub http://<hub>:4280 --code ABC123 --desk desk-1`: a kiosk agent
// that serves the kiosk screen to a browser on this machine, for trying Karibu without
// Electron (and for the end-to-end tests).
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { StartError } from '../node-shared/start-error.js'
import { startAgent } from './agent.js'
import { kioskState } from './kiosk-view.js'

const { values } = parseArgs({
  options: {
    hub: { type: 'string' },
    code: { type: 'string' },
    desk: { type: 'string' },
    name: { type: 'string' },
    port: { type: 'string' },
    data: { type: 'string' },
    wipe: { type: 'boolean' },
    force: { type: 'boolean' },
  },
})
const dataDir = resolve(values.data ?? process.env.KARIBU_KIOSK_DATA ?? 'data-kiosk')

if (values.wipe) {
  const { wipeKioskData } = await import('./wipe.js')
  const result = await wipeKioskData(dataDir, { force: !!values.force })
  console.log(
    result.wiped
      ? `Data za kioski zimefutwa / Kiosk data wiped: ${dataDir}`
      : `Rekodi ${result.unsent} bado hazijafika kwenye hub: zitoe kwanza (/api/outbox-export) au tumia --force.\n${result.unsent} records have not reached the hub: export them first (/api/outbox-export) or use --force.`,
  )
  process.exit(result.wiped ? 0 : 1)
}

const agent = await startAgent({
  dataDir,
  port: Number(values.port ?? process.env.KIOSK_PORT ?? 5180),
  ...(values.hub ? { hubUrl: values.hub } : {}),
  ...(values.code ? { pairingCode: values.code } : {}),
  ...(values.desk ? { deskId: values.desk } : {}),
  kioskName: values.name ?? 'Kioski cha kivinjari / Browser kiosk',
  onLaunchUsed: () =>
    console.log(`Kiungo kimetumika. Kiungo kipya cha skrini nyingine / Link used. A new link for another screen: ${agent.launchUrl()}`),
}).catch((err: unknown) => {
  // its own data, its settings or the pairing: said plainly, without a stack trace
  const why =
    err instanceof StartError
      ? err.message
      : `${(err as Error).message}\n(angalia anwani ya kitovu na nambari ya kuunganisha / check the hub address and the pairing code)`
  console.error(`\nKioski haikuanza / The kiosk did not start:\n${why}\n`)
  process.exit(1)
})
const state = kioskState(agent.kiosk)
// the link carries a one-time launch token: only a screen opened from it may use this agent
console.log(`Kioski / Kiosk (fungua kiungo hiki kwenye kivinjari cha kioski / open this link in the kiosk's browser): ${agent.launchUrl()}`)
console.log(
  state.paired
    ? `Imeunganishwa na / Paired with: ${state.hubUrl} (${state.kioskId})`
    : 'Haijaunganishwa: fungua ukurasa na uweke anwani ya hub na nambari. / Not paired: open the page and enter the hub address and code.',
)

const stop = async () => {
  await agent.close()
  process.exit(0)
}
process.once('SIGINT', stop)
process.once('SIGTERM', stop)
