// Ed25519 for badge codes, with node:crypto. The hub holds the private key; kiosks get only
// the public key, so a stolen kiosk cannot mint badges.
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto'
import { fromBase64url, toBase64url } from '../shared/base64url.js'
import { codePayload, encodeCode, eventTagOf, type BadgeClaim } from '../shared/badges/badge-code.js'
import type { VerifySignature } from '../shared/checkin-rules.js'

// DER prefix of an Ed25519 SubjectPublicKeyInfo; the raw 32-byte key follows it.
const SPKI_ED25519 = Buffer.from('302a300506032b6570032100', 'hex')

export function generateBadgeKeys(): { privateKeyPem: string; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519')
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKey: rawPublicKey(publicKey),
  }
}

function rawPublicKey(key: KeyObject): string {
  const der = key.export({ type: 'spki', format: 'der' })
  return toBase64url(new Uint8Array(der.subarray(SPKI_ED25519.length)))
}

export function publicKeyOfPem(privateKeyPem: string): string {
  return rawPublicKey(createPublicKey(createPrivateKey(privateKeyPem)))
}

export function eventTagOfKey(publicKey: string): number {
  const raw = fromBase64url(publicKey)
  if (!raw || raw.length !== 32) throw new Error('badge public key must be 32 bytes of base64url')
  return eventTagOf(raw)
}

export function createBadgeSigner(privateKeyPem: string) {
  const key = createPrivateKey(privateKeyPem)
  const tag = eventTagOfKey(publicKeyOfPem(privateKeyPem))
  return (claim: BadgeClaim): string => {
    const payload = codePayload(tag, claim)
    return encodeCode(payload, new Uint8Array(sign(null, payload, key)))
  }
}

export function createBadgeVerifier(publicKey: string): { eventTag: number; verify: VerifySignature } {
  const raw = fromBase64url(publicKey)
  if (!raw || raw.length !== 32) throw new Error('badge public key must be 32 bytes of base64url')
  const key = createPublicKey({ key: Buffer.concat([SPKI_ED25519, raw]), format: 'der', type: 'spki' })
  return {
    eventTag: eventTagOf(raw),
    verify: (signed, signature) => {
      try {
        return verify(null, signed, key, signature)
      } catch {
        return false
      }
    },
  }
}
