// The QR mask choice, done as the qrcode package does it (same 8 masks, same penalty rules,
// same tie-break), on flat arrays: qrcode's own search reads every module through function
// calls and was half the time of drawing a badge. tests/unit/qr-mask.test.ts checks that the
// symbol comes out identical to qrcode's own, module for module and mask for mask.

const N1 = 3
const N2 = 3
const N3 = 40
const N4 = 10

/** Whether mask `p` flips the module at (row i, column j): ISO 18004's table, as qrcode writes it. */
function maskAt(p: number, i: number, j: number): boolean {
  switch (p) {
    case 0:
      return (i + j) % 2 === 0
    case 1:
      return i % 2 === 0
    case 2:
      return j % 3 === 0
    case 3:
      return (i + j) % 3 === 0
    case 4:
      return (Math.floor(i / 2) + Math.floor(j / 3)) % 2 === 0
    case 5:
      return ((i * j) % 2) + ((i * j) % 3) === 0
    case 6:
      return (((i * j) % 2) + ((i * j) % 3)) % 2 === 0
    default:
      return (((i * j) % 3) + ((i + j) % 2)) % 2 === 0
  }
}

const G15 = 0b10100110111
const G15_MASK = 0b101010000010010

/** The 15 format bits for error correction level `eclBits` (M = 0b00) and mask `p`, with their BCH code. */
export function formatBits(eclBits: number, p: number): number {
  const data = (eclBits << 3) | p
  let d = data << 10
  const deg = (x: number) => 31 - Math.clz32(x)
  while (deg(d) - deg(G15) >= 0) d ^= G15 << (deg(d) - deg(G15))
  return ((data << 10) | d) ^ G15_MASK
}

/** Writes the format bits where qrcode's setupFormatInfo puts them. */
function setFormat(m: Uint8Array, size: number, bits: number) {
  for (let i = 0; i < 15; i++) {
    const mod = (bits >> i) & 1
    if (i < 6) m[i * size + 8] = mod
    else if (i < 8) m[(i + 1) * size + 8] = mod
    else m[(size - 15 + i) * size + 8] = mod
    if (i < 8) m[8 * size + (size - i - 1)] = mod
    else if (i < 9) m[8 * size + (15 - i)] = mod
    else m[8 * size + (15 - i - 1)] = mod
  }
  m[(size - 8) * size + 8] = 1
}

/** N1 (runs of five or more of one colour) and N3 (the 1:1:3:1:1 finder-like pattern) along each row of `m`. */
function linePenalty(m: Uint8Array, size: number): number {
  let points = 0
  for (let a = 0, at = 0; a < size; a++) {
    let run = 0
    let last = -1
    let bits = 0
    for (let b = 0; b < size; b++, at++) {
      const v = m[at]!
      if (v === last) run++
      else {
        if (run >= 5) points += N1 + run - 5
        last = v
        run = 1
      }
      bits = ((bits << 1) & 0x7ff) | v
      if (b >= 10 && (bits === 0x5d0 || bits === 0x05d)) points += N3
    }
    if (run >= 5) points += N1 + run - 5
  }
  return points
}

function penalty(m: Uint8Array, t: Uint8Array, size: number): number {
  // columns as rows of the transpose: both directions read memory in order
  for (let row = 0; row < size; row++) for (let col = 0; col < size; col++) t[col * size + row] = m[row * size + col]!
  let points = linePenalty(m, size) + linePenalty(t, size)
  // N2: 2×2 blocks of one colour
  let blocks = 0
  for (let row = 0; row < size - 1; row++) {
    const up = row * size
    const down = up + size
    for (let col = 0; col < size - 1; col++) {
      const s = m[up + col]! + m[up + col + 1]! + m[down + col]! + m[down + col + 1]!
      if (s === 4 || s === 0) blocks++
    }
  }
  points += blocks * N2
  // N4: how far the share of dark modules is from half
  let dark = 0
  for (let i = 0; i < m.length; i++) dark += m[i]!
  points += Math.abs(Math.ceil((dark * 100) / m.length / 5) - 10) * N4
  return points
}

/** Per size, for each mask, the modules it flips (reserved modules never flip). */
const flipsBySize = new Map<number, { reserved: Uint8Array; flips: Uint8Array[] }>()

function flipsFor(reserved: Uint8Array, size: number): Uint8Array[] {
  const known = flipsBySize.get(size)
  // the reserved modules depend on the version alone, which the size names; compared anyway
  if (known && known.reserved.every((r, i) => r === reserved[i])) return known.flips
  const flips = Array.from({ length: 8 }, (_, p) => {
    const f = new Uint8Array(size * size)
    for (let row = 0; row < size; row++)
      for (let col = 0; col < size; col++) if (!reserved[row * size + col] && maskAt(p, row, col)) f[row * size + col] = 1
    return f
  })
  flipsBySize.set(size, { reserved: new Uint8Array(reserved), flips })
  return flips
}

/**
 * Given a symbol qrcode made with mask 0 (`data`, and which modules are `reserved`), the
 * symbol with the mask qrcode would have chosen, and that mask.
 */
export function withBestMask(data: Uint8Array, reserved: Uint8Array, size: number, eclBits: number): { data: Uint8Array; mask: number } {
  const flips = flipsFor(reserved, size)
  const plain = new Uint8Array(size * size)
  const zero = flips[0]!
  for (let i = 0; i < plain.length; i++) plain[i] = data[i]! ^ zero[i]!
  const t = new Uint8Array(size * size)
  let best: Uint8Array = data
  let bestMask = 0
  let lowest = Infinity
  for (let p = 0; p < 8; p++) {
    const m = new Uint8Array(size * size)
    const flip = flips[p]!
    for (let i = 0; i < m.length; i++) m[i] = plain[i]! ^ flip[i]!
    setFormat(m, size, formatBits(eclBits, p))
    const points = penalty(m, t, size)
    if (points < lowest) {
      lowest = points
      best = m
      bestMask = p
    }
  }
  return { data: best, mask: bestMask }
}
