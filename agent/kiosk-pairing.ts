// Pairing: trading the organiser's one-time code for this kiosk's own token at a hub.

/** Why pairing failed, in the terms the desk officer acts on: the address, or the code. */
export class PairingError extends Error {
  constructor(
    readonly kind: 'hub_unreachable' | 'code_refused' | 'pairing_failed',
    message: string,
  ) {
    super(message)
  }
}

/** Trades a pairing code for this kiosk's own token. */
export async function pairWithHub(hubUrl: string, code: string, name: string): Promise<{ kioskId: string; token: string; hubs: string[]; badgePublicKey: string | undefined }> {
  let res: Response
  try {
    res = await fetch(new URL('/api/pair', hubUrl), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code, name }),
      signal: AbortSignal.timeout(10_000),
    })
  } catch (err) {
    throw new PairingError('hub_unreachable', `no hub answered at ${hubUrl}: ${(err as Error).message}`)
  }
  const body = (await res.json().catch(() => ({}))) as { ok?: boolean; kioskId?: string; token?: string; error?: string; hubs?: unknown; event?: { badgePublicKey?: unknown } }
  if (res.status === 401 || res.status === 403 || res.status === 404 || res.status === 400) throw new PairingError(res.status === 404 && !body.error ? 'hub_unreachable' : 'code_refused', body.error ?? `pairing refused (${res.status})`)
  if (!res.ok || !body.kioskId || !body.token) throw new PairingError('pairing_failed', body.error ?? `pairing failed (${res.status})`)
  const hubs = Array.isArray(body.hubs) ? body.hubs.filter((h): h is string => typeof h === 'string' && /^https?:\/\//.test(h)).slice(0, 16) : []
  const key = body.event?.badgePublicKey
  return { kioskId: body.kioskId, token: body.token, hubs, badgePublicKey: typeof key === 'string' ? key : undefined }
}
