// The attendance register, the check-in log and the summary (hub/admin/export-routes.ts).
// Files, not JSON; their query (day, group, columns…) is read by hub/admin/exports/query.ts.
import { z } from 'zod'
import { okWith, type HttpContract } from './contract.js'

export const exportContracts: HttpContract[] = [
  ...['register.pdf', 'register.csv', 'register.xlsx', 'checkins.csv', 'checkins.xlsx', 'summary.pdf', 'summary.xlsx'].map((file): HttpContract => ({ method: 'GET', path: `/api/admin/exports/${file}` })),
  { method: 'GET', path: '/api/admin/exports/institutions', response: okWith({ institutions: z.array(z.unknown()) }) },
]
