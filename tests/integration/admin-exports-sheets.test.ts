// The XLSX exports opened with exceljs, as an office's spreadsheet would: headers in the
// language asked for, check-in times as real dates on the event's wall clock, text that
// looks like a formula kept as guarded text.
import ExcelJS from 'exceljs'
import { describe, expect } from 'vitest'
import { at } from '../fixtures/event.js'
import { submission } from '../helpers/submissions.js'
import { hubPerFile } from '../helpers/hub-fixture.js'
import type { TestHub } from '../helpers/test-hub.js'

const it = hubPerFile()

let t: TestHub

it.beforeAll(async ({ fileHub }) => {
  t = fileHub
  const paired = await t.pairKiosk()
  const kiosk = await t.client(paired.token)
  await t.store.updateRegistry((data, rev) => {
    const a = data.attendees.find((x) => x.id === 'A0002')!
    a.organisation = 'Wizara ya Fedha;=HYPERLINK("http://evil.example")'
    a.rev = rev
  })
  for (const [attendeeId, deskId, scannedAt] of [
    ['A0001', 'desk-1', at('08:05')],
    ['A0002', 'desk-2', at('08:20')],
    ['A0005', 'expo-door', at('08:41')],
    ['A0001', 'desk-2', at('09:10')],
  ] as const) {
    const res = await kiosk.emitWithAck('checkin:submit', submission(paired.kioskId, { attendeeId, deskId, scannedAt, method: 'search' }))
    if (!res.ok) throw new Error(res.error)
  }
})

async function workbook(path: string): Promise<ExcelJS.Workbook> {
  const res = await fetch(`${t.url}${path}`, { headers: { Authorization: `Bearer ${t.adminToken}` } })
  expect(res.status, path).toBe(200)
  expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(await res.arrayBuffer())
  return wb
}

/** The sheet as objects keyed by the header row. */
function rowsOf(ws: ExcelJS.Worksheet): Record<string, ExcelJS.CellValue>[] {
  const header = (ws.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(String)
  const out: Record<string, ExcelJS.CellValue>[] = []
  ws.eachRow((row, n) => {
    if (n === 1) return
    out.push(Object.fromEntries(header.map((h, i) => [h, row.getCell(i + 1).value])))
  })
  return out
}

describe('XLSX exports', () => {
  it('register.xlsx: Kiswahili headers, real dates on the event’s wall clock, guarded text', async () => {
    const wb = await workbook('/api/admin/exports/register.xlsx?day=d1')
    const ws = wb.worksheets[0]!
    expect(ws.name).toBe('Rejista ya mahudhurio')
    const rows = rowsOf(ws)
    expect(rows.map((r) => r['Jina kamili'])).toEqual(['Baraka Mwakyusa', "Neema Ng'wanangwa", 'Amina Shirima'])
    const neema = rows.find((r) => r['Jina kamili'] === "Neema Ng'wanangwa")!
    const time = neema['Saa ya kuingia']
    expect(time).toBeInstanceOf(Date)
    // 08:05 in Dar es Salaam, as Excel shows it (a spreadsheet has no time zone)
    expect((time as Date).toISOString()).toBe('2026-11-24T08:05:00.000Z')
    const timeCol = (ws.getRow(1).values as string[]).indexOf('Saa ya kuingia')
    expect(ws.getRow(3).getCell(timeCol).numFmt).toBe('dd/mm/yyyy hh:mm:ss')
    expect(neema['Na.']).toBe(2)
    expect(rows.find((r) => r['Jina kamili'] === 'Baraka Mwakyusa')!['Taasisi']).toBe(`Wizara ya Fedha;'=HYPERLINK("http://evil.example")`)
  })

  it('register.xlsx?lang=en has English headers and names', async () => {
    const rows = rowsOf((await workbook('/api/admin/exports/register.xlsx?day=d1&group=guests&lang=en')).worksheets[0]!)
    expect(rows).toEqual([
      expect.objectContaining({ 'Full name': 'Amina Shirima', Group: 'Guests', Desk: 'Exhibition door', Present: 'Yes' }),
    ])
  })

  it('checkins.xlsx: every record, instants as dates', async () => {
    const rows = rowsOf((await workbook('/api/admin/exports/checkins.xlsx?lang=en')).worksheets[0]!)
    expect(rows).toHaveLength(t.store.ledger.records.size)
    for (const r of t.store.ledger.records.values()) {
      const row = rows.find((x) => x['Record id'] === r.id)!
      expect(row['Effective time']).toBeInstanceOf(Date)
      expect((row['Effective time'] as Date).getTime() - Date.parse(r.effectiveAt)).toBe(3 * 3600_000)
      expect(row.Outcome).toBe(r.outcome)
    }
  })

  it('summary.xlsx: day × group, categories, institution types, halls, arrivals, walk-ins', async () => {
    const wb = await workbook('/api/admin/exports/summary.xlsx?lang=en')
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Group',
      'Category',
      'Institution type',
      'Hall',
      'Arrivals per 15 minutes',
      'Review cases',
    ])
    const groups = rowsOf(wb.worksheets[0]!)
    const ict = groups.find((r) => r.Day === 'Day 1' && r.Group === 'ICT officers')!
    expect(ict).toMatchObject({ 'Checked in': 2, Expected: 6, '%': 33.3 })
    expect(ict.Date).toBeInstanceOf(Date)
    expect((ict.Date as Date).toISOString()).toBe('2026-11-24T00:00:00.000Z')
    const halls = rowsOf(wb.worksheets[3]!)
    expect(halls.find((h) => h.Day === 'Day 1' && h.Hall === 'Plenary')).toMatchObject({ Capacity: 10, Peak: 2 })
    expect(halls.find((h) => h.Day === 'Day 1' && h.Hall === 'Exhibition')).toMatchObject({ Peak: 1 })
    const arrivals = rowsOf(wb.worksheets[4]!)
    expect(
      arrivals
        .filter((a) => a.Day === 'Day 1')
        .map((a) => [(a['Arrivals per 15 minutes'] as Date).toISOString().slice(11, 16), a['Checked in']]),
    ).toEqual([
      ['08:00', 1],
      ['08:15', 1],
      ['08:30', 1],
    ])
  })
})
