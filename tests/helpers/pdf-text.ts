// Reads a PDF's text the way the checks need it: per page, in drawing order (pdftotext -raw,
// so a wrapped cell's lines follow each other), with words' boxes (pdftotext -bbox), and a
// page's pixels (pdftoppm + pngjs) to measure what is drawn.
import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { PNG } from 'pngjs'

const exec = promisify(execFile)

/** Whitespace collapsed, and a word broken after a hyphen joined again. */
export const flat = (text: string) => text.replace(/-\s+/g, '-').replace(/\s+/g, ' ').trim()

export async function pageCount(pdf: string): Promise<number> {
  const { stdout } = await exec('pdfinfo', [pdf])
  return Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1])
}

/** Each page's text in drawing order. */
export async function pagesText(pdf: string): Promise<string[]> {
  const n = await pageCount(pdf)
  return Promise.all(
    Array.from(
      { length: n },
      async (_, i) =>
        (await exec('pdftotext', ['-raw', '-f', String(i + 1), '-l', String(i + 1), pdf, '-'], { maxBuffer: 1 << 24 })).stdout,
    ),
  )
}

export interface Word {
  page: number
  text: string
  xMin: number
  yMin: number
  xMax: number
  yMax: number
}

/** Every word with its box, in points from the page's top-left corner. */
export async function words(pdf: string): Promise<Word[]> {
  const { stdout } = await exec('pdftotext', ['-bbox', pdf, '-'], { maxBuffer: 1 << 26 })
  const out: Word[] = []
  let page = 0
  for (const line of stdout.split('\n')) {
    if (line.includes('<page ')) page++
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line)
    if (m)
      out.push({
        page,
        xMin: +m[1]!,
        yMin: +m[2]!,
        xMax: +m[3]!,
        yMax: +m[4]!,
        text: m[5]!
          .replace(/&amp;/g, '&')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&quot;/g, '"')
          .replace(/&apos;/g, "'"),
      })
  }
  return out
}

/** One page as pixels at `dpi`. */
export async function pagePixels(pdf: string, page: number, dpi: number, dir: string): Promise<PNG> {
  const prefix = join(dir, `px-${page}-${Math.random().toString(36).slice(2, 8)}`)
  await exec('pdftoppm', ['-r', String(dpi), '-png', '-singlefile', '-f', String(page), '-l', String(page), pdf, prefix])
  return PNG.sync.read(await readFile(`${prefix}.png`))
}

/** x positions (pixels) of dark pixels along row y, grouped into runs [start, end]. */
export function darkRuns(png: PNG, y: number, threshold = 140): [number, number][] {
  const runs: [number, number][] = []
  for (let x = 0; x < png.width; x++) {
    const i = (png.width * y + x) * 4
    const dark = (png.data[i]! + png.data[i + 1]! + png.data[i + 2]!) / 3 < threshold
    if (!dark) continue
    const last = runs[runs.length - 1]
    if (last && last[1] === x - 1) last[1] = x
    else runs.push([x, x])
  }
  return runs
}
