// Printing a badge for real: the hub sends it with `lp` to a private CUPS server whose cups-pdf
// queue writes what a printer would receive; that file is decoded back. The print log stops a
// silent second print, a reprint revokes the old code at check-in, and a job sent to a printer
// that does not exist stays visible as failed until it is re-sent to one that does.
// If CUPS cannot start here, this file fails (it never skips).
import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { PrintJob } from '../../hub/badges/print-log.js'
import { startCups, type Cups } from '../helpers/cups.js'
import { decodePages, pdfInfo, PT_PER_MM } from '../helpers/pdf.js'
import { submission } from '../helpers/submissions.js'
import { tempDir } from '../helpers/temp-dir.js'
import { startTestHub, type HubClient, type TestHub } from '../helpers/test-hub.js'

let dir: Awaited<ReturnType<typeof tempDir>>
let cups: Cups
let t: TestHub
let kioskToken: string
let kioskId: string
let kiosk: HubClient
const savedEnv = { CUPS_SERVER: process.env.CUPS_SERVER, KARIBU_PRINTER: process.env.KARIBU_PRINTER }

// A setup failure (CUPS not starting) is rethrown by every test, so each one fails with the
// reason, rather than being reported as skipped.
let setupError: unknown = null
beforeEach(() => {
  if (setupError) throw setupError
})

beforeAll(async () => {
  dir = await tempDir('karibu-badge-print-')
  try {
    cups = await startCups()
    await cups.addPdfPrinter('BadgePDF')
  } catch (err) {
    setupError = err
    return
  }
  process.env.CUPS_SERVER = cups.server // the hub's lp and lpstat talk to this server
  delete process.env.KARIBU_PRINTER
  t = await startTestHub(dir.path)
  const paired = await t.pairKiosk('Desk 1 kiosk')
  kioskToken = paired.token
  kioskId = paired.kioskId
  kiosk = await t.client(kioskToken)
})
afterAll(async () => {
  if (t) {
    await t.close()
  }
  if (cups) {
    // every job this file printed, from the hub's own log
    const log = await readFile(join(dir.path, 'print-log.jsonl'), 'utf8').catch(() => '')
    const jobIds = new Set(
      log
        .split('\n')
        .filter(Boolean)
        .map((l) => (JSON.parse(l) as PrintJob).jobId),
    )
    await cups.removeOutputs([...jobIds].map((id) => `karibu-${id}`))
  }
  await cups?.stop()
  for (const [k, v] of Object.entries(savedEnv))
    if (v === undefined) delete process.env[k]
    else process.env[k] = v
  await dir?.remove()
})

type Answer = {
  status: number
  body: { ok: boolean; error?: string; job?: PrintJob; lastPrint?: PrintJob; jobs?: PrintJob[]; badgeVersion?: number }
}

