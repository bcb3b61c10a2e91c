// Badges as PDF with pdfkit: one badge per page at its exact size, or A4 sheets with crop
// marks for bulk printing. Text in DejaVu Sans (embedded, so apostrophes and any Swahili
// text render), the QR as vector rectangles so it is sharp at any printer resolution.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { PDFDocument } from '../pdfkit.js'
import { qrMatrix, qrRuns } from '../../shared/badges/badge-qr.js'
import { FONT_FILES } from '../fonts.js'
import { STOCKS, stockPage } from '../../shared/badges/badge-stock.js'
import {
  BADGE_SIZE_MM,
  layoutBadge,
  lineHeightMm,
  PT_PER_MM,
  type BadgeFormat,
  type BadgeInput,
  type BadgeLayout,
  type Measure,
} from '../../shared/badges/badge-layout.js'
import { BULK_LAYOUTS } from '../../shared/http/badges.js'

const REGULAR = 'KaribuBadge'
const BOLD = 'KaribuBadge-Bold'

/** A font as fontkit parsed it: pdfkit takes one in place of a file (anything with a layout()). */
interface ParsedFont {
  layout(text: string): unknown
}

export interface BadgeFonts {
  regular: ParsedFont | Buffer
  bold: ParsedFont | Buffer
}

/**
 * fontkit, as pdfkit itself loads it. Parsing DejaVu Sans costs tens of milliseconds, most of
 * a one-badge PDF, so it is parsed once and the parsed font handed to every document.
 */
function loadFontkit(): { create(data: Uint8Array): ParsedFont } | null {
  try {
    const fromPdfkit = createRequire(createRequire(import.meta.url).resolve('pdfkit'))
    return fromPdfkit('fontkit') as { create(data: Uint8Array): ParsedFont }
  } catch {
    return null
  }
}

let fonts: BadgeFonts | null = null

/** DejaVu Sans, read and parsed once. */
export function badgeFonts(): BadgeFonts {
  if (!fonts) {
    const regular = readFileSync(FONT_FILES.regular)
    const bold = readFileSync(FONT_FILES.bold)
    const fontkit = loadFontkit()
    fonts = fontkit ? { regular: fontkit.create(regular), bold: fontkit.create(bold) } : { regular, bold }
  }
  return fonts
}

function registerFonts(doc: PDFKit.PDFDocument) {
  const f = badgeFonts()
  // pdfkit's typings list files and buffers only; its PDFFontFactory also takes a parsed font
  doc.registerFont(REGULAR, f.regular as Buffer)
  doc.registerFont(BOLD, f.bold as Buffer)
}

const pt = (mm: number) => mm * PT_PER_MM

// One document kept only for measuring, and widths cached at unit size: a TrueType advance
// scales linearly with the font size, so a bulk run measures each string once.
let measureDoc: PDFKit.PDFDocument | null = null
const unitWidths = new Map<string, number>()
const MEASURE_SIZE = 100

/** pdfkit's widthOfString with the badge fonts, in mm: the width estimator for the layout. */
export const measureText: Measure = (text, sizePt, bold) => {
  const key = (bold ? 'b' : 'r') + text
  let unit = unitWidths.get(key)
  if (unit === undefined) {
    if (!measureDoc) {
      measureDoc = new (PDFDocument())({ autoFirstPage: false })
      registerFonts(measureDoc)
    }
    measureDoc.font(bold ? BOLD : REGULAR).fontSize(MEASURE_SIZE)
    unit = measureDoc.widthOfString(text) / MEASURE_SIZE
    if (unitWidths.size > 50_000) unitWidths.clear()
    unitWidths.set(key, unit)
  }
  return (unit * sizePt) / PT_PER_MM
}

export function layoutForPdf(input: BadgeInput): BadgeLayout {
  return layoutBadge(input, measureText)
}

