// Badge code layout. The hub signs, kiosks verify offline with the event's public key.
//
//   byte 0       format version (1)
//   bytes 1-2    event tag: the first two bytes of the event's public key
//   varint       attendee seq
//   varint       badge version
//   64 bytes     Ed25519 signature over everything before it
//
// base64url of ~70 bytes is 94 characters. Ed25519 signatures cannot be shortened, and a
// shorter MAC would put a forging key on every kiosk; README explains the trade.
import { fromBase64url, toBase64url } from '../base64url.js'

export const CODE_FORMAT = 1
export const SIGNATURE_BYTES = 64
export const MAX_CODE_LENGTH = 120

export interface BadgeClaim {
  attendeeSeq: number
  badgeVersion: number
}

export interface ParsedCode extends BadgeClaim {
  eventTag: number
  signed: Uint8Array
  signature: Uint8Array
}

export function eventTagOf(publicKey: Uint8Array): number {
  return (publicKey[0]! << 8) | publicKey[1]!
}

/** Unsigned LEB128, as badge and certificate codes carry their numbers (short for small ones). */
export function writeVarint(n: number, out: number[]) {
  while (n >= 0x80) {
    out.push((n & 0x7f) | 0x80)
    n = Math.floor(n / 128)
  }
  out.push(n)
}

/** The number at `at` and the index after it, or null when the bytes end first (at most 5 bytes). */
export function readVarint(bytes: Uint8Array, at: number): [number, number] | null {
  let n = 0
  let mul = 1
  for (let i = at; i < bytes.length && i < at + 5; i++) {
    n += (bytes[i]! & 0x7f) * mul
    if ((bytes[i]! & 0x80) === 0) return [n, i + 1]
    mul *= 128
  }
  return null
}

/** The bytes the hub signs. */
export function codePayload(eventTag: number, claim: BadgeClaim): Uint8Array {
  const out = [CODE_FORMAT, (eventTag >> 8) & 0xff, eventTag & 0xff]
  writeVarint(claim.attendeeSeq, out)
  writeVarint(claim.badgeVersion, out)
  return Uint8Array.from(out)
}

export function encodeCode(payload: Uint8Array, signature: Uint8Array): string {
  const all = new Uint8Array(payload.length + signature.length)
  all.set(payload)
  all.set(signature, payload.length)
  return toBase64url(all)
}

/** Structural parse only; the signature is checked by the caller. Null means garbled. */
export function parseCode(text: string): ParsedCode | null {
  const code = text.trim()
  if (code.length === 0 || code.length > MAX_CODE_LENGTH) return null
  const bytes = fromBase64url(code)
  if (!bytes || bytes.length < 3 + 2 + SIGNATURE_BYTES || bytes[0] !== CODE_FORMAT) return null
  const seq = readVarint(bytes, 3)
  if (!seq) return null
  const version = readVarint(bytes, seq[1])
  if (!version || version[1] !== bytes.length - SIGNATURE_BYTES) return null
  return {
    eventTag: (bytes[1]! << 8) | bytes[2]!,
    attendeeSeq: seq[0],
    badgeVersion: version[0],
    signed: bytes.subarray(0, version[1]),
    signature: bytes.subarray(version[1]),
  }
}
