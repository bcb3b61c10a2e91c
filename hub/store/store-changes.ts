// The one stream of what the store now holds that it did not before: check-ins and registry
// revisions, whether this hub wrote them or another hub did (a shared backend). Whatever
// tells kiosks and dashboards subscribes here, so a new route that writes cannot forget to.
import type { CheckinRecord } from '../../shared/domain.js'

export type StoreChange =
  /** check-ins stored durably, each announced once (a duplicate delivery is not news) */
  | { kind: 'checkins'; records: CheckinRecord[] }
  /** the registry now stands at `rev` (a write, another hub's, or a failed write taken back) */
  | { kind: 'registry'; rev: number }

export class StoreChanges {
  private listeners = new Set<(change: StoreChange) => void>()

  /** Returns the unsubscribe. Listeners run at once, in the writer's turn: keep them quick. */
  subscribe(listener: (change: StoreChange) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  announce(change: StoreChange) {
    for (const l of this.listeners) l(change)
  }
}
