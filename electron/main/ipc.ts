// Main's side of the preload API: exactly the channels in IPC_CHANNELS, nothing else. Every
// handler checks who is asking (only the app's own pages) and what they sent (never trusted).
import { IPC_CHANNELS, type AppInfo, type IpcResult, type KaribuBridge, type LaunchResult, type LocalPrinter } from '../../shared/ipc.js'
import type { ExitResult } from './kiosk-exit.js'
import { listLocalPrinters, type PrinterSource } from './local-printers.js'
import { printBadge, type LoadAndPrint } from './printing.js'
import { isAppUrl } from './security.js'

/** The part of IpcMainInvokeEvent we read. */
export interface InvokeEventLike {
  readonly senderFrame?: { readonly url: string } | null
}

type Answer = IpcResult | AppInfo | LaunchResult | LocalPrinter[]

export type IpcHandler = (event: InvokeEventLike, ...args: unknown[]) => Promise<Answer>

export interface IpcDeps {
  appOrigin: string
  loadAndPrint: LoadAndPrint
  tryExit(pin: unknown): ExitResult
  /** called once the organiser PIN was accepted */
  leaveKiosk(): void
  appInfo(): AppInfo
  /** a fresh one-time launch token from the in-process kiosk agent */
  issueLaunch(): string
  /** the kiosk window's webContents, which can list the PC's printers; null without a window */
  printers(): PrinterSource | null
}

export interface IpcMainLike {
  handle(channel: string, listener: IpcHandler): void
}

const FORBIDDEN: IpcResult = { ok: false, error: 'forbidden' }
const INVALID: IpcResult = { ok: false, error: 'invalid' }

// Wraps a handler with the sender check and the argument count, and keeps exception text (paths,
// stack details) inside main: Electron would otherwise forward the message to the renderer.
function guarded(appOrigin: string, arity: number, handler: (...args: unknown[]) => Promise<Answer> | Answer): IpcHandler {
  return async (event, ...args) => {
    const frameUrl = event.senderFrame?.url
    if (frameUrl === undefined || !isAppUrl(frameUrl, appOrigin)) return FORBIDDEN
    if (args.length !== arity) return INVALID
    try {
      return await handler(...args)
    } catch (error) {
      console.error('ipc handler failed', error)
      return { ok: false, error: 'internal' }
    }
  }
}

export function handlersFor(deps: IpcDeps): Record<keyof KaribuBridge, IpcHandler> {
  return {
    printBadge: guarded(deps.appOrigin, 1, (request) =>
      printBadge(request, { appOrigin: deps.appOrigin, loadAndPrint: deps.loadAndPrint }),
    ),
    exitKiosk: guarded(deps.appOrigin, 1, (pin) => {
      const result = deps.tryExit(pin)
      if (result.ok) deps.leaveKiosk()
      return result
    }),
    appInfo: guarded(deps.appOrigin, 0, () => deps.appInfo()),
    agentLaunch: guarded(deps.appOrigin, 0, () => ({ ok: true, token: deps.issueLaunch() })),
    listPrinters: guarded(deps.appOrigin, 0, () => listLocalPrinters(deps.printers())),
  }
}

export function registerIpc(ipcMain: IpcMainLike, deps: IpcDeps): void {
  const handlers = handlersFor(deps)
  for (const name of Object.keys(IPC_CHANNELS) as (keyof KaribuBridge)[]) {
    ipcMain.handle(IPC_CHANNELS[name], handlers[name])
  }
}
