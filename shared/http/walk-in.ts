// A desk officer registers someone not on the list (hub/admin/walk-in-routes.ts).
import { z } from 'zod'
import { Attendee } from '../domain.js'
import { withoutInvisible } from '../invisible.js'
import { okWith, type HttpContract } from './contract.js'

const name = z
  .string()
  .transform((s) => withoutInvisible(s).replace(/\s+/g, ' ').trim())
  .pipe(z.string().min(1).max(100))
const optionalText = (max: number) =>
  z
    .string()
    .transform((s) => s.replace(/\s+/g, ' ').trim())
    .pipe(z.string().max(max))
    .optional()

export const WalkInRequest = z.object({
  firstName: name,
  lastName: name,
  groupId: z.string().min(1).max(64),
  phone: z.string().max(40).optional(),
  organisation: optionalText(200),
  title: optionalText(100),
  category: optionalText(100),
  /** register even though the phone number belongs to someone already registered */
  force: z.boolean().optional(),
})
/** What the desk sends (before the hub tidies the names). */
export type WalkIn = z.input<typeof WalkInRequest>

export const WalkInAnswer = okWith({ attendee: Attendee })

export const walkInContracts: HttpContract[] = [
  { method: 'POST', path: '/api/admin/walk-ins', request: WalkInRequest, response: WalkInAnswer },
]
