// Bulk badge PDFs drawn in a worker thread (badge-draw-worker.ts) and streamed to the client
// as they are written: the main thread only signs the codes, a slice at a time, and passes
// bytes on, so check-ins keep their latency while a thousand badges are drawn. One thread for
// the hub, started on the first bulk run and kept; jobs at the same time share it.
import type { ServerResponse } from 'node:http'
import type { Worker } from 'node:worker_threads'
import type { BadgeFormat } from '../../shared/badges/badge-layout.js'
import type { Attendee, EventInfo } from '../../shared/domain.js'
import { startHubWorker } from '../server/worker-entry.js'
import type { DrawReply, DrawRequest } from './badge-draw-protocol.js'
import type { BulkLayout } from './badge-pdf.js'

/** Badges signed and handed over per turn of the main thread's loop (~3 ms of signing). */
const BADGES_PER_SLICE = 50
/** A drawer with no job this long is ended (a thread under tsx costs ~0.7 s to start again). */
const IDLE_MS = 60_000

interface Listener {
  piece(bytes: Uint8Array): void
  done(): void
  failed(err: Error): void
}

let drawer: { thread: Worker; jobs: Map<number, Listener>; idle: NodeJS.Timeout | null } | null = null
let nextJob = 0

/** Ends the drawer's thread unless it is drawing (a closing hub; the idle timer). */
export async function stopIdleDrawer(): Promise<void> {
  const current = drawer
  if (!current || current.jobs.size > 0) return
  drawer = null
  if (current.idle) clearTimeout(current.idle)
  await current.thread.terminate()
}

function jobEnded(current: NonNullable<typeof drawer>) {
  if (current.jobs.size > 0) return
  current.idle = setTimeout(() => void stopIdleDrawer(), IDLE_MS)
  current.idle.unref()
}

function startDrawer() {
  const thread = startHubWorker(new URL('./badge-draw-worker.ts', import.meta.url), 'badge-draw-worker.mjs')
  const jobs = new Map<number, Listener>()
  const current: NonNullable<typeof drawer> = { thread, jobs, idle: null }
  thread.unref()
  thread.on('message', (m: DrawReply) => {
    const job = jobs.get(m.id)
    if (!job) return
    if (m.kind === 'piece') job.piece(m.bytes)
    else {
      jobs.delete(m.id)
      jobEnded(current)
      if (m.kind === 'done') job.done()
      else job.failed(new Error(m.message))
    }
  })
  const fail = (err: Error) => {
    if (drawer === current) drawer = null
    for (const job of jobs.values()) job.failed(err)
    jobs.clear()
  }
  thread.on('error', fail)
  thread.on('exit', () => fail(new Error('the badge drawer stopped')))
  return current
}

export interface BulkDraw {
  format: BadgeFormat
  layout: BulkLayout
  title: string
  event: EventInfo
  attendees: readonly Attendee[]
  /** the signed code of an attendee's current badge (signed here: the key stays on this thread) */
  code(a: Attendee): string
}

/**
 * Streams the PDF to `res` (headers already written) and resolves once it is all written,
 * or the client went away (then the drawing stops too). Rejects if the drawer failed.
 */
export function streamBulkPdf(res: ServerResponse, draw: BulkDraw): Promise<void> {
  drawer ??= startDrawer()
  const current = drawer
  const { thread, jobs } = current
  if (current.idle) clearTimeout(current.idle)
  current.idle = null
  const id = ++nextJob
  const send = (m: DrawRequest) => thread.postMessage(m)
  return new Promise<void>((resolve, reject) => {
    let settled = false
    const settle = (err?: Error) => {
      if (settled) return
      settled = true
      res.off('drain', resume)
      res.off('close', gone)
      if (err) reject(err)
      else resolve()
    }
    const resume = () => send({ id, kind: 'resume' })
    const gone = () => {
      if (jobs.delete(id)) {
        send({ id, kind: 'cancel' })
        jobEnded(current)
      }
      settle()
    }
    res.on('drain', resume)
    res.once('close', gone)
    jobs.set(id, {
      piece(bytes) {
        if (!res.write(bytes)) send({ id, kind: 'pause' })
      },
      done() {
        res.end(() => settle())
      },
      failed(err) {
        res.destroy(err)
        settle(err)
      },
    })
    send({ id, kind: 'start', format: draw.format, layout: draw.layout, title: draw.title, event: draw.event })
    const { attendees } = draw
    const sendFrom = (from: number) => {
      if (settled) return
      const to = Math.min(from + BADGES_PER_SLICE, attendees.length)
      const badges = attendees.slice(from, to).map((attendee) => ({ attendee, code: draw.code(attendee) }))
      send({ id, kind: 'badges', badges, last: to >= attendees.length })
      if (to < attendees.length) setImmediate(() => sendFrom(to))
    }
    sendFrom(0)
  })
}
