// Socket.IO edge of the hub: handshake auth, the role table, validation, acks, broadcasts.
// Every handler validates its payload; errors leave as codes, never as internal text.
import type { Server, Socket } from 'socket.io'
import { z } from 'zod'
import { checkPreviousIdentityProof } from '../../node-shared/identity-proof.js'
import { socketHandler, type Refusal } from '../../node-shared/socket-handler.js'
import { CheckinSubmission } from '../../shared/domain.js'
import {
  CheckinBatch,
  CheckinsPull,
  ClockPing,
  EVENT_ROLES,
  KioskHeartbeat,
  RegistryPull,
  StatsQuery,
  type Ack,
  type ErrorCode,
  type ClientToServerEvents,
  type ServerToClientEvents,
  type SocketData,
} from '../../shared/protocol.js'
import { forKiosks } from '../../shared/ledger.js'
import type { InterHubEvents } from '../cluster/cluster.js'
import type { HubContext } from './context.js'
import type { ConnectionLimits } from './connection-limits.js'
import { deskPrinterAssigned } from '../badges/desk-printer-assigned.js'
import { DashboardBudget } from '../pushes/dashboard-budget.js'
import { sleep } from '../../node-shared/sleep.js'
import { statsFor } from '../pushes/dashboard-view.js'
import { StoreUnavailableError } from '../store/store-unavailable.js'

export type HubServer = Server<ClientToServerEvents, ServerToClientEvents, InterHubEvents, SocketData>
type HubSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterHubEvents, SocketData>

/** Per-socket budget of requests per second; a flood gets `rate_limited`, not the hub's time. */
const RATE_PER_SECOND = 400
/**
 * A dashboard's: it is pushed its figures, so it asks rarely. Past three times this in one
 * second a dashboard socket is flooding and is cut off: answering a refusal still costs the hub
 * a message, which 40 sockets at full speed turn into the kiosks' wait.
 */
const DASHBOARD_RATE_PER_SECOND = 20
const DASHBOARD_CUT_OFF = 3 * DASHBOARD_RATE_PER_SECOND

/** A re-paired kiosk's proofs that it was these kiosks before (node-shared/identity-proof.ts). */
const PreviousIdentities = z.array(z.object({ kioskId: z.string().max(64), proof: z.string().max(64) })).max(8)

/**
 * The previous kiosk ids a kiosk proved at the handshake are its own: records it made under
 * them, unsent when it was paired again, are accepted from it. Checked against every kiosk
 * credential ever made, revoked ones too: a revoked kiosk's records are stored for review.
 */
function provenPrevious(ctx: HubContext, auth: unknown, principal: string): Set<string> {
  const parsed = PreviousIdentities.safeParse((auth as { previous?: unknown } | undefined)?.previous ?? [])
  const proven = new Set<string>()
  if (!parsed.success) return proven
  for (const { kioskId, proof } of parsed.data) {
    const credential = ctx.store.data.credentials.find((c) => c.id === kioskId && c.role === 'kiosk')
    if (credential && kioskId !== principal && checkPreviousIdentityProof(proof, credential.tokenHash, principal)) proven.add(kioskId)
  }
  return proven
}

