// The browser's way to the hub: a typed Socket.IO client on the page's own origin (the hub serves
// the pages); its plain HTTP questions (hub-http.ts) and the credential a page was opened with
// (tokens.ts) live apart, so a page's first code can use them without the Socket.IO client.
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

export { fetchStats } from './hub-http'
export { isAdminToken, looksLikeToken, tokenStore, type TokenStore } from './tokens'
