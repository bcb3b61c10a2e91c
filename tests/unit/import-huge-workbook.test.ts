// A small XLSX with hundreds of thousands of rows (the was 1.3 MB with 3 million): the
// row count stops at the row limit instead of loading them all, and the refusal comes
// back from the reading worker as the usual too_many_rows.
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { countRows } from '../../hub/admin/import/count-rows.js'
import { MAX_ROW_ELEMENTS, MAX_ROWS, readTable } from '../../hub/admin/import/read-table.js'

const ROWS = 120_000

async function hugeWorkbook(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook()
  workbook.addWorksheet('Washiriki').addRow(['Jina la kwanza', 'Jina la ukoo', 'Kundi'])
  const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer())
  const sheetPath = Object.keys(zip.files).find((f) => /worksheets\/sheet1\.xml$/.test(f))!
  const xml = await zip.file(sheetPath)!.async('string')
  const rows = Array.from(
    { length: ROWS },
    (_, i) =>
      `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>Asha</t></is></c><c r="B${i + 1}" t="inlineStr"><is><t>Njau</t></is></c></row>`,
  ).join('')
  zip.file(sheetPath, xml.replace(/<sheetData>[\s\S]*<\/sheetData>|<sheetData\/>/, `<sheetData>${rows}</sheetData>`))
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })
}

describe('a huge workbook', () => {
  it(`is read only up to the row limit (${MAX_ROWS.toLocaleString('en')}), not all ${ROWS.toLocaleString('en')} rows, and refused as too_many_rows`, async () => {
    const content = await hugeWorkbook()
    expect(content.length).toBeLessThan(4_000_000)
    const counted = await countRows(content, { rows: MAX_ROWS + 1, elements: MAX_ROW_ELEMENTS })
    expect(counted.tooMany).toBe(true)
    expect(counted.rowsRead).toBeLessThanOrEqual(MAX_ROWS + 2)
    await expect(readTable('orodha.xlsx', content)).rejects.toMatchObject({ code: 'too_many_rows' })
    // the worker is still there for the next file
    await expect(readTable('orodha.csv', new TextEncoder().encode('Jina la kwanza,Jina la ukoo\nAsha,Njau\n'))).resolves.toMatchObject({
      rows: [{ row: 2 }],
    })
  }, 60_000)
})

/** A workbook whose one sheet's rows are the given XML, stored as exceljs stores it (xl/workbook.xml last). */
async function workbookWithRows(rowsXml: string): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook()
  workbook.addWorksheet('Washiriki')
  workbook.addWorksheet('Wageni').addRow(['Jina'])
  const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer())
  const sheetPath = Object.keys(zip.files).find((f) => /worksheets\/sheet1\.xml$/.test(f))!
  const xml = await zip.file(sheetPath)!.async('string')
  zip.file(sheetPath, xml.replace(/<sheetData>[\s\S]*<\/sheetData>|<sheetData\/>/, `<sheetData>${rowsXml}</sheetData>`))
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })
}

describe('counting rows before loading', () => {
  it('counts rows with a value against the row limit, and rows of styles alone only against the element limit', async () => {
    const valued = (n: number) => `<row r="${n}"><c r="A${n}"><v>${n}</v></c></row>`
    const styled = (n: number) => `<row r="${n}" s="2" customFormat="1"/><row r="${n}b"><c r="A${n}" s="3"/></row>`
    const content = await workbookWithRows([1, 2, 3].map(valued).join('') + [4, 5].map(styled).join(''))
    // 3 rows with a value in the first sheet and 1 in the second; 4 styled rows without one
    expect(await countRows(content, { rows: 3, elements: 100 })).toEqual({ rowsRead: 8, tooMany: false })
    expect((await countRows(content, { rows: 2, elements: 100 })).tooMany).toBe(true)
    expect((await countRows(content, { rows: 100, elements: 6 })).tooMany).toBe(true)
  })

  it('reads rows written with a namespace prefix (<x:row>), as some exporters do', async () => {
    const content = await workbookWithRows('<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Asha</x:t></x:is></x:c></x:row>'.repeat(3))
    expect(await countRows(content, { rows: 2, elements: 100 })).toMatchObject({ tooMany: true })
  })

  it('reads a workbook with several sheets, stored with xl/workbook.xml last, every time', async () => {
    // exceljs's streaming reader failed on such files now and then ("reading 'sheets'"): a race
    const workbook = new ExcelJS.Workbook()
    workbook.addWorksheet('Maelezo').addRow(['Orodha ya washiriki'])
    workbook.addWorksheet('Washiriki').addRows([
      ['Jina la kwanza', 'Jina la ukoo'],
      ['Asha', 'Njau'],
    ])
    const content = new Uint8Array(await workbook.xlsx.writeBuffer())
    const names = Object.keys((await JSZip.loadAsync(content)).files)
    expect(names.indexOf('xl/workbook.xml')).toBeGreaterThan(names.findIndex((n) => n.startsWith('xl/worksheets/')))
    const outcomes = await Promise.all(
      Array.from({ length: 30 }, () =>
        readTable('orodha.xlsx', content, 'Washiriki').then(
          (t) => t.rows.length,
          (e: Error) => e.message,
        ),
      ),
    )
    expect(outcomes).toEqual(Array(30).fill(1))
  })
})
