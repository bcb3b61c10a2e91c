// pdfkit with the hub's DejaVu Sans (hub/fonts.ts, parsed once) for documents that leave the building:
// the same heading on every page, "page N of M" at every foot, and ruled tables whose cells
// wrap (never cut) and whose header row is repeated on every page.
import { PDFDocument } from '../../pdfkit.js'
import { badgeFonts } from '../../badges/badge-pdf.js'
import { pageOf } from './labels.js'

export const FONT = 'body'
export const BOLD = 'bold'
export const MM = 72 / 25.4

export interface Furniture {
  title: string
  layout: 'portrait' | 'landscape'
  /** printed at the top of every page; the first line bold */
  header: string[]
  /** printed at the foot of every page, left; "page N of M" goes right */
  footer: string
}

export interface Doc {
  doc: PDFKit.PDFDocument
  /** left edge and width of the writing area */
  left: number
  width: number
  /** lowest y content may reach */
  bottom: number
  newPage(): void
  furniture: Furniture
}

const SIDE = 14 * MM
const FOOT = 16 * MM
const HEADER_TOP = 10 * MM

/** Lines of the running header and their fonts, as drawn and as measured. */
function headerLines(f: Furniture) {
  return f.header.map((text, i) => ({ text, font: i === 0 ? BOLD : FONT, size: i === 0 ? 11 : 9 }))
}

export function openDoc(furniture: Furniture): Doc {
  const doc = new (PDFDocument())({
    size: 'A4',
    layout: furniture.layout,
    autoFirstPage: false,
    bufferPages: true,
    info: { Title: furniture.title, Producer: 'Karibu', Creator: 'Karibu' },
  })
  // DejaVu Sans parsed once for the hub (badges, registers, certificates), not per document
  const fonts = badgeFonts()
  doc.registerFont(FONT, fonts.regular as Buffer)
  doc.registerFont(BOLD, fonts.bold as Buffer)
  doc.addPage({ size: 'A4', layout: furniture.layout, margins: { top: SIDE, bottom: FOOT, left: SIDE, right: SIDE } })
  const width = doc.page.width - 2 * SIDE
  // the running header is as tall as its wrapped lines: measured once, then every page leaves room for it
  let height = 0
  for (const l of headerLines(furniture)) height += doc.font(l.font).fontSize(l.size).heightOfString(l.text, { width }) + 1
  const margins = { top: HEADER_TOP + height + 6 * MM, bottom: FOOT, left: SIDE, right: SIDE }
  doc.page.margins.top = margins.top
  doc.x = SIDE
  doc.y = margins.top
  doc.font(FONT).fontSize(9).fillColor('#000000')
  const d: Doc = {
    doc,
    left: SIDE,
    width,
    bottom: doc.page.height - FOOT,
    furniture,
    newPage() {
      doc.addPage({ size: 'A4', layout: furniture.layout, margins })
      doc.x = SIDE
      doc.y = margins.top
    },
  }
  return d
}

/** Draws the header and "page N of M" on every page (pages are buffered until now), then ends. */
export function closeDoc(d: Doc): Promise<Buffer> {
  const { doc, furniture } = d
  const range = doc.bufferedPageRange()
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i)
    const bottom = doc.page.margins.bottom
    doc.page.margins.bottom = 0
    let y = HEADER_TOP
    for (const l of headerLines(furniture)) {
      doc.font(l.font).fontSize(l.size).fillColor('#000000').text(l.text, d.left, y, { width: d.width })
      y = doc.y + 1
    }
    doc
      .moveTo(d.left, y + 2)
      .lineTo(d.left + d.width, y + 2)
      .lineWidth(0.6)
      .strokeColor('#000000')
      .stroke()
    const footY = doc.page.height - FOOT + 5 * MM
    doc
      .moveTo(d.left, footY - 3)
      .lineTo(d.left + d.width, footY - 3)
      .lineWidth(0.3)
      .strokeColor('#888888')
      .stroke()
    doc.font(FONT).fontSize(7.5).fillColor('#333333')
    const pageText = pageOf(i - range.start + 1, range.count)
    const pageWidth = doc.widthOfString(pageText) + 2
    doc.text(furniture.footer, d.left, footY, { width: d.width - pageWidth - 10 })
    doc.text(pageText, d.left + d.width - pageWidth, footY, { width: pageWidth, align: 'right', lineBreak: false })
    doc.page.margins.bottom = bottom
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    doc.on('data', (c: Buffer) => chunks.push(c))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
    doc.end()
  })
}

