// The kiosk window: fullscreen, locked, and sandboxed. Only types come from electron, so the
// options can be checked by a unit test; the BrowserWindow class is passed in by index.ts.
import type { BrowserWindow, BrowserWindowConstructorOptions, WebPreferences } from 'electron'

/** Renderer settings shared by every window we open (kiosk and hidden print window). */
export const LOCKED_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  // Default already, stated so a future edit cannot quietly enable <webview>.
  webviewTag: false,
  spellcheck: false,
} as const satisfies WebPreferences

export function kioskWindowOptions(preloadPath: string, packaged: boolean): BrowserWindowConstructorOptions {
  return {
    fullscreen: true,
    kiosk: true,
    autoHideMenuBar: true,
    // Painted before the first frame so the screen does not flash white at start-up.
    backgroundColor: '#0f172a',
    webPreferences: {
      ...LOCKED_WEB_PREFERENCES,
      // Developer tools only on a development build; a desk officer must not reach them.
      devTools: !packaged,
      preload: preloadPath,
    },
  }
}

export interface KioskWindowSettings {
  agentUrl: string
  preloadPath: string
  packaged: boolean
}

export async function openKioskWindow(
  Window: typeof BrowserWindow,
  { agentUrl, preloadPath, packaged }: KioskWindowSettings,
): Promise<BrowserWindow> {
  const window = new Window(kioskWindowOptions(preloadPath, packaged))
  await window.loadURL(`${agentUrl}/kiosk`)
  return window
}
