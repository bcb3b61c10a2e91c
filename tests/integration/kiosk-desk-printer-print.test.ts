// A desk with a badge printer at the hub prints through it, from the screen's one request: a
// real agent and hub, and a private cupsd with a cups-pdf queue. The agent has the hub print
// on the desk's queue and follows the job to CUPS's `completed`; the screen is never asked to
// print on the PC. A queue CUPS refuses is a clear error; a printer taken off the desk since the
// last heartbeat falls back to the PC's own printer. If CUPS cannot start here, this file fails.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { AgentHandle } from '../../agent/agent.js'
import type { LocalPrintResult } from '../../shared/kiosk-protocol.js'
import { startCups, type Cups } from '../helpers/cups.js'
import { openKioskScreen, type KioskScreen } from '../helpers/kiosk-client.js'
import { printJobsOf } from '../helpers/print-jobs.js'
import { startStack, type Stack } from '../helpers/stack.js'
import { until } from '../helpers/until.js'
import { DAY1_9AM } from '../e2e/kiosk-helpers.js'

let cups: Cups
let stack: Stack
let agent: AgentHandle
let screen: KioskScreen
const asked: string[] = []
const titles: string[] = []
const savedCups = process.env.CUPS_SERVER

let setupError: unknown = null
beforeEach(() => {
  if (setupError) throw setupError
})

const setPrinter = async (deskId: string, printer: string | null) => {
  const res = await fetch(`${stack.hub.url}/api/desk-printers/${deskId}`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${stack.hub.adminToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ printer, stock: 'cr80' }),
  })
  expect(res.status).toBe(200)
}

beforeAll(async () => {
  try {
    cups = await startCups()
    await cups.addPdfPrinter('DeskPDF')
  } catch (err) {
    setupError = err
    return
  }
  process.env.CUPS_SERVER = cups.server
  stack = await startStack({ now: DAY1_9AM })
  await setPrinter('desk-1', 'DeskPDF')
  // a minute between heartbeats: the agent keeps what it heard until beatNow()
  agent = await stack.addKiosk('desk-1', DAY1_9AM, { heartbeatMs: 60_000, printFollow: { waitMs: 20_000, everyMs: 100 } })
  await until(() => agent.kiosk.printerAssigned === true, 10_000, 'the desk to hear it has a printer')
  screen = await openKioskScreen(agent)
  screen.on('badge:print-local', (request, ack: (r: LocalPrintResult) => void) => {
    asked.push(request.path)
    ack({ ok: true })
  })
}, 60_000)
afterAll(async () => {
  screen?.disconnect()
  await stack?.close()
  await cups?.removeOutputs(titles).catch(() => {})
  await cups?.stop()
  if (savedCups === undefined) delete process.env.CUPS_SERVER
  else process.env.CUPS_SERVER = savedCups
})

const printAt = (payload: Record<string, unknown>) => screen.timeout(30_000).emitWithAck('badge:print', payload)

describe('printing at a desk with a printer at the hub', () => {
  it('one request: the hub prints on the desk’s queue and the screen is told when CUPS completed it; a reprint too', async () => {
    const answer = await printAt({ attendeeId: 'A0002' })
    expect(answer).toMatchObject({ ok: true, outcome: { via: 'hub', status: 'printed', printer: 'DeskPDF' } })
    const [job] = await printJobsOf(stack.hub, 'A0002')
    expect(job).toMatchObject({ via: 'cups', printer: 'DeskPDF', deskId: 'desk-1', status: 'completed', role: 'kiosk' })
    titles.push(`karibu-${job!.jobId}`)
    await cups.waitForOutput(`karibu-${job!.jobId}`)
    expect(asked).toEqual([])

    expect(await printAt({ attendeeId: 'A0002' })).toMatchObject({ ok: false, error: 'already_printed', lastPrint: { deskId: 'desk-1' } })
    expect(await printAt({ attendeeId: 'A0002', reprint: true })).toMatchObject({ ok: true, outcome: { via: 'hub', status: 'printed' } })
    const jobs = await printJobsOf(stack.hub, 'A0002')
    expect(jobs.map((j) => [j.via, j.badgeVersion, j.status])).toEqual([
      ['cups', 2, 'completed'],
      ['cups', 1, 'completed'],
    ])
    titles.push(`karibu-${jobs[0]!.jobId}`)
    expect(asked).toEqual([])
  })

  it('a queue CUPS does not know is a clear error, logged as failed', async () => {
    await setPrinter('desk-1', 'NoSuchQueue')
    expect(await printAt({ attendeeId: 'A0004' })).toEqual({ ok: false, error: 'printer_refused' })
    expect((await printJobsOf(stack.hub, 'A0004'))[0]).toMatchObject({ via: 'cups', printer: 'NoSuchQueue', status: 'failed' })
    expect(asked).toEqual([])
  })

  it('a printer taken off the desk since the last heartbeat: the PC’s own printer prints it', async () => {
    await setPrinter('desk-1', null)
    expect(agent.kiosk.printerAssigned).toBe(true) // not heard yet
    expect(await printAt({ attendeeId: 'A0006' })).toMatchObject({ ok: true, outcome: { via: 'local', status: 'printed' } })
    expect(asked).toEqual(['/badge/A0006'])
    expect((await printJobsOf(stack.hub, 'A0006'))[0]).toMatchObject({ via: 'desk', status: 'completed' })
  })
})
