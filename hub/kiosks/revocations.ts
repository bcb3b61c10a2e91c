// With several hubs, a kiosk or credential revoked on another hub reaches this one through the
// shared database (the registry changes), whether or not Redis carried the cut-off with it: this
// hub then cuts off its own connections of whatever is newly revoked. Redis up, the kiosk has
// usually been cut off already and this finds nobody in the room. It hears every registry
// change on the store's change stream, this hub's own too: a revocation made here is cut off here
// first, and the route's call then carries it to the other hubs.
import type { Hub } from '../server/app.js'
import type { RegistryData } from '../store/registry-data.js'

function revoked(data: RegistryData) {
  return {
    kiosks: data.kiosks.filter((k) => k.revokedAt).map((k) => k.id),
    credentials: data.credentials.filter((c) => c.revokedAt).map((c) => c.id),
  }
}

/** Returns the unsubscribe. */
export function cutOffRevokedElsewhere(hub: Hub): () => void {
  const { store } = hub.ctx
  const seen = new Set(Object.values(revoked(store.data)).flat())
  return store.changes.subscribe((change) => {
    if (change.kind !== 'registry') return
    const now = revoked(store.data)
    const kiosks = now.kiosks.filter((id) => !seen.has(id))
    const credentials = now.credentials.filter((id) => !seen.has(id))
    for (const id of [...kiosks, ...credentials]) seen.add(id)
    for (const id of kiosks) {
      // this hub's sockets only: the hub that revoked it told its own, and Redis may be away
      hub.io.local.to(`kiosk:${id}`).emit('kiosk:revoked')
      hub.io.local.in(`kiosk:${id}`).disconnectSockets(true)
    }
    if (credentials.length) hub.io.local.in(credentials.map((id) => `credential:${id}`)).disconnectSockets(true)
    if (kiosks.length) hub.ctx.kiosksChanged(true)
  })
}
