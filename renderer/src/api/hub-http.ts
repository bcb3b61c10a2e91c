// The hub over plain HTTP, for what must not wait for the Socket.IO client to load and connect.
import { looksLikeToken, tokenStore } from './tokens'

/**
 * One answer over plain HTTP, `GET /api/stats`: it needs one round trip where the socket's
 * handshake and first question need three or four, so a phone on slow Wi-Fi shows figures
 * while its socket is still connecting. Anything but a 200 with JSON is null.
 */
export async function fetchStats(token: string, dayId: string | null, signal?: AbortSignal): Promise<unknown> {
  const res = await fetch(`/api/stats${dayId ? `?day=${encodeURIComponent(dayId)}` : ''}`, {
    headers: { Authorization: `Bearer ${token}` },
    cache: 'no-store',
    signal,
  })
  return res.ok ? res.json() : null
}

const early = new Map<string, Promise<unknown>>()

/**
 * Called by the app's entry on /dashboard before anything else: the first figures travel while
 * the page's code is still loading (on slow Wi-Fi, half a second or more). The credential is the
 * one in the link or the one stored; the page itself adopts it as before.
 */
export function askForStatsEarly() {
  const inLink = new URLSearchParams(window.location.hash.replace(/^#/, '')).get('token')?.trim()
  const token = inLink && looksLikeToken(inLink) ? inLink : tokenStore('dashboard').load()
  if (token)
    early.set(
      token,
      fetchStats(token, null).catch(() => null),
    )
}

/** The answer asked for early with this credential, once; null if none was asked. */
export function takeEarlyStats(token: string): Promise<unknown> | null {
  const answer = early.get(token) ?? null
  early.delete(token)
  return answer
}
