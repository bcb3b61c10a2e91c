// Printing a badge at a desk without a printer at the hub, through a real kiosk agent and a
// real hub: the screen asks once; the agent logs the print at the hub, asks the screen to print
// the page on the PC's printer, and reports how it went. A second print of the same badge is
// never silent, a reprint makes a new version, a failed print stops counting, and the page the
// desk prints (the hub's badge page, through the agent's own origin, as Electron loads it)
// scans back to the code.
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AgentHandle } from '../../agent/agent.js'
import { launchChromium } from '../helpers/browser.js'
import { printJobsOf } from '../helpers/print-jobs.js'
import { decodePages } from '../helpers/pdf.js'
import { openKioskScreen } from '../helpers/kiosk-client.js'
import { startStack, type Stack } from '../helpers/stack.js'
import { tempDir } from '../helpers/temp-dir.js'
import { DAY1_9AM } from '../e2e/kiosk-helpers.js'
import type { LocalPrintResult } from '../../shared/kiosk-protocol.js'

let stack: Stack
let agent: AgentHandle
let screen: Awaited<ReturnType<typeof openKioskScreen>>
let dir: Awaited<ReturnType<typeof tempDir>>
const asked: string[] = []
const nextPrint: LocalPrintResult[] = []

beforeAll(async () => {
  dir = await tempDir('karibu-desk-print-')
  stack = await startStack()
  agent = await stack.addKiosk('desk-1', DAY1_9AM)
  screen = await openKioskScreen(agent)
  // this screen's printer: what it was asked to print, and how it went
  screen.on('badge:print-local', (request, ack) => {
    asked.push(request.path)
    ack(nextPrint.shift() ?? { ok: true })
  })
})
afterAll(async () => {
  screen?.disconnect()
  await stack?.close()
  await dir?.remove()
})

const printAt = (payload: Record<string, unknown>) => screen.timeout(5000).emitWithAck('badge:print', payload)
const jobsOf = (attendeeId: string) => printJobsOf(stack.hub, attendeeId)

describe('printing at the desk', () => {
  it('logs the print first, refuses a silent second one, prints again on purpose, and a reprint makes a new badge', async () => {
    asked.length = 0
    const first = await printAt({ attendeeId: 'A0002' })
    expect(first).toMatchObject({ ok: true, outcome: { via: 'local', status: 'printed' } })
    expect(asked).toEqual(['/badge/A0002'])
    // logged before, reported after: one request from the screen did both
    expect((await jobsOf('A0002'))[0]).toMatchObject({ via: 'desk', deskId: 'desk-1', status: 'completed', badgeVersion: 1, role: 'kiosk' })

    const second = await printAt({ attendeeId: 'A0002' })
    expect(second).toMatchObject({ ok: false, error: 'already_printed', lastPrint: { deskId: 'desk-1' } })
    expect(asked).toHaveLength(1) // refused before the screen was asked to print
    expect(await printAt({ attendeeId: 'A0002', force: true })).toMatchObject({ ok: true, outcome: { via: 'local' } })

    const reprinted = await printAt({ attendeeId: 'A0002', reprint: true })
    expect(reprinted).toMatchObject({ ok: true, outcome: { via: 'local', status: 'printed' } })
    expect((await jobsOf('A0002')).map((j) => [j.badgeVersion, j.force])).toEqual([
      [2, false],
      [1, true],
      [1, false],
    ])
  })

  it('a print the desk printer failed no longer counts: the next one needs no force', async () => {
    nextPrint.push({ ok: false, error: 'out_of_paper' })
    expect(await printAt({ attendeeId: 'A0007' })).toEqual({ ok: false, error: 'print_failed' })
    expect((await jobsOf('A0007'))[0]).toMatchObject({ status: 'failed', error: 'out_of_paper' })
    // a browser's print dialog: opened, its outcome the officer's to see; the print stays logged as sent
    nextPrint.push({ ok: true, opened: true })
    expect(await printAt({ attendeeId: 'A0007' })).toMatchObject({ ok: true, outcome: { via: 'local', status: 'opened' } })
    expect((await jobsOf('A0007'))[0]).toMatchObject({ status: 'sent' })
    // an answer from the screen that is not one is a failed print, not a crash
    nextPrint.push({ ok: 'yes' } as never)
    expect(await printAt({ attendeeId: 'A0008' })).toEqual({ ok: false, error: 'print_failed' })
    expect((await jobsOf('A0008'))[0]).toMatchObject({ status: 'failed', error: 'invalid_answer' })
    expect(await printAt({ attendeeId: 'nobody-here' })).toMatchObject({ ok: false, error: 'not_found' })
    expect(await printAt({ attendeeId: 7 })).toEqual({ ok: false, error: 'invalid_payload' })
  })

  it('the page the desk prints comes through the agent and scans back to the current code', async () => {
    // without the screen's session, another program on this machine gets nothing
    expect((await fetch(`${agent.url}/badge/A0001`)).status).toBe(401)
    const res = await fetch(`${agent.url}/badge/A0001`, { headers: { cookie: screen.cookie } })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'")
    const html = await res.text()
    expect(html).toContain('data-badge-ready')
    expect(html).not.toContain('print.js')
    expect(await (await fetch(`${agent.url}/badge/A0001?print=1`, { headers: { cookie: screen.cookie } })).text()).toContain(
      '/badge-assets/print.js',
    )
    expect(
      (await fetch(`${agent.url}/badge-assets/DejaVuSans.ttf`, { headers: { cookie: screen.cookie } })).headers.get('content-type'),
    ).toBe('font/ttf')
    expect((await fetch(`${agent.url}/badge/../../etc/passwd`, { headers: { cookie: screen.cookie } })).status).toBe(404)

    let browser: Browser | null = null
    try {
      browser = await launchChromium()
      const context = await browser.newContext()
      const [name, value] = screen.cookie.split('=') as [string, string]
      await context.addCookies([{ name, value, url: agent.url }])
      const page = await context.newPage()
      await page.goto(`${agent.url}/badge/A0001`)
      await page.evaluate(() =>
        (globalThis as unknown as { document: { fonts: { ready: Promise<unknown> } } }).document.fonts.ready.then(() => true),
      )
      const pdf = join(dir.path, 'desk-badge.pdf')
      await writeFile(pdf, await page.pdf({ width: '86mm', height: '54mm', printBackground: true }))
      const code = stack.hub.store.signBadge({ attendeeSeq: 1, badgeVersion: stack.hub.store.registry.byId.get('A0001')!.badgeVersion })
      expect(await decodePages(pdf, 300, dir.path)).toEqual([[code]])
    } finally {
      await browser?.close()
    }
  })

  it('with the hub down there is no badge to print, and the desk is told so', async () => {
    await stack.stopHub()
    try {
      expect(await printAt({ attendeeId: 'A0003' })).toEqual({ ok: false, error: 'offline' })
      expect((await fetch(`${agent.url}/badge/A0003`, { headers: { cookie: screen.cookie } })).status).toBe(503)
    } finally {
      await stack.restartHub()
    }
  })
})
