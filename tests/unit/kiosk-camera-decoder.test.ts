// The kiosk ships zxing-wasm's .wasm (Vite bundles it from zxing-wasm/reader) while the JavaScript
// that loads it is the copy bundled inside barcode-detector: the two must be the same build, or the
// camera decodes nothing. An upgrade of one without the other fails here rather than at a desk.
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { ZXING_WASM_SHA256, ZXING_WASM_VERSION } from 'barcode-detector/ponyfill'
import { describe, expect, it } from 'vitest'

const require = createRequire(import.meta.url)

describe('kiosk camera decoder', () => {
  it('ships the .wasm that barcode-detector was built for', async () => {
    const wasm = await readFile(require.resolve('zxing-wasm/reader/zxing_reader.wasm'))
    const pkg = JSON.parse(await readFile(new URL('../../node_modules/zxing-wasm/package.json', import.meta.url), 'utf8')) as {
      version: string
    }
    expect(pkg.version).toBe(ZXING_WASM_VERSION)
    expect(createHash('sha256').update(wasm).digest('hex')).toBe(ZXING_WASM_SHA256)
  })
})
