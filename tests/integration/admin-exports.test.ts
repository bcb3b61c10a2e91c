// The exports equal what the store holds: the register is the ledger's first admissions, the
// log is every record, and the PDFs carry the names (read back with pdftotext).
import { execFile } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import Papa from 'papaparse'
import { describe, expect } from 'vitest'
import { attendeeName } from '../../shared/domain.js'
import { isoWithOffset } from '../../shared/local-time.js'
import { dayStats } from '../../shared/stats.js'
import { at } from '../fixtures/event.js'
import { submission } from '../helpers/submissions.js'
import { it } from '../helpers/hub-fixture.js'
import type { HubClient, TestHub } from '../helpers/test-hub.js'

const run = promisify(execFile)
let t: TestHub
let kiosk: HubClient
let kioskId: string

// every test reads the same day of scans, made on the fixture's hub by its paired kiosk
it.beforeEach(async ({ hub, kiosk: paired }) => {
  t = hub
  kioskId = paired.kioskId
  kiosk = paired.socket
  // a cell Excel would run as a formula, and a name with an apostrophe and a comma
  await t.store.updateRegistry((data, rev) => {
    const a = data.attendees.find((x) => x.id === 'A0002')!
    a.organisation = '=HYPERLINK("http://evil.example","click")'
    a.title = '@SUM(1)'
    a.rev = rev
    const b = data.attendees.find((x) => x.id === 'A0004')!
    b.organisation = 'Wizara ya Fedha, "Hazina"'
    b.rev = rev
  })
  const scans: [string, string, string, string?][] = [
    ['A0001', 'desk-1', at('08:05')],
    ['A0002', 'desk-2', at('08:20')],
    ['A0005', 'expo-door', at('08:41')],
    ['A0001', 'desk-2', at('09:10')], // already checked in: first stays 08:05 at desk 1
    ['A0003', 'desk-1', at('08:30')], // a leader on day 1: wrong day, not on the register
    ['A0004', 'desk-1', at('10:02', '2026-11-25')], // day 2
    ['A0004', 'desk-1', at('23:59')],
  ]
  for (const [attendeeId, deskId, scannedAt] of scans) {
    const res = await kiosk.emitWithAck('checkin:submit', submission(kioskId, { attendeeId, deskId, scannedAt, method: 'search' }))
    if (!res.ok) throw new Error(res.error)
  }
})

async function download(path: string): Promise<Response> {
  const res = await fetch(`${t.url}${path}`, { headers: { Authorization: `Bearer ${t.adminToken}` } })
  expect(res.status, path).toBe(200)
  return res
}

async function csv(path: string): Promise<{ raw: string; rows: Record<string, string>[] }> {
  const res = await download(path)
  expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
  expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.csv"$/)
  const bytes = Buffer.from(await res.arrayBuffer())
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const raw = bytes.subarray(3).toString('utf8')
  expect(raw).toContain('\r\n')
  const parsed = Papa.parse<Record<string, string>>(raw, { header: true, skipEmptyLines: true })
  expect(parsed.errors).toEqual([])
  return { raw, rows: parsed.data }
}

async function pdfText(path: string): Promise<string> {
  const res = await download(path)
  expect(res.headers.get('content-type')).toBe('application/pdf')
  const file = join(t.dataDir, 'export.pdf')
  const bytes = Buffer.from(await res.arrayBuffer())
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-')
  await writeFile(file, bytes)
  return (await run('pdftotext', ['-layout', file, '-'])).stdout
}

const hhmm = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: 'Africa/Dar_es_Salaam', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(iso),
  )

