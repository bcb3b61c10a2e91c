// The one set of HTTP helpers the hub and the kiosk agent answer with: security headers, JSON
// and file answers, bounded JSON bodies read against their contract, bearer tokens.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { z } from 'zod'
import type { Bilingual } from '../shared/domain.js'

/** Every page and answer the hub serves carries these: the pages load only their own code. */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; media-src 'self' blob: mediastream:; connect-src 'self' ws: wss:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
}

export function sendJson(res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body)
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' })
  res.end(text)
}

export class BodyError extends Error {
  constructor(readonly status: number) {
    super(`body ${status}`)
  }
}

export async function readJsonBody(req: IncomingMessage, limit = 64 * 1024): Promise<unknown> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > limit) throw new BodyError(413)
    chunks.push(chunk as Buffer)
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null')
  } catch {
    throw new BodyError(400)
  }
}

export function bearer(req: IncomingMessage): string | undefined {
  const h = req.headers.authorization
  return h?.startsWith('Bearer ') ? h.slice(7).trim() : undefined
}

/** The body read against its contract's schema, or null when it does not fit (answer with `invalidPayload`). */
export async function readBody<T extends z.ZodType>(req: IncomingMessage, schema: T, limit?: number): Promise<z.infer<T> | null> {
  const parsed = schema.safeParse(await readJsonBody(req, limit))
  return parsed.success ? parsed.data : null
}

export function sendError(res: ServerResponse, status: number, error: string, message?: Bilingual, extra: Record<string, unknown> = {}) {
  sendJson(res, status, { ok: false, error, ...(message ? { message } : {}), ...extra })
}

export const invalidPayload = (res: ServerResponse) => sendError(res, 400, 'invalid_payload')

export function sendFile(res: ServerResponse, contentType: string, fileName: string, body: Buffer | string) {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': contentType,
    // ASCII-safe name: people, group and day names stay inside the file, not in a header
    'Content-Disposition': `attachment; filename="${fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
    'Content-Length': String(bytes.length),
    'Cache-Control': 'no-store',
  })
  res.end(bytes)
}
