// The badge drawer's thread: lays out and draws bulk badge PDFs off the hub's main thread, so
// a thousand badges never hold up a check-in. Sends the PDF back in pieces as it is written;
// stops drawing while the main thread says the client is not reading (pause), and for good
// when the client went away (cancel).
import { parentPort } from 'node:worker_threads'
import { BadgePdf, layoutForPdf } from './badge-pdf.js'
import type { DrawReply, DrawRequest } from './badge-draw-protocol.js'

type Start = Extract<DrawRequest, { kind: 'start' }>
type Badges = Extract<DrawRequest, { kind: 'badges' }>['badges']

/** Bytes gathered before a piece goes to the main thread: fewer, larger messages. */
const PIECE_BYTES = 64 * 1024
/** Badges drawn between looks at the main thread's messages (pause, cancel, more badges). */
const BADGES_PER_TURN = 10

interface Job {
  pdf: BadgePdf
  queue: Badges
  more: boolean
  paused: boolean
  cancelled: boolean
  wake: (() => void) | null
}

const jobs = new Map<number, Job>()
const post = (m: DrawReply, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(m, transfer)

function wake(job: Job) {
  const w = job.wake
  job.wake = null
  w?.()
}

async function draw(id: number, job: Job, event: Start['event'], format: Start['format']) {
  let piece: Buffer[] = []
  let pieceBytes = 0
  const send = () => {
    if (pieceBytes === 0) return
    const bytes = new Uint8Array(pieceBytes)
    let at = 0
    for (const c of piece) {
      bytes.set(c, at)
      at += c.length
    }
    piece = []
    pieceBytes = 0
    post({ id, kind: 'piece', bytes }, [bytes.buffer])
  }
  job.pdf.doc.on('data', (c: Buffer) => {
    piece.push(c)
    pieceBytes += c.length
    if (pieceBytes >= PIECE_BYTES) send()
  })
  const ended = new Promise<void>((resolve, reject) => {
    job.pdf.doc.once('end', resolve)
    job.pdf.doc.once('error', reject)
  })
  let drawn = 0
  while (!job.cancelled) {
    if (job.paused || (job.queue.length === 0 && job.more)) {
      send()
      await new Promise<void>((r) => (job.wake = r))
      continue
    }
    if (job.queue.length === 0) break
    for (let i = 0; i < BADGES_PER_TURN && job.queue.length > 0; i++) {
      const b = job.queue.shift()!
      job.pdf.add(layoutForPdf({ event, attendee: b.attendee, code: b.code, format }))
      drawn++
    }
    // a turn of the thread's loop: the main thread's pause, cancel and badges get in
    await new Promise((r) => setImmediate(r))
  }
  if (job.cancelled) {
    jobs.delete(id)
    return
  }
  job.pdf.end()
  await ended
  send()
  jobs.delete(id)
  post({ id, kind: 'done', count: drawn })
}

parentPort!.on('message', (m: DrawRequest) => {
  if (m.kind === 'start') {
    const job: Job = { pdf: new BadgePdf(m.format, m.layout, m.title), queue: [], more: true, paused: false, cancelled: false, wake: null }
    jobs.set(m.id, job)
    draw(m.id, job, m.event, m.format).catch((err: unknown) => {
      jobs.delete(m.id)
      post({ id: m.id, kind: 'failed', message: (err as Error).message })
    })
    return
  }
  const job = jobs.get(m.id)
  if (!job) return
  if (m.kind === 'badges') {
    job.queue.push(...m.badges)
    job.more = !m.last
  } else if (m.kind === 'pause') job.paused = true
  else if (m.kind === 'resume') job.paused = false
  else job.cancelled = true
  wake(job)
})
