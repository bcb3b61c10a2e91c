// "No printer is set up for this desk": said at pairing, not at the first attendee. A desk has
// a printer when the hub prints for it (a CUPS queue set on the admin page) or, in the Electron
// kiosk, when the desk PC has one of its own. A browser kiosk prints through the browser's
// dialog, which the page cannot look into: there the hub's setting is what counts.
import type { PrinterState } from '../../../../../shared/badges/printer-health'

/** The desk PC's own printers: a browser kiosk (not known to the page), not known yet, or how many. */
export type LocalPrinters = 'browser' | 'unknown' | number

export function noPrinterSetUp(hubAssigned: boolean | null, local: LocalPrinters): boolean {
  if (hubAssigned !== false) return false // set up at the hub, or not heard yet: say nothing
  if (local === 'browser') return true
  if (local === 'unknown') return false
  return local === 0
}

const TROUBLE: readonly PrinterState[] = ['stopped', 'media-empty', 'offline']

/** The desk's printer at the hub cannot print now: the officer may move its badges elsewhere. */
export const printerInTrouble = (state: PrinterState | undefined) => !!state && TROUBLE.includes(state)
