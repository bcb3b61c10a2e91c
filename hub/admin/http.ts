// Small helpers the admin routes share: validated JSON bodies, file answers, error answers
// with a message in both languages, and the addresses a phone or kiosk can reach the hub on.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { networkInterfaces } from 'node:os'
import type { z } from 'zod'
import { readJsonBody, SECURITY_HEADERS, sendJson } from '../../common/http-util.js'
import type { Bilingual } from '../../shared/domain.js'

export const ADMIN = ['admin'] as const

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

/**
 * Origins a phone or a kiosk can open: the one this request came in on first, then every LAN
 * IPv4 address on the same port (the admin page may be open on 127.0.0.1, which a phone cannot reach).
 */
export function hubOrigins(req: IncomingMessage): string[] {
  const host = req.headers.host ?? ''
  const port = /:(\d+)$/.exec(host)?.[1]
  const out = host ? [`http://${host}`] : []
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) {
      if (a.family !== 'IPv4' || a.internal) continue
      const origin = `http://${a.address}${port ? `:${port}` : ''}`
      if (!out.includes(origin)) out.push(origin)
    }
  }
  return out
}
