// What a label printer would print, turned back into an image: the ZPL a Zebra gets (the
// ~DG graphic CUPS's rastertolabel sends), the raster lines of a Brother QL (ptouch driver) or
// a DYMO LabelWriter. Each decoder follows the printer's own command set, so a driver that sent
// a blank, scaled or cropped label decodes to exactly that.
import { writeFile } from 'node:fs/promises'
import { PNG } from 'pngjs'

export interface Bitmap {
  /** dots */
  width: number
  height: number
  /** one byte per dot: 1 black */
  dots: Uint8Array
}

export function blackAt(b: Bitmap, x: number, y: number): boolean {
  const xi = Math.round(x)
  const yi = Math.round(y)
  return xi >= 0 && yi >= 0 && xi < b.width && yi < b.height && b.dots[yi * b.width + xi] === 1
}

function fromRows(rows: Uint8Array[], bytesPerRow: number): Bitmap {
  const width = bytesPerRow * 8
  const dots = new Uint8Array(width * rows.length)
  rows.forEach((row, y) => {
    for (let x = 0; x < width; x++) dots[y * width + x] = (row[x >> 3]! >> (7 - (x & 7))) & 1
  })
  return { width, height: rows.length, dots }
}

const HEX = '0123456789ABCDEF'

/**
 * ZPL's ~DG graphic in its compressed hex: G–Y repeat the next digit 1–19 times, g–z 20–400
 * times (counts add up), ',' ends the row with 0s, '!' with 1s, ':' repeats the row before.
 */
export function decodeZplGraphic(zpl: string): { bitmap: Bitmap; printWidth: number | null } {
  const head = /~DG[^,]*,(\d+),(\d+),/.exec(zpl)
  if (!head) throw new Error('no ~DG graphic in the ZPL')
  const total = Number(head[1])
  const bpr = Number(head[2])
  const nibblesPerRow = bpr * 2
  const start = head.index + head[0].length
  const end = zpl.slice(start).search(/[\^~]/)
  const data = zpl.slice(start, end < 0 ? undefined : start + end)
  const rows: Uint8Array[] = []
  let nibbles: number[] = []
  let repeat = 0
  const endRow = () => {
    const row = new Uint8Array(bpr)
    for (let i = 0; i < bpr; i++) row[i] = ((nibbles[2 * i] ?? 0) << 4) | (nibbles[2 * i + 1] ?? 0)
    rows.push(row)
    nibbles = []
  }
  for (const ch of data) {
    if (ch === '\r' || ch === '\n' || ch === ' ') continue
    if (ch >= 'G' && ch <= 'Y') repeat += ch.charCodeAt(0) - 'G'.charCodeAt(0) + 1
    else if (ch >= 'g' && ch <= 'z') repeat += (ch.charCodeAt(0) - 'g'.charCodeAt(0) + 1) * 20
    else if (ch === ',' || ch === '!') {
      while (nibbles.length < nibblesPerRow) nibbles.push(ch === ',' ? 0 : 15)
      endRow()
    } else if (ch === ':') {
      if (nibbles.length > 0) throw new Error('":" inside a row')
      rows.push(new Uint8Array(rows[rows.length - 1] ?? new Uint8Array(bpr)))
    } else {
      const v = HEX.indexOf(ch.toUpperCase())
      if (v < 0) throw new Error(`unexpected ${JSON.stringify(ch)} in the ~DG data`)
      for (let i = 0; i < Math.max(1, repeat); i++) nibbles.push(v)
      repeat = 0
      while (nibbles.length >= nibblesPerRow) {
        const rest = nibbles.slice(nibblesPerRow)
        nibbles = nibbles.slice(0, nibblesPerRow)
        endRow()
        nibbles = rest
      }
    }
  }
  if (rows.length * bpr !== total) throw new Error(`~DG says ${total} bytes, the data holds ${rows.length * bpr}`)
  const pw = /\^PW(\d+)/.exec(zpl)
  return { bitmap: fromRows(rows, bpr), printWidth: pw ? Number(pw[1]) : null }
}

export async function writePng(b: Bitmap, path: string, scale = 1): Promise<void> {
  const png = new PNG({ width: b.width * scale, height: b.height * scale })
  for (let y = 0; y < png.height; y++)
    for (let x = 0; x < png.width; x++) {
      const v = b.dots[Math.floor(y / scale) * b.width + Math.floor(x / scale)] ? 0 : 255
      const i = (y * png.width + x) * 4
      png.data[i] = png.data[i + 1] = png.data[i + 2] = v
      png.data[i + 3] = 255
    }
  await writeFile(path, PNG.sync.write(png))
}

/**
 * A Brother QL job (ptouch driver): ESC i z carries the media (width and length in mm, 0 for a
 * continuous roll), then one `g 0x00 n` + n bytes per raster line, 'Z' for a blank one, and
 * 0x1A (print) or 0x0C (next page). The QL's lines run right to left: mirrored back here.
 */
