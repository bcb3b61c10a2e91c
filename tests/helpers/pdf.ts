// Checks a PDF the way a printer and a scanner would see it: page sizes with pdfinfo, pages
// rasterised with pdftoppm, QR codes decoded back with zbarimg (poppler-utils, zbar-tools).
import { execFile } from 'node:child_process'
import { readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'

const exec = promisify(execFile)

export const PT_PER_MM = 72 / 25.4

export interface PdfInfo {
  pages: number
  /** in points, one entry per page asked for */
  sizes: { width: number; height: number }[]
}

/** Page count and the sizes of pages first..last (all pages by default). */
export async function pdfInfo(path: string, first = 1, last?: number): Promise<PdfInfo> {
  const { stdout: summary } = await exec('pdfinfo', [path])
  const pages = Number(/^Pages:\s+(\d+)/m.exec(summary)?.[1] ?? NaN)
  const { stdout } = await exec('pdfinfo', ['-f', String(first), '-l', String(last ?? pages), path], { maxBuffer: 16 * 1024 * 1024 })
  const sizes = [...stdout.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => ({
    width: Number(m[1]),
    height: Number(m[2]),
  }))
  return { pages, sizes }
}

/** Rasterises pages first..last at `dpi`; returns the PNG paths in page order. */
export async function rasterise(
  pdf: string,
  dpi: number,
  outDir: string,
  pages: { first?: number; last?: number } = {},
): Promise<string[]> {
  const prefix = join(outDir, `r${dpi}-${Math.random().toString(36).slice(2, 8)}`)
  const range = [...(pages.first ? ['-f', String(pages.first)] : []), ...(pages.last ? ['-l', String(pages.last)] : [])]
  await exec('pdftoppm', ['-r', String(dpi), '-png', ...range, pdf, prefix])
  const base = prefix.slice(outDir.length + 1)
  return (await readdir(outDir))
    .filter((f) => f.startsWith(base + '-') && f.endsWith('.png'))
    .sort((a, b) => Number(/-(\d+)\.png$/.exec(a)?.[1]) - Number(/-(\d+)\.png$/.exec(b)?.[1]))
    .map((f) => join(outDir, f))
}

/** Every QR code zbarimg finds in the image (none: an empty list). */
export async function decodeQr(png: string): Promise<string[]> {
  try {
    const { stdout } = await exec('zbarimg', ['--quiet', '--raw', '-Sdisable', '-Sqrcode.enable', png])
    return stdout.split('\n').filter((l) => l.length > 0)
  } catch (err) {
    // zbarimg exits with 4 when it found no symbol
    if ((err as { code?: number }).code === 4) return []
    throw err
  }
}

/** Rasterises the given pages at `dpi` and decodes each: one list of codes per page. */
export async function decodePages(
  pdf: string,
  dpi: number,
  outDir: string,
  pages: { first?: number; last?: number } = {},
): Promise<string[][]> {
  const pngs = await rasterise(pdf, dpi, outDir, pages)
  return Promise.all(pngs.map(decodeQr))
}

/**
 * Decodes each region of one page separately, as if the sheet were cut into badges first:
 * regions in mm from the page's top-left corner; one list of codes per region.
 */
export async function decodeRegions(
  pdf: string,
  page: number,
  dpi: number,
  outDir: string,
  regions: { x: number; y: number; width: number; height: number }[],
): Promise<string[][]> {
  const px = (mm: number) => String(Math.round((mm / 25.4) * dpi))
  return Promise.all(
    regions.map(async (r, i) => {
      const prefix = join(outDir, `crop${dpi}-p${page}-s${i}-${Math.random().toString(36).slice(2, 8)}`)
      await exec('pdftoppm', [
        '-r',
        String(dpi),
        '-png',
        '-singlefile',
        '-f',
        String(page),
        '-l',
        String(page),
        '-x',
        px(r.x),
        '-y',
        px(r.y),
        '-W',
        px(r.width),
        '-H',
        px(r.height),
        pdf,
        prefix,
      ])
      return decodeQr(`${prefix}.png`)
    }),
  )
}

export async function saveResponse(res: Response, path: string): Promise<string> {
  if (!res.ok) throw new Error(`HTTP ${res.status}: ${await res.text()}`)
  await writeFile(path, Buffer.from(await res.arrayBuffer()))
  return path
}
