// The event's names, days, groups, halls and desks (hub/admin/event-routes.ts).
import { z } from 'zod'
import { EventInfo } from '../domain.js'
import { okWith, type HttpContract } from './contract.js'

/** The badge key may be sent back as it is; changing it is refused (checkEvent). */
export const EventUpdate = EventInfo.omit({ badgePublicKey: true }).extend({ badgePublicKey: z.string().max(64).optional() })
export type EventUpdate = z.infer<typeof EventUpdate>
export const EVENT_MAX_BODY = 512 * 1024

export const EventUsage = z.object({ groups: z.record(z.string(), z.number()), days: z.record(z.string(), z.number()) })
export const EventAnswer = okWith({ event: EventInfo, usage: EventUsage })
export type EventAnswer = z.infer<typeof EventAnswer>

export const eventContracts: HttpContract[] = [
  { method: 'GET', path: '/api/admin/event', response: EventAnswer },
  { method: 'PUT', path: '/api/admin/event', request: EventUpdate, response: EventAnswer },
]
