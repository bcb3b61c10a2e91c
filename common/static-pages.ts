// Serves the Vite build of the renderer. Page paths all get index.html (the app picks the
// page from the path); assets are looked up strictly inside the build folder.
import { readFile } from 'node:fs/promises'
import type { ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { SECURITY_HEADERS } from './http-util.js'

export const DEFAULT_STATIC_DIR = fileURLToPath(new URL('../dist/renderer', import.meta.url))

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  // served as such, a browser compiles it while it downloads
  '.wasm': 'application/wasm',
}

export function createStaticPages(rootDir: string, pages: readonly string[], headers: Record<string, string> = SECURITY_HEADERS) {
  const root = normalize(rootDir + sep)
  return async function serve(pathname: string, res: ServerResponse): Promise<boolean> {
    const page = pages.includes(pathname.replace(/\/+$/, '') || '/')
    const file = page ? join(root, 'index.html') : normalize(join(root, decodeURIComponent(pathname)))
    if (!file.startsWith(root)) return false
    try {
      const body = await readFile(file)
      res.writeHead(200, {
        ...headers,
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': file.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
      })
      res.end(body)
      return true
    } catch {
      if (page) {
        res.writeHead(503, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' })
        res.end('Kurasa hazijajengwa: endesha `npm run build:renderer`.\nPages are not built: run `npm run build:renderer`.\n')
        return true
      }
      return false
    }
  }
}
