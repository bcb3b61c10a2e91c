// The pages' files go out as the precompressed copy a client takes (brotli, else gzip), else as
// they are; hashed assets are cached for good, the page itself is asked again. A real HTTP
// server on 127.0.0.1 over a real folder laid out as the build lays it out.
import { mkdir, writeFile } from 'node:fs/promises'
import { createServer, request, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createStaticPages } from '../../node-shared/static-pages.js'
import { tempDir } from '../helpers/temp-dir.js'

const SCRIPT = Buffer.from(`console.log(${JSON.stringify('karibu '.repeat(400))})\n`)
let dir: Awaited<ReturnType<typeof tempDir>>
let server: Server
let base = ''

/** A GET with raw bytes back (fetch would decode them, hiding what was sent). */
function get(
  path: string,
  acceptEncoding?: string,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { headers: acceptEncoding === undefined ? {} : { 'Accept-Encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
    })
    req.on('error', reject)
    req.end()
  })
}

beforeAll(async () => {
  dir = await tempDir('karibu-static-')
  await mkdir(join(dir.path, 'assets'))
  await writeFile(join(dir.path, 'index.html'), '<!doctype html><title>Karibu</title>')
  const asset = join(dir.path, 'assets', 'index-abc123.js')
  await writeFile(asset, SCRIPT)
  await writeFile(`${asset}.br`, brotliCompressSync(SCRIPT))
  await writeFile(`${asset}.gz`, gzipSync(SCRIPT))
  // a file the build left without copies
  await writeFile(join(dir.path, 'assets', 'plain-def456.js'), SCRIPT)
  const serve = createStaticPages(dir.path, ['/', '/dashboard'])
  server = createServer((req, res) => {
    void serve(new URL(req.url ?? '/', 'http://x').pathname, res, req.headers).then((served) => served || res.writeHead(404).end())
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  await new Promise((r) => server.close(r))
  await dir.remove()
})

describe('static pages', () => {
  it('sends the brotli copy to a browser that takes it, else the gzip one, else the file itself', async () => {
    const br = await get('/assets/index-abc123.js', 'gzip, deflate, br, zstd')
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.body.length).toBeLessThan(SCRIPT.length / 4)
    expect(brotliDecompressSync(br.body).equals(SCRIPT)).toBe(true)

    const gz = await get('/assets/index-abc123.js', 'gzip, deflate')
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(gz.body).equals(SCRIPT)).toBe(true)

    const plain = await get('/assets/index-abc123.js')
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body.equals(SCRIPT)).toBe(true)

    // every answer says it depends on Accept-Encoding, so no cache hands one client's to another
    for (const r of [br, gz, plain]) expect(r.headers.vary).toBe('Accept-Encoding')
  })

  it('respects q=0 and serves a file without copies as it is', async () => {
    const refused = await get('/assets/index-abc123.js', 'br;q=0, gzip')
    expect(refused.headers['content-encoding']).toBe('gzip')
    const none = await get('/assets/plain-def456.js', 'br, gzip')
    expect(none.headers['content-encoding']).toBeUndefined()
    expect(none.body.equals(SCRIPT)).toBe(true)
    expect(Number(none.headers['content-length'])).toBe(SCRIPT.length)
  })

  it('caches hashed assets for good and asks again for the page, keeping the CSP', async () => {
    const asset = await get('/assets/index-abc123.js', 'br')
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    const page = await get('/dashboard', 'br')
    expect(page.status).toBe(200)
    expect(page.headers['cache-control']).toBe('no-cache')
    expect(page.headers['content-security-policy']).toContain("script-src 'self';")
  })
})