/** Draws one badge with its top-left corner at (ox, oy) pt. */
export function drawBadge(doc: PDFKit.PDFDocument, layout: BadgeLayout, ox = 0, oy = 0) {
  doc.save()
  doc.translate(ox, oy)
  // white card first: a sheet's gutter and a badge's white are then the same white
  doc.rect(0, 0, pt(layout.width), pt(layout.height)).fill('#ffffff')
  for (const e of layout.elements) {
    if (e.kind === 'rect') {
      doc.rect(pt(e.x), pt(e.y), pt(e.w), pt(e.h))
      if (e.fill && e.stroke) doc.lineWidth(0.5).fillAndStroke(e.fill, e.stroke)
      else if (e.fill) doc.fill(e.fill)
      else if (e.stroke) doc.lineWidth(0.5).stroke(e.stroke)
    } else if (e.kind === 'text') {
      doc
        .font(e.bold ? BOLD : REGULAR)
        .fontSize(e.size)
        .fillColor(e.color)
      const pitch = lineHeightMm(e.size)
      e.lines.forEach((line, i) => {
        const x = e.align === 'center' ? e.x + (e.w - measureText(line, e.size, e.bold)) / 2 : e.x
        doc.text(line, pt(x), pt(e.y + i * pitch), { lineBreak: false })
      })
    } else {
      const matrix = qrMatrix(e.code)
      const unit = pt(e.size) / (matrix.size + 2 * e.quiet)
      const x0 = pt(e.x) + e.quiet * unit
      const y0 = pt(e.y) + e.quiet * unit
      doc.rect(pt(e.x), pt(e.y), pt(e.size), pt(e.size)).fill('#ffffff')
      for (const [row, col, len] of qrRuns(matrix)) doc.rect(x0 + col * unit, y0 + row * unit, len * unit, unit)
      doc.fill('#000000')
    }
  }
  doc.restore()
}

export { BULK_LAYOUTS }
export type BulkLayout = (typeof BULK_LAYOUTS)[number]

interface SheetSpec {
  /** page in mm */
  width: number
  height: number
  cols: number
  rows: number
  /** gutters between badges, mm */
  gapX: number
  gapY: number
}

/** The stocks cut from A4 sheets; a label roll is printed one badge per label. */
export type SheetFormat = 'cr80' | 'a6'
const isSheetFormat = (f: BadgeFormat): f is SheetFormat => f === 'cr80' || f === 'a6'

/** 10 cards on A4 portrait; 2 lanyard badges on A4 landscape (4 would leave no room for crop marks). */
export const SHEETS: Record<SheetFormat, SheetSpec> = {
  cr80: { width: 210, height: 297, cols: 2, rows: 5, gapX: 4, gapY: 3 },
  a6: { width: 297, height: 210, cols: 2, rows: 1, gapX: 6, gapY: 0 },
}

function sheetOrigin(s: SheetSpec, badge: { width: number; height: number }) {
  const x = (s.width - (s.cols * badge.width + (s.cols - 1) * s.gapX)) / 2
  const y = (s.height - (s.rows * badge.height + (s.rows - 1) * s.gapY)) / 2
  return { x, y }
}

/** Where each badge sits on a sheet, in mm from the top-left corner of the page, in fill order. */
export function sheetSlots(format: SheetFormat): { x: number; y: number; width: number; height: number }[] {
  const s = SHEETS[format]
  const size = BADGE_SIZE_MM[format]
  const o = sheetOrigin(s, size)
  return Array.from({ length: s.cols * s.rows }, (_, slot) => ({
    x: o.x + (slot % s.cols) * (size.width + s.gapX),
    y: o.y + Math.floor(slot / s.cols) * (size.height + s.gapY),
    ...size,
  }))
}

