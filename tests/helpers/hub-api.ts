// Talking to a test hub as its callers do: HTTP with a credential (the admin's unless told),
// and sockets as a kiosk or a dashboard. One way of doing it for every test file.
import type { HubClient, TestHub } from './test-hub.js'

/** whose credential: a token, or null for none */
export type As = string | null

export interface PairedKiosk {
  kioskId: string
  token: string
  socket: HubClient
}

export interface HubApi {
  /** `body` goes as JSON; the admin credential unless `as` is given */
  call(method: string, path: string, body?: unknown, as?: As): Promise<Response>
  get(path: string, as?: As): Promise<Response>
  post(path: string, body?: unknown, as?: As): Promise<Response>
  put(path: string, body?: unknown, as?: As): Promise<Response>
  delete(path: string, as?: As): Promise<Response>
  /** the answer's JSON, after checking its status (200 unless given) */
  json<T = Record<string, unknown>>(res: Response | Promise<Response>, status?: number): Promise<T>
  /** a kiosk paired the way a desk officer pairs one, with its socket connected */
  pairKiosk(name?: string): Promise<PairedKiosk>
  /** a dashboard socket with the usher credential */
  usher(): Promise<HubClient>
}

export function hubApi(t: TestHub): HubApi {
  const call = (method: string, path: string, body?: unknown, as: As = t.adminToken) =>
    fetch(`${t.url}${path}`, {
      method,
      headers: { ...(as ? { Authorization: `Bearer ${as}` } : {}), ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  return {
    call,
    get: (path, as) => call('GET', path, undefined, as),
    post: (path, body, as) => call('POST', path, body, as),
    put: (path, body, as) => call('PUT', path, body, as),
    delete: (path, as) => call('DELETE', path, undefined, as),
    async json<T>(res: Response | Promise<Response>, status = 200) {
      const r = await res
      const text = await r.text()
      if (r.status !== status) throw new Error(`${r.url} answered ${r.status}, not ${status}: ${text.slice(0, 300)}`)
      return JSON.parse(text) as T
    },
    async pairKiosk(name) {
      const paired = await t.pairKiosk(name)
      return { ...paired, socket: await t.client(paired.token) }
    },
    usher: () => t.client(t.usherToken),
  }
}
