// The badge QR's own mask choice gives the symbol qrcode itself makes: same mask, same modules.
import fc from 'fast-check'
import QRCode from 'qrcode'
import { describe, expect, it } from 'vitest'
import { qrMatrix } from '../../shared/badges/badge-qr.js'
import { formatBits } from '../../shared/badges/qr-mask.js'

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

function qrcodeOwn(code: string) {
  return QRCode.create([{ data: new TextEncoder().encode(code), mode: 'byte' }], { errorCorrectionLevel: 'M' })
}

function same(code: string) {
  const own = qrcodeOwn(code)
  const ours = qrMatrix(code)
  expect(ours.size).toBe(own.modules.size)
  const size = own.modules.size
  const diff: [number, number][] = []
  for (let row = 0; row < size; row++)
    for (let col = 0; col < size; col++) if (ours.dark(row, col) !== (own.modules.data[row * size + col] === 1)) diff.push([row, col])
  expect(diff).toEqual([])
}

describe('the badge QR mask', () => {
  it('writes the format bits of the QR standard (level M, mask 5: 100000011001110)', () => {
    expect(formatBits(0b00, 5).toString(2).padStart(15, '0')).toBe('100000011001110')
  })

  it('is the symbol qrcode makes, for badge codes of every length and for certificate links', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...BASE64URL), minLength: 1, maxLength: 140 }), (code) => same(code)),
      { numRuns: 400 },
    )
    same('https://karibu.example/c/ABCDEFGHIJKLMNOPQRSTUV')
  })

  it('covers every one of the eight masks', () => {
    const seen = new Set<number>()
    for (let i = 0; seen.size < 8 && i < 2000; i++) {
      const code = `K1${i.toString(36).padStart(6, '0')}${'x'.repeat(i % 90)}`
      seen.add(qrcodeOwn(code).maskPattern!)
      same(code)
    }
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7])
  })
})
