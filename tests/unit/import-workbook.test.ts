// A workbook as an office sends it: the header found below the title rows, the merged header
// cell read once, numeric phones and groups, dates, trailing empty cells, sheets to choose.
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { readTable } from '../../hub/admin/import/read-table.js'
import { cellText } from '../../hub/admin/import/read-xlsx.js'
import { isFailure, planFile, previewOf } from '../../hub/admin/import/run.js'
import { testEvent } from '../fixtures/event.js'
import { officeWorkbook } from '../fixtures/import/workbooks.js'

const registry = testEvent('test-key')

describe('office workbooks', () => {
  it('skips the empty sheet and the title rows; merged header read once; trailing empty rows and columns dropped', async () => {
    const table = await readTable('orodha.xlsx', await officeWorkbook())
    expect(table).toMatchObject({ sheet: 'Washiriki', sheets: ['Tupu', 'Washiriki', 'Wageni'], headerRow: 4 })
    expect(table.columns).toEqual(['Namba ya usajili', 'Jina kamili', 'Taasisi', 'Kundi', 'Simu', 'Tarehe ya usajili'])
    expect(table.rows.map((r) => r.row)).toEqual([5, 6, 7, 8])
    expect(table.rows[0]!.cells).toEqual(['X-1', 'Dkt. Neema Kombo', 'Wizara ya Fedha', '1', '712345678', '01/10/2026'])
    // merged down the column: the second row has the institution too
    expect(table.rows[2]!.cells[2]).toBe('Ofisi ya Rais')
  })

  it('imports it: numeric phones get their +255 back, numeric groups match by number, the title moves', async () => {
    const plan = await planFile({ fileName: 'orodha.xlsx', content: await officeWorkbook() }, registry)
    if (isFailure(plan)) throw new Error(plan.message.en)
    const p = previewOf(plan)
    expect(p.problems).toEqual([])
    expect(
      p.sample.map((s) => [s.row, s.values.externalId, s.values.firstName, s.values.lastName, s.values.groupId, s.values.phone]),
    ).toEqual([
      [5, 'X-1', 'Neema', 'Kombo', 'ict', '+255712345678'],
      [6, 'X-2', 'Baraka', 'Mrema', 'leaders', '+255754123456'],
      [7, 'X-3', 'Asha', 'Njau', 'guests', '+255713222333'],
      [8, 'X-4', 'Juma', 'Said', 'ict', '+4930901820'],
    ])
    expect(p.sample[0]!.values.title).toBe('Dkt.')
  })

  it('another sheet by name; a sheet that is not there is refused', async () => {
    const content = await officeWorkbook()
    const plan = await planFile({ fileName: 'orodha.xlsx', content, sheet: 'Wageni' }, registry)
    if (isFailure(plan)) throw new Error(plan.message.en)
    expect(previewOf(plan)).toMatchObject({ sheet: 'Wageni', headerRow: 1, valid: 1 })
    expect(await planFile({ fileName: 'orodha.xlsx', content, sheet: 'Hakuna' }, registry)).toMatchObject({
      error: 'bad_file',
      code: 'unknown_sheet',
    })
  })

  it('cell values as the organiser reads them', () => {
    expect(cellText(712345678)).toBe('712345678')
    expect(cellText(new Date(Date.UTC(2026, 11, 3, 8, 30)))).toBe('03/12/2026 08:30')
    expect(cellText({ formula: 'A1&B1', result: 'Neema Kombo' } as never)).toBe('Neema Kombo')
    expect(cellText({ richText: [{ text: 'Ng’wana' }, { text: 'ngwa' }] } as never)).toBe('Ng’wanangwa')
    expect(cellText({ text: 'a@b.co', hyperlink: 'mailto:a@b.co' } as never)).toBe('a@b.co')
    expect(cellText({ error: '#N/A' } as never)).toBe('')
  })
})

describe('title rows in a CSV', () => {
  it('a title line and a blank line above the header', async () => {
    const csv = 'Orodha ya washiriki,,\n,,\nFirst name,Surname,Group\nNeema,Kombo,1\n'
    const table = await readTable('x.csv', Buffer.from(csv))
    expect(table).toMatchObject({ headerRow: 3, columns: ['First name', 'Surname', 'Group'] })
    expect(table.rows).toEqual([{ row: 4, cells: ['Neema', 'Kombo', '1'] }])
  })
})

describe('a header on two rows', () => {
  it('"Jina" merged over "Kwanza" and "Ukoo": the lower words name the columns, data starts below', async () => {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('Orodha')
    ws.getCell('A1').value = 'ORODHA YA WASHIRIKI'
    ws.mergeCells('A1:E1')
    ws.getRow(2).values = ['S/N', 'Jina la mshiriki', null, 'Taasisi', 'Kundi']
    ws.getRow(3).values = [null, 'Kwanza', 'Ukoo', null, null]
    ws.mergeCells('B2:C2')
    ws.mergeCells('A2:A3')
    ws.mergeCells('D2:D3')
    ws.mergeCells('E2:E3')
    ws.addRow([1, 'Neema', 'Kombo', 'Wizara ya Fedha', 1])
    ws.addRow([2, 'Baraka', 'Mrema', 'TRA', 2])
    const content = new Uint8Array(await wb.xlsx.writeBuffer())
    const table = await readTable('orodha.xlsx', content)
    // cells merged down fill the lower row, so it reads most like a header: it is taken
    expect(table).toMatchObject({ headerRow: 3, columns: ['S/N', 'Kwanza', 'Ukoo', 'Taasisi', 'Kundi'] })
    expect(table.rows.map((r) => r.row)).toEqual([4, 5])
    const plan = await planFile({ fileName: 'orodha.xlsx', content }, registry)
    if (isFailure(plan)) throw new Error(plan.message.en)
    expect(previewOf(plan).problems).toEqual([])
    expect(plan.rows.map((r) => [r.values.firstName, r.values.lastName, r.values.groupId])).toEqual([
      ['Neema', 'Kombo', 'ict'],
      ['Baraka', 'Mrema', 'leaders'],
    ])
  })

  it('without merges down, the top row is the header and the lower one names the merged columns', async () => {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('Orodha')
    ws.getRow(1).values = ['Namba ya usajili', 'Majina', null, 'Kundi']
    ws.mergeCells('B1:C1')
    ws.getRow(2).values = [null, 'La kwanza', 'La ukoo', null]
    ws.addRow(['R-1', 'Neema', 'Kombo', 'Wageni'])
    const table = await readTable('orodha.xlsx', new Uint8Array(await wb.xlsx.writeBuffer()))
    expect(table).toMatchObject({
      headerRow: 1,
      columns: ['Namba ya usajili', 'La kwanza', 'La ukoo', 'Kundi'],
      rows: [{ row: 3, cells: ['R-1', 'Neema', 'Kombo', 'Wageni'] }],
    })
  })

  it('the same in a CSV (the merge left blank cells), and a first data row is never taken for a header row', async () => {
    const two = await readTable('x.csv', Buffer.from('Jina,,Kundi\nKwanza,Ukoo,\nNeema,Kombo,1\n'))
    expect(two).toMatchObject({ columns: ['Kwanza', 'Ukoo', 'Kundi'], rows: [{ row: 3, cells: ['Neema', 'Kombo', '1'] }] })
    const one = await readTable('x.csv', Buffer.from('Jina kamili,,Kundi\nNeema Kombo,,Wageni\n'))
    expect(one.rows).toEqual([{ row: 2, cells: ['Neema Kombo', 'Wageni'] }])
  })
})
