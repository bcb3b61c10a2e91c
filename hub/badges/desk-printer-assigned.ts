// Whether the hub has a badge printer set up for a desk, for the kiosk's heartbeat answer: a
// desk without one is told when it is paired, not at its first attendee. Undefined: the print
// log could not be opened, so the hub does not know (the kiosk then says nothing).
import type { HubContext } from '../context.js'
import { badgeService } from './badge-service.js'

export async function deskPrinterAssigned(ctx: HubContext, deskId: string): Promise<boolean | undefined> {
  const service = await badgeService(ctx).catch(() => null)
  return service ? !!service.desks.get(deskId)?.printer : undefined
}
