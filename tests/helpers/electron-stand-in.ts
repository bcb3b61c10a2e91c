// A STAND-IN for the `electron` module, for running Electron main's wiring under plain Node.
// It is not Electron: it records what main asks of it (window options, handlers, IPC channels,
// print calls) and shows each window's page in a real Chromium tab, with the real preload
// bundle evaluated in that tab over a stand-in contextBridge/ipcRenderer. It proves our wiring,
// not Electron's behaviour.
import { EventEmitter } from 'node:events'
import { readFileSync } from 'node:fs'
import type { Browser, BrowserContext, Page } from 'playwright-core'

type Listener = (...args: never[]) => unknown
type HeadersListener = (
  details: { responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders?: Record<string, string | string[]> }) => void,
) => void
type IpcListener = (event: { senderFrame: { url: string } | null }, ...args: unknown[]) => Promise<unknown>

export interface PrintCall {
  url: string
  options: Record<string, unknown>
}

/** Everything main asked for, in order where order matters. */
export const record = {
  calls: [] as string[],
  windows: [] as StandInWindow[],
  ipc: new Map<string, IpcListener>(),
  permissionRequest: null as Listener | null,
  permissionCheck: null as Listener | null,
  headersReceived: null as Listener | null,
  powerSaveBlocks: [] as string[],
  prints: [] as PrintCall[],
  errorBoxes: [] as string[],
  exitCode: undefined as number | undefined,
}

let sessionContext: BrowserContext | null = null

/** How the stand-in behaves; set by the test before main is imported. */
export const standIn = {
  browser: null as Browser | null,
  userData: '',
  appPath: '',
  packaged: false,
  preloadSource: '',
  /** what the next contents.print() reports back */
  printOutcome: { success: true, failureReason: '' },
  /** what contents.getPrintersAsync() reports: the desk PC's printers */
  printers: [] as { name: string; displayName: string; isDefault: boolean }[],
}

class StandInApp extends EventEmitter {
  private readyResolve!: () => void
  private readonly ready = new Promise<void>((resolve) => (this.readyResolve = resolve))
  get isPackaged(): boolean {
    return standIn.packaged
  }
  enableSandbox(): void {
    record.calls.push('app.enableSandbox')
  }
  requestSingleInstanceLock(): boolean {
    record.calls.push('app.requestSingleInstanceLock')
    return true
  }
  whenReady(): Promise<void> {
    record.calls.push('app.whenReady')
    return this.ready
  }
  /** the test's stand-in for Electron's 'ready' */
  becomeReady(): void {
    this.readyResolve()
  }
  getPath(name: string): string {
    if (name !== 'userData') throw new Error(`stand-in app.getPath: ${name} not modelled`)
    return standIn.userData
  }
  getAppPath(): string {
    return standIn.appPath
  }
  getVersion(): string {
    return '0.0.0-stand-in'
  }
  quit(): void {
    record.calls.push('app.quit')
    // Electron emits will-quit on quit; main may hold it back with preventDefault.
    let prevented = false
    this.emit('will-quit', { preventDefault: () => (prevented = true) })
    if (!prevented) record.calls.push('app.quit:done')
  }
  exit(code: number): void {
    record.calls.push(`app.exit(${code})`)
    record.exitCode = code
  }
}

export const app = new StandInApp()

export class StandInContents extends EventEmitter {
  page: Page | null = null
  windowOpenHandler: ((details: { url: string }) => unknown) | null = null
  reloads = 0
  /** the page's reload, for a test to wait on */
  reloading: Promise<unknown> = Promise.resolve()
  constructor(readonly owner: StandInWindow) {
    super()
  }
  setWindowOpenHandler(handler: (details: { url: string }) => unknown): void {
    this.windowOpenHandler = handler
  }
  async executeJavaScript(code: string): Promise<unknown> {
    if (!this.page) throw new Error('no page loaded')
    return this.page.evaluate(code)
  }
  print(options: Record<string, unknown>, callback: (success: boolean, failureReason: string) => void): void {
    record.prints.push({ url: this.page?.url() ?? '', options })
    callback(standIn.printOutcome.success, standIn.printOutcome.failureReason)
  }
  async getPrintersAsync(): Promise<{ name: string; displayName: string; isDefault: boolean }[]> {
    return standIn.printers.map((p) => ({ ...p }))
  }
  /** Electron's navigation: listeners may cancel it with preventDefault */
  navigate(url: string): boolean {
    let prevented = false
    this.emit('will-navigate', { url, preventDefault: () => (prevented = true) })
    return !prevented
  }
}

