// How a re-paired kiosk proves that records filed under its previous kiosk id are its own.
// The hub keeps only sha256(token) of every kiosk token, the kiosk keeps the token itself:
// the proof is an HMAC keyed with that hash over the kiosk's *new* id. The hub can check it,
// and a hub that receives it (even a rogue one) learns neither the old token nor its hash,
// and cannot use the proof for any other kiosk.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto'

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex')

export function previousIdentityProof(previousToken: string, currentKioskId: string): string {
  return proofWithHash(tokenHash(previousToken), currentKioskId)
}

/** `storedHash`: the hub's sha256 hex of the previous kiosk's token. */
export function checkPreviousIdentityProof(proof: string, storedHash: string, currentKioskId: string): boolean {
  const want = Buffer.from(proofWithHash(storedHash, currentKioskId), 'base64url')
  const got = Buffer.from(proof, 'base64url')
  return got.length === want.length && timingSafeEqual(got, want)
}

function proofWithHash(hash: string, currentKioskId: string): string {
  return createHmac('sha256', hash).update(`karibu-previous-kiosk:${currentKioskId}`).digest('base64url')
}
