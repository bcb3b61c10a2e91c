// What the kiosk screen is shown: the kiosk's state as the screen's view model, and a person
// as a card. Made fresh from the kiosk at each change; nothing here is stored.
import { attendeeName, type Attendee, type Day } from '../shared/domain.js'
import { dayAt } from '../shared/event-days.js'
import type { AttendeeCard, KioskState } from '../shared/kiosk-protocol.js'
import type { RegistryIndex } from '../shared/registry.js'
import { hallOccupancy } from '../shared/stats.js'
import type { Kiosk } from './kiosk.js'

export function attendeeCard(registry: RegistryIndex | null, a: Attendee): AttendeeCard {
  const g = registry?.groups.get(a.groupId)
  return {
    id: a.id,
    name: attendeeName(a),
    title: a.title,
    organisation: a.organisation,
    group: g ? { id: g.id, name: g.name, color: g.color } : null,
    flags: a.flags,
    ...(a.phone ? { phoneTail: a.phone.slice(-3) } : {}),
  }
}

/** `hubUrl`: the hub the link is on now (after a failover, not the one the kiosk paired with). */
export function kioskState(kiosk: Kiosk, hubUrl: string | null = null): KioskState {
  const data = kiosk.data
  const reg = data.registry
  const today = reg ? dayAt(reg.event, kiosk.hubNow()) : null
  return {
    paired: !!data.pairing,
    kioskId: data.pairing?.kioskId ?? null,
    kioskName: data.pairing?.name ?? null,
    hubUrl: hubUrl ?? data.pairing?.hubUrl ?? data.unpaired?.hubUrl ?? kiosk.suggestedHubUrl,
    unpaired: data.pairing ? null : (data.unpaired ?? null),
    hubs: data.pairing ? Math.max(1, data.pairing.hubUrls.length) : 0,
    printer: kiosk.deskPrinter,
    printerAssigned: kiosk.printerAssigned,
    timezone: reg?.event.timezone ?? null,
    hall: deskHall(kiosk, today),
    online: kiosk.online,
    outboxDepth: kiosk.records.outbox.size,
    deskId: data.desk.deskId,
    mode: data.desk.mode,
    eventName: reg?.event.name ?? null,
    desks: reg?.event.desks ?? [],
    today,
    clockOffsetMs: data.clockOffsetMs,
    lastSyncAt: data.lastSyncAt,
    registryRev: reg?.rev ?? 0,
    attendees: reg?.attendees.length ?? 0,
  }
}

/** The desk's hall now: how many are inside against its capacity, from every desk's records this kiosk has. */
function deskHall(kiosk: Kiosk, day: Day | null): KioskState['hall'] {
  const deskId = kiosk.data.desk.deskId
  const hallId = deskId ? kiosk.registry?.hallOfDesk(deskId) : null
  const hall = hallId ? kiosk.data.registry?.event.halls.find((h) => h.id === hallId) : undefined
  if (!hall || !day) return null
  return { ...hallOccupancy(kiosk.records.ledger, hall, day.id), name: hall.name }
}
