// A renderer that crashes (GPU driver, out of memory) leaves a blank kiosk at an unattended
// desk. Main outlives it, so it reloads the page: the agent still holds every check-in, and the
// screen reconnects to it as at start-up.

export interface RenderProcessGoneDetails {
  readonly reason: string
  readonly exitCode?: number
}

export interface RecoverableWindow {
  isDestroyed(): boolean
  reload(): void
  webContents: {
    on(event: 'render-process-gone', listener: (event: unknown, details: RenderProcessGoneDetails) => void): unknown
  }
}

export function reloadWhenRendererGone(window: RecoverableWindow, log: (message: string) => void = console.warn): void {
  window.webContents.on('render-process-gone', (_event, details) => {
    // clean-exit is the page closing with its window, not a crash.
    if (details.reason === 'clean-exit' || window.isDestroyed()) return
    log(`kiosk screen gone (${details.reason}, exit code ${details.exitCode ?? '?'}); reloading`)
    window.reload()
  })
}
