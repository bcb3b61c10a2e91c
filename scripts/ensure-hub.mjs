// Builds the hub bundle (dist-hub/main.mjs) only when it is missing or older than its sources,
// like ensure-renderer.ts does for the pages: `npm start` then runs plain node on the bundle
// instead of compiling TypeScript through tsx at every start (most of a start's time).
// Plain JavaScript on purpose: it runs before anything is compiled.
// Packages stay outside the bundle: node loads them from node_modules as it would from source
// (pdfkit and fontkit read their own data files beside their code; exceljs, pg and redis load
// only when used). Every output file sits in dist-hub/ itself, one level below the root like
// hub/ and node-shared/, so paths made from import.meta.url (resources/fonts, dist/renderer) hold.
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
export const HUB_BUNDLE = join(root, 'dist-hub/main.mjs')

function newest(path) {
  const st = statSync(path)
  if (!st.isDirectory()) return st.mtimeMs
  let max = st.mtimeMs // a deleted file shows as a newer folder
  for (const entry of readdirSync(path)) max = Math.max(max, newest(join(path, entry)))
  return max
}

function builtAt() {
  try {
    return statSync(HUB_BUNDLE).mtimeMs
  } catch {
    return 0
  }
}

export async function ensureHub() {
  const sources = Math.max(
    ...['hub', 'node-shared', 'shared', 'package-lock.json', 'scripts/ensure-hub.mjs'].map((p) => newest(join(root, p))),
  )
  if (builtAt() >= sources) return false
  console.log('Kujenga kitovu… / Building the hub…')
  const { build } = await import('esbuild')
  await build({
    absWorkingDir: root,
    // each worker is a file its thread loads (hub/server/worker-entry.ts finds it beside main.mjs)
    entryPoints: {
      main: 'hub/main.ts',
      'read-table-worker': 'hub/admin/import/read-table-worker.ts',
      'badge-draw-worker': 'hub/badges/badge-draw-worker.ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // dynamic imports (PostgreSQL, Redis, exports) stay separate files, loaded when used
    splitting: true,
    outdir: 'dist-hub',
    entryNames: '[name]',
    chunkNames: '[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  })
  return true
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await ensureHub()