/** Starts a new page unless `height` still fits below the current position. */
export function keepRoom(d: Doc, height: number) {
  if (d.doc.y + height > d.bottom) d.newPage()
}

/** A heading or a paragraph across the writing area, moving down after it. */
export function para(d: Doc, text: string, options: { bold?: boolean; size?: number; gap?: number; color?: string } = {}) {
  const { doc } = d
  doc
    .font(options.bold ? BOLD : FONT)
    .fontSize(options.size ?? 9)
    .fillColor(options.color ?? '#000000')
  keepRoom(d, doc.heightOfString(text, { width: d.width }))
  doc.text(text, d.left, doc.y, { width: d.width })
  doc.y += options.gap ?? 2
  doc.fillColor('#000000')
}

export interface Column<T> {
  title: string
  /** points */
  width: number
  value(row: T): string
  align?: 'left' | 'right' | 'center'
}

export interface TableOptions {
  fontSize?: number
  /** rows are at least this tall (room to sign) */
  minRowHeight?: number
  /** a bold last row (totals) */
  boldLast?: boolean
}

const PAD = 3

/**
 * Column widths that fill `total`: fixed widths stay, the rest share what is left by weight.
 * Returns the widths in the order given.
 */
export function fillWidths(total: number, specs: ({ fixed: number } | { weight: number })[]): number[] {
  const fixed = specs.reduce((s, c) => s + ('fixed' in c ? c.fixed : 0), 0)
  const weights = specs.reduce((s, c) => s + ('weight' in c ? c.weight : 0), 0)
  const free = Math.max(0, total - fixed)
  return specs.map((c) => ('fixed' in c ? c.fixed : (free * c.weight) / weights))
}

/** Rows drawn between two turns of the event loop: check-ins keep flowing while a long register is drawn. */
const ROWS_PER_TURN = 40
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))

/** A ruled table: every cell wraps to its column, rows grow to fit, the header row repeats on every page. */
export async function table<T>(d: Doc, columns: Column<T>[], rows: readonly T[], options: TableOptions = {}): Promise<void> {
  const { doc } = d
  const size = options.fontSize ?? 8.5
  const minRow = options.minRowHeight ?? 0
  const width = columns.reduce((s, c) => s + c.width, 0)
  const measure = (cells: string[], bold: boolean) => {
    doc.font(bold ? BOLD : FONT).fontSize(size)
    return Math.max(...cells.map((text, i) => (text ? doc.heightOfString(text, { width: columns[i]!.width - 2 * PAD }) : 0))) + 2 * PAD
  }
  const draw = (cells: string[], height: number, kind: 'header' | 'row' | 'bold') => {
    const y = doc.y
    if (kind === 'header') doc.rect(d.left, y, width, height).fill('#e8e8e8')
    doc
      .font(kind === 'row' ? FONT : BOLD)
      .fontSize(size)
      .fillColor('#000000')
    let x = d.left
    cells.forEach((text, i) => {
      const c = columns[i]!
      if (text) doc.text(text, x + PAD, y + PAD, { width: c.width - 2 * PAD, align: kind === 'header' ? 'left' : (c.align ?? 'left') })
      x += c.width
    })
    // the grid: a box round every cell, so each row can be signed and read across
    doc.lineWidth(kind === 'row' ? 0.4 : 0.8).strokeColor('#444444')
    doc.rect(d.left, y, width, height).stroke()
    x = d.left
    for (const c of columns.slice(0, -1)) {
      x += c.width
      doc
        .moveTo(x, y)
        .lineTo(x, y + height)
        .lineWidth(0.4)
        .stroke()
    }
    doc.x = d.left
    doc.y = y + height
  }
  const header = columns.map((c) => c.title)
  const headerHeight = measure(header, true)
  const firstRow =
    rows.length > 0
      ? Math.max(
          minRow,
          measure(
            columns.map((c) => c.value(rows[0]!)),
            false,
          ),
        )
      : 0
  // never a header alone at the foot of a page
  keepRoom(d, headerHeight + firstRow)
  draw(header, headerHeight, 'header')
  for (const [i, row] of rows.entries()) {
    if (i > 0 && i % ROWS_PER_TURN === 0) await nextTurn()
    const cells = columns.map((c) => c.value(row))
    const bold = options.boldLast === true && i === rows.length - 1
    const height = Math.max(minRow, measure(cells, bold))
    if (doc.y + height > d.bottom) {
      d.newPage()
      draw(header, headerHeight, 'header')
    }
    draw(cells, height, bold ? 'bold' : 'row')
  }
}
