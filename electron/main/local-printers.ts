// The desk PC's own printers, for the kiosk to tell a desk "no printer is set up" when neither
// the hub nor this PC has one. Behind a small interface (the part of webContents we use) so the
// logic is tested without Electron; what Electron reports is cut down to plain, short names.
import type { LocalPrinter } from '../../shared/ipc.js'

/** The part of Electron's WebContents this needs. */
export interface PrinterSource {
  getPrintersAsync(): Promise<readonly { name?: unknown; isDefault?: unknown }[]>
}

const MAX_PRINTERS = 32
const MAX_NAME = 128
const PRINTABLE = /^[^\p{C}]+$/u

/** The printers `source` knows, at most 32; none when there is no window or Electron cannot ask the system. */
export async function listLocalPrinters(source: PrinterSource | null): Promise<LocalPrinter[]> {
  if (!source) return []
  let found: readonly { name?: unknown; isDefault?: unknown }[]
  try {
    found = await source.getPrintersAsync()
  } catch {
    return []
  }
  if (!Array.isArray(found)) return []
  return found
    .filter(
      (p): p is { name: string; isDefault?: unknown } =>
        !!p && typeof p.name === 'string' && p.name.length > 0 && p.name.length <= MAX_NAME && PRINTABLE.test(p.name),
    )
    .slice(0, MAX_PRINTERS)
    .map((p) => ({ name: p.name, isDefault: p.isDefault === true }))
}
