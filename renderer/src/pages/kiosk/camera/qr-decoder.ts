// What the kiosk needs from a QR decoder, and nothing more, so html5-qrcode (in maintenance
// since 2023) can be swapped for a faster decoder and measured against it.

/** Which camera: the stored choice, or the rear camera when none was chosen. */
export type CameraChoice = { deviceId: string } | { facingMode: 'environment' | 'user' }

export interface QrDecoder {
  /** Opens the camera, shows its picture inside `el` and calls `onCode` for each decoded text. */
  start(el: HTMLElement, onCode: (text: string) => void): Promise<void>
  /** Closes the camera stream. Safe to call when not started. */
  stop(): Promise<void>
}

export type QrDecoderFactory = (camera: CameraChoice) => QrDecoder
