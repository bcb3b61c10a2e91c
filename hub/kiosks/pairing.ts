// Kiosk pairing: an organiser makes a short code (shown as text and QR), a kiosk trades it
// for its own token. Codes are single-use and expire.
import type { PairRequest } from '../../shared/http/core.js'
import type { EventInfo } from '../../shared/domain.js'
import { hashToken, newCredential, newId, newPairingCode } from '../auth/credentials.js'
import type { EventStore } from '../store/event-store.js'
import type { RegistryData } from '../store/registry-data.js'

export { PairRequest } from '../../shared/http/core.js'

export interface Paired {
  kioskId: string
  token: string
  event: EventInfo
}

export async function createPairingCode(store: EventStore, validMinutes: number): Promise<{ code: string; expiresAt: string }> {
  const code = newPairingCode()
  const now = store.now().getTime()
  const expiresAt = new Date(now + validMinutes * 60_000).toISOString()
  await store.updateRegistry((data) => {
    data.pairingCodes = data.pairingCodes.filter((p) => Date.parse(p.expiresAt) > now)
    data.pairingCodes.push({ codeHash: hashToken(code), expiresAt })
  })
  return { code, expiresAt }
}

class CodeTaken extends Error {}

export async function pairKiosk(store: EventStore, request: PairRequest): Promise<Paired | null> {
  const now = store.now()
  const hash = hashToken(request.code)
  const valid = (data: RegistryData) => data.pairingCodes.some((p) => p.codeHash === hash && Date.parse(p.expiresAt) > now.getTime())
  // a code made on another hub a moment ago: catch up before refusing it
  if (
    !valid(store.data) &&
    !(await store.refresh().then(
      () => valid(store.data),
      () => false,
    ))
  )
    return null
  const kioskId = newId('kiosk')
  const { credential, token } = newCredential('kiosk', request.name, now, kioskId)
  try {
    await store.updateRegistry((data) => {
      // checked again on the registry as stored: two hubs taking one code at once pair one kiosk
      if (!valid(data)) throw new CodeTaken()
      data.pairingCodes = data.pairingCodes.filter((p) => p.codeHash !== hash)
      data.kiosks.push({ id: kioskId, name: request.name, pairedAt: now.toISOString() })
      data.credentials.push(credential)
    })
  } catch (err) {
    if (err instanceof CodeTaken) return null
    throw err
  }
  return { kioskId, token, event: store.data.event }
}

export async function revokeKiosk(store: EventStore, kioskId: string): Promise<boolean> {
  if (!store.data.kiosks.some((k) => k.id === kioskId && !k.revokedAt)) return false
  const at = store.now().toISOString()
  await store.updateRegistry((data) => {
    for (const k of data.kiosks) if (k.id === kioskId) k.revokedAt = at
    for (const c of data.credentials) if (c.id === kioskId) c.revokedAt = at
  })
  return true
}
