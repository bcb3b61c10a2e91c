// Badge codes: signed by the hub, checked offline with the public key. A flipped bit anywhere
// fails, a genuine code of another event is told apart, an older version is revoked.
import { describe, expect, it } from 'vitest'
import { createBadgeSigner, createBadgeVerifier, generateBadgeKeys } from '../../node-shared/badge-crypto.js'
import { fromBase64url, toBase64url } from '../../shared/base64url.js'
import { parseCode } from '../../shared/badges/badge-code.js'
import { identify } from '../../shared/checkin-rules.js'
import { RegistryIndex } from '../../shared/registry.js'
import { testEvent } from '../fixtures/event.js'

const keys = generateBadgeKeys()
const sign = createBadgeSigner(keys.privateKeyPem)
const verifier = createBadgeVerifier(keys.publicKey)

/** The code with one bit flipped in byte `index` (negative: from the end). */
function flipBit(code: string, index: number, bit = 0): string {
  const bytes = fromBase64url(code)!
  const i = index < 0 ? bytes.length + index : index
  bytes[i] = bytes[i]! ^ (1 << bit)
  return toBase64url(bytes)
}

const valid = (code: string) => {
  const parsed = parseCode(code)
  return parsed !== null && parsed.eventTag === verifier.eventTag && verifier.verify(parsed.signed, parsed.signature)
}

describe('badge codes', () => {
  it('round-trips: parse gives the claim back and the signature verifies', () => {
    const code = sign({ attendeeSeq: 1234, badgeVersion: 3 })
    expect(code.length).toBeLessThanOrEqual(100)
    expect(code).toMatch(/^[A-Za-z0-9_-]+$/)
    const parsed = parseCode(code)
    expect(parsed).toMatchObject({ attendeeSeq: 1234, badgeVersion: 3, eventTag: verifier.eventTag })
    expect(valid(code)).toBe(true)
  })

  it('a flipped bit in the signature fails verification', () => {
    const code = sign({ attendeeSeq: 7, badgeVersion: 1 })
    for (const [index, bit] of [
      [-1, 0],
      [-30, 5],
      [-64, 7],
    ] as const) {
      const bad = flipBit(code, index, bit)
      expect(bad).not.toBe(code)
      expect(parseCode(bad)).not.toBeNull() // still well-formed
      expect(valid(bad)).toBe(false)
    }
  })

  it('a flipped bit in the payload (attendee or version) fails verification', () => {
    const code = sign({ attendeeSeq: 7, badgeVersion: 1 })
    const otherSeq = flipBit(code, 3, 1) // the attendee seq varint: 7 → 5
    expect(parseCode(otherSeq)?.attendeeSeq).toBe(5)
    expect(valid(otherSeq)).toBe(false)
    const otherVersion = flipBit(code, 4, 1) // the version varint: 1 → 3
    expect(parseCode(otherVersion)?.badgeVersion).toBe(3)
    expect(valid(otherVersion)).toBe(false)
    expect(parseCode(flipBit(code, 0, 1))).toBeNull() // format byte
  })

  it('tells a genuine code of another event from a forged one', () => {
    let other = generateBadgeKeys()
    while (createBadgeVerifier(other.publicKey).eventTag === verifier.eventTag) other = generateBadgeKeys()
    const foreign = createBadgeSigner(other.privateKeyPem)({ attendeeSeq: 1, badgeVersion: 1 })
    const { event, attendees } = testEvent(keys.publicKey)
    const registry = new RegistryIndex(event, attendees)
    expect(identify({ code: foreign }, registry, verifier.eventTag, verifier.verify)).toEqual({ status: 'other_event' })
    expect(
      identify({ code: flipBit(sign({ attendeeSeq: 1, badgeVersion: 1 }), -2) }, registry, verifier.eventTag, verifier.verify),
    ).toEqual({ status: 'invalid' })
    expect(identify({ code: 'not-a-badge' }, registry, verifier.eventTag, verifier.verify)).toEqual({ status: 'invalid' })
  })

  it('an older version is revoked once the attendee has a newer badge; the newer one is admitted', () => {
    const { event, attendees } = testEvent(keys.publicKey)
    attendees[3]!.badgeVersion = 2
    const registry = new RegistryIndex(event, attendees)
    const old = sign({ attendeeSeq: 4, badgeVersion: 1 })
    const current = sign({ attendeeSeq: 4, badgeVersion: 2 })
    expect(valid(old)).toBe(true) // the signature is genuine: revocation is the registry's job
    expect(identify({ code: old }, registry, verifier.eventTag, verifier.verify)).toMatchObject({
      status: 'revoked',
      badgeVersion: 1,
      attendee: { id: 'A0004' },
    })
    expect(identify({ code: current }, registry, verifier.eventTag, verifier.verify)).toMatchObject({ status: 'ok', badgeVersion: 2 })
  })
})