describe('exports', () => {
  it('register.csv is the ledger’s first admissions of the day, with time in Dar es Salaam and the desk', async () => {
    const { rows } = await csv('/api/admin/exports/register.csv?day=d1')
    const deskName = (id: string) => t.store.data.event.desks.find((d) => d.id === id)!.name.sw
    const expected = [...t.store.ledger.days.get('d1')!].map(([id, state]) => {
      const a = t.store.registry.byId.get(id)!
      return { name: attendeeName(a), time: hhmm(state.first.at), desk: deskName(state.first.deskId) }
    })
    const got = rows.map((r) => ({ name: r['Jina kamili']!, time: hhmm(r['Saa ya kuingia']!), desk: r['Meza']! }))
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name)
    expect(got.sort(byName)).toEqual(expected.sort(byName))
    expect(got.find((r) => r.name === "Neema Ng'wanangwa")).toEqual({ name: "Neema Ng'wanangwa", time: '08:05', desk: 'Meza 1' })
    expect(rows.map((r) => r['Namba ya usajili']).sort()).toEqual(['REG-1', 'REG-2', 'REG-4', 'REG-5'])
    // local time with the event's offset, not UTC
    expect(rows.find((r) => r['Namba ya usajili'] === 'REG-1')?.['Saa ya kuingia']).toBe('2026-11-24T08:05:00+03:00')
    // a comma and quotes stay in their cell
    expect(rows.find((r) => r['Namba ya usajili'] === 'REG-4')?.['Taasisi']).toBe('Wizara ya Fedha, "Hazina"')
  })

  it('register.csv for one group holds only that group; names follow ?lang=en', async () => {
    const { rows } = await csv('/api/admin/exports/register.csv?day=d1&group=guests&lang=en')
    expect(rows).toEqual([
      expect.objectContaining({
        'Full name': 'Amina Shirima',
        Group: 'Guests',
        Desk: 'Exhibition door',
        'Check-in time': '2026-11-24T08:41:00+03:00',
        Present: 'Yes',
      }),
    ])
    const day2 = await csv('/api/admin/exports/register.csv?day=d2&group=ict')
    expect(day2.rows.map((r) => r['Jina kamili'])).toEqual(['Juma Massawe'])
  })

  it('guards against formula injection: such cells start with a quote', async () => {
    const { rows } = await csv('/api/admin/exports/register.csv?day=d1&group=ict')
    const baraka = rows.find((r) => r['Jina kamili'] === 'Baraka Mwakyusa')!
    expect(baraka['Taasisi']).toBe(`'=HYPERLINK("http://evil.example","click")`)
    expect(baraka['Cheo']).toBe(`'@SUM(1)`)
  })

  it('checkins.csv has one row per record with every field, English or Kiswahili headers, local times with the offset', async () => {
    const { rows } = await csv('/api/admin/exports/checkins.csv?lang=en')
    const records = [...t.store.ledger.records.values()]
    expect(rows).toHaveLength(records.length)
    const local = (iso: string | undefined) => (iso ? isoWithOffset(iso, 'Africa/Dar_es_Salaam') : '')
    for (const r of records) {
      const row = rows.find((x) => x['Record id'] === r.id)!
      expect(row).toMatchObject({
        Sequence: String(r.seq),
        'Attendee id': r.attendeeId ?? '',
        Day: r.dayId ?? '',
        Desk: r.deskId,
        Hall: r.hallId ?? '',
        Kiosk: r.kioskId,
        'Kind (in/out)': r.kind,
        Method: r.method,
        'Scanned at (kiosk)': local(r.scannedAt),
        'Effective time': local(r.effectiveAt),
        'Received by the hub at': local(r.receivedAt),
        'Kiosk clock offset (ms)': String(r.clockOffsetMs),
        Outcome: r.outcome,
        'First check-in at': local(r.first?.at),
        'First check-in desk': r.first?.deskId ?? '',
      })
      expect(row['Scanned at (kiosk)']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+03:00$/)
    }
    expect(rows.map((r) => r.Outcome).sort()).toEqual([
      'admitted',
      'admitted',
      'admitted',
      'admitted',
      'admitted',
      'already_checked_in',
      'wrong_day',
    ])
    const sw = await csv('/api/admin/exports/checkins.csv')
    expect(Object.keys(sw.rows[0]!)).toEqual(expect.arrayContaining(['Mfuatano', 'Jina la mshiriki', 'Saa iliyotumika', 'Jibu']))
  })

  it('register.pdf carries the names of the day, and not the others', async () => {
    const text = await pdfText('/api/admin/exports/register.pdf?day=d1')
    for (const name of ["Neema Ng'wanangwa", 'Baraka Mwakyusa', 'Amina Shirima']) expect(text).toContain(name)
    expect(text).not.toContain('Rehema Kimaro')
    expect(text).toContain('Attendance register')
    const ict = await pdfText('/api/admin/exports/register.pdf?day=d1&group=ict')
    expect(ict).toContain('Baraka Mwakyusa')
    expect(ict).not.toContain('Amina Shirima')
  })

  it('summary.pdf holds checked-in / expected per day and group, as the stats say', async () => {
    const text = await pdfText('/api/admin/exports/summary.pdf')
    expect(text).toContain('Summary report')
    const d1 = dayStats(t.store.ledger, t.store.registry, 'd1', t.clock.now)
    const ict = d1.groups.find((g) => g.key === 'ict')!
    expect(text).toMatch(new RegExp(`Maafisa TEHAMA / ICT officers\\s+${ict.checkedIn}\\s*/\\s*${ict.expected}\\s`))
    expect(text).toMatch(new RegExp(`Jumla / Total\\s+${d1.checkedIn}\\s*/\\s*${d1.expected}\\s`))
    expect(text).toContain('Arrivals per 15 minutes')
  })

  it('refuses an unknown day or group', async () => {
    const res = await fetch(`${t.url}/api/admin/exports/register.csv?day=d9`, { headers: { Authorization: `Bearer ${t.adminToken}` } })
    expect(res.status).toBe(400)
    const g = await fetch(`${t.url}/api/admin/exports/register.pdf?day=d1&group=nobody`, {
      headers: { Authorization: `Bearer ${t.adminToken}` },
    })
    expect(g.status).toBe(400)
  })
})