export function decodePtouchQl(job: Buffer): { bitmap: Bitmap; mediaWidthMm: number; mediaLengthMm: number; pages: number } {
  let i = 0
  while (i < job.length && job[i] === 0) i++ // the invalidate preamble
  const rows: Uint8Array[] = []
  let media = { width: 0, length: 0 }
  let bytesPerLine = 90
  let pages = 0
  while (i < job.length) {
    const c = job[i]!
    if (c === 0x1b) {
      const cmd = String.fromCharCode(job[i + 1]!)
      if (cmd === '@') i += 2
      else if (cmd === 'i') {
        const sub = String.fromCharCode(job[i + 2]!)
        if (sub === 'z') {
          media = { width: job[i + 5]!, length: job[i + 6]! }
          i += 13
        } else if (sub === 'd') i += 5
        else if (sub === 'S') i += 3
        else i += 4 // iM, iK, iA, ia: one parameter byte
      } else throw new Error(`unknown ESC ${JSON.stringify(cmd)} in the QL job at ${i}`)
    } else if (c === 0x67 || c === 0x47) {
      const n = c === 0x67 ? job[i + 2]! : job[i + 1]! | (job[i + 2]! << 8)
      bytesPerLine = n
      rows.push(job.subarray(i + 3, i + 3 + n))
      i += 3 + n
    } else if (c === 0x5a) {
      rows.push(new Uint8Array(bytesPerLine))
      i++
    } else if (c === 0x4d)
      i += 2 // compression mode: this driver sends none
    else if (c === 0x1a || c === 0x0c) {
      pages++
      i++
      if (c === 0x1a) break // the last page: anything after is the next job's preamble
    } else throw new Error(`unexpected byte 0x${c.toString(16)} in the QL job at ${i}`)
  }
  const width = bytesPerLine * 8
  const dots = new Uint8Array(width * rows.length)
  rows.forEach((r, y) => {
    for (let x = 0; x < width; x++) dots[y * width + (width - 1 - x)] = ((r[x >> 3] ?? 0) >> (7 - (x & 7))) & 1
  })
  return { bitmap: { width, height: rows.length, dots }, mediaWidthMm: media.width, mediaLengthMm: media.length, pages }
}

/**
 * A DYMO LabelWriter job (raster2dymolw): ESC L the label length in dots, then per line ESC B
 * (blank bytes on the left) and ESC D (bytes that follow), and either SYN and the bytes or ETB
 * and runs (each byte: bit 7 black, the low bits one less than the dots it covers); ESC f 1 n
 * feeds n blank lines; ESC E ends the label. Lines after the last inked one are not sent.
 */
export function decodeDymo(job: Buffer): { bitmap: Bitmap; labelLengthDots: number | null } {
  const lines: Uint8Array[] = [] // one byte per dot
  let skip = 0
  let count = 0
  let length: number | null = null
  let i = 0
  const line = () => new Uint8Array((skip + count) * 8)
  while (i < job.length) {
    const c = job[i]!
    if (c === 0x1b) {
      const cmd = String.fromCharCode(job[i + 1]!)
      if (cmd === '\x1b') i += 1
      else if (cmd === 'B') {
        skip = job[i + 2]!
        i += 3
      } else if (cmd === 'D') {
        count = job[i + 2]!
        i += 3
      } else if (cmd === 'L') {
        length = (job[i + 2]! << 8) | job[i + 3]!
        i += 4
      } else if (cmd === 'f') {
        for (let k = 0; k < job[i + 3]!; k++) lines.push(line())
        i += 4
      } else if (cmd === 'Q') i += 4
      else i += 2 // h, e, G, E, @, A: no parameter
    } else if (c === 0x16) {
      const l = line()
      for (let b = 0; b < count; b++) for (let k = 0; k < 8; k++) l[(skip + b) * 8 + k] = (job[i + 1 + b]! >> (7 - k)) & 1
      lines.push(l)
      i += 1 + count
    } else if (c === 0x17) {
      const l = line()
      let x = skip * 8
      i++
      while (x < l.length && i < job.length) {
        const run = job[i++]!
        const n = (run & 0x7f) + 1
        if (run & 0x80) l.fill(1, x, Math.min(l.length, x + n))
        x += n
      }
      lines.push(l)
    } else i++ // the reset's NULs
  }
  const width = Math.max(8, ...lines.map((l) => l.length))
  const dots = new Uint8Array(width * lines.length)
  lines.forEach((l, y) => dots.set(l, y * width))
  return { bitmap: { width, height: lines.length, dots }, labelLengthDots: length }
}

/**
 * The box of ink around (cx, cy), grown while ink lies within `gap` dots of its edge: the QR,
 * whose quiet zone (4 modules) is wider than `gap`, comes out alone at its printed size.
 */
export function inkBoxAround(b: Bitmap, cx: number, cy: number, gap: number): { x: number; y: number; w: number; h: number } {
  let [x0, x1, y0, y1] = [Math.round(cx), Math.round(cx), Math.round(cy), Math.round(cy)]
  const ink = (xa: number, xb: number, ya: number, yb: number) => {
    for (let y = Math.max(0, ya); y <= Math.min(b.height - 1, yb); y++)
      for (let x = Math.max(0, xa); x <= Math.min(b.width - 1, xb); x++) if (b.dots[y * b.width + x]) return true
    return false
  }
  for (let changed = true; changed;) {
    changed = false
    for (let d = gap; d >= 1; d--)
      if (x0 - d >= 0 && ink(x0 - d, x0 - d, y0, y1)) {
        x0 -= d
        changed = true
        break
      }
    for (let d = gap; d >= 1; d--)
      if (x1 + d < b.width && ink(x1 + d, x1 + d, y0, y1)) {
        x1 += d
        changed = true
        break
      }
    for (let d = gap; d >= 1; d--)
      if (y0 - d >= 0 && ink(x0, x1, y0 - d, y0 - d)) {
        y0 -= d
        changed = true
        break
      }
    for (let d = gap; d >= 1; d--)
      if (y1 + d < b.height && ink(x0, x1, y1 + d, y1 + d)) {
        y1 += d
        changed = true
        break
      }
  }
  return { x: x0, y: y0, w: x1 - x0 + 1, h: y1 - y0 + 1 }
}
