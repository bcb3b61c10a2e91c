// The shared database is away (PostgreSQL restarting, the network cut): a write did not happen
// and may be tried again. Kiosks get 'unavailable', keep the check-in in their outbox and retry,
// rather than 'internal', which says something is wrong with the request or the hub.
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
])

export class StoreUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`the database is not reachable: ${(cause as Error)?.message ?? String(cause)}`, { cause })
  }
}

/** Whether `err` says the connection to the database failed, not the statement. */
export function isConnectionFailure(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | null
  if (e && typeof e.code === 'string' && CONNECTION_CODES.has(e.code)) return true
  const message = typeof e?.message === 'string' ? e.message : ''
  return /Connection terminated|terminated unexpectedly|timeout exceeded when trying to connect|Client has encountered a connection error|connect ECONNREFUSED/i.test(
    message,
  )
}

/** `err` as the caller should see it: a connection failure becomes StoreUnavailableError. */
export const asStoreError = (err: unknown): unknown => (isConnectionFailure(err) ? new StoreUnavailableError(err) : err)
