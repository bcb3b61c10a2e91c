// The summary report PDF read back with pdftotext: the day × group table equals the stats, the
// longest group and day names are whole, halls' peaks, walk-ins, new badges and review cases
// are there, "page N of M" on every page.
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect } from 'vitest'
import { dayStats } from '../../shared/stats.js'
import { hallPeaks } from '../../hub/admin/exports/summary.js'
import { at, DAY1 } from '../fixtures/event.js'
import { LONG_GROUP, documentsEvent } from '../fixtures/documents.js'
import { flat, pagesText } from '../helpers/pdf-text.js'
import { submission } from '../helpers/submissions.js'
import { hubPerFile } from '../helpers/hub-fixture.js'
import type { TestHub } from '../helpers/test-hub.js'

const it = hubPerFile({ seed: documentsEvent })

let t: TestHub
let pages: string[]
let text: string

const admin = (method: string, path: string, body?: unknown) =>
  fetch(`${t.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${t.adminToken}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  })

it.beforeAll(async ({ fileHub }) => {
  t = fileHub
  const paired = await t.pairKiosk()
  const kiosk = await t.client(paired.token)
  const send = async (fields: Parameters<typeof submission>[1]) => {
    const res = await kiosk.emitWithAck('checkin:submit', submission(paired.kioskId, { method: 'search', ...fields }))
    if (!res.ok) throw new Error(res.error)
  }
  const ict = t.store.data.attendees.filter((a) => a.groupId === 'ict').slice(0, 12)
  for (const [i, a] of ict.entries())
    await send({ attendeeId: a.id, deskId: i < 8 ? 'desk-1' : 'expo-door', scannedAt: at(`08:${String(i * 4).padStart(2, '0')}`) })
  // four leave the plenary again, then one more comes in: the peak stays at 8
  for (const a of ict.slice(0, 4)) await send({ attendeeId: a.id, deskId: 'desk-2', kind: 'out', scannedAt: at('09:30') })
  await send({ attendeeId: 'A0005', deskId: 'desk-1', scannedAt: at('09:45') })
  // a second desk admitted someone offline again: a review case
  await send({ attendeeId: ict[5]!.id, deskId: 'desk-2', scannedAt: at('10:00'), localOutcome: 'admitted' })
  expect((await admin('POST', '/api/admin/walk-ins', { firstName: 'Musa', lastName: 'Hamisi', groupId: 'guests' })).status).toBe(200)
  expect((await admin('POST', '/api/badges/A0002/reprint')).status).toBe(200)

  const res = await admin('GET', '/api/admin/exports/summary.pdf')
  expect(res.status).toBe(200)
  const file = join(t.dataDir, 'summary.pdf')
  await writeFile(file, Buffer.from(await res.arrayBuffer()))
  pages = await pagesText(file)
  text = flat(pages.join('\n'))
})

describe('summary report PDF', () => {
  it('day × group: checked in / expected (%) as the stats say, long names whole', () => {
    expect(text).toContain(`${LONG_GROUP.sw} / ${LONG_GROUP.en}`)
    for (const d of t.store.data.event.days) expect(text).toContain(`${d.name.sw} / ${d.name.en}`)
    const d1 = dayStats(t.store.ledger, t.store.registry, 'd1', t.clock.now)
    const ict = d1.groups.find((g) => g.key === 'ict')!
    const pct = (a: number, b: number) => `${Math.round((a / b) * 1000) / 10}%`
    expect(text).toContain(`Maafisa TEHAMA / ICT officers ${ict.checkedIn} / ${ict.expected} (${pct(ict.checkedIn, ict.expected)})`)
    expect(text).toContain(`Jumla / Total ${d1.checkedIn} / ${d1.expected} (${pct(d1.checkedIn, d1.expected)})`)
    expect(text).not.toContain('…')
  })

  it('halls’ peak occupancy, walk-ins, new badges and review cases', () => {
    const peaks = hallPeaks(t.store, 'd1')
    expect(peaks.find((h) => h.hallId === 'plenary')).toMatchObject({ peak: 8 })
    expect(peaks.find((h) => h.hallId === 'expo')).toMatchObject({ peak: 4 })
    expect(text).toMatch(/Ukumbi Mkuu \/ Plenary 10 8 \d\d:\d\d/)
    expect(text).toMatch(/Maonesho \/ Exhibition 3 4 \d\d:\d\d/)
    expect(t.store.data.event.days[0]!.date).toBe(DAY1)
    expect(text).toContain('Washiriki wa papo hapo / Walk-ins: 1')
    expect(text).toContain('Beji mpya / New badges (reprints): 1')
    expect(text).toContain('Kesi za ukaguzi / Review cases: 1')
    expect(text).toContain('Kwa kategoria / By category')
    expect(text).toContain('Kwa aina ya taasisi / By institution type')
  })

  it('arrivals per 15 minutes as a chart, and "page N of M" with the event on every page', () => {
    expect(text).toContain('Wanaoingia kila dakika 15 / Arrivals per 15 minutes')
    for (const label of ['08:00', '08:15', '08:30']) expect(text).toContain(label)
    pages.forEach((p, i) => {
      expect(flat(p)).toContain(`Page ${i + 1} of ${pages.length}`)
      expect(flat(p)).toContain('Kikao cha Majaribio / Test Session')
      expect(flat(p)).toContain('Ripoti ya muhtasari / Summary report')
    })
  })
})
