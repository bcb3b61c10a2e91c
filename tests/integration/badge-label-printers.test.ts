// Badges on the label printers venues rent, through the drivers Debian ships: the organiser sets
// a desk's printer and stock on the hub, a badge printed for that desk goes through a private
// cupsd and the real driver (CUPS's Zebra ZPL rastertolabel, ptouch for Brother QL, the DYMO
// LabelWriter driver) to a stand-in printer on 127.0.0.1, and what the printer received is
// turned back into an image: the label is the stock's size, the QR sits where the layout put
// it (nothing scaled) and decodes to the badge's code. If CUPS cannot start here, this fails.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { layoutForPdf } from '../../hub/badges/badge-pdf.js'
import type { PrintJob } from '../../hub/badges/print-log.js'
import type { QrElement } from '../../shared/badges/badge-layout.js'
import { STOCKS, type BadgeStockId } from '../../shared/badges/badge-stock.js'
import { startCups, type Cups } from '../helpers/cups.js'
import { startLabelPrinter, type LabelPrinter } from '../helpers/label-printer.js'
import { blackAt, decodeDymo, decodePtouchQl, decodeZplGraphic, inkBoxAround, writePng, type Bitmap } from '../helpers/label-raster.js'
import { decodeQr } from '../helpers/pdf.js'
import { tempDir } from '../helpers/temp-dir.js'
import { startTestHub, type TestHub } from '../helpers/test-hub.js'

let dir: Awaited<ReturnType<typeof tempDir>>
let cups: Cups
let t: TestHub
const printers: LabelPrinter[] = []
const savedEnv = { CUPS_SERVER: process.env.CUPS_SERVER, KARIBU_PRINTER: process.env.KARIBU_PRINTER }

let setupError: unknown = null
beforeEach(() => {
  if (setupError) throw setupError
})

async function labelQueue(name: string, ppd: string): Promise<LabelPrinter> {
  const printer = await startLabelPrinter(dir.path, name)
  printers.push(printer)
  await cups.addLabelPrinter(name, printer.uri, ppd)
  return printer
}

let zebra: LabelPrinter
let brother: LabelPrinter
let dymo: LabelPrinter

beforeAll(async () => {
  dir = await tempDir('karibu-label-printers-')
  try {
    cups = await startCups()
    zebra = await labelQueue('Zebra', 'drv:///sample.drv/zebra.ppd')
    brother = await labelQueue('BrotherQL', 'ptouch:0/ppd/ptouch-driver/Brother-QL-570-ptouch-ql.ppd')
    dymo = await labelQueue('Dymo', 'dymo:0/cups/model/lw450.ppd')
  } catch (err) {
    setupError = err
    return
  }
  process.env.CUPS_SERVER = cups.server
  delete process.env.KARIBU_PRINTER
  t = await startTestHub(dir.path)
}, 60_000)
afterAll(async () => {
  if (t) {
    await t.close()
  }
  await cups?.stop()
  for (const p of printers) await p.stop()
  for (const [k, v] of Object.entries(savedEnv))
    if (v === undefined) delete process.env[k]
    else process.env[k] = v
  await dir?.remove()
})

