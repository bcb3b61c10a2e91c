// Every badge stock gets a badge of its own size, with a QR a door scanner reads from a step
// away (≥ 22 mm with its quiet zone) and every line of text inside what the printer can reach.
import { describe, expect, it } from 'vitest'
import { badgePdfBuffer, measureText } from '../../hub/badges/badge-pdf.js'
import { layoutBadge, PT_PER_MM, type QrElement, type TextElement } from '../../shared/badges/badge-layout.js'
import { textBox } from '../helpers/badge-boxes.js'
import { BADGE_STOCKS, STOCKS, stockPage } from '../../shared/badges/badge-stock.js'
import { testEvent } from '../fixtures/event.js'

const { event, attendees } = testEvent('k'.repeat(43))
const code = 'AVTBAQEJTtwuaOsZUlCD9WHIpB4gjQjvCF9xKQ2qBchKlPpj_vKlFwKNQSYIBl4Whlo0-PHfMh0vWDFSimuzWk2EpTQC'

describe('badge stocks', () => {
  for (const id of BADGE_STOCKS) {
    const stock = STOCKS[id]
    it(`${id}: the layout is the stock's size, the QR at least 22 mm, the text inside the printable area`, () => {
      for (const flags of [[], ['vip', 'speaker']] as const) {
        const layout = layoutBadge({ event, attendee: { ...attendees[2]!, flags: [...flags] }, code, format: id }, measureText)
        expect({ w: layout.width, h: layout.height }).toEqual({ w: stock.width, h: stock.height })
        expect(stock.orientation).toBe(stock.width > stock.height ? 'landscape' : 'portrait')
        const qr = layout.elements.find((e): e is QrElement => e.kind === 'qr')!
        expect(qr.size).toBeGreaterThanOrEqual(22)
        // the dark modules (inside the quiet zone) stay inside the printer's reach
        const unit = qr.size / (qr.modules + 2 * qr.quiet)
        const { top, right, bottom, left } = stock.margin
        expect(qr.x + qr.quiet * unit).toBeGreaterThanOrEqual(left)
        expect(qr.x + qr.size - qr.quiet * unit).toBeLessThanOrEqual(stock.width - right)
        expect(qr.y + qr.quiet * unit).toBeGreaterThanOrEqual(top)
        expect(qr.y + qr.size - qr.quiet * unit).toBeLessThanOrEqual(stock.height - bottom)
        for (const t of layout.elements.filter((e): e is TextElement => e.kind === 'text')) {
          const box = textBox(t)
          expect(box.x, t.role).toBeGreaterThanOrEqual(left)
          expect(box.x + box.w, t.role).toBeLessThanOrEqual(stock.width - right + 1e-6)
          expect(box.y, t.role).toBeGreaterThanOrEqual(top - 1e-6)
          expect(box.y + box.h, t.role).toBeLessThanOrEqual(stock.height - bottom + 1e-6)
        }
        const [name] = layout.elements.filter((e): e is TextElement => e.kind === 'text' && e.role === 'name')
        const biggest = Math.max(...layout.elements.filter((e): e is TextElement => e.kind === 'text').map((t) => t.size))
        expect(name!.size).toBe(biggest)
      }
    })

    it(`${id}: the PDF page is the printer's page for the stock (${stock.media})`, async () => {
      const layout = layoutBadge({ event, attendee: attendees[0]!, code, format: id }, measureText)
      const pdf = (await badgePdfBuffer([layout], id)).toString('latin1')
      const box = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(pdf)!
      const page = stockPage(stock)
      expect(Number(box[1])).toBeCloseTo(page.width * PT_PER_MM, 1)
      expect(Number(box[2])).toBeCloseTo(page.height * PT_PER_MM, 1)
    })
  }
})
