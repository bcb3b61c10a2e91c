// Paired kiosks with live presence, and revoking one (hub/admin/kiosk-routes.ts).
import { z } from 'zod'
import { okWith, type HttpContract } from './contract.js'

/** KioskStatus (shared/protocol.ts) plus when it was paired and revoked; the rest passes through. */
export const AdminKiosk = z.looseObject({
  kioskId: z.string(),
  name: z.string(),
  online: z.boolean(),
  pairedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
})

export const kioskContracts: HttpContract[] = [
  { method: 'GET', path: '/api/admin/kiosks', response: okWith({ kiosks: z.array(AdminKiosk), origins: z.array(z.string()) }) },
  { method: 'POST', path: '/api/admin/kiosks/:id/revoke', response: okWith({}) },
]
