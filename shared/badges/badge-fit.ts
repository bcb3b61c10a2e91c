// Fitting text into a box without cutting it: the largest font size step at which it fits on
// one line or on two (split at the most even space, else inside a word), else smaller still.
// Pure: the width of a string comes from a Measure the renderer passes in.

export const PT_PER_MM = 72 / 25.4
/** Line pitch as a multiple of the font size: DejaVu Sans' own ascent + descent is 1.164 em. */
export const LINE_HEIGHT = 1.17
export const lineHeightMm = (sizePt: number) => (sizePt * LINE_HEIGHT) / PT_PER_MM

/** Width in millimetres of `text` set at `sizePt`, bold or regular. */
export type Measure = (text: string, sizePt: number, bold: boolean) => number

export interface FitSpec {
  /** the box width in mm */
  width: number
  /** font sizes in pt to try, largest first */
  sizes: readonly number[]
  maxLines: 1 | 2
  bold: boolean
  /** the box height in mm, when it is limited: two lines must fit in it too */
  height?: number
}

export interface Fitted {
  lines: string[]
  size: number
  /** even the smallest step was too wide, so the size was scaled below it (the text is still whole) */
  belowMinimum: boolean
}

/** Sizes from `max` down to `min` in steps of `step` (pt). */
export function sizeSteps(max: number, min: number, step = 0.5): number[] {
  const out: number[] = []
  for (let s = max; s >= min - 1e-9; s -= step) out.push(Math.round(s * 100) / 100)
  return out
}

interface Split {
  lines: string[]
  widest: number
}

/** The most even two-line split among the given break points (index of the break). */
function bestSplit(text: string, breaks: readonly number[], size: number, spec: FitSpec, measure: Measure, mustFit: boolean): Split | null {
  let best: Split | null = null
  for (const at of breaks) {
    const lines = [text.slice(0, at).trimEnd(), text.slice(at).trimStart()]
    if (lines[0] === '' || lines[1] === '') continue
    const widest = Math.max(...lines.map((l) => measure(l, size, spec.bold)))
    if (mustFit && widest > spec.width + 1e-9) continue
    if (!best || widest < best.widest) best = { lines, widest }
  }
  return best
}

/**
 * Fits text into a box `spec.width` wide: the largest size at which it fits on one line or,
 * if allowed, on two lines split at a space; failing that, split inside a word; failing that,
 * the smallest size scaled down further. Every character of the text is in the result.
 */
export function fitText(text: string, spec: FitSpec, measure: Measure): Fitted {
  const clean = text.replace(/\s+/g, ' ').trim()
  const sizes = spec.sizes.length > 0 ? spec.sizes : [10]
  const smallest = sizes[sizes.length - 1]!
  if (clean === '') return { lines: [], size: sizes[0]!, belowMinimum: false }
  const fitsOneLine = (size: number) => measure(clean, size, spec.bold) <= spec.width + 1e-9
  const twoLinesFit = (size: number) => spec.maxLines === 2 && (spec.height === undefined || 2 * lineHeightMm(size) <= spec.height + 1e-9)
  const spaces: number[] = []
  for (let i = 0; i < clean.length; i++) if (clean[i] === ' ') spaces.push(i)
  const anywhere = Array.from({ length: clean.length - 1 }, (_, i) => i + 1)

  for (const size of sizes) {
    if (fitsOneLine(size)) return { lines: [clean], size, belowMinimum: false }
    if (twoLinesFit(size)) {
      const split = bestSplit(clean, spaces, size, spec, measure, true)
      if (split) return { lines: split.lines, size, belowMinimum: false }
    }
  }
  if (spec.maxLines === 2) {
    // a word too long for the box (an e-mail-like organisation, a name without spaces)
    for (const size of sizes) {
      if (!twoLinesFit(size)) continue
      const split = bestSplit(clean, anywhere, size, spec, measure, true)
      if (split) return { lines: split.lines, size, belowMinimum: false }
    }
  }
  const lines = spec.maxLines === 2 ? (bestSplit(clean, anywhere, smallest, spec, measure, false)?.lines ?? [clean]) : [clean]
  const widest = Math.max(...lines.map((l) => measure(l, smallest, spec.bold)))
  let size = Math.floor(((smallest * spec.width) / widest) * 100) / 100
  if (spec.height !== undefined) size = Math.min(size, Math.floor(((spec.height / lines.length) * PT_PER_MM * 100) / LINE_HEIGHT) / 100)
  return { lines, size, belowMinimum: true }
}
