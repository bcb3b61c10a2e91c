// The screen's session with its kiosk agent. The agent answers only a screen that was opened
// by this launch: a browser kiosk from the link the agent printed (`/kiosk#launch=…`), the
// Electron window from a token main hands over through the preload. Either token is good
// once; the agent trades it for an HttpOnly cookie this code never sees.
import { karibuBridge } from './bridge'

async function trade(launch: string): Promise<boolean> {
  const res = await fetch('/api/session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ launch }),
    credentials: 'same-origin',
  }).catch(() => null)
  return !!res?.ok
}

/** `missing`: the agent answered and does not know this page (never opened from its link, or the agent was restarted). */
export async function agentSession(): Promise<'valid' | 'missing' | 'unreachable'> {
  const res = await fetch('/api/session', { credentials: 'same-origin' }).catch(() => null)
  if (!res) return 'unreachable'
  return res.ok ? 'valid' : res.status === 401 ? 'missing' : 'unreachable'
}

let opening: Promise<boolean> | null = null

/** True once this page holds a session; false: it was not opened from the agent's link. */
export function openAgentSession(): Promise<boolean> {
  // once per page load: a remounted page must not race itself over a token that is good once
  opening ??= openNow()
  return opening
}

async function openNow(): Promise<boolean> {
  const launch = new URLSearchParams(window.location.hash.slice(1)).get('launch')
  if (launch) {
    // off the address bar and out of the history at once: the token is used up anyway
    window.history.replaceState(null, '', window.location.pathname + window.location.search)
    if (await trade(launch)) return true
  }
  if ((await agentSession()) === 'valid') return true
  const bridge = karibuBridge()
  if (bridge && typeof bridge.agentLaunch === 'function') {
    const got = await bridge.agentLaunch().catch(() => null)
    if (got?.ok && typeof got.token === 'string') return trade(got.token)
  }
  return false
}
