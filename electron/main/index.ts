// Electron main: lifecycle only. The kiosk agent (a plain Node module) serves the UI; this file
// starts it, locks the session down, opens the kiosk window and wires the preload API.
import { app, BrowserWindow, dialog, ipcMain, powerSaveBlocker, session } from 'electron'
import { homedir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startAgent, type AgentHandle } from '../../agent/agent.js'
import { installLinuxAutostart } from './autostart.js'
import { registerIpc } from './ipc.js'
import { createExitGuard } from './kiosk-exit.js'
import { logToFolder } from './log-file.js'
import { loadAndPrint } from './print-window.js'
import { reloadWhenRendererGone } from './recovery.js'
import { lockDownContents, lockDownSession } from './security.js'
import { openKioskWindow } from './window.js'

// Must precede 'ready': every renderer, including ones we did not create ourselves, is sandboxed.
app.enableSandbox()

let agent: AgentHandle | undefined
let kioskWindow: BrowserWindow | undefined

// Two kiosk instances would fight over the agent's data folder; the second one just hands over.
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (kioskWindow?.isMinimized()) kioskWindow.restore()
    kioskWindow?.focus()
  })
  app.whenReady().then(start).catch(fail)
}

async function start(): Promise<void> {
  const dataDir = join(app.getPath('userData'), 'kiosk')
  logToFolder(join(dataDir, 'logs'))
  try {
    agent = await startAgent({
      dataDir,
      port: 0,
      // the renderer build ships inside the app (asar); the agent serves it from there
      staticDir: join(app.getAppPath(), 'dist', 'renderer'),
      ...(process.env.KARIBU_HUB_URL ? { hubUrl: process.env.KARIBU_HUB_URL } : {}),
      ...(process.env.KARIBU_PAIRING_CODE ? { pairingCode: process.env.KARIBU_PAIRING_CODE } : {}),
    })
  } catch (error) {
    return fail(error)
  }
  const appOrigin = new URL(agent.url).origin
  const verifyPin = agent.verifyExitPin.bind(agent)

  lockDownSession(session.defaultSession, appOrigin)
  // Covers every page, including the hidden badge-print windows, not just the kiosk window.
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents, appOrigin))

  const exitGuard = createExitGuard(verifyPin, { maxAttempts: 5, lockoutMs: 60_000, now: Date.now })
  registerIpc(ipcMain, {
    appOrigin,
    loadAndPrint,
    tryExit: (pin) => exitGuard.tryExit(pin),
    leaveKiosk: () => {
      kioskWindow?.setKiosk(false)
      kioskWindow?.setFullScreen(false)
    },
    appInfo: () => ({ version: app.getVersion(), platform: process.platform, packaged: app.isPackaged }),
    issueLaunch: () => agent!.issueLaunch(),
    printers: () => kioskWindow?.webContents ?? null,
  })

  kioskWindow = await openKioskWindow(BrowserWindow, {
    agentUrl: appOrigin,
    // esbuild puts main.mjs and preload.cjs side by side in dist-electron/.
    preloadPath: join(dirname(fileURLToPath(import.meta.url)), 'preload.cjs'),
    packaged: app.isPackaged,
  })
  kioskWindow.on('closed', () => (kioskWindow = undefined))
  reloadWhenRendererGone(kioskWindow)
  startDeskPcDuties()
}

// An unattended desk PC must not blank or lock the check-in screen, and must bring the kiosk
// back after a reboot. Development runs (`electron .`) leave the developer's login alone.
function startDeskPcDuties(): void {
  powerSaveBlocker.start('prevent-display-sleep')
  if (!app.isPackaged || process.platform !== 'linux') return
  installLinuxAutostart({
    configHome: process.env.XDG_CONFIG_HOME || join(homedir(), '.config'),
    executable: process.env.APPIMAGE || process.execPath,
  }).catch((error: unknown) => console.warn('could not write the autostart entry', error))
}

function fail(error: unknown): void {
  console.error('Karibu could not start', error)
  dialog.showErrorBox('Karibu', 'Kioski haikuweza kuanza. / The kiosk could not start.')
  app.exit(1)
}

app.on('window-all-closed', () => app.quit())

// The agent flushes its journal and outbox on close; quitting waits for it, once.
app.on('will-quit', (event) => {
  const running = agent
  if (running === undefined) return
  agent = undefined
  event.preventDefault()
  running
    .close()
    .catch((error: unknown) => console.error('kiosk agent did not close cleanly', error))
    .finally(() => app.quit())
})
