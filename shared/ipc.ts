// The preload API: the few native needs of the kiosk window, one function per channel.
// Electron's main registers exactly these channels; the preload exposes exactly these functions.
export interface PrintRequest {
  /** a page of the kiosk's own origin, e.g. /badge/<attendeeId> */
  path: string
  /** printer name; the system default when absent */
  deviceName?: string
}

export type IpcResult = { ok: true } | { ok: false; error: string }

export interface AppInfo {
  version: string
  platform: string
  packaged: boolean
}

/** A one-time launch token the page trades for its session with the kiosk agent (POST /api/session). */
export type LaunchResult = { ok: true; token: string } | { ok: false; error: string }

/** A printer the desk PC itself has (Electron's webContents.getPrintersAsync), for "no printer set up". */
export interface LocalPrinter {
  name: string
  isDefault: boolean
}

export interface KaribuBridge {
  printBadge(request: PrintRequest): Promise<IpcResult>
  /** the desk PC's own printers; an error answer (not an array) means "not known" */
  listPrinters(): Promise<LocalPrinter[] | IpcResult>
  exitKiosk(pin: string): Promise<IpcResult>
  appInfo(): Promise<AppInfo>
  agentLaunch(): Promise<LaunchResult>
}

export const IPC_CHANNELS = {
  printBadge: 'badge:print',
  exitKiosk: 'kiosk:exit',
  appInfo: 'app:info',
  agentLaunch: 'agent:launch',
  listPrinters: 'printers:list',
} as const satisfies Record<keyof KaribuBridge, string>
