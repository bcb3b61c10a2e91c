import type { BadgeService } from '../badges/badge-service.js'
import type { KioskPresence } from '../kiosks/kiosk-presence.js'
import type { LoginThrottle } from '../auth/login-throttle.js'
import type { PairingGuard } from '../kiosks/pairing-guard.js'
import type { EventStore } from '../store/event-store.js'

export interface Log {
  info(message: string): void
  error(message: string): void
}

/**
 * What the HTTP and socket edges share: the store, live presence, and the broadcasters. What the
 * store takes in (check-ins, registry changes) needs no call here: the store announces it on
 * `store.changes` and the pushes (hub/pushes/pushes.ts) pass it on.
 */
export interface HubContext {
  store: EventStore
  presence: KioskPresence
  throttle: LoginThrottle
  /** the budget of wrong pairing codes, and the latest ones */
  pairing: PairingGuard
  /** every hub's address as kiosks reach it (KARIBU_HUB_URLS); empty for a lone hub */
  hubUrls: string[]
  now: () => Date
  log: Log
  /** the hub's badges and print jobs, opened with the print log on first use */
  badges(): Promise<BadgeService>
  /**
   * the kiosk list changed: dashboards get it with the next push, at once when a kiosk came,
   * went or was paired or revoked (`urgent`), else at most once a second (heartbeats)
   */
  kiosksChanged(urgent: boolean): void
  /** a kiosk was revoked: tell it (it forgets the attendee list) and cut its connections */
  kioskRevoked(kioskId: string): void
  /** usher or admin credentials were revoked: cut their open connections (checked only at the handshake) */
  credentialsRevoked(ids: string[]): void
}
