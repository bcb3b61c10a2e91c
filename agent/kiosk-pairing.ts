// Pairing: trading the organiser's one-time code for this kiosk's own token at a hub.
import { HttpError } from '../shared/http/contract.js'
import { PairAnswer } from '../shared/http/core.js'

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
export async function pairWithHub(
  hubUrl: string,
  code: string,
  name: string,
): Promise<{ kioskId: string; token: string; hubs: string[]; badgePublicKey: string | undefined }> {
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
  const body: unknown = await res.json().catch(() => null)
  const refusal = HttpError.safeParse(body)
  const error = refusal.success ? refusal.data.error : undefined
  if (res.status === 401 || res.status === 403 || res.status === 404 || res.status === 400)
    throw new PairingError(res.status === 404 && !error ? 'hub_unreachable' : 'code_refused', error ?? `pairing refused (${res.status})`)
  if (!res.ok) throw new PairingError('pairing_failed', error ?? `pairing failed (${res.status})`)
  // a hub from another version, or something else on that address: said plainly, not a crash later
  const paired = PairAnswer.safeParse(body)
  if (!paired.success)
    throw new PairingError(
      'pairing_failed',
      `the hub's pairing answer is not one this kiosk understands: ${paired.error.issues.map((i) => i.path.join('.') || 'body').join(', ')}`,
    )
  const { kioskId, token, hubs, event } = paired.data
  return { kioskId, token, hubs, badgePublicKey: event?.badgePublicKey }
}
