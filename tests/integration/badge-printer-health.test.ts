// A badge printer's trouble, followed through CUPS: a job on a queue stopped mid-event shows
// the printer stopped (on the job, and on the desk's printer health), moves to another desk's
// printer and prints there, and is cancelled where it waited so it never prints twice; a
// printer that stops answering shows offline; a job that prints is marked completed by the hub
// without anyone asking. If CUPS cannot start here, this fails.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { PrintJob } from '../../hub/badges/print-log.js'
import type { PrinterHealth } from '../../shared/badges/printer-health.js'
import type { KioskStatus } from '../../shared/protocol.js'
import { startCups, type Cups } from '../helpers/cups.js'
import { startLabelPrinter, type LabelPrinter } from '../helpers/label-printer.js'
import { printJobsOf } from '../helpers/print-jobs.js'
import { tempDir } from '../helpers/temp-dir.js'
import { startTestHub, type TestHub } from '../helpers/test-hub.js'
import { until } from '../helpers/until.js'

let dir: Awaited<ReturnType<typeof tempDir>>
let cups: Cups
let t: TestHub
const printers: Record<string, LabelPrinter> = {}
const savedEnv = { CUPS_SERVER: process.env.CUPS_SERVER, KARIBU_PRINTER: process.env.KARIBU_PRINTER }

let setupError: unknown = null
beforeEach(() => {
  if (setupError) throw setupError
})

beforeAll(async () => {
  dir = await tempDir('karibu-printer-health-')
  try {
    cups = await startCups()
    for (const name of ['ZebraA', 'ZebraB', 'ZebraC']) {
      printers[name] = await startLabelPrinter(dir.path, name)
      await cups.addLabelPrinter(name, printers[name].uri, 'drv:///sample.drv/zebra.ppd')
    }
  } catch (err) {
    setupError = err
    return
  }
  process.env.CUPS_SERVER = cups.server
  delete process.env.KARIBU_PRINTER
  t = await startTestHub(dir.path)
  for (const [desk, printer] of [
    ['desk-1', 'ZebraA'],
    ['desk-2', 'ZebraB'],
    ['expo-door', 'ZebraC'],
  ])
    await admin('PUT', `/api/desk-printers/${desk}`, { printer, stock: 'zebra-4x3' })
}, 60_000)
afterAll(async () => {
  if (t) {
    await t.close()
  }
  await cups?.stop()
  for (const p of Object.values(printers)) await p.stop().catch(() => {})
  for (const [k, v] of Object.entries(savedEnv))
    if (v === undefined) delete process.env[k]
    else process.env[k] = v
  await dir?.remove()
})

