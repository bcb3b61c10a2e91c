// Bearer tokens for every role. Only hashes are stored (sha256: the tokens are 256-bit
// random, so a slow hash adds nothing), except usher tokens, which are read-only and are
// shown again as a QR for phones.
import { createHash, randomBytes, randomInt } from 'node:crypto'
import type { Role } from '../../shared/domain.js'
import type { Credential } from '../store/registry-data.js'

export const newToken = (prefix: string) => `${prefix}_${randomBytes(24).toString('base64url')}`
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')
export const newId = (prefix: string) => `${prefix}-${randomBytes(4).toString('hex')}`

export function newCredential(role: Role, label: string, now: Date, id = newId(role)): { credential: Credential; token: string } {
  const token = newToken(role === 'admin' ? 'kba' : role === 'usher' ? 'kbu' : 'kbk')
  const credential: Credential = { id, role, label, tokenHash: hashToken(token), createdAt: now.toISOString() }
  if (role === 'usher') credential.token = token
  return { credential, token }
}

/** Six characters a person can read aloud and type on a kiosk: no 0/O, 1/I/L. */
export function newPairingCode(): string {
  const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
  let code = ''
  for (let i = 0; i < 6; i++) code += alphabet[randomInt(alphabet.length)]
  return code
}

export interface Principal {
  role: Role
  id: string
}

export class CredentialIndex {
  private byHash = new Map<string, Credential>()

  constructor(credentials: Iterable<Credential>) {
    for (const c of credentials) this.put(c)
  }

  put(c: Credential) {
    this.byHash.set(c.tokenHash, c)
  }

  authenticate(token: unknown): Principal | null {
    if (typeof token !== 'string' || token.length < 10 || token.length > 200) return null
    const c = this.byHash.get(hashToken(token))
    if (!c || c.revokedAt) return null
    return { role: c.role, id: c.id }
  }
}
