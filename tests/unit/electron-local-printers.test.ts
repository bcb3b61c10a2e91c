// The desk PC's own printers as the kiosk is told of them: what Electron reports, cut down to
// plain names; nothing (not an error) when there is no window or the system cannot be asked.
import { describe, expect, it } from 'vitest'
import { listLocalPrinters, type PrinterSource } from '../../electron/main/local-printers.js'

const source = (printers: unknown): PrinterSource => ({ getPrintersAsync: async () => printers as never })

describe('listLocalPrinters', () => {
  it('lists the printers by name, with the default marked', async () => {
    const found = await listLocalPrinters(
      source([
        { name: 'Zebra_GK420d', displayName: 'Zebra', isDefault: true, options: { 'printer-location': 'Desk 1' } },
        { name: 'BadgePDF' },
      ]),
    )
    expect(found).toEqual([
      { name: 'Zebra_GK420d', isDefault: true },
      { name: 'BadgePDF', isDefault: false },
    ])
  })

  it('a PC with no printer, no window, or a system that cannot be asked: none', async () => {
    expect(await listLocalPrinters(source([]))).toEqual([])
    expect(await listLocalPrinters(null)).toEqual([])
    expect(await listLocalPrinters({ getPrintersAsync: () => Promise.reject(new Error('cups not running')) })).toEqual([])
    expect(await listLocalPrinters(source('nonsense'))).toEqual([])
  })

  it('drops names that are not plain short text, and keeps at most 32', async () => {
    const odd = [{ name: '' }, { name: 'a\u0000b' }, { name: 'x'.repeat(129) }, { name: 7 }, null, { name: 'Ok' }]
    expect(await listLocalPrinters(source(odd))).toEqual([{ name: 'Ok', isDefault: false }])
    const many = Array.from({ length: 50 }, (_, i) => ({ name: `P${i}` }))
    expect(await listLocalPrinters(source(many))).toHaveLength(32)
  })
})
