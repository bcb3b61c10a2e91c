// What this hub's kiosks and dashboards are told as it happens, from the store's one change
// stream (hub/store/store-changes.ts) and the kiosks' presence.
//
// Check-ins are pushed in coalesced batches: kiosks get the new records, dashboards one fresh
// set of figures. At 2,000 check-ins/s this is 20 messages a second per client, not 2,000.
// Pushes go to this hub's own clients only (`io.local`): with several hubs, each tells its
// clients what its own ledger and registry hold, once they hold it.
import type { CheckinRecord } from '../../shared/domain.js'
import { forKiosks } from '../../shared/ledger.js'
import type { DashboardUpdate } from '../../shared/protocol.js'
import type { HubContext } from '../server/context.js'
import type { HubServer } from '../server/sockets.js'
import { statsFor } from './dashboard-view.js'

/** Kiosks and dashboards hear of new check-ins at most this often, however fast they arrive. */
const PUSH_INTERVAL_MS = 50
/** Heartbeats alone refresh the dashboards' kiosk list at most this often. */
const KIOSK_LIST_INTERVAL_MS = 1000

export interface Pushes {
  /** see HubContext.kiosksChanged */
  kiosksChanged(urgent: boolean): void
  close(): void
}

export function startPushes(io: HubServer, ctx: HubContext): Pushes {
  const { store } = ctx
  let flushTimer: NodeJS.Timeout | null = null
  let kioskTimer: NodeJS.Timeout | null = null
  let pending: CheckinRecord[] = []
  // the kiosk list is most of a dashboard push's bytes: sent only when it changed, and for
  // heartbeats alone at most once a second; the event's names only when the registry changed
  let kiosks: 'same' | 'changed' | 'urgent' = 'urgent'
  let kiosksSentAt = -Infinity
  let eventSentRev = -1

  const flush = () => {
    flushTimer = null
    if (pending.length) io.local.to('kiosks').emit('checkins:recorded', pending.map(forKiosks))
    pending = []
    const view = statsFor(ctx)
    const update: DashboardUpdate = { stats: view.stats }
    // real elapsed time, not the event's clock (which tests and replays set)
    const at = performance.now()
    if (kiosks === 'urgent' || (kiosks === 'changed' && at - kiosksSentAt >= KIOSK_LIST_INTERVAL_MS)) {
      update.kiosks = view.kiosks
      kiosks = 'same'
      kiosksSentAt = at
    }
    if (store.data.rev !== eventSentRev) {
      update.event = view.event
      eventSentRev = store.data.rev
    }
    io.local.to('dashboards').emit('stats:changed', update)
    // a heartbeat's news held back: it goes out when the second is up, check-ins or not
    if (kiosks === 'changed') {
      kioskTimer ??= setTimeout(
        () => {
          kioskTimer = null
          flushSoon()
        },
        Math.max(0, KIOSK_LIST_INTERVAL_MS - (at - kiosksSentAt)),
      )
    }
  }
  const flushSoon = () => {
    flushTimer ??= setTimeout(flush, PUSH_INTERVAL_MS)
  }

  const unsubscribe = store.changes.subscribe((change) => {
    if (change.kind === 'checkins') for (const r of change.records) pending.push(r)
    // kiosks pull the delta
    else io.local.to('kiosks').emit('registry:changed', { rev: change.rev })
    // the figures are made of the records and the registry (names, groups, who is expected)
    flushSoon()
  })

  return {
    kiosksChanged(urgent) {
      kiosks = urgent || kiosks === 'urgent' ? 'urgent' : 'changed'
      flushSoon()
    },
    close() {
      unsubscribe()
      if (flushTimer) clearTimeout(flushTimer)
      if (kioskTimer) clearTimeout(kioskTimer)
    },
  }
}
