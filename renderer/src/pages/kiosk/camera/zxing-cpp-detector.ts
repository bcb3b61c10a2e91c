// html5-qrcode decodes through the BarcodeDetector API when the page has one. Chromium has none
// on Linux or Windows, so zxing-cpp compiled to WebAssembly (the barcode-detector polyfill)
// stands in — and is used even where Chromium has its own, so every kiosk reads alike: it
// reads the still and inverted (light on dark) codes html5-qrcode's bundled zxing misses
// (BENCHMARKS.md, "Camera decoders"). Its .wasm comes from the kiosk's own origin, never a CDN:
// the venue Wi-Fi may be down and the page's CSP allows no other origin.
import { BarcodeDetector, prepareZXingModule } from 'barcode-detector/ponyfill'
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url'

let installed = false

/** Puts zxing-cpp's BarcodeDetector on globalThis, before html5-qrcode looks for one, and starts loading the .wasm. */
export function installZxingCppDetector(): void {
  if (installed) return
  installed = true
  prepareZXingModule({
    overrides: { locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path) },
    fireImmediately: true,
  }).catch(() => {
    // a failed load shows as decode errors; html5-qrcode's own zxing still reads every other frame
  })
  ;(globalThis as { BarcodeDetector?: unknown }).BarcodeDetector = BarcodeDetector
}
