// The window.karibu API, built over an `invoke` function so a test can check it without Electron.
// Each function forwards only the fields it knows, as fresh values: nothing from the page's
// objects (getters, prototypes, extra keys) reaches main, and main validates again anyway.
import {
  IPC_CHANNELS,
  type AppInfo,
  type IpcResult,
  type KaribuBridge,
  type LaunchResult,
  type LocalPrinter,
  type PrintRequest,
} from '../../shared/ipc.js'

export type Invoke = (channel: string, ...args: unknown[]) => Promise<unknown>

const INVALID: IpcResult = { ok: false, error: 'invalid' }

export function createBridge(invoke: Invoke) {
  return {
    printBadge(request: PrintRequest): Promise<IpcResult> {
      if (typeof request !== 'object' || request === null) return Promise.resolve(INVALID)
      const { path, deviceName } = request
      if (typeof path !== 'string' || (deviceName !== undefined && typeof deviceName !== 'string')) {
        return Promise.resolve(INVALID)
      }
      const clean: PrintRequest = deviceName === undefined ? { path } : { path, deviceName }
      return invoke(IPC_CHANNELS.printBadge, clean) as Promise<IpcResult>
    },
    exitKiosk(pin: string): Promise<IpcResult> {
      if (typeof pin !== 'string') return Promise.resolve(INVALID)
      return invoke(IPC_CHANNELS.exitKiosk, pin) as Promise<IpcResult>
    },
    appInfo(): Promise<AppInfo> {
      return invoke(IPC_CHANNELS.appInfo) as Promise<AppInfo>
    },
    // the agent's secret stays in main; the page gets only a token good for one session
    agentLaunch(): Promise<LaunchResult> {
      return invoke(IPC_CHANNELS.agentLaunch) as Promise<LaunchResult>
    },
    listPrinters(): Promise<LocalPrinter[] | IpcResult> {
      return invoke(IPC_CHANNELS.listPrinters) as Promise<LocalPrinter[] | IpcResult>
    },
  } satisfies KaribuBridge
}
