// Reading organisers' files: encodings, delimiters, line endings, quoting, and XLSX, with the
// row numbers the organiser sees in the spreadsheet.
import ExcelJS from 'exceljs'
import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { guessMapping } from '../../hub/admin/import/fields.js'
import { planImport } from '../../hub/admin/import/plan.js'
import { readTable, ReadError } from '../../hub/admin/import/read-table.js'
import { isFailure, planFile, previewOf } from '../../hub/admin/import/run.js'
import { testEvent } from '../fixtures/event.js'

const fixture = (name: string) => readFile(new URL(`../fixtures/import/${name}`, import.meta.url))
const registry = testEvent('test-key')

async function preview(name: string, content?: Uint8Array) {
  const plan = await planFile({ fileName: name, content: content ?? (await fixture(name)) }, registry)
  if (isFailure(plan)) throw new Error(`${plan.error}: ${plan.message.en}`)
  return previewOf(plan)
}

describe('CSV reading', () => {
  it('drops a UTF-8 BOM, so the first header is still recognised', async () => {
    const bytes = await fixture('bom-comma.csv')
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const table = await readTable('bom-comma.csv', bytes)
    expect(table.columns[0]).toBe('Registration ID')
    const p = await preview('bom-comma.csv')
    expect(p.mapping.externalId).toBe('Registration ID')
    expect(p).toMatchObject({ rows: 3, valid: 3, problems: [] })
    expect(p.sample[0]!.values).toMatchObject({ externalId: 'R-100', firstName: 'Neema', phone: '+255712345678', groupId: 'ict' })
  })

  it('reads semicolon-separated files, a comma inside a cell staying in that cell', async () => {
    const table = await readTable('semicolon.csv', await fixture('semicolon.csv'))
    expect(table.columns).toEqual(['Registration ID', 'First name', 'Surname', 'Institution', 'Group', 'Phone'])
    expect(table.rows[0]).toEqual({ row: 2, cells: ['R-200', 'Zuberi', 'Kombo', 'Wizara ya Afya, Dodoma', 'ict', '0713 111 222'] })
    expect((await preview('semicolon.csv')).valid).toBe(2)
  })

  it('reads CRLF line endings without a stray carriage return in the last column', async () => {
    const bytes = await fixture('crlf.csv')
    expect(bytes.includes(0x0d)).toBe(true)
    const table = await readTable('crlf.csv', bytes)
    expect(table.rows.map((r) => r.cells.at(-1))).toEqual(['0714 000 111', '0714 000 222'])
    const p = await preview('crlf.csv')
    expect(p.sample.map((s) => s.values.phone)).toEqual(['+255714000111', '+255714000222'])
  })

  it('keeps quoted commas, quotes and line breaks in one cell, and numbers rows as the spreadsheet does', async () => {
    const table = await readTable('quoted.csv', await fixture('quoted.csv'))
    expect(table.rows.map((r) => r.row)).toEqual([2, 3, 4, 5])
    expect(table.rows[0]!.cells[3]).toBe('Wizara ya Fedha, Dodoma')
    expect(table.rows[1]!.cells[3]).toBe('Ofisi ya Rais\nUtumishi na Utawala Bora')
    expect(table.rows[2]!.cells[3]).toBe('"Kitengo" cha TEHAMA, UDSM')
    const p = await preview('quoted.csv')
    // R-402 is on text line 5 but spreadsheet row 4: the multi-line cell above is one row
    expect(p.problems.map((x) => [x.row, x.field, x.code])).toEqual([[4, 'lastName', 'missing_field']])
    expect(p.sample[1]!.values.organisation).toBe('Ofisi ya Rais Utumishi na Utawala Bora')
  })

  it('reads a file that is not UTF-8 as Windows-1252 (Excel on Windows)', async () => {
    const bytes = Buffer.from('First name,Surname,Group\nJosé,Müller,ict\n', 'latin1')
    const p = await preview('legacy.csv', bytes)
    expect(p.sample[0]!.values).toMatchObject({ firstName: 'José', lastName: 'Müller' })
  })

  it('refuses an empty file and an old .xls with a reason', async () => {
    await expect(readTable('empty.csv', Buffer.from('\uFEFF\r\n\r\n'))).rejects.toMatchObject({ code: 'empty_file' })
    await expect(readTable('old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).rejects.toBeInstanceOf(ReadError)
    const failed = await planFile({ fileName: 'old.xls', content: Buffer.from([0xd0, 0xcf, 0x11, 0xe0]) }, registry)
    expect(failed).toMatchObject({ error: 'bad_file', code: 'unsupported_file' })
  })
})

describe('header guessing', () => {
  it('recognises Swahili headers, and the VIP column sets the flag', async () => {
    const p = await preview('swahili-headers.csv')
    expect(p.mapping).toMatchObject({
      externalId: 'Namba ya usajili',
      firstName: 'Jina la kwanza',
      lastName: 'Jina la ukoo',
      title: 'Cheo',
      organisation: 'Taasisi',
      groupId: 'Kundi',
      phone: 'Simu',
      email: 'Barua pepe',
      vip: 'Mgeni mashuhuri',
    })
    expect(p.problems).toEqual([])
    expect(p.sample.map((s) => [s.values.groupId, s.values.flags?.vip])).toEqual([
      ['guests', true],
      ['ict', false],
    ])
  })

  it('ignores case, punctuation and accents in headers', () => {
    expect(guessMapping(['E-mail:', 'FIRST  NAME', 'Last_Name', 'Institution Type', 'Institution'])).toMatchObject({
      email: 'E-mail:',
      firstName: 'FIRST  NAME',
      lastName: 'Last_Name',
      orgType: 'Institution Type',
      organisation: 'Institution',
    })
  })

  it('an explicit mapping overrides the guess, and naming a missing column is refused', async () => {
    const content = Buffer.from('Given,Family,Team\nNeema,Mushi,ict\n')
    const guessed = await preview('x.csv', content)
    expect(guessed.problems.map((x) => [x.row, x.field, x.code])).toEqual([
      [1, 'firstName', 'unmapped_column'],
      [1, 'lastName', 'unmapped_column'],
      [1, 'groupId', 'unmapped_column'],
    ])
    expect(guessed.valid).toBe(0)
    const plan = await planFile(
      { fileName: 'x.csv', content, mapping: { firstName: 'Given', lastName: 'Family', groupId: 'Team' } },
      registry,
    )
    expect(!isFailure(plan) && previewOf(plan)).toMatchObject({ valid: 1, problems: [] })
    const bad = await planFile({ fileName: 'x.csv', content, mapping: { firstName: 'Nope' } }, registry)
    expect(bad).toMatchObject({ error: 'bad_mapping', code: 'unknown_column' })
  })
})

describe('XLSX', () => {
  it('reads the first sheet, with numeric phones, hyperlinked emails and sheet row numbers', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('Washiriki')
    sheet.addRow(['Namba ya usajili', 'Jina la kwanza', 'Jina la ukoo', 'Kundi', 'Simu', 'Barua pepe'])
    sheet.addRow([
      'X-1',
      'Neema',
      "Ng'wanangwa",
      'Maafisa TEHAMA',
      712345678,
      { text: 'neema@ega.go.tz', hyperlink: 'mailto:neema@ega.go.tz' },
    ])
    sheet.addRow([]) // an empty row 3 keeps its number
    sheet.addRow(['X-2', 'Baraka', 'Mwakyusa', 'Wanafunzi', 255754000111, 'baraka@ega.go.tz'])
    sheet.addRow(['X-3', 'Asha', 'Mbwambo', 'guests', '0754 000 112', 'not-an-email'])
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer())
    const table = await readTable('list.xlsx', bytes)
    expect(table.rows.map((r) => r.row)).toEqual([2, 4, 5])
    const p = await preview('list.xlsx', bytes)
    expect(p.sample[0]!.values).toMatchObject({ externalId: 'X-1', phone: '+255712345678', email: 'neema@ega.go.tz', groupId: 'ict' })
    expect(p.problems.map((x) => [x.row, x.field, x.code])).toEqual([
      [4, 'groupId', 'unknown_group'],
      [5, 'email', 'bad_email'],
    ])
    // the bytes decide: the same workbook named .csv is still read as a workbook
    expect((await readTable('list.csv', bytes)).rows).toHaveLength(3)
  })

  it('refuses a damaged workbook', async () => {
    await expect(readTable('broken.xlsx', Buffer.from('PK\x03\x04 not really a zip'))).rejects.toMatchObject({ code: 'unreadable_file' })
  })
})

describe('plan without a file', () => {
  it('maps a table directly (used by the routes and the CLI alike)', () => {
    const plan = planImport(
      { columns: ['First name', 'Surname', 'Group'], rows: [{ row: 7, cells: ['A', 'B', 'Wageni'] }] },
      guessMapping(['First name', 'Surname', 'Group']),
      registry,
    )
    expect(plan.rows[0]).toMatchObject({ row: 7, existingId: null, problems: [], values: { groupId: 'guests' } })
  })
})
