// The badge QR as modules, for renderers that draw it themselves (PDF rectangles, inline SVG)
// rather than as a bitmap, so it stays sharp at any printer resolution.
import QRCode from 'qrcode'
import { withBestMask } from './qr-mask.js'

/** White modules around the symbol; the QR standard asks for at least 4. */
export const QR_QUIET_MODULES = 4

export interface QrMatrix {
  /** modules per side, without the quiet zone */
  size: number
  version: number
  dark(row: number, col: number): boolean
}

// Encoding costs about a millisecond (the mask choice); a layout and its renderer ask for the
// same code one after the other, so the last few are kept.
const recent = new Map<string, QrMatrix>()
const RECENT_MAX = 16
/** level M's two bits in the format information */
const LEVEL_M_BITS = 0b00

/**
 * Level M: survives a scuffed card (15 %) and keeps a 94-character code at version 6
 * (41 modules). One byte segment: base64url has lower case, so no denser mode applies, and
 * skipping the search for digit runs halves the encoding time.
 */
export function qrMatrix(code: string): QrMatrix {
  const known = recent.get(code)
  if (known) return known
  // made with mask 0, then given the mask qrcode's own search would pick (shared/badges/qr-mask.ts: the same symbol, faster)
  const qr = QRCode.create([{ data: new TextEncoder().encode(code), mode: 'byte' }], { errorCorrectionLevel: 'M', maskPattern: 0 })
  const { size } = qr.modules
  const { data } = withBestMask(qr.modules.data, qr.modules.reservedBit, size, LEVEL_M_BITS)
  const m: QrMatrix = { size, version: qr.version, dark: (row, col) => data[row * size + col] === 1 }
  if (recent.size >= RECENT_MAX) recent.delete(recent.keys().next().value as string)
  recent.set(code, m)
  return m
}

/** Horizontal runs of dark modules as [row, col, length]: one rectangle per run, not per module. */
export function qrRuns(m: QrMatrix): [number, number, number][] {
  const runs: [number, number, number][] = []
  for (let row = 0; row < m.size; row++) {
    let col = 0
    while (col < m.size) {
      if (!m.dark(row, col)) {
        col++
        continue
      }
      const start = col
      while (col < m.size && m.dark(row, col)) col++
      runs.push([row, start, col - start])
    }
  }
  return runs
}

/** An SVG path of the dark modules, in module units, offset by the quiet zone. */
export function qrSvgPath(m: QrMatrix, quiet = QR_QUIET_MODULES): string {
  return qrRuns(m)
    .map(([row, col, len]) => `M${col + quiet} ${row + quiet}h${len}v1h-${len}z`)
    .join('')
}
