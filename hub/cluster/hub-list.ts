// The list of every hub's address (KARIBU_HUB_URLS), kept in the shared store so all hubs give
// kiosks the same one: at pairing, at each kiosk's connect, and again whenever it changes. A hub
// started with a different list says so and its list becomes the list (the newest start wins);
// a hub started without one takes the stored list. Adding a hub is then starting it with the
// longer list: running kiosks learn it without being paired again.
import type { HubList } from '../../shared/protocol.js'
import type { Hub } from '../server/app.js'
import type { EventStore } from '../store/event-store.js'

interface ListEntry {
  hubUrls: string[]
  at: string
}

const check = (v: unknown): ListEntry => {
  const e = v as Partial<ListEntry> | null
  if (!e || !Array.isArray(e.hubUrls) || !e.hubUrls.every((u) => typeof u === 'string') || typeof e.at !== 'string')
    throw new Error('not a hub list entry')
  return { hubUrls: e.hubUrls, at: e.at }
}

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((u, i) => u === b[i])

/**
 * Opens the shared list, reconciles it with this hub's own (`configured`, which may be empty)
 * and returns the list to use; `changed` hears lists other hubs store later.
 */
export async function openHubList(
  store: EventStore,
  configured: readonly string[],
  log: (m: string) => void,
  changed: (hubUrls: string[]) => void,
): Promise<string[]> {
  const { log: entries, records } = await store.backend.openLog('hub-list', check)
  const stored = records.at(-1)?.hubUrls ?? []
  entries.onRemote((fresh) => {
    const latest = fresh.at(-1)
    if (latest) changed(latest.hubUrls)
  })
  if (configured.length === 0) return stored
  if (stored.length > 0 && !same(stored, configured))
    log(
      `Ilani: KARIBU_HUB_URLS ya kitovu hiki ni tofauti na orodha waliyopewa vitovu vingine (${stored.join(', ')}); orodha ya kitovu hiki sasa ndiyo orodha ya vitovu vyote na vioski vyote. Wape vitovu vyote KARIBU_HUB_URLS ileile.\n` +
        `Note: this hub's KARIBU_HUB_URLS differs from the list the other hubs were given (${stored.join(', ')}); this hub's list is now the list for every hub and kiosk. Give every hub the same KARIBU_HUB_URLS.`,
    )
  if (!same(stored, configured)) await entries.append([{ hubUrls: [...configured], at: store.now().toISOString() }])
  return [...configured]
}

/** Hands the list to every kiosk that connects, and again to every kiosk here when it changes. */
export function shareHubList(hub: Hub): (hubUrls: string[]) => void {
  const update = (): HubList => ({ hubUrls: hub.ctx.hubUrls })
  hub.io.on('connection', (socket) => {
    if (socket.data.role === 'kiosk' && hub.ctx.hubUrls.length > 0) socket.emit('hubs:changed', update())
  })
  return (hubUrls) => {
    // the context's own array: pairing hands out whatever it holds now
    hub.ctx.hubUrls.splice(0, hub.ctx.hubUrls.length, ...hubUrls)
    hub.io.local.to('kiosks').emit('hubs:changed', update())
  }
}
