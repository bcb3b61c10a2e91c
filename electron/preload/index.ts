// Preload for the kiosk window: exposes window.karibu and nothing else. Sandboxed, so it may only
// use 'electron' (contextBridge, ipcRenderer) and is bundled to CommonJS (dist-electron/preload.cjs).
import { contextBridge, ipcRenderer } from 'electron'
import { createBridge } from './bridge.js'

// Wrapped so the page never gets ipcRenderer itself, and the IpcRendererEvent never crosses over.
const bridge = createBridge((channel, ...args) => ipcRenderer.invoke(channel, ...args))

contextBridge.exposeInMainWorld('karibu', bridge)

export { createBridge }
