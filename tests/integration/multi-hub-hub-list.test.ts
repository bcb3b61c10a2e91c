// The hub list lives in the shared store: a hub started later with a longer KARIBU_HUB_URLS
// reaches running kiosks without pairing them again (and says its list differs from the one
// the others were given); a kiosk that failed over moves back to its home hub once that hub has
// been healthy for a while; the agent's /healthz and every hub's admin kiosk list name the hub
// it is on now.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHubCluster, type HubCluster } from '../helpers/hub-cluster.js'
import { openKioskScreen } from '../helpers/kiosk-client.js'
import { until } from '../helpers/until.js'

let c: HubCluster
beforeAll(async () => {
  c = await startHubCluster(2)
}, 120_000)
afterAll(async () => c?.close())

/** which hub `viaHub`'s admin kiosk list says the kiosk is on */
const listedOn = async (viaHub: string, kioskId: string) => {
  const res = await fetch(`${viaHub}/api/admin/kiosks`, { headers: { Authorization: `Bearer ${c.adminToken}` } })
  const { kiosks } = (await res.json()) as { kiosks: { kioskId: string; hub?: string; online: boolean }[] }
  const k = kiosks.find((x) => x.kioskId === kioskId)
  return k?.online ? (k.hub ?? null) : null
}
const host = (url: string) => new URL(url).host

const currentHub = async (agentUrl: string) =>
  ((await (await fetch(`${agentUrl}/healthz`)).json()) as { currentHubUrl: string | null }).currentHubUrl

describe('the hub list in the shared store', () => {
  it('a hub added while kiosks run: they learn it; failover, then back to the home hub', async () => {
    const [A, B] = c.hubs as [(typeof c.hubs)[0], (typeof c.hubs)[0]]
    // heartbeats every 200 ms: the home hub counts as healthy again after six of them
    const agent = await c.pairedKiosk('desk-1', A, { heartbeatMs: 200 })
    expect(agent.kiosk.data.pairing?.hubUrls).toEqual([A.url, B.url])
    expect(await currentHub(agent.url)).toBe(A.url)

    const C = await c.addHub()
    await c.startHub(C, [A.url, B.url, C.url])
    expect(C.child!.output()).toContain("this hub's KARIBU_HUB_URLS differs from the list the other hubs were given")
    await until(() => agent.kiosk.data.pairing?.hubUrls.length === 3, 15_000, 'kiosk learns hub C without pairing again')
    expect(agent.kiosk.data.pairing?.hubUrls).toEqual([A.url, B.url, C.url])
    // a kiosk paired now gets the list from any hub
    const later = await c.pairedKiosk('desk-2', B)
    expect(later.kiosk.data.pairing?.hubUrls).toEqual([A.url, B.url, C.url])

    await A.child!.kill9()
    await until(() => agent.link()?.hubUrl !== A.url && agent.kiosk.online, 20_000, 'kiosk failed over')
    const away = agent.link()!.hubUrl!
    expect(await currentHub(agent.url)).toBe(away)
    // and so does the kiosk's own screen
    const screen = await openKioskScreen(agent)
    const seen = await screen.state()
    screen.disconnect()
    expect([seen.hubUrl, seen.hubs]).toEqual([away, 3])
    // the admin list on hub C says which hub the kiosk is on now
    const kioskId = agent.kiosk.data.pairing!.kioskId
    await until(async () => (await listedOn(C.url, kioskId)) === host(away), 20_000, 'admin list on C names the hub the kiosk moved to')

    await c.startHub(A)
    await until(() => agent.link()?.hubUrl === A.url && agent.kiosk.online, 30_000, 'kiosk back on its home hub')
    expect(await currentHub(agent.url)).toBe(A.url)
    await until(async () => (await listedOn(C.url, kioskId)) === host(A.url), 20_000, 'admin list on C names the home hub again')
    expect(c.exits()).toEqual([])
  }, 150_000)
})
