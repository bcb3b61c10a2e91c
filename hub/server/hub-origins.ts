import type { IncomingMessage } from 'node:http'
import { networkInterfaces } from 'node:os'

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
