// Builds the renderer only when its build is missing or older than its sources, so
// `npm start` on a fresh clone just works and a second start (or a test run that already
// built) does not rebuild under pages that are being served.
import { execFileSync } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))

function newest(dir: string): number {
  let max = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    max = Math.max(max, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs)
  }
  return max
}

let built = 0
try {
  built = statSync(join(root, 'dist/renderer/index.html')).mtimeMs
} catch {
  // not built yet: build below
}
const sources = Math.max(newest(join(root, 'renderer')), newest(join(root, 'shared')), statSync(join(root, 'vite.config.ts')).mtimeMs)
if (built < sources) {
  console.log('Kujenga kurasa… / Building the pages…')
  execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  })
}