async function admin(
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${t.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${t.adminToken}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  return { status: res.status, body: (await res.json()) as Record<string, unknown> }
}

const dots = (mm: number, dpi: number) => (mm * dpi) / 25.4

/**
 * The QR is where the layout put it, at its size: the middle of each finder pattern is black
 * and the quiet zone just outside it white. A label scaled by a few percent or shifted by a
 * couple of millimetres fails this (the far finder moves by modules).
 */
function expectQrInPlace(bitmap: Bitmap, qr: QrElement, dpi: number, turned: { pageWidthMm: number } | null) {
  const unit = qr.size / (qr.modules + 2 * qr.quiet)
  const x0 = qr.x + qr.quiet * unit
  const y0 = qr.y + qr.quiet * unit
  const far = (qr.modules - 3.5) * unit
  // badge mm → dots on the printer's page (a turned label runs top edge down the right side)
  const at = (x: number, y: number): [number, number] =>
    turned ? [dots(turned.pageWidthMm - y, dpi), dots(x, dpi)] : [dots(x, dpi), dots(y, dpi)]
  for (const [fx, fy] of [
    [x0 + 3.5 * unit, y0 + 3.5 * unit],
    [x0 + far, y0 + 3.5 * unit],
    [x0 + 3.5 * unit, y0 + far],
  ] as const) {
    expect(blackAt(bitmap, ...at(fx, fy)), `finder centre at ${fx.toFixed(1)},${fy.toFixed(1)} mm`).toBe(true)
  }
  expect(blackAt(bitmap, ...at(x0 - 1.5 * unit, y0 + 3.5 * unit)), 'quiet zone left of the first finder').toBe(false)
  expect(blackAt(bitmap, ...at(x0 + 3.5 * unit, y0 - 1.5 * unit)), 'quiet zone above the first finder').toBe(false)
}

async function printForDesk(deskId: string, attendeeId: string): Promise<PrintJob> {
  const res = await admin('POST', `/api/badges/${attendeeId}/print`, { deskId })
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  return res.body.job as PrintJob
}

describe('desk printers on the hub', () => {
  it('the organiser sets a desk’s printer and stock; wrong names, stocks and desks are refused', async () => {
    expect((await admin('PUT', '/api/desk-printers/desk-1', { printer: 'Zebra', stock: 'zebra-4x3' })).status).toBe(200)
    for (const bad of [
      { printer: 'Zebra; rm -rf /', stock: 'zebra-4x3' },
      { printer: '-d', stock: 'zebra-4x3' },
      { printer: 'Zebra', stock: 'letter' },
      { printer: 'Zebra', stock: 'zebra-4x3', extra: 1 },
      { stock: 'zebra-4x3' },
    ])
      expect((await admin('PUT', '/api/desk-printers/desk-2', bad)).status, JSON.stringify(bad)).toBe(400)
    expect((await admin('PUT', '/api/desk-printers/no-such-desk', { printer: 'Zebra', stock: 'cr80' })).body.error).toBe('unknown_desk')
    const { body } = await admin('GET', '/api/desk-printers')
    expect(body.desks).toEqual([expect.objectContaining({ deskId: 'desk-1', printer: 'Zebra', stock: 'zebra-4x3' })])
  })
})

const ZPL_STOCKS: BadgeStockId[] = ['zebra-4x3', 'zebra-4x6']

describe('Zebra ZPL (CUPS rastertolabel, 203 dpi)', () => {
  ZPL_STOCKS.forEach((stockId, i) => {
    it(`${stockId}: the label is ${STOCKS[stockId].width} × ${STOCKS[stockId].height} mm, the QR in place and decoding`, async () => {
      const attendeeId = `A000${i + 1}`
      expect((await admin('PUT', '/api/desk-printers/desk-1', { printer: 'Zebra', stock: stockId })).status).toBe(200)
      const job = await printForDesk('desk-1', attendeeId)
      expect(job).toMatchObject({ format: stockId, printer: 'Zebra', status: 'sent' })
      const zpl = (await zebra.waitForJob(i + 1)).toString('latin1')
      const { bitmap, printWidth } = decodeZplGraphic(zpl)
      const dpi = 203
      const stock = STOCKS[stockId]
      // ^PW is the label width the driver set; the graphic is the label, rows = its length
      expect(printWidth).toBe(Math.round(dots(stock.width, dpi)))
      expect(Math.abs(bitmap.width - dots(stock.width, dpi))).toBeLessThanOrEqual(8) // rows are whole bytes
      expect(Math.abs(bitmap.height - dots(stock.height, dpi))).toBeLessThanOrEqual(2)
      const a = t.store.registry.byId.get(attendeeId)!
      const code = t.store.signBadge({ attendeeSeq: a.seq, badgeVersion: job.badgeVersion })
      const png = `${dir.path}/${stockId}.png`
      await writePng(bitmap, png)
      expect(await decodeQr(png)).toEqual([code])
      const layout = layoutForPdf({ event: t.store.registry.event, attendee: a, code, format: stockId })
      expectQrInPlace(
        bitmap,
        layout.elements.find((e): e is QrElement => e.kind === 'qr')!,
        dpi,
        null,
      )
    })
  })
})

/**
 * A raster label (Brother, DYMO: 300 dpi) as printed: the QR decodes, and its ink is the size
 * the layout drew it, to within a module, so the driver neither shrank the page to fit nor
 * blew it up. `centre` is where the QR's middle lands in the bitmap, roughly.
 */
async function expectRasterBadge(
  bitmap: Bitmap,
  stockId: BadgeStockId,
  attendeeId: string,
  job: PrintJob,
  centre: (qr: { x: number; y: number }) => [number, number],
) {
  const a = t.store.registry.byId.get(attendeeId)!
  const code = t.store.signBadge({ attendeeSeq: a.seq, badgeVersion: job.badgeVersion })
  const png = `${dir.path}/${stockId}.png`
  await writePng(bitmap, png)
  expect(await decodeQr(png)).toEqual([code])
  const layout = layoutForPdf({ event: t.store.registry.event, attendee: a, code, format: stockId })
  const qr = layout.elements.find((e): e is QrElement => e.kind === 'qr')!
  const unit = qr.size / (qr.modules + 2 * qr.quiet)
  const [cx, cy] = centre({ x: qr.x + qr.size / 2, y: qr.y + qr.size / 2 })
  const box = inkBoxAround(bitmap, cx, cy, Math.floor(dots(2 * unit, 300)))
  const ink = dots(qr.modules * unit, 300)
  expect(Math.abs(box.w - ink), `QR ink ${box.w}×${box.h} dots, drawn ${ink.toFixed(0)}`).toBeLessThanOrEqual(dots(unit, 300))
  expect(Math.abs(box.h - ink), `QR ink ${box.w}×${box.h} dots, drawn ${ink.toFixed(0)}`).toBeLessThanOrEqual(dots(unit, 300))
}

describe('Brother QL (ptouch driver, 300 dpi)', () => {
  const cases: { stockId: BadgeStockId; attendeeId: string }[] = [
    { stockId: 'brother-62x100', attendeeId: 'A0003' },
    { stockId: 'brother-62', attendeeId: 'A0004' },
  ]
  cases.forEach(({ stockId, attendeeId }, i) => {
    it(`${stockId}: on 62 mm tape, ${STOCKS[stockId].height} mm long less the ends it cannot reach; the QR decodes at its size`, async () => {
      expect((await admin('PUT', '/api/desk-printers/desk-2', { printer: 'BrotherQL', stock: stockId })).status).toBe(200)
      const job = await printForDesk('desk-2', attendeeId)
      expect(job).toMatchObject({ format: stockId, printer: 'BrotherQL' })
      const ql = decodePtouchQl(await brother.waitForJob(i + 1, 60_000))
      const stock = STOCKS[stockId]
      expect(ql.mediaWidthMm).toBe(62)
      expect(ql.pages).toBe(1)
      // the driver prints the page's imageable area: the length less 3 mm at each end, unscaled
      expect(Math.abs(ql.bitmap.height - dots(stock.height - stock.margin.top - stock.margin.bottom, 300))).toBeLessThanOrEqual(4)
      // 62 mm tape: the head's 720 dots, the tape's printable 59 mm centred on them
      await expectRasterBadge(ql.bitmap, stockId, attendeeId, job, (c) => [
        ql.bitmap.width / 2 + dots(c.x - stock.width / 2, 300),
        dots(c.y - stock.margin.top, 300),
      ])
    }, 90_000)
  })
})

describe('DYMO LabelWriter (raster2dymolw, 300 dpi)', () => {
  const cases: { stockId: BadgeStockId; attendeeId: string }[] = [
    { stockId: 'dymo-89x36', attendeeId: 'A0005' },
    { stockId: 'dymo-54x101', attendeeId: 'A0006' },
  ]
  cases.forEach(({ stockId, attendeeId }, i) => {
    it(`${stockId}: the label length is the stock's, the QR decodes at its size`, async () => {
      expect((await admin('PUT', '/api/desk-printers/expo-door', { printer: 'Dymo', stock: stockId })).status).toBe(200)
      const job = await printForDesk('expo-door', attendeeId)
      expect(job).toMatchObject({ format: stockId, printer: 'Dymo' })
      const out = decodeDymo(await dymo.waitForJob(i + 1, 60_000))
      const stock = STOCKS[stockId]
      // ESC L: the label's length along the feed, as the printer is told it (less its top margin)
      const feedMm = stock.turned ? stock.width : stock.height
      expect(out.labelLengthDots).not.toBeNull()
      expect(Math.abs(out.labelLengthDots! - dots(feedMm, 300))).toBeLessThanOrEqual(dots(2, 300))
      // page mm → dots: the page's top margin (the badge's left when turned) is not sent
      const pageTop = stock.turned ? stock.margin.left : stock.margin.top
      const pageLeft = stock.turned ? stock.margin.bottom : stock.margin.left
      await expectRasterBadge(out.bitmap, stockId, attendeeId, job, (c) =>
        stock.turned
          ? [dots(stock.height - c.y - pageLeft, 300), dots(c.x - pageTop, 300)]
          : [dots(c.x - pageLeft, 300), dots(c.y - pageTop, 300)],
      )
    }, 90_000)
  })
})
