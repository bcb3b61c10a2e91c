import react from '@vitejs/plugin-react'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { defineConfig, type Plugin } from 'vite'

/**
 * Writes a .br and a .gz beside every text and WebAssembly file of the build, once, at the
 * strongest levels: the hub sends them as they are (node-shared/static-pages.ts) to phones on slow
 * Wi-Fi, without compressing on each request.
 */
function precompress(): Plugin {
  let outDir = ''
  return {
    name: 'karibu-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = join(config.root, config.build.outDir)
    },
    async closeBundle() {
      const files = await readdir(outDir, { recursive: true })
      for (const name of files.filter((f) => /\.(js|css|html|svg|json|wasm)$/.test(f))) {
        const path = join(outDir, name)
        const body = await readFile(path)
        if (body.length < 1024) continue
        await writeFile(
          `${path}.br`,
          brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
        )
        await writeFile(`${path}.gz`, gzipSync(body, { level: 9 }))
      }
    },
  }
}

export default defineConfig({
  root: 'renderer',
  base: '/',
  plugins: [react(), precompress()],
  build: { outDir: '../dist/renderer', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 1500 },
})