async function admin(
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${t.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${t.adminToken}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  return { status: res.status, body: (await res.json()) as Record<string, unknown> }
}

/** The job as the hub's print log holds it now: read from the log, not refreshed by asking CUPS. */
const inLog = async (jobId: string) => (await t.hub.ctx.badges()).log.get(jobId)

async function jobNow(attendeeId: string): Promise<PrintJob> {
  return (await printJobsOf(t, attendeeId))[0]!
}

async function healthOf(deskId: string): Promise<PrinterHealth | null> {
  const { body } = await admin('GET', '/api/desk-printers')
  return (body.desks as { deskId: string; health: PrinterHealth | null }[]).find((d) => d.deskId === deskId)?.health ?? null
}

describe('printer health through CUPS', () => {
  it('a job that prints is marked completed by the hub on its own', async () => {
    const { body } = await admin('POST', '/api/badges/A0001/print', { deskId: 'desk-2' })
    const job = body.job as PrintJob
    expect(job.status).toBe('sent')
    await printers.ZebraB!.waitForJob(1)
    // read straight from the hub's log: the follower, not this query, marked it
    await until(async () => (await inLog(job.jobId))?.status === 'completed', 20_000, 'the job to be completed')
    expect(await healthOf('desk-2')).toMatchObject({ printer: 'ZebraB', state: 'ready' })
  })

  it('a queue stopped mid-event: the job shows the printer stopped, moves to another desk’s printer, prints once', async () => {
    await cups.run('cupsdisable', ['-r', 'out of labels', 'ZebraA'])
    const { body } = await admin('POST', '/api/badges/A0002/print', { deskId: 'desk-1' })
    const job = body.job as PrintJob
    expect(job).toMatchObject({ status: 'sent', printer: 'ZebraA' })
    await until(async () => (await jobNow('A0002')).printerState === 'stopped', 20_000, 'the job to show the printer stopped')
    expect(await healthOf('desk-1')).toMatchObject({ printer: 'ZebraA', state: 'stopped', message: 'out of labels' })
    // the kiosk at desk 1, on the kiosk list the dashboard and the admin page show
    const paired = await t.pairKiosk('Desk 1 kiosk')
    const kiosk = await t.client(paired.token)
    // the desk's own kiosk hears it in its heartbeat's answer, for its status bar
    // (the hub looks at its printers every 5 s: the answer says so from its next look on)
    const beat = await until(
      async () => {
        const res = await kiosk.emitWithAck('kiosk:heartbeat', { outboxDepth: 0, clockOffsetMs: 0, deskId: 'desk-1' })
        return res.ok && res.printer?.state === 'stopped' ? res : null
      },
      20_000,
      'the heartbeat answer to say desk 1’s printer stopped',
    )
    expect(beat).toMatchObject({ ok: true, printer: { printer: 'ZebraA', state: 'stopped' } })
    const listed = await until(
      async () => {
        const { body } = await admin('GET', '/api/admin/kiosks')
        const k = (body.kiosks as KioskStatus[]).find((x) => x.kioskId === paired.kioskId)
        return k?.printer?.state === 'stopped' ? k : null
      },
      20_000,
      'the kiosk list to show desk 1’s printer stopped',
    )
    expect(listed.printer).toMatchObject({ printer: 'ZebraA', state: 'stopped' })
    kiosk.disconnect()
    // failover: the same job, to desk 2's printer, without force (nothing printed yet), laid
    // out for the 4 × 6 in labels loaded there
    await admin('PUT', '/api/desk-printers/desk-2', { printer: 'ZebraB', stock: 'zebra-4x6' })
    const moved = await admin('POST', `/api/print-jobs/${job.jobId}/resend`, { printer: 'ZebraB' })
    expect(moved.status, JSON.stringify(moved.body)).toBe(200)
    expect(moved.body.job).toMatchObject({ format: 'zebra-4x6', printer: 'ZebraB' })
    await printers.ZebraB!.waitForJob(2)
    await until(async () => (await jobNow('A0002')).status === 'completed', 20_000, 'the moved job to complete')
    const after = await jobNow('A0002')
    expect(after.printer).toBe('ZebraB')
    expect((await printers.ZebraB!.waitForJob(2)).toString('latin1')).toContain('^PW812') // 4 in wide
    expect(
      /~DG[^,]*,(\d+),(\d+),/
        .exec((await printers.ZebraB!.waitForJob(2)).toString('latin1'))!
        .slice(1)
        .map(Number),
    ).toEqual([102 * 1218, 102]) // 6 in long at 203 dpi (432 pt)
    expect(after.printerState).toBeUndefined()
    // the stopped queue's copy was cancelled: back on, it prints nothing
    await cups.run('cupsenable', ['ZebraA'])
    expect((await cups.run('lpstat', ['-o', 'ZebraA'])).trim()).toBe('')
    expect(printers.ZebraA!.files).toEqual([])
  })

  it('a printer that stops answering shows offline on the job and the desk', async () => {
    await printers.ZebraC!.stop()
    const { body } = await admin('POST', '/api/badges/A0003/print', { deskId: 'expo-door' })
    expect((body.job as PrintJob).status).toBe('sent')
    await until(async () => (await jobNow('A0003')).printerState === 'offline', 30_000, 'the job to show the printer offline')
    expect(await healthOf('expo-door')).toMatchObject({ printer: 'ZebraC', state: 'offline' })
  })
})
