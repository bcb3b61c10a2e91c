// The hub's side of a desk print. The hub holds the signing key, so a badge is always the hub's
// page: the hub logs each print first (the same refusal of a silent second print as
// everywhere), and a page printed on the PC's own printer is reached through this agent (its
// own origin, so the Electron window's navigation and CSP rules hold). Without the hub there is
// no badge to print. desk-print.ts puts the steps in order.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { SECURITY_HEADERS } from '../../node-shared/http-util.js'
import { AlreadyPrinted, DeskPrintAnswer as DeskPrintReply } from '../../shared/http/badges.js'

export interface HubAccess {
  /** the hub this kiosk is using now, and its token; null when not paired */
  current(): { hubUrl: string; token: string } | null
  deskId(): string | null
}

const TIMEOUT_MS = 10_000

export type DeskPrintAnswer =
  | { ok: true; jobId: string; path: string; badgeVersion: number }
  | {
      ok: false
      error: 'offline' | 'not_found' | 'already_printed' | 'print_failed' | 'printer_refused'
      lastPrint?: { at: string; deskId: string | null }
    }

export async function hubCall(
  hub: HubAccess,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown> } | null> {
  const at = hub.current()
  if (!at) return null
  try {
    const res = await fetch(new URL(path, at.hubUrl), {
      method,
      headers: { Authorization: `Bearer ${at.token}`, 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    })
    // read by each caller through its contract (shared/http/); {} when it is not JSON at all
    return { status: res.status, body: ((await res.json().catch(() => null)) ?? {}) as Record<string, unknown> }
  } catch {
    return null
  }
}

export type PrintRefusal = Extract<DeskPrintAnswer, { ok: false }>

/** A reprint makes a new badge version first (the old code stops working); null when done. */
export async function reprintFirst(hub: HubAccess, attendeeId: string): Promise<PrintRefusal | null> {
  const reprinted = await hubCall(hub, 'POST', `/api/badges/${encodeURIComponent(attendeeId)}/reprint`)
  if (!reprinted) return { ok: false, error: 'offline' }
  if (reprinted.status === 404) return { ok: false, error: 'not_found' }
  if (reprinted.status !== 200) return { ok: false, error: 'print_failed' }
  return null
}

/** The hub's refusal of a print, as the screen is told it; null when the hub took it. */
export function refusal(res: { status: number; body: Record<string, unknown> } | null): PrintRefusal | null {
  if (!res) return { ok: false, error: 'offline' }
  if (res.status === 404) return { ok: false, error: 'not_found' }
  if (res.status === 409) {
    const refusal = AlreadyPrinted.safeParse(res.body)
    const last = refusal.success ? refusal.data.lastPrint : undefined
    return { ok: false, error: 'already_printed', ...(last ? { lastPrint: { at: last.createdAt, deskId: last.deskId ?? null } } : {}) }
  }
  return res.status === 200 ? null : { ok: false, error: 'print_failed' }
}

/** Logs a print on the desk's own printer at the hub (refusing a silent second one) and says which page to print. */
export async function logDeskPrint(hub: HubAccess, req: { attendeeId: string; force: boolean }): Promise<DeskPrintAnswer> {
  const deskId = hub.deskId()
  const res = await hubCall(hub, 'POST', `/api/badges/${encodeURIComponent(req.attendeeId)}/desk-print`, {
    format: 'cr80',
    force: req.force,
    ...(deskId ? { deskId } : {}),
  })
  const refused = refusal(res)
  if (refused) return refused
  // an answer that is not the contract's is a failed print, said as one, never a half-read job
  const answer = DeskPrintReply.safeParse(res!.body)
  if (!answer.success) return { ok: false, error: 'print_failed' }
  return { ok: true, jobId: answer.data.job.jobId, path: answer.data.path, badgeVersion: answer.data.job.badgeVersion }
}

/** How the desk's printer did: a failed print stops counting as printed at the hub. */
export async function reportDeskPrint(hub: HubAccess, jobId: string, result: { ok: boolean; error?: string }): Promise<boolean> {
  if (!/^pj-[0-9a-f]{12}$/.test(jobId)) return false
  const res = await hubCall(hub, 'POST', `/api/print-jobs/${jobId}/desk-result`, result)
  return res?.status === 200
}

const PROXIED = /^\/(badge\/[A-Za-z0-9_.:-]{1,64}|badge-assets\/[A-Za-z0-9_.-]{1,64})$/

/** GET /badge/<id> and /badge-assets/<file>: the hub's badge page and its fonts, through this agent. Returns false for any other path. */
export async function proxyBadgePage(hub: HubAccess, req: IncomingMessage, url: URL, res: ServerResponse): Promise<boolean> {
  if (req.method !== 'GET' || !PROXIED.test(url.pathname)) return false
  const at = hub.current()
  const send = (status: number, type: string, body: string | Buffer) => {
    res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store' })
    res.end(body)
  }
  if (!at) {
    send(503, 'text/plain; charset=utf-8', 'Kioski haijaunganishwa / Kiosk not paired')
    return true
  }
  const target = new URL(url.pathname, at.hubUrl)
  for (const key of ['format', 'print']) {
    const v = url.searchParams.get(key)
    if (v !== null && /^[a-z0-9]{1,8}$/.test(v)) target.searchParams.set(key, v)
  }
  try {
    const answer = await fetch(target, { headers: { Authorization: `Bearer ${at.token}` }, signal: AbortSignal.timeout(TIMEOUT_MS) })
    send(answer.status, answer.headers.get('content-type') ?? 'application/octet-stream', Buffer.from(await answer.arrayBuffer()))
  } catch {
    send(
      503,
      'text/plain; charset=utf-8',
      'Kitovu hakipatikani: beji haiwezi kuchapishwa sasa. / The hub is unreachable: the badge cannot be printed now.',
    )
  }
  return true
}
