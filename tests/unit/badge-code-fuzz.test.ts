// Badge codes, fuzzed against the real signer and verifier: whatever a scanner reads (random
// bytes, long garbage, a genuine code with one bit flipped, another key's code), the rules
// never throw and never admit it.
import { createPrivateKey, sign as edSign } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createBadgeSigner, createBadgeVerifier, generateBadgeKeys } from '../../node-shared/badge-crypto.js'
import { fromBase64url, toBase64url } from '../../shared/base64url.js'
import { codePayload, encodeCode, parseCode, SIGNATURE_BYTES } from '../../shared/badges/badge-code.js'
import { identify } from '../../shared/checkin-rules.js'
import { RegistryIndex } from '../../shared/registry.js'
import { testEvent } from '../fixtures/event.js'

const keys = generateBadgeKeys()
const sign = createBadgeSigner(keys.privateKeyPem)
const verifier = createBadgeVerifier(keys.publicKey)
const { event, attendees } = testEvent(keys.publicKey)
const registry = new RegistryIndex(event, attendees)
const status = (code: string) => identify({ code }, registry, verifier.eventTag, verifier.verify).status

/** other events' keys; at most one in 65,536 shares our tag, and then its codes are forgeries */
const others = Array.from({ length: 4 }, () => generateBadgeKeys())

/** claims of attendees in the registry (seq 1-10, badge version 1 current): genuine codes admit */
const claim = fc.record({ attendeeSeq: fc.integer({ min: 1, max: 10 }), badgeVersion: fc.integer({ min: 1, max: 300 }) })
const REFUSED = ['invalid', 'other_event']

describe('badge codes, fuzzed', () => {
  it('random bytes as base64url: never admitted; other_event only for a well-formed code with another tag', () => {
    // half of them shaped like a code of this event (format 1, our tag, seq, version, 64 bytes)
    const shaped = fc
      .tuple(claim, fc.uint8Array({ minLength: SIGNATURE_BYTES, maxLength: SIGNATURE_BYTES }))
      .map(([c, sig]) => Uint8Array.from([...codePayload(verifier.eventTag, c), ...sig]))
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 200 }), shaped), (bytes) => {
        const code = toBase64url(bytes)
        const s = status(code)
        expect(REFUSED).toContain(s)
        const parsed = parseCode(code)
        if (s === 'other_event') expect(parsed !== null && parsed.eventTag !== verifier.eventTag).toBe(true)
        if (parsed?.eventTag === verifier.eventTag) expect(s).toBe('invalid')
      }),
      { numRuns: 2000 },
    )
  })

  it('random strings up to 10,000 characters: never throw, never admitted, garbage is invalid', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 10_000 }),
      fc.string({ minLength: 121, maxLength: 10_000, size: 'max' }),
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=+/ \n\t'), maxLength: 200 }),
    )
    fc.assert(
      fc.property(text, (code) => {
        const parsed = parseCode(code)
        const s = status(code)
        expect(REFUSED).toContain(s)
        if (parsed === null || code.trim().length > 120) expect(s).toBe('invalid')
      }),
      { numRuns: 500 },
    )
  })

  it('a genuine code with any one bit flipped is refused: other_event if the flip is in the event tag, else invalid', () => {
    fc.assert(
      fc.property(claim, fc.nat(), (c, at) => {
        const code = sign(c)
        expect(status(code)).toBe('ok') // the unflipped code admits: the flip is what is refused
        const bytes = fromBase64url(code)!
        const bit = at % (bytes.length * 8)
        bytes[bit >> 3] = bytes[bit >> 3]! ^ (1 << (bit & 7))
        const s = status(toBase64url(bytes))
        const inTag = bit >> 3 === 1 || bit >> 3 === 2
        expect(s).toBe(inTag ? 'other_event' : 'invalid')
      }),
      { numRuns: 1500 },
    )
  })

  it('a genuine code with one bit of one character flipped is never admitted', () => {
    fc.assert(
      fc.property(claim, fc.nat(), fc.integer({ min: 0, max: 15 }), (c, at, bit) => {
        const code = sign(c)
        const i = at % code.length
        const flipped = code.slice(0, i) + String.fromCharCode(code.charCodeAt(i) ^ (1 << bit)) + code.slice(i + 1)
        expect(REFUSED).toContain(status(flipped))
      }),
      { numRuns: 1000 },
    )
  })

  it('codes signed with another key: other_event for another event, invalid when they claim ours', () => {
    fc.assert(
      fc.property(claim, fc.constantFrom(...others), (c, other) => {
        const foreign = createBadgeSigner(other.privateKeyPem)(c)
        const otherTag = createBadgeVerifier(other.publicKey).eventTag
        expect(status(foreign)).toBe(otherTag === verifier.eventTag ? 'invalid' : 'other_event')
        // a forgery: this event's tag and claim, signed with the other key
        const payload = codePayload(verifier.eventTag, c)
        const forged = encodeCode(payload, new Uint8Array(edSign(null, payload, createPrivateKey(other.privateKeyPem))))
        expect(parseCode(forged)).toMatchObject({ ...c, eventTag: verifier.eventTag })
        expect(status(forged)).toBe('invalid')
      }),
      { numRuns: 300 },
    )
  })

  it('a signature of the wrong length, or a code with bytes appended, is invalid', () => {
    fc.assert(
      fc.property(claim, fc.uint8Array({ minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 63 }), (c, extra, cut) => {
        const bytes = fromBase64url(sign(c))!
        expect(status(toBase64url(Uint8Array.from([...bytes, ...extra])))).toBe('invalid')
        expect(status(toBase64url(bytes.subarray(0, bytes.length - cut)))).toBe('invalid')
      }),
      { numRuns: 500 },
    )
  })
})
