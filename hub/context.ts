import type { CheckinRecord } from '../shared/domain.js'
import type { KioskPresence } from './kiosk-presence.js'
import type { LoginThrottle } from './login-throttle.js'
import type { EventStore } from './store/event-store.js'

export interface Log {
  info(message: string): void
  error(message: string): void
}

/** What the HTTP and socket edges share: the store, live presence, and the broadcasters. */
export interface HubContext {
  store: EventStore
  presence: KioskPresence
  throttle: LoginThrottle
  /** every hub's address as kiosks reach it (KARIBU_HUB_URLS); empty for a lone hub */
  hubUrls: string[]
  now: () => Date
  log: Log
  /** a new record was stored: tell dashboards and kiosks */
  recorded(record: CheckinRecord): void
  /** kiosk presence changed: refresh dashboards */
  kiosksChanged(): void
  /** the registry changed: kiosks pull the delta */
  registryChanged(rev: number): void
  /** a kiosk was revoked: tell it (it forgets the attendee list) and cut its connections */
  kioskRevoked(kioskId: string): void
  /** usher or admin credentials were revoked: cut their open connections (checked only at the handshake) */
  credentialsRevoked(ids: string[]): void
}
