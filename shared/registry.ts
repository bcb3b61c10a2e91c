// Read-side index over the event and attendee list, the same on hub and kiosk.
import type { Attendee, EventInfo, Group } from './domain.js'

export class RegistryIndex {
  readonly bySeq = new Map<number, Attendee>()
  readonly byId = new Map<string, Attendee>()
  readonly groups = new Map<string, Group>()

  constructor(
    public event: EventInfo,
    attendees: Iterable<Attendee>,
  ) {
    for (const g of event.groups) this.groups.set(g.id, g)
    for (const a of attendees) this.put(a)
  }

  put(a: Attendee) {
    const old = this.byId.get(a.id)
    if (old && old.seq !== a.seq) this.bySeq.delete(old.seq)
    this.byId.set(a.id, a)
    this.bySeq.set(a.seq, a)
  }

  setEvent(event: EventInfo) {
    this.event = event
    this.groups.clear()
    for (const g of event.groups) this.groups.set(g.id, g)
  }

  get attendees(): IterableIterator<Attendee> {
    return this.byId.values()
  }

  hallOfDesk(deskId: string): string | null {
    return this.event.desks.find((d) => d.id === deskId)?.hallId ?? null
  }
}
