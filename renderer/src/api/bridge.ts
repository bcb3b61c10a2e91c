// Typed access to window.karibu, the preload's API. It exists only inside the Electron kiosk
// window; in a browser kiosk every caller must cope with its absence.
import type { KaribuBridge } from '../../../shared/ipc'

declare global {
  interface Window {
    karibu?: KaribuBridge
  }
}

export function karibuBridge(): KaribuBridge | null {
  return typeof window !== 'undefined' && window.karibu ? window.karibu : null
}