export function attachSockets(io: HubServer, ctx: HubContext, limits: ConnectionLimits, budget = new DashboardBudget()) {
  const { store, presence, throttle } = ctx

  io.use(async (socket, next) => {
    const address = socket.handshake.address
    const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token
    let principal = store.credentials.authenticate(token)
    if (!principal) {
      // a credential made on another hub a moment ago: catch up before refusing it; if the
      // shared store is away, say so: "unauthorized" makes a kiosk forget its attendee list
      try {
        await store.refresh()
      } catch {
        return next(new Error('unavailable'))
      }
      principal = store.credentials.authenticate(token)
    }
    if (!principal) {
      await sleep(throttle.delayFor(address))
      throttle.failed(address)
      next(new Error('unauthorized'))
      // the refusal goes out first; then the session is closed rather than left to time out
      setImmediate(() => socket.conn.close())
      return
    }
    limits.authenticated(socket.conn)
    throttle.succeeded(address)
    if (principal.role !== 'kiosk' && budget.isCutOff(principal.id, address, Date.now())) {
      // held a second before the refusal, so a flooder that reconnects at once asks once a second
      await sleep(1000)
      return next(new Error('rate_limited'))
    }
    socket.data.role = principal.role
    socket.data.principal = principal.id
    next()
  })

  io.on('connection', (socket: HubSocket) => {
    const { role, principal } = socket.data
    const previous = role === 'kiosk' ? provenPrevious(ctx, socket.handshake.auth, principal) : new Set<string>()
    void socket.join(role === 'kiosk' ? ['kiosks', `kiosk:${principal}`] : ['dashboards', role, `credential:${principal}`])
    if (role === 'kiosk') {
      presence.connected(principal, ctx.now().getTime())
      ctx.kiosksChanged(true)
      socket.on('disconnect', () => {
        presence.disconnected(principal, ctx.now().getTime())
        ctx.kiosksChanged(true)
      })
    }

    let windowStart = 0
    let used = 0
    const handle = socketHandler<keyof ClientToServerEvents, Ack<object>, Refusal<ErrorCode>>(socket, {
      async admit(event) {
        if (!EVENT_ROLES[event].includes(role)) return { ok: false, error: 'forbidden' }
        const now = Date.now()
        if (now - windowStart >= 1000) {
          windowStart = now
          used = 0
        }
        if (role === 'kiosk') {
          if (++used > RATE_PER_SECOND) return { ok: false, error: 'rate_limited' }
        } else if (++used > DASHBOARD_RATE_PER_SECOND) {
          if (used > DASHBOARD_CUT_OFF) {
            if (used === DASHBOARD_CUT_OFF + 1) {
              ctx.log.error(`dashboard socket cut off for flooding: ${principal} from ${socket.handshake.address}`)
              budget.cutOff(principal, socket.handshake.address, now)
            }
            socket.disconnect(true)
            return 'drop'
          }
          return { ok: false, error: 'rate_limited' }
        }
        if (role !== 'kiosk' && !(await budget.take(principal, socket.handshake.address))) return { ok: false, error: 'rate_limited' }
        return null
      },
      failed(event, err) {
        ctx.log.error(`handler ${event} failed: ${(err as Error).message}`)
        return { ok: false, error: err instanceof StoreUnavailableError ? 'unavailable' : 'internal' }
      },
    })

    handle('checkin:submit', CheckinSubmission, async (sub) => {
      if (sub.kioskId !== principal) return { ok: false, error: 'forbidden' }
      const result = await store.submit(sub)
      presence.seen(principal, ctx.now().getTime())
      return { ok: true, ...result }
    })

    handle('checkin:submitBatch', CheckinBatch, async (batch) => {
      if (batch.some((s) => s.kioskId !== principal && !previous.has(s.kioskId))) return { ok: false, error: 'forbidden' }
      // revoked since: the kiosk told people what it told them, but an organiser looks at it
      const revoked = (kioskId: string) => kioskId !== principal && !!store.data.credentials.find((c) => c.id === kioskId)?.revokedAt
      const results = await Promise.all(batch.map((s) => store.submit(s, revoked(s.kioskId) ? { review: 'revoked_kiosk' } : {})))
      presence.seen(principal, ctx.now().getTime())
      return { ok: true, results: results.map((r) => ({ id: r.record.id, outcome: r.record.outcome, duplicate: r.duplicate })) }
    })

    handle('checkins:pull', CheckinsPull, (q) => {
      const records = store.checkinsSince(q.since, q.limit)
      return { ok: true, records: role === 'kiosk' ? records.map(forKiosks) : records, lastSeq: store.ledger.lastSeq }
    })

    handle('registry:pull', RegistryPull, (q) => {
      const delta = store.registryDelta(q.since)
      // a kiosk finds people by name, phone or institution: it is not given their e-mail
      if (role === 'kiosk') delta.attendees = delta.attendees.map(({ email: _email, ...a }) => a)
      return { ok: true, ...delta }
    })

    handle('clock:ping', ClockPing, () => ({ ok: true, hubTime: ctx.now().getTime() }))

    handle('kiosk:heartbeat', KioskHeartbeat, async (beat) => {
      presence.heartbeat(principal, beat, ctx.now().getTime())
      ctx.kiosksChanged(false)
      // the desk sees its own badge printer stop, not only the dashboard, and is told at
      // once (not at the first attendee) when the hub has no printer set up for it
      const printer = beat.deskId ? presence.printers.get(beat.deskId) : undefined
      const assigned = beat.deskId ? await deskPrinterAssigned(ctx, beat.deskId) : undefined
      return { ok: true, ...(printer ? { printer } : {}), ...(assigned === undefined ? {} : { printerAssigned: assigned }) }
    })

    // no payload at all asks for the default day
    handle('stats:get', StatsQuery.nullish(), (q) => ({ ok: true, ...statsFor(ctx, q?.dayId) }))
  })
}
