// Every admin route, as one table, part of ROUTES in hub/server/http.ts; the access test walks
// this table so no route escapes the role check.
import type { Route } from '../server/routes.js'
import { certificateAdminRoutes } from '../certificates/routes.js'
import { credentialRoutes } from './credential-routes.js'
import { eventRoutes } from './event-routes.js'
import { exportRoutes } from './export-routes.js'
import { importRoutes } from './import-routes.js'
import { kioskRoutes } from './kiosk-routes.js'
import { walkInRoutes } from './walk-in-routes.js'

export const adminRoutes: Route[] = [
  ...importRoutes,
  ...eventRoutes,
  ...walkInRoutes,
  ...kioskRoutes,
  ...exportRoutes,
  ...certificateAdminRoutes,
  ...credentialRoutes,
]
