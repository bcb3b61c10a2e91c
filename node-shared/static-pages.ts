// Serves the Vite build of the renderer. Page paths all get index.html (the app picks the
// page from the path); assets are looked up strictly inside the build folder. The build keeps
// a brotli and a gzip copy beside each file (vite.config.ts): a client that takes one gets it.
import { readFile } from 'node:fs/promises'
import type { IncomingHttpHeaders, ServerResponse } from 'node:http'
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

const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const

/** The encodings a request takes, from its Accept-Encoding (`q=0` refuses one). */
function accepted(header: string | string[] | undefined): Set<string> {
  const out = new Set<string>()
  for (const part of String(header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';')
    if (name && !params.some((p) => /^\s*q=0(\.0*)?\s*$/.test(p))) out.add(name)
  }
  return out
}

/** The file's bytes as the client takes them: the smallest precompressed copy it accepts, else as is. */
async function encoded(file: string, requestHeaders: IncomingHttpHeaders): Promise<{ body: Buffer; encoding: string | null }> {
  const takes = accepted(requestHeaders['accept-encoding'])
  for (const e of ENCODINGS) {
    if (!takes.has(e.name)) continue
    const body = await readFile(file + e.suffix).catch(() => null)
    if (body) return { body, encoding: e.name }
  }
  return { body: await readFile(file), encoding: null }
}

export function createStaticPages(rootDir: string, pages: readonly string[], headers: Record<string, string> = SECURITY_HEADERS) {
  const root = normalize(rootDir + sep)
  return async function serve(pathname: string, res: ServerResponse, requestHeaders: IncomingHttpHeaders = {}): Promise<boolean> {
    const page = pages.includes(pathname.replace(/\/+$/, '') || '/')
    const file = page ? join(root, 'index.html') : normalize(join(root, decodeURIComponent(pathname)))
    if (!file.startsWith(root)) return false
    try {
      const { body, encoding } = await encoded(file, requestHeaders)
      res.writeHead(200, {
        ...headers,
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        // hashed names: a new build is a new name, so a phone never asks again for the old one
        'Cache-Control': file.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
        'Content-Length': body.length,
        Vary: 'Accept-Encoding',
        ...(encoding ? { 'Content-Encoding': encoding } : {}),
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
