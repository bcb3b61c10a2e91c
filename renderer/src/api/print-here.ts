// The screen's one part of a print on this PC's own printer, asked by the agent during a
// `badge:print`: only Electron (its silent print, through the preload) or the browser (its
// print dialog) can reach that printer. The agent logs the print before and reports after.
import type { LocalPrintResult } from '../../../shared/kiosk-protocol'
import { karibuBridge } from './bridge'

export async function printHere(path: string): Promise<LocalPrintResult> {
  const bridge = karibuBridge()
  if (!bridge) {
    // still within the officer's tap (a blocked pop-up says so instead of nothing happening)
    const opened = window.open(`${path}?print=1`, '_blank')
    return opened ? { ok: true, opened: true } : { ok: false, error: 'popup_blocked' }
  }
  const printed = await bridge.printBadge({ path }).catch(() => ({ ok: false as const, error: 'print_failed' }))
  return printed.ok ? { ok: true } : { ok: false, error: /^[a-z_]{1,64}$/.test(printed.error) ? printed.error : 'print_failed' }
}
