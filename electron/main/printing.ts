// Badge printing on the kiosk's own printer. The renderer only names a page of the app and,
// optionally, a printer; main builds the URL itself so the renderer cannot print arbitrary pages.
import type { IpcResult, PrintRequest } from '../../shared/ipc.js'
import { isAppUrl } from './security.js'

export interface BadgePrintOptions {
  silent: true
  deviceName?: string
  printBackground: true
  margins: { marginType: 'none' }
  /** microns: an ID-1 / CR80 card, 86 × 54 mm */
  pageSize: { width: number; height: number }
}

export type LoadAndPrint = (url: string, options: BadgePrintOptions) => Promise<{ ok: boolean; error?: string }>

export interface PrintDeps {
  appOrigin: string
  loadAndPrint: LoadAndPrint
}

export const CR80_MICRONS = { width: 86_000, height: 54_000 } as const

// Letters, digits, '/', '_' and '-' only: no dots (so no `..`), no ':' (so no scheme), no '%',
// '?', '#' or '\'. Empty segments are refused too, so `/badge//host` cannot look like a host.
const BADGE_PATH = /^\/badge(\/[A-Za-z0-9_-]+)+$/
const MAX_PATH = 256
const MAX_DEVICE_NAME = 128
// No control, format, private-use or unassigned characters: printer names are plain text.
const PRINTABLE = /^[^\p{C}]+$/u

export function validatePrintRequest(request: unknown): PrintRequest | null {
  if (typeof request !== 'object' || request === null) return null
  const { path, deviceName } = request as Record<string, unknown>
  if (typeof path !== 'string' || path.length > MAX_PATH || !BADGE_PATH.test(path)) return null
  if (deviceName === undefined) return { path }
  if (typeof deviceName !== 'string' || deviceName.length > MAX_DEVICE_NAME || !PRINTABLE.test(deviceName)) return null
  return { path, deviceName }
}

export function badgePrintOptions(deviceName: string | undefined): BadgePrintOptions {
  return {
    silent: true,
    ...(deviceName === undefined ? {} : { deviceName }),
    printBackground: true,
    margins: { marginType: 'none' },
    pageSize: { ...CR80_MICRONS },
  }
}

export async function printBadge(request: unknown, deps: PrintDeps): Promise<IpcResult> {
  const valid = validatePrintRequest(request)
  if (valid === null) return { ok: false, error: 'invalid' }
  const url = new URL(valid.path, deps.appOrigin).href
  // Belt and braces: the path check above should already make this impossible.
  if (!isAppUrl(url, deps.appOrigin)) return { ok: false, error: 'invalid' }
  const outcome = await deps.loadAndPrint(url, badgePrintOptions(valid.deviceName))
  return outcome.ok ? { ok: true } : { ok: false, error: outcome.error ?? 'print_failed' }
}
