// When a desk is told "no printer is set up": the hub prints for it on no queue and, in the
// Electron kiosk, the PC has none of its own; a browser kiosk goes by the hub's setting alone.
import { describe, expect, it } from 'vitest'
import { noPrinterSetUp, printerInTrouble } from '../../renderer/src/pages/kiosk/logic/printer-setup.js'

describe('noPrinterSetUp', () => {
  it('a browser kiosk: the hub’s setting counts', () => {
    expect(noPrinterSetUp(false, 'browser')).toBe(true)
    expect(noPrinterSetUp(true, 'browser')).toBe(false)
    expect(noPrinterSetUp(null, 'browser')).toBe(false) // not heard yet: no false alarm
  })

  it('an Electron kiosk: no hub printer and no printer on the PC', () => {
    expect(noPrinterSetUp(false, 0)).toBe(true)
    expect(noPrinterSetUp(false, 2)).toBe(false)
    expect(noPrinterSetUp(true, 0)).toBe(false)
    expect(noPrinterSetUp(false, 'unknown')).toBe(false) // an older shell, or not answered yet
  })

  it('a printer the officer can move badges off: stopped, out of labels or offline', () => {
    expect(['ready', 'stopped', 'media-empty', 'offline', 'unknown', undefined].map((s) => printerInTrouble(s as never))).toEqual([
      false,
      true,
      true,
      true,
      false,
      false,
    ])
  })
})
