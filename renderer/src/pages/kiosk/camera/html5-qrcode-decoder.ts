// QrDecoder over html5-qrcode's Html5Qrcode class (not its scanner widget: the kiosk draws
// its own controls). html5-qrcode keeps the camera (devices, permission, the stream); the
// frames are decoded by zxing-cpp through the BarcodeDetector API (zxing-cpp-detector.ts).
// Decode errors come every frame without a code and are ignored.
import { Html5Qrcode, Html5QrcodeSupportedFormats } from 'html5-qrcode'
import type { CameraChoice, QrDecoder, QrDecoderFactory } from './qr-decoder'
import { installZxingCppDetector } from './zxing-cpp-detector'

let nextId = 0

/** html5-qrcode throws strings; keep the text, make it an Error. */
const asError = (err: unknown): Error => (err instanceof Error ? err : new Error(String(err)))

class Html5QrcodeDecoder implements QrDecoder {
  private scanner: Html5Qrcode | null = null

  constructor(private readonly camera: CameraChoice) {}

  async start(el: HTMLElement, onCode: (text: string) => void): Promise<void> {
    // html5-qrcode finds its element by id
    if (!el.id) el.id = `karibu-qr-${++nextId}`
    // html5-qrcode picks its decoder when constructed: the detector must be in place first
    installZxingCppDetector()
    const scanner = new Html5Qrcode(el.id, {
      verbose: false,
      formatsToSupport: [Html5QrcodeSupportedFormats.QR_CODE],
      useBarCodeDetectorIfSupported: true,
    })
    this.scanner = scanner
    const constraints: MediaTrackConstraints =
      'deviceId' in this.camera ? { deviceId: { exact: this.camera.deviceId } } : { facingMode: this.camera.facingMode }
    try {
      // disableFlip: a badge is never mirrored, and decoding a mirrored copy of every frame
      // without a code doubles the work on a slow kiosk PC
      await scanner.start(
        constraints,
        { fps: 10, disableFlip: true },
        (text) => onCode(text),
        () => {},
      )
    } catch (err) {
      throw asError(err)
    }
  }

  async stop(): Promise<void> {
    const scanner = this.scanner
    this.scanner = null
    if (!scanner) return
    try {
      await scanner.stop()
    } catch {
      // not running (a start that failed): nothing to close
    }
    try {
      scanner.clear()
    } catch {
      // element already gone
    }
  }
}

export const createHtml5QrcodeDecoder: QrDecoderFactory = (camera) => new Html5QrcodeDecoder(camera)
