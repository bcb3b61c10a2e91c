// Whether the hub has a badge printer set up for a desk, for the kiosk's heartbeat answer: a
// desk without one is told when it is paired, not at its first attendee. Undefined: the print
// log could not be opened (or not soon: a store that does not answer must not hold the
// heartbeat's answer), so the hub does not know and the kiosk says nothing.
import type { HubContext } from '../server/context.js'

const OPEN_WAIT_MS = 2000

export async function deskPrinterAssigned(ctx: HubContext, deskId: string): Promise<boolean | undefined> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), OPEN_WAIT_MS)))
  const service = await Promise.race([ctx.badges().catch(() => null), late])
  clearTimeout(timer)
  return service ? !!service.desks.get(deskId)?.printer : undefined
}
