// The only browser module that talks to the hub: a typed Socket.IO client on the page's own
// origin (the hub serves the pages), and the store for the credential a page was opened with.
import { io, type Socket } from 'socket.io-client'
import type { ClientToServerEvents, ServerToClientEvents } from '../../../shared/protocol'

export type HubSocket = Socket<ServerToClientEvents, ClientToServerEvents>

/** What the hub says when the handshake carries no valid credential. */
export const UNAUTHORIZED = 'unauthorized'

/**
 * Opens a socket to the hub with the credential in the handshake. socket.io-client reconnects
 * by itself after a lost connection, at most 2 s apart (±50 %, so a hall of phones does not
 * come back at once): an usher's phone on venue Wi-Fi has fresh figures soon after the Wi-Fi
 * does. A refused credential ends in `connect_error` 'unauthorized' and no retry.
 */
export function connectHub(token: string): HubSocket {
  return io(window.location.origin, { auth: { token }, reconnectionDelay: 500, reconnectionDelayMax: 2000 })
}

/** A socket waiting out its reconnection delay tries now (the browser says the network is back). */
export function reconnectNow(socket: HubSocket) {
  if (!socket.connected) socket.disconnect().connect()
}

/**
 * One answer over plain HTTP, `GET /api/stats`: it needs one round trip where the socket's
 * handshake and first question need three or four, so a phone on slow Wi-Fi shows figures
 * while its socket is still connecting. Anything but a 200 with JSON is null.
 */
export async function fetchStats(token: string, dayId: string | null, signal: AbortSignal): Promise<unknown> {
  const res = await fetch(`/api/stats${dayId ? `?day=${encodeURIComponent(dayId)}` : ''}`, { headers: { Authorization: `Bearer ${token}` }, cache: 'no-store', signal })
  return res.ok ? res.json() : null
}

/** Credentials look like `kbu_…`: a prefix and 32 base64url characters. Anything else is a typo. */
const TOKEN_SHAPE = /^[a-z]{3}_[A-Za-z0-9_-]{16,180}$/
export const looksLikeToken = (value: string) => TOKEN_SHAPE.test(value)
/** The admin credential carries this prefix; it must not be left behind on a wall screen. */
export const isAdminToken = (value: string) => value.startsWith('kba_')

export interface TokenStore {
  load(): string | null
  save(token: string): void
  forget(): void
  /**
   * Takes `#token=…` from the address bar: stores it and removes it from the address (and
   * so from the history and from anyone reading over a shoulder). Returns the stored token.
   */
  adoptFromUrl(): string | null
}

/** A credential kept per page in localStorage, so a wall screen that reboots opens again by itself. */
export function tokenStore(page: string): TokenStore {
  const key = `karibu.token.${page}`
  const store: TokenStore = {
    load() {
      try {
        return localStorage.getItem(key)
      } catch {
        return null
      }
    },
    save(token) {
      try {
        localStorage.setItem(key, token)
      } catch {
        // private mode: the credential lives only as long as this page
      }
    },
    forget() {
      try {
        localStorage.removeItem(key)
      } catch {
        // nothing stored
      }
    },
    adoptFromUrl() {
      const fragment = new URLSearchParams(window.location.hash.replace(/^#/, ''))
      const token = fragment.get('token')?.trim()
      if (fragment.has('token')) {
        fragment.delete('token')
        const rest = fragment.toString()
        window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}${rest ? `#${rest}` : ''}`)
      }
      if (token && looksLikeToken(token)) store.save(token)
      return store.load()
    },
  }
  return store
}
