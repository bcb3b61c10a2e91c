// The hub's HTTP routes as data: method, path pattern, who may call, handler. One table, so
// the access matrix test can walk every route.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Role } from '../../shared/domain.js'
import type { HubContext } from './context.js'

/** The roles of an organiser's route. */
export const ADMIN = ['admin'] as const

export interface RouteRequest {
  req: IncomingMessage
  res: ServerResponse
  url: URL
  /** named groups of the path pattern */
  params: Record<string, string>
  /** the caller, for routes with roles */
  principal: { role: Role; id: string } | null
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE'
  /** exact path, or a RegExp with named groups */
  path: string | RegExp
  /** roles allowed; 'public' routes check nothing (they may do their own checks) */
  roles: readonly Role[] | 'public'
  handle(ctx: HubContext, r: RouteRequest): Promise<void> | void
}

export function matchRoute(
  routes: readonly Route[],
  method: string,
  pathname: string,
): { route: Route; params: Record<string, string> } | null {
  for (const route of routes) {
    if (route.method !== method) continue
    if (typeof route.path === 'string') {
      if (route.path === pathname) return { route, params: {} }
    } else {
      const m = route.path.exec(pathname)
      if (m) return { route, params: { ...m.groups } }
    }
  }
  return null
}
