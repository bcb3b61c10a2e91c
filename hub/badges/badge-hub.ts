// What the badge service needs of its hub: a part of the hub's context (hub/server/context.ts), named
// here so the hub can hold its badge service without the two importing each other.
import type { KioskPresence } from '../kiosks/kiosk-presence.js'
import type { EventStore } from '../store/event-store.js'

export interface BadgeHub {
  store: EventStore
  presence: KioskPresence
  now: () => Date
  log: { info(message: string): void; error(message: string): void }
  kiosksChanged(urgent: boolean): void
}
