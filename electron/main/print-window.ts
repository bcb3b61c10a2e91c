// The Electron half of badge printing: render the badge page in a hidden sandboxed window and
// send it to the printer. Validation lives in printing.ts; this file only drives Electron.
import { BrowserWindow, type WebContents } from 'electron'
import type { BadgePrintOptions, LoadAndPrint } from './printing.js'
import { LOCKED_WEB_PREFERENCES } from './window.js'

const READY_TIMEOUT_MS = 10_000
const READY_POLL_MS = 100

// The badge page draws its QR code after load (scripts, fonts); printing before that would put a
// blank card in the tray. The page marks itself with a data-badge-ready attribute when drawn.
async function waitForBadgeReady(contents: WebContents): Promise<boolean> {
  const deadline = Date.now() + READY_TIMEOUT_MS
  while (Date.now() < deadline) {
    const ready: unknown = await contents.executeJavaScript(
      "document.fonts.status === 'loaded' && document.querySelector('[data-badge-ready]') !== null",
    )
    if (ready === true) return true
    await new Promise((resolve) => setTimeout(resolve, READY_POLL_MS))
  }
  return false
}

function print(contents: WebContents, options: BadgePrintOptions): Promise<{ ok: boolean; error?: string }> {
  return new Promise((resolve) => {
    contents.print(options, (success, failureReason) => {
      if (success) return resolve({ ok: true })
      // Electron's reasons are free text; the renderer gets a stable code, the log gets the text.
      console.warn(`badge print failed: ${failureReason}`)
      resolve({ ok: false, error: failureReason === 'cancelled' ? 'print_cancelled' : 'print_failed' })
    })
  })
}

export const loadAndPrint: LoadAndPrint = async (url, options) => {
  const window = new BrowserWindow({
    show: false,
    webPreferences: { ...LOCKED_WEB_PREFERENCES, devTools: false },
  })
  try {
    await window.loadURL(url)
    if (!(await waitForBadgeReady(window.webContents))) return { ok: false, error: 'badge_not_ready' }
    return await print(window.webContents, options)
  } catch (error) {
    console.warn('badge print failed to load the page', error)
    return { ok: false, error: 'print_failed' }
  } finally {
    window.destroy()
  }
}