export class StandInWindow extends EventEmitter {
  readonly webContents: StandInContents
  kiosk: boolean
  fullScreen: boolean
  destroyed = false
  focused = 0
  constructor(readonly options: Record<string, unknown> & { webPreferences?: Record<string, unknown> }) {
    super()
    this.kiosk = options.kiosk === true
    this.fullScreen = options.fullscreen === true
    this.webContents = new StandInContents(this)
    record.windows.push(this)
    // Electron announces every webContents; main locks each one down there.
    app.emit('web-contents-created', {}, this.webContents)
  }
  async loadURL(url: string): Promise<void> {
    if (!standIn.browser) throw new Error('stand-in has no Chromium')
    // every window in Electron's default session shares its cookies (the kiosk page's agent
    // session reaches the hidden print window): one browser context for all of them
    sessionContext ??= await standIn.browser.newContext()
    const page = await sessionContext.newPage()
    await this.applySessionHeaders(page)
    const preload = this.options.webPreferences?.preload
    if (typeof preload === 'string') await this.installPreload(page, preload)
    await page.goto(url)
    // set once loaded, as Electron resolves loadURL: a test waiting for the page sees it loaded
    this.webContents.page = page
  }
  // Electron passes every response through session.webRequest.onHeadersReceived; the stand-in
  // does the same with the listener main installed, so the page runs under main's headers.
  private async applySessionHeaders(page: Page): Promise<void> {
    // (page code as text: this file is typechecked without the DOM library)
    await page.addInitScript(`{
      const seen = []
      Object.defineProperty(globalThis, '__cspViolations', { value: seen })
      document.addEventListener('securitypolicyviolation', (e) => seen.push(e.effectiveDirective + ' ' + e.blockedURI))
    }`)
    // A page's policy comes from its document's response, so documents are fetched here, passed
    // through main's listener and fulfilled with its headers (Chromium ignores headers changed
    // in flight for the document's policy). Connection: close, so no kept-alive socket holds the
    // agent's server open when main quits.
    await page.route('**/*', async (route) => {
      const listener = record.headersReceived as HeadersListener | null
      if (!listener || route.request().resourceType() !== 'document') return route.continue()
      const response = await route.fetch({ headers: { ...route.request().headers(), connection: 'close' } }).catch(() => null)
      if (!response) return route.abort()
      const received: Record<string, string[]> = {}
      for (const { name, value } of response.headersArray()) (received[name] ??= []).push(value)
      let headers: Record<string, string | string[]> = received
      listener({ responseHeaders: received }, (r) => (headers = r.responseHeaders ?? received))
      // one header's several values become one list: for CSP that is several policies, all enforced
      const flat = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v]))
      return route.fulfill({ response, headers: flat })
    })
  }

  // The preload bundle runs in the page before its scripts, with `require('electron')` answered
  // by a stand-in contextBridge and an ipcRenderer that reaches main's recorded handlers.
  private async installPreload(page: Page, preloadPath: string): Promise<void> {
    const source = readFileSync(preloadPath, 'utf8')
    await page.exposeFunction('__standInIpcInvoke', async (channel: string, args: unknown[]) => {
      const handler = record.ipc.get(channel)
      if (!handler) throw new Error(`no handler for ${channel}`)
      return handler({ senderFrame: { url: page.url() } }, ...args)
    })
    await page.addInitScript(
      `(() => {
        const electron = {
          contextBridge: { exposeInMainWorld: (key, api) => Object.defineProperty(window, key, { value: Object.freeze(api) }) },
          ipcRenderer: { invoke: (channel, ...args) => window.__standInIpcInvoke(channel, args) },
        };
        const require = (name) => { if (name === 'electron') return electron; throw new Error('preload may not require ' + name) };
        const module = { exports: {} };
        (function (require, module, exports) { ${source}\n })(require, module, module.exports);
      })()`,
    )
  }
  reload(): void {
    this.webContents.reloads += 1
    this.webContents.reloading = this.webContents.page?.reload() ?? Promise.resolve()
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  destroy(): void {
    this.destroyed = true
    void this.webContents.page?.close()
    this.emit('closed')
  }
  isMinimized(): boolean {
    return false
  }
  restore(): void {}
  focus(): void {
    this.focused += 1
  }
  setKiosk(on: boolean): void {
    record.calls.push(`window.setKiosk(${on})`)
    this.kiosk = on
  }
  setFullScreen(on: boolean): void {
    record.calls.push(`window.setFullScreen(${on})`)
    this.fullScreen = on
  }
}

export const BrowserWindow = StandInWindow

export const ipcMain = {
  handle(channel: string, listener: IpcListener): void {
    if (record.ipc.has(channel)) throw new Error(`second handler for ${channel}`)
    record.ipc.set(channel, listener)
  },
}

export const session = {
  defaultSession: {
    setPermissionRequestHandler: (handler: Listener | null) => void (record.permissionRequest = handler),
    setPermissionCheckHandler: (handler: Listener | null) => void (record.permissionCheck = handler),
    webRequest: { onHeadersReceived: (listener: Listener | null) => void (record.headersReceived = listener) },
  },
}

export const powerSaveBlocker = {
  start(type: string): number {
    record.powerSaveBlocks.push(type)
    return record.powerSaveBlocks.length
  },
}

export const dialog = {
  showErrorBox(title: string, content: string): void {
    record.errorBoxes.push(`${title}: ${content}`)
  },
}

export default { app, BrowserWindow, ipcMain, session, powerSaveBlocker, dialog }
