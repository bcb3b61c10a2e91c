// The organiser's keys (hub/admin/credential-routes.ts).
import { z } from 'zod'
import { okWith, type HttpContract } from './contract.js'

export const UsherRequest = z.object({ label: z.string().trim().min(1).max(60) })
export const PinRequest = z.object({ pin: z.string().regex(/^\d{4,12}$/) })

export const UsherCredential = z.object({
  id: z.string(),
  label: z.string(),
  createdAt: z.string(),
  revoked: z.boolean(),
  revokedAt: z.string().nullable(),
  token: z.string().nullable(),
  /** `/dashboard#token=…`, to put after one of the hub's origins */
  path: z.string().nullable(),
})
export type UsherCredential = z.infer<typeof UsherCredential>

export const CredentialsAnswer = okWith({ ushers: z.array(UsherCredential), origins: z.array(z.string()), kioskExitPinSet: z.boolean() })
export const UsherAnswer = okWith({ usher: UsherCredential })

export const credentialContracts: HttpContract[] = [
  { method: 'GET', path: '/api/admin/credentials', response: CredentialsAnswer },
  { method: 'POST', path: '/api/admin/credentials/admin', response: okWith({ id: z.string(), token: z.string() }) },
  { method: 'POST', path: '/api/admin/credentials/ushers', request: UsherRequest, response: UsherAnswer },
  { method: 'POST', path: '/api/admin/credentials/:id/revoke', response: UsherAnswer },
  { method: 'PUT', path: '/api/admin/kiosk-exit-pin', request: PinRequest, response: okWith({}) },
]
