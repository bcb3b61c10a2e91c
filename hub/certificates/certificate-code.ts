// The code a certificate's QR carries, signed with the event's Ed25519 key like badge codes:
//
//   byte 0       format: 0x43 ("C"), never a badge code's 1, so neither passes for the other
//   bytes 1-2    event tag (the first two bytes of the event's public key)
//   varint       attendee seq
//   varint       days attended, as a bit mask over the event's days in order
//   64 bytes     Ed25519 signature over everything before it
//
// The certificate number printed in text is the attendee's seq and the signature's first 5
// bytes in base32: short enough to read out, and a forged number does not match.
import { createBadgeVerifier } from '../../node-shared/badge-crypto.js'
import { fromBase64url, toBase64url } from '../../shared/base64url.js'
import { readVarint, SIGNATURE_BYTES, writeVarint } from '../../shared/badges/badge-code.js'

export const CERTIFICATE_FORMAT = 0x43
export const MAX_CERTIFICATE_CODE = 160

export interface CertificateClaim {
  attendeeSeq: number
  /** bit i set: present on the event's day i */
  daysMask: number
}

export function certificatePayload(eventTag: number, claim: CertificateClaim): Uint8Array {
  const out = [CERTIFICATE_FORMAT, (eventTag >> 8) & 0xff, eventTag & 0xff]
  writeVarint(claim.attendeeSeq, out)
  writeVarint(claim.daysMask, out)
  return Uint8Array.from(out)
}

// Crockford's base32: no I, L, O or U, so a number read aloud or typed is not misread
const BASE32 = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
function base32(bytes: Uint8Array): string {
  let out = ''
  let acc = 0
  let bits = 0
  for (const b of bytes) {
    acc = (acc << 8) | b
    bits += 8
    while (bits >= 5) {
      bits -= 5
      out += BASE32[(acc >> bits) & 31]!
    }
  }
  return out
}

/** "KRB-0042-7XQ2-9KD4": the attendee's seq and 8 characters of the signature. */
export function certificateNumber(claim: CertificateClaim, signature: Uint8Array): string {
  const tail = base32(signature.subarray(0, 5))
  return `KRB-${String(claim.attendeeSeq).padStart(4, '0')}-${tail.slice(0, 4)}-${tail.slice(4, 8)}`
}

export interface SignedCertificate {
  code: string
  number: string
}

export function signCertificate(sign: (bytes: Uint8Array) => Uint8Array, eventTag: number, claim: CertificateClaim): SignedCertificate {
  const payload = certificatePayload(eventTag, claim)
  const signature = sign(payload)
  const all = new Uint8Array(payload.length + signature.length)
  all.set(payload)
  all.set(signature, payload.length)
  return { code: toBase64url(all), number: certificateNumber(claim, signature) }
}

export type Verdict = { genuine: true; claim: CertificateClaim; number: string } | { genuine: false }

/** Genuine only when the code parses, names this event and carries the event key's signature. */
export function verifyCertificate(publicKey: string, code: string): Verdict {
  const text = code.trim()
  if (text.length === 0 || text.length > MAX_CERTIFICATE_CODE) return { genuine: false }
  const bytes = fromBase64url(text)
  if (!bytes || bytes.length < 3 + 2 + SIGNATURE_BYTES || bytes[0] !== CERTIFICATE_FORMAT) return { genuine: false }
  const seq = readVarint(bytes, 3)
  const mask = seq && readVarint(bytes, seq[1])
  if (!seq || !mask || mask[1] !== bytes.length - SIGNATURE_BYTES) return { genuine: false }
  const verifier = createBadgeVerifier(publicKey)
  if (((bytes[1]! << 8) | bytes[2]!) !== verifier.eventTag) return { genuine: false }
  const signed = bytes.subarray(0, mask[1])
  const signature = bytes.subarray(mask[1])
  if (!verifier.verify(signed, signature)) return { genuine: false }
  const claim = { attendeeSeq: seq[0], daysMask: mask[0] }
  return { genuine: true, claim, number: certificateNumber(claim, signature) }
}

const NUMBER = /^KRB-(\d{1,10})-([0-9A-Z]{4})-([0-9A-Z]{4})$/

/** A typed number as printed: spaces dropped, lower case and Crockford's look-alikes (O, I, L) read as meant. */
export function normaliseNumber(typed: string): string {
  return typed
    .trim()
    .toUpperCase()
    .replace(/\s+/g, '')
    .replace(/[–—]/g, '-')
    .replace(/^KRB-?/, 'KRB-')
    .replace(/(?<=-[0-9A-Z]*)[O]/g, '0')
    .replace(/(?<=-[0-9A-Z]*)[IL]/g, '1')
}

/**
 * Checks a certificate number typed by hand (no QR scanner at hand): Ed25519 signatures are
 * deterministic, so the hub signs again every day mask the number could stand for (the days
 * the person was present, and every subset of them) and compares. Null: not genuine.
 */
export function verifyNumber(
  sign: (bytes: Uint8Array) => Uint8Array,
  eventTag: number,
  typed: string,
  presentMask: (seq: number) => number | null,
): { claim: CertificateClaim; number: string } | null {
  const number = normaliseNumber(typed)
  const m = NUMBER.exec(number)
  if (!m) return null
  const seq = Number(m[1])
  const present = presentMask(seq)
  if (present === null) return null
  const bits = [...Array(31).keys()].filter((i) => (present & (1 << i)) !== 0)
  // 2^days signatures: bounded, an event has a handful of days
  if (bits.length > 10) return null
  for (let subset = 1; subset < 1 << bits.length; subset++) {
    let mask = 0
    bits.forEach((b, i) => {
      if (subset & (1 << i)) mask |= 1 << b
    })
    const claim = { attendeeSeq: seq, daysMask: mask }
    const signed = signCertificate(sign, eventTag, claim)
    if (signed.number === number) return { claim, number }
  }
  return null
}
