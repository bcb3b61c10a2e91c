// The camera a desk officer picked is remembered on this machine; without one, the rear
// camera (the one facing away from the screen on a tablet or phone).
import type { CameraChoice } from './qr-decoder'

const KEY = 'karibu.kiosk.camera'

export function loadCameraId(): string | null {
  try {
    return localStorage.getItem(KEY)
  } catch {
    return null
  }
}

export function saveCameraId(deviceId: string | null) {
  try {
    if (deviceId) localStorage.setItem(KEY, deviceId)
    else localStorage.removeItem(KEY)
  } catch {
    // private mode: the choice lasts as long as the page
  }
}

export const cameraChoice = (deviceId: string | null): CameraChoice => (deviceId ? { deviceId } : { facingMode: 'environment' })

/** Cameras this browser can see; labels appear once camera permission was given. */
export async function listCameras(): Promise<{ deviceId: string; label: string }[]> {
  if (!navigator.mediaDevices?.enumerateDevices) return []
  const devices = await navigator.mediaDevices.enumerateDevices()
  return devices
    .filter((d) => d.kind === 'videoinput' && d.deviceId)
    .map((d, i) => ({ deviceId: d.deviceId, label: d.label || `Camera ${i + 1}` }))
}

/** Why a camera would not start, in the words the screen has for it. */
export function cameraFailure(err: unknown): 'denied' | 'unavailable' {
  const text = err instanceof Error ? `${err.name} ${err.message}` : String(err)
  return /NotAllowed|Permission|denied/i.test(text) ? 'denied' : 'unavailable'
}
