// A badge stuck at a desk's printer, moved from that desk's kiosk through its agent: a real
// hub, real agents and real CUPS queues (a private cupsd; label printers standing in on
// 127.0.0.1). The queue is stopped mid-job (cupsdisable); the kiosk at that desk sees it, lists
// the job and the other desks' printers with their health, and moves the job to a ready one,
// where it completes; the stopped queue's copy is cancelled. A kiosk moves only its own desk's
// jobs, only to a desk's printer. A desk the hub has no printer for is told so at once.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { AgentHandle } from '../../agent/agent.js'
import type { PrintJob } from '../../hub/badges/print-log.js'
import type { StuckPrint } from '../../shared/kiosk-protocol.js'
import type { KioskStatus } from '../../shared/protocol.js'
import { startCups, type Cups } from '../helpers/cups.js'
import { openKioskScreen, type KioskScreen } from '../helpers/kiosk-client.js'
import { startLabelPrinter, type LabelPrinter } from '../helpers/label-printer.js'
import { printJobsOf } from '../helpers/print-jobs.js'
import { startStack, type Stack } from '../helpers/stack.js'
import { tempDir } from '../helpers/temp-dir.js'
import { until } from '../helpers/until.js'

let dir: Awaited<ReturnType<typeof tempDir>>
let cups: Cups
let stack: Stack
const printers: Record<string, LabelPrinter> = {}
const agents: Record<string, AgentHandle> = {}
const screens: Record<string, KioskScreen> = {}
const savedCups = process.env.CUPS_SERVER

let setupError: unknown = null
beforeEach(() => {
  if (setupError) throw setupError
})

async function admin(
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${stack.hub.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${stack.hub.adminToken}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  return { status: res.status, body: (await res.json()) as Record<string, unknown> }
}

beforeAll(async () => {
  dir = await tempDir('karibu-stuck-prints-')
  try {
    cups = await startCups()
    for (const name of ['ZebraA', 'ZebraB']) {
      printers[name] = await startLabelPrinter(dir.path, name)
      await cups.addLabelPrinter(name, printers[name].uri, 'drv:///sample.drv/zebra.ppd')
    }
    await cups.addPdfPrinter('BadgePDF')
  } catch (err) {
    setupError = err
    return
  }
  process.env.CUPS_SERVER = cups.server
  stack = await startStack()
  await admin('PUT', '/api/desk-printers/desk-1', { printer: 'ZebraA', stock: 'zebra-4x3' })
  await admin('PUT', '/api/desk-printers/desk-2', { printer: 'ZebraB', stock: 'zebra-4x3' })
  // expo-door: no printer at the hub
  for (const desk of ['desk-1', 'desk-2', 'expo-door']) {
    agents[desk] = await stack.addKiosk(desk, undefined, { heartbeatMs: 100 })
    screens[desk] = await openKioskScreen(agents[desk])
  }
}, 90_000)
afterAll(async () => {
  for (const s of Object.values(screens)) s.disconnect()
  await stack?.close()
  await cups?.stop()
  for (const p of Object.values(printers)) await p.stop().catch(() => {})
  if (savedCups === undefined) delete process.env.CUPS_SERVER
  else process.env.CUPS_SERVER = savedCups
  await dir?.remove()
})

describe('a badge stuck at the desk printer, moved from the kiosk', () => {
  it('a desk with no printer at the hub is told so; a desk with one is not', async () => {
    await until(async () => (await screens['expo-door']!.state()).printerAssigned === false, 10_000, 'expo-door to hear it has no printer')
    await until(async () => (await screens['desk-1']!.state()).printerAssigned === true, 10_000, 'desk 1 to hear it has one')
  })

  it(
    'a queue stopped mid-job shows on the kiosk and the kiosk list; the job moves to desk 2’s printer and completes there',
    { timeout: 60_000 },
    async () => {
      const s1 = screens['desk-1']!
      await cups.run('cupsdisable', ['-r', 'paper jam', 'ZebraA'])
      const printed = await admin('POST', '/api/badges/A0002/print', { deskId: 'desk-1' })
      const job = printed.body.job as PrintJob
      expect(job).toMatchObject({ status: 'sent', printer: 'ZebraA', deskId: 'desk-1' })

      // the kiosk's own status, and the kiosk list the dashboard shows
      await until(async () => (await s1.state()).printer?.state === 'stopped', 20_000, 'desk 1’s kiosk to see its printer stopped')
      const kioskId = agents['desk-1']!.kiosk.data.pairing!.kioskId
      await until(
        async () =>
          ((await admin('GET', '/api/admin/kiosks')).body.kiosks as KioskStatus[]).find((k) => k.kioskId === kioskId)?.printer?.state ===
          'stopped',
        20_000,
        'the kiosk list to show desk 1’s printer stopped',
      )

      // what the desk officer is shown: the stuck job by name, and the other desks' printers
      const stuck = await s1.timeout(10_000).emitWithAck('print:stuck', {})
      if (!stuck.ok) throw new Error(stuck.error)
      expect(stuck.jobs.map((j: StuckPrint) => [j.jobId, j.attendeeName, j.status])).toEqual([[job.jobId, 'Baraka Mwakyusa', 'sent']])
      expect(stuck.desks).toEqual([{ deskId: 'desk-2', name: { sw: 'Meza 2', en: 'Desk 2' }, printer: 'ZebraB', state: 'ready' }])

      // validated at the agent; another desk's kiosk may not move it; only to a desk with a printer
      expect(await s1.timeout(5000).emitWithAck('print:move', { jobId: '../../admin', toDeskId: 'desk-2' })).toEqual({
        ok: false,
        error: 'invalid_payload',
      })
      expect(await screens['desk-2']!.timeout(10_000).emitWithAck('print:move', { jobId: job.jobId, toDeskId: 'desk-2' })).toEqual({
        ok: false,
        error: 'forbidden',
      })
      expect(await s1.timeout(10_000).emitWithAck('print:move', { jobId: job.jobId, toDeskId: 'expo-door' })).toEqual({
        ok: false,
        error: 'no_printer',
      })
      // nor, as a kiosk straight at the hub, to a CUPS queue no desk has
      const token = agents['desk-1']!.kiosk.data.pairing!.token
      const anyQueue = await fetch(`${stack.hub.url}/api/print-jobs/${job.jobId}/resend`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ printer: 'BadgePDF' }),
      })
      expect(anyQueue.status).toBe(403)
      expect(printers.ZebraB!.files).toEqual([])

      const moved = await s1.timeout(20_000).emitWithAck('print:move', { jobId: job.jobId, toDeskId: 'desk-2' })
      expect(moved).toEqual({ ok: true, printer: 'ZebraB' })
      await printers.ZebraB!.waitForJob(1)
      await until(async () => (await printJobsOf(stack.hub, 'A0002'))[0]!.status === 'completed', 20_000, 'the moved job to complete')
      const after = (await printJobsOf(stack.hub, 'A0002'))[0]!
      expect(after).toMatchObject({ printer: 'ZebraB', deskId: 'desk-1' })
      // nothing is stuck any more; the stopped queue's copy was cancelled, so it prints nothing back on
      const left = await s1.timeout(10_000).emitWithAck('print:stuck', {})
      expect(left.ok && left.jobs).toEqual([])
      await cups.run('cupsenable', ['ZebraA'])
      expect((await cups.run('lpstat', ['-o', 'ZebraA'])).trim()).toBe('')
      expect(printers.ZebraA!.files).toEqual([])
    },
  )
})