async function call(method: 'GET' | 'POST', path: string, body?: unknown, token = kioskToken): Promise<Answer> {
  const res = await fetch(`${t.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  return { status: res.status, body: (await res.json()) as Answer['body'] }
}
const print = (attendeeId: string, body: Record<string, unknown>, token?: string) =>
  call('POST', `/api/badges/${attendeeId}/print`, body, token)
const code = (seq: number, version: number) => t.store.signBadge({ attendeeSeq: seq, badgeVersion: version })

/** The PDF cups-pdf wrote for this job: page size checked, its QR decoded at 300 and 150 dpi. */
async function printedCodes(job: PrintJob, size = { width: 86, height: 54 }): Promise<string[][]> {
  const path = await cups.waitForOutput(`karibu-${job.jobId}`)
  const info = await pdfInfo(path)
  expect(info.pages).toBe(1)
  expect(Math.abs(info.sizes[0]!.width - size.width * PT_PER_MM)).toBeLessThanOrEqual(1)
  expect(Math.abs(info.sizes[0]!.height - size.height * PT_PER_MM)).toBeLessThanOrEqual(1)
  const codes = [(await decodePages(path, 300, dir.path))[0]!, (await decodePages(path, 150, dir.path))[0]!]
  await rm(path) // cups-pdf writes to the user's ~/PDF: leave nothing behind
  return codes
}

describe('printing through CUPS', () => {
  it('prints the current badge on the card size; what the printer got scans at 300 and 150 dpi', async () => {
    const res = await print('A0001', { printer: 'BadgePDF', deskId: 'desk-1' })
    expect(res.status).toBe(200)
    const job = res.body.job!
    expect(job).toMatchObject({
      attendeeId: 'A0001',
      badgeVersion: 1,
      format: 'cr80',
      printer: 'BadgePDF',
      deskId: 'desk-1',
      by: kioskId,
      role: 'kiosk',
      status: 'sent',
      force: false,
    })
    expect(job.cupsJobId).toMatch(/^BadgePDF-\d+$/)
    expect(await printedCodes(job)).toEqual([[code(1, 1)], [code(1, 1)]])
    // the desk sees it, and sees CUPS finish it
    const listed = await call('GET', '/api/print-jobs?deskId=desk-1')
    expect(listed.body.jobs?.map((j) => j.jobId)).toContain(job.jobId)
    let status = ''
    for (let i = 0; i < 100 && status !== 'completed'; i++) {
      status = (await call('GET', `/api/print-jobs?attendeeId=A0001`)).body.jobs?.[0]?.status ?? ''
      if (status !== 'completed') await new Promise((r) => setTimeout(r, 100))
    }
    expect(status).toBe('completed')
  })

  it('A6 through the printer default (KARIBU_PRINTER), on A6 media', async () => {
    expect(await print('A0006', { format: 'a6' })).toEqual({ status: 400, body: { ok: false, error: 'no_printer' } })
    process.env.KARIBU_PRINTER = 'BadgePDF'
    try {
      const res = await print('A0006', { format: 'a6' })
      expect(res.body).toMatchObject({ ok: true, job: { printer: 'BadgePDF', format: 'a6', status: 'sent' } })
      expect(await printedCodes(res.body.job!, { width: 105, height: 148 })).toEqual([[code(6, 1)], [code(6, 1)]])
    } finally {
      delete process.env.KARIBU_PRINTER
    }
  })

  it('refuses a silent second print of the same badge; force prints it again and both are logged', async () => {
    const first = await print('A0002', { printer: 'BadgePDF' })
    expect(first.status).toBe(200)
    const again = await print('A0002', { printer: 'BadgePDF' })
    expect(again.status).toBe(409)
    expect(again.body).toMatchObject({
      ok: false,
      error: 'conflict',
      lastPrint: { jobId: first.body.job!.jobId, badgeVersion: 1, status: expect.stringMatching(/sent|completed/) as string },
    })
    const forced = await print('A0002', { printer: 'BadgePDF', force: true })
    expect(forced.body).toMatchObject({ ok: true, job: { force: true, status: 'sent', badgeVersion: 1 } })
    expect(forced.body.job!.jobId).not.toBe(first.body.job!.jobId)
    expect(await printedCodes(forced.body.job!)).toEqual([[code(2, 1)], [code(2, 1)]])
    const jobs = (await call('GET', '/api/print-jobs?attendeeId=A0002')).body.jobs!
    expect(jobs.map((j) => [j.jobId, j.force])).toEqual([
      [forced.body.job!.jobId, true],
      [first.body.job!.jobId, false],
    ])
    // on disk: the log survives a restart of the hub
    const lines = (await readFile(join(dir.path, 'print-log.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as PrintJob)
    expect(new Set(lines.filter((l) => l.attendeeId === 'A0002').map((l) => l.jobId))).toEqual(
      new Set([first.body.job!.jobId, forced.body.job!.jobId]),
    )
  })

  it('two desks printing the same badge at once: one prints, the other is refused', async () => {
    const both = await Promise.all([
      print('A0007', { printer: 'BadgePDF', deskId: 'desk-1' }),
      print('A0007', { printer: 'BadgePDF', deskId: 'desk-2' }, t.adminToken),
    ])
    expect(both.map((b) => b.status).sort()).toEqual([200, 409])
    const printed = both.find((b) => b.status === 200)!.body.job!
    await printedCodes(printed)
  })

  it('a reprint revokes the old code at check-in and admits the new one, which prints without force', async () => {
    await print('A0004', { printer: 'BadgePDF' })
    const changed = new Promise<{ rev: number }>((resolve) => kiosk.once('registry:changed', resolve))
    const reprint = await call('POST', '/api/badges/A0004/reprint', undefined, t.adminToken)
    expect(reprint).toEqual({ status: 200, body: { ok: true, badgeVersion: 2 } })
    expect((await changed).rev).toBe(t.store.data.rev) // kiosks are told to pull
    expect(t.store.data.badges.filter((b) => b.attendeeId === 'A0004').map((b) => [b.version, b.reason, b.by])).toEqual([
      [1, 'first', 'seed'],
      [2, 'reprint', 'admin'],
    ])
    const old = await kiosk.emitWithAck('checkin:submit', submission(kioskId, { code: code(4, 1) }))
    expect(old).toMatchObject({ ok: true, record: { outcome: 'revoked', attendeeId: 'A0004', badgeVersion: 1 } })
    const fresh = await kiosk.emitWithAck('checkin:submit', submission(kioskId, { code: code(4, 2) }))
    expect(fresh).toMatchObject({ ok: true, record: { outcome: 'admitted', attendeeId: 'A0004', badgeVersion: 2 } })
    const printed = await print('A0004', { printer: 'BadgePDF' })
    expect(printed.body).toMatchObject({ ok: true, job: { badgeVersion: 2 } })
    expect(await printedCodes(printed.body.job!)).toEqual([[code(4, 2)], [code(4, 2)]])
    // the old version's job cannot be re-sent: that badge is revoked
    const oldJob = (await call('GET', '/api/print-jobs?attendeeId=A0004')).body.jobs!.find((j) => j.badgeVersion === 1)!
    // (the organiser: a kiosk moves only its own desk's jobs, to a desk's printer — kiosk-stuck-prints.test.ts)
    expect(await call('POST', `/api/print-jobs/${oldJob.jobId}/resend`, { printer: 'BadgePDF', force: true }, t.adminToken)).toMatchObject({
      status: 409,
      body: { ok: false, error: 'revoked', badgeVersion: 2 },
    })
  })

  it('a printer that does not exist leaves the job failed and visible; re-sent to BadgePDF it prints', async () => {
    const res = await print('A0005', { printer: 'NoSuchPrinter', deskId: 'desk-2' })
    expect(res.status).toBe(502)
    expect(res.body).toMatchObject({ ok: false, error: 'print_failed', job: { status: 'failed', printer: 'NoSuchPrinter' } })
    expect(res.body.job!.error).toMatch(/does not exist/i)
    const jobId = res.body.job!.jobId
    const listed = (await call('GET', '/api/print-jobs?deskId=desk-2')).body.jobs!
    expect(listed.find((j) => j.jobId === jobId)).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/does not exist/i) as string,
    })
    // a kiosk may not send it to any queue; the organiser may
    expect((await call('POST', `/api/print-jobs/${jobId}/resend`, { printer: 'BadgePDF' })).status).toBe(403)
    const resent = await call('POST', `/api/print-jobs/${jobId}/resend`, { printer: 'BadgePDF' }, t.adminToken)
    expect(resent.body).toMatchObject({ ok: true, job: { jobId, status: 'sent', printer: 'BadgePDF' } })
    expect(resent.body.job!.attempts.map((a) => [a.printer, a.status])).toEqual([
      ['NoSuchPrinter', 'failed'],
      ['BadgePDF', 'sent'],
    ])
    expect(resent.body.job!.error).toBeUndefined()
    expect(await printedCodes(resent.body.job!)).toEqual([[code(5, 1)], [code(5, 1)]])
    // now it is printed: another resend is a second print and needs force
    expect(await call('POST', `/api/print-jobs/${jobId}/resend`, { printer: 'BadgePDF' }, t.adminToken)).toMatchObject({
      status: 409,
      body: { error: 'conflict' },
    })
  })

  it('validates every input and checks roles', async () => {
    expect(await print('A0003', { printer: 'BadgePDF', force: 'yes' })).toMatchObject({ status: 400, body: { error: 'invalid_payload' } })
    expect(await print('A0003', { printer: '-oraw' })).toMatchObject({ status: 400, body: { error: 'invalid_payload' } })
    expect(await print('A0003', { printer: 'BadgePDF', extra: 1 })).toMatchObject({ status: 400, body: { error: 'invalid_payload' } })
    expect(await print('A0003', { printer: 'BadgePDF', deskId: 'desk-99' })).toMatchObject({ status: 400, body: { error: 'unknown_desk' } })
    expect(await print('NOBODY', { printer: 'BadgePDF' })).toMatchObject({ status: 404, body: { error: 'not_found' } })
    expect(await print('A0003', { printer: 'BadgePDF' }, t.usherToken)).toMatchObject({ status: 403 })
    expect(await call('POST', '/api/print-jobs/pj-000000000000/resend', { printer: 'BadgePDF' })).toMatchObject({
      status: 404,
      body: { error: 'not_found' },
    })
    expect(await call('POST', '/api/print-jobs/nonsense/resend', { printer: 'BadgePDF' })).toMatchObject({ status: 400 })
    expect(await call('GET', '/api/print-jobs?limit=0')).toMatchObject({ status: 400 })
    expect(t.store.registry.byId.get('A0003')!.badgeVersion).toBe(1) // nothing above printed or changed it
  })

  it('after a restart of the hub, the log still refuses a second print', async () => {
    await t.close()
    t = await startTestHub(dir.path, { tokens: { admin: t.adminToken, usher: t.usherToken } })
    expect(await print('A0001', { printer: 'BadgePDF' })).toMatchObject({
      status: 409,
      body: { error: 'conflict', lastPrint: { attendeeId: 'A0001', status: 'completed' } },
    })
  })
})
