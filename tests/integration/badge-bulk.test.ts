// A thousand badges in one bulk PDF from a hub seeded with the demo event: every page the card
// size, pages sampled across the file decoded back to each attendee's exact code.
import { join } from 'node:path'
import { describe, expect } from 'vitest'
import { sheetSlots } from '../../hub/badges/badge-pdf.js'
import { createDemoEvent } from '../../hub/demo/demo-event.js'
import { parseCode } from '../../shared/badges/badge-code.js'
import { decodePages, decodeRegions, pdfInfo, PT_PER_MM, saveResponse } from '../helpers/pdf.js'
import { hubPerFile } from '../helpers/hub-fixture.js'
import type { TestHub } from '../helpers/test-hub.js'

const it = hubPerFile({ seed: (key) => createDemoEvent({ firstDay: '2026-11-24', badgePublicKey: key }) })

let t: TestHub

it.beforeAll(async ({ fileHub }) => {
  t = fileHub
})
const get = (path: string) => fetch(`${t.url}${path}`, { headers: { Authorization: `Bearer ${t.adminToken}` } })

/** The code decoded belongs to a real attendee and is exactly the hub's code for their current badge. */
function expectCurrentCode(code: string) {
  const parsed = parseCode(code)
  expect(parsed).not.toBeNull()
  const attendee = t.store.registry.bySeq.get(parsed!.attendeeSeq)
  expect(attendee).toBeDefined()
  expect(code).toBe(t.store.signBadge({ attendeeSeq: attendee!.seq, badgeVersion: attendee!.badgeVersion }))
}

describe('bulk PDF of the demo event', () => {
  it('1,000 CR80 badges, one per page: 1,000 pages of the card size; sampled pages decode at 300 and 150 dpi', async () => {
    expect(t.store.data.attendees).toHaveLength(1000)
    const started = performance.now()
    const path = await saveResponse(await get('/api/badges.pdf?layout=single&format=cr80'), join(t.dataDir, 'bulk-1000.pdf'))
    const seconds = (performance.now() - started) / 1000
    expect(seconds, 'a thousand badges take seconds, not minutes').toBeLessThan(45)
    const info = await pdfInfo(path)
    expect(info.pages).toBe(1000)
    expect(info.sizes).toHaveLength(1000)
    for (const size of info.sizes) {
      expect(Math.abs(size.width - 86 * PT_PER_MM)).toBeLessThanOrEqual(1)
      expect(Math.abs(size.height - 54 * PT_PER_MM)).toBeLessThanOrEqual(1)
    }
    const seen = new Set<string>()
    for (const page of [1, 250, 501, 777, 1000]) {
      for (const dpi of [300, 150]) {
        const [codes] = await decodePages(path, dpi, t.dataDir, { first: page, last: page })
        expect(codes, `page ${page} at ${dpi} dpi`).toHaveLength(1)
        expectCurrentCode(codes![0]!)
        seen.add(codes![0]!)
      }
    }
    expect(seen.size).toBe(5) // five different people
  })

  it('1,000 badges on A4 sheets: 100 pages of 10; the first and last sheets decode badge by badge', async () => {
    const path = await saveResponse(await get('/api/badges.pdf?layout=sheet&format=cr80'), join(t.dataDir, 'bulk-sheets.pdf'))
    const info = await pdfInfo(path, 1, 1)
    expect(info.pages).toBe(100)
    expect(info.sizes[0]).toMatchObject({ width: expect.closeTo(595.28, 0) as number, height: expect.closeTo(841.89, 0) as number })
    for (const page of [1, 100]) {
      for (const dpi of [300, 150]) {
        const codes = await decodeRegions(path, page, dpi, t.dataDir, sheetSlots('cr80'))
        expect(
          codes.map((c) => c.length),
          `sheet ${page} at ${dpi} dpi`,
        ).toEqual(Array(10).fill(1))
        for (const [code] of codes) expectCurrentCode(code!)
      }
    }
  })

  it('a download left half-way does not leave the drawer stuck: the next bulk PDF comes whole', async () => {
    const left = new AbortController()
    const res = await fetch(`${t.url}/api/badges.pdf?layout=single&format=cr80`, {
      headers: { Authorization: `Bearer ${t.adminToken}` },
      signal: left.signal,
    })
    const reader = res.body!.getReader()
    const first = await reader.read()
    expect(Buffer.from(first.value!).subarray(0, 5).toString()).toBe('%PDF-')
    left.abort()
    await reader.read().catch(() => undefined)
    const path = await saveResponse(await get('/api/badges.pdf?layout=sheet&format=cr80'), join(t.dataDir, 'bulk-after-abort.pdf'))
    const info = await pdfInfo(path, 1, 1)
    expect(info.pages).toBe(100)
    const codes = await decodeRegions(path, 100, 150, t.dataDir, sheetSlots('cr80'))
    expect(codes.map((c) => c.length)).toEqual(Array(10).fill(1))
  })
})