/** Crop marks in the page margins, on every cut line (each badge edge). */
function cropMarks(doc: PDFKit.PDFDocument, s: SheetSpec, badge: { width: number; height: number }) {
  const o = sheetOrigin(s, badge)
  const xs: number[] = []
  const ys: number[] = []
  for (let c = 0; c < s.cols; c++) xs.push(o.x + c * (badge.width + s.gapX), o.x + c * (badge.width + s.gapX) + badge.width)
  for (let r = 0; r < s.rows; r++) ys.push(o.y + r * (badge.height + s.gapY), o.y + r * (badge.height + s.gapY) + badge.height)
  const offset = 1.5
  const lenX = Math.min(6, o.x - offset - 0.5)
  const lenY = Math.min(6, o.y - offset - 0.5)
  doc.save().lineWidth(0.3).strokeColor('#000000')
  if (lenY > 0)
    for (const x of new Set(xs)) {
      doc.moveTo(pt(x), pt(o.y - offset - lenY)).lineTo(pt(x), pt(o.y - offset))
      doc.moveTo(pt(x), pt(s.height - o.y + offset)).lineTo(pt(x), pt(s.height - o.y + offset + lenY))
    }
  if (lenX > 0)
    for (const y of new Set(ys)) {
      doc.moveTo(pt(o.x - offset - lenX), pt(y)).lineTo(pt(o.x - offset), pt(y))
      doc.moveTo(pt(s.width - o.x + offset), pt(y)).lineTo(pt(s.width - o.x + offset + lenX), pt(y))
    }
  doc.stroke().restore()
}

/** A PDF of badges being written: add() badges, then end(). The document is a readable stream. */
export class BadgePdf {
  readonly doc: PDFKit.PDFDocument
  private added = 0

  constructor(
    readonly format: BadgeFormat,
    readonly layout: BulkLayout = 'single',
    title = 'Karibu badges',
  ) {
    this.doc = new (PDFDocument())({
      autoFirstPage: false,
      margin: 0,
      info: { Title: title, Creator: 'Karibu', Producer: 'Karibu (pdfkit)' },
    })
    registerFonts(this.doc)
  }

  get count(): number {
    return this.added
  }

  add(badge: BadgeLayout) {
    if (badge.format !== this.format) throw new Error(`a ${badge.format} badge in a ${this.format} document`)
    const size = BADGE_SIZE_MM[this.format]
    const format = this.format
    if (this.layout === 'single' || !isSheetFormat(format)) {
      // the page is the stock as the printer takes it, at its own size: nothing for a driver to scale
      const stock = STOCKS[format]
      const page = stockPage(stock)
      this.doc.addPage({ size: [pt(page.width), pt(page.height)], margin: 0 })
      if (stock.turned) {
        // a quarter turn clockwise: the badge's top edge runs down the page's right edge
        this.doc.save()
        this.doc.translate(pt(page.width), 0).rotate(90, { origin: [0, 0] })
        drawBadge(this.doc, badge)
        this.doc.restore()
      } else drawBadge(this.doc, badge)
    } else {
      const s = SHEETS[format]
      const slot = this.added % (s.cols * s.rows)
      if (slot === 0) {
        this.doc.addPage({ size: [pt(s.width), pt(s.height)], margin: 0 })
        cropMarks(this.doc, s, size)
      }
      const at = sheetSlots(format)[slot]!
      drawBadge(this.doc, badge, pt(at.x), pt(at.y))
    }
    this.added++
  }

  end() {
    this.doc.end()
  }
}

/** The whole PDF in memory: for one badge (printing, downloads), not for bulk runs. */
export function badgePdfBuffer(badges: BadgeLayout[], format: BadgeFormat, layout: BulkLayout = 'single', title?: string): Promise<Buffer> {
  const pdf = new BadgePdf(format, layout, title)
  const chunks: Buffer[] = []
  return new Promise((resolve, reject) => {
    pdf.doc.on('data', (c: Buffer) => chunks.push(c))
    pdf.doc.on('end', () => resolve(Buffer.concat(chunks)))
    pdf.doc.on('error', reject)
    for (const b of badges) pdf.add(b)
    pdf.end()
  })
}
