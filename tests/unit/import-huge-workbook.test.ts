// A small XLSX with hundreds of thousands of rows (the was 1.3 MB with 3 million): the
// streaming reader stops at the row limit instead of loading them all, and the refusal comes
// back from the reading worker as the usual too_many_rows.
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { countRows, MAX_ROWS, readTable } from '../../hub/admin/import/read-table.js'

const ROWS = 120_000

async function hugeWorkbook(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook()
  workbook.addWorksheet('Washiriki').addRow(['Jina la kwanza', 'Jina la ukoo', 'Kundi'])
  const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer())
  const sheetPath = Object.keys(zip.files).find((f) => /worksheets\/sheet1\.xml$/.test(f))!
  const xml = await zip.file(sheetPath)!.async('string')
  const rows = Array.from({ length: ROWS }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>Asha</t></is></c><c r="B${i + 1}" t="inlineStr"><is><t>Njau</t></is></c></row>`).join('')
  zip.file(sheetPath, xml.replace(/<sheetData>[\s\S]*<\/sheetData>|<sheetData\/>/, `<sheetData>${rows}</sheetData>`))
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })
}

describe('a huge workbook', () => {
  it(`is read only up to the row limit (${MAX_ROWS.toLocaleString('en')}), not all ${ROWS.toLocaleString('en')} rows, and refused as too_many_rows`, async () => {
    const content = await hugeWorkbook()
    expect(content.length).toBeLessThan(4_000_000)
    const counted = await countRows(content)
    expect(counted.tooMany).toBe(true)
    expect(counted.rowsRead).toBeLessThanOrEqual(MAX_ROWS + 2)
    await expect(readTable('orodha.xlsx', content)).rejects.toMatchObject({ code: 'too_many_rows' })
    // the worker is still there for the next file
    await expect(readTable('orodha.csv', new TextEncoder().encode('Jina la kwanza,Jina la ukoo\nAsha,Njau\n'))).resolves.toMatchObject({ rows: [{ row: 2 }] })
  }, 60_000)
})
