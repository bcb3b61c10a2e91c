// The only browser module that talks to the kiosk agent: a typed Socket.IO client on the
// page's own origin (the agent serves the kiosk page on 127.0.0.1). The page never talks to
// the hub; the agent decides, stores and syncs. Every request has a timeout, so a stuck agent
// shows as an error on screen instead of a frozen kiosk.
import { io, type Socket } from 'socket.io-client'
import type {
  AttendeeCard,
  DeskPrintOutcome,
  KioskClientEvents,
  KioskServerEvents,
  KioskState,
  LocalAck,
  LocalPrintResult,
  PrinterChoice,
  ScanResult,
  StuckPrint,
} from '../../../shared/kiosk-protocol'

export type KioskAgentSocket = Socket<KioskServerEvents, KioskClientEvents>
export type ScanSubmit =
  | { code: string; method: 'qr' }
  | { attendeeId: string; method: 'search' }
  /** a desk supervisor lets a wrong-day person in, with the organiser PIN */
  | { attendeeId: string; method: 'manual'; override: { reason: 'wrong_day'; pin: string } }

const TIMEOUT_MS = 8000
// a print waits on a printer: the hub's (followed for a few seconds) or this PC's (its print window)
const PRINT_TIMEOUT_MS = 75_000
const BADGE_PATH = /^\/badge\/[A-Za-z0-9_.:-]{1,64}$/

/** Prints a badge page on this PC's own printer, when the agent asks during a print. */
export type PrintLocally = (path: string) => Promise<LocalPrintResult>

/** The agent's refusal (`not_ready`, `invalid_payload`, `pairing_failed`…) or a timeout. */
export class AgentError extends Error {
  constructor(
    readonly code: string,
    /** for `already_printed`: when and where the badge was printed */
    readonly lastPrint?: { at: string; deskId: string | null },
  ) {
    super(code)
  }
}

function unwrap<T extends object>(res: LocalAck<T>): T {
  if (!res.ok) throw new AgentError(res.error, res.lastPrint)
  return res
}

/** Requests time out as errors; the socket's own timeout error becomes AgentError('timeout'). */
async function ask<T extends object>(send: () => Promise<LocalAck<T>>): Promise<T> {
  let res: LocalAck<T>
  try {
    res = await send()
  } catch {
    throw new AgentError('timeout')
  }
  return unwrap(res)
}

/** A pushed state is trusted only as far as its shape: it comes from another process. */
function looksLikeState(v: unknown): v is KioskState {
  if (!v || typeof v !== 'object') return false
  const s = v as Record<string, unknown>
  return typeof s.paired === 'boolean' && typeof s.online === 'boolean' && typeof s.outboxDepth === 'number' && Array.isArray(s.desks)
}

export interface KioskAgent {
  state(): Promise<KioskState>
  scan(request: ScanSubmit): Promise<ScanResult>
  /** the best matches, and how many matched in all */
  search(query: string): Promise<{ results: AttendeeCard[]; total: number }>
  configureDesk(deskId: string, mode: 'in' | 'out'): Promise<void>
  pair(request: { hubUrl: string; code: string; name: string }): Promise<void>
  /**
   * Prints a badge at this desk: the agent has the hub print it, or logs it and calls
   * `printLocally` with the badge page, then reports. AgentError('already_printed') carries lastPrint.
   */
  printBadge(request: { attendeeId: string; force?: boolean; reprint?: boolean }, printLocally: PrintLocally): Promise<DeskPrintOutcome>
  /** this desk's badges stuck at its printer at the hub, and the other desks' printers */
  stuckPrints(): Promise<{ jobs: StuckPrint[]; desks: PrinterChoice[] }>
  /** moves a stuck badge to another desk's printer; resolves with that printer's name */
  moveStuckPrint(jobId: string, toDeskId: string): Promise<string>
  onState(listener: (state: KioskState) => void): () => void
  onConnection(listener: (connected: boolean) => void): () => void
  /** the agent refused the connection (it has no session for this page, e.g. after its restart) */
  onRefused(listener: () => void): () => void
  close(): void
}

export function connectKioskAgent(origin: string = window.location.origin): KioskAgent {
  // forceNew: a page that reconnects (React remount) gets a fresh manager, never a closed one
  const socket: KioskAgentSocket = io(origin, { forceNew: true, reconnectionDelayMax: 2000 })
  const timed = () => socket.timeout(TIMEOUT_MS)
  // the print under way, if any: the agent asks it to print here while the screen waits for its answer
  let printing: PrintLocally | null = null
  socket.on('badge:print-local', (request, ack) => {
    if (typeof ack !== 'function') return
    const path = (request as { path?: unknown } | null)?.path
    if (!printing || typeof path !== 'string' || !BADGE_PATH.test(path)) return ack({ ok: false, error: 'not_asked' })
    printing(path).then(ack, () => ack({ ok: false, error: 'print_failed' }))
  })
  return {
    state: async () => (await ask(() => timed().emitWithAck('kiosk:state', {}))).state,
    scan: async (request) => (await ask(() => timed().emitWithAck('scan:submit', request))).result,
    search: async (query) => {
      const { results, total } = await ask(() => timed().emitWithAck('attendee:search', { query }))
      return { results, total }
    },
    configureDesk: async (deskId, mode) => {
      await ask(() => timed().emitWithAck('desk:configure', { deskId, mode }))
    },
    pair: async (request) => {
      await ask(() => timed().emitWithAck('kiosk:pair', request))
    },
    printBadge: async (request, printLocally) => {
      printing = printLocally
      try {
        return (await ask(() => socket.timeout(PRINT_TIMEOUT_MS).emitWithAck('badge:print', request))).outcome
      } finally {
        if (printing === printLocally) printing = null
      }
    },
    stuckPrints: async () => {
      const { jobs, desks } = await ask(() => timed().emitWithAck('print:stuck', {}))
      return { jobs, desks }
    },
    moveStuckPrint: async (jobId, toDeskId) => (await ask(() => timed().emitWithAck('print:move', { jobId, toDeskId }))).printer,
    onState(listener) {
      const handler = (state: unknown) => {
        if (looksLikeState(state)) listener(state)
      }
      socket.on('kiosk:state', handler)
      return () => void socket.off('kiosk:state', handler)
    },
    onConnection(listener) {
      const up = () => listener(true)
      const down = () => listener(false)
      socket.on('connect', up)
      socket.on('disconnect', down)
      if (socket.connected) listener(true)
      return () => {
        socket.off('connect', up)
        socket.off('disconnect', down)
      }
    },
    onRefused(listener) {
      const refused = () => listener()
      socket.on('connect_error', refused)
      return () => void socket.off('connect_error', refused)
    },
    close: () => void socket.disconnect(),
  }
}
