// A small XLSX with very many rows, read three ways: the whole workbook loaded on the main
// thread (what the hub did before), the streaming count on the main thread, and readTable as
// the hub runs it now (in the worker). Wall time, the main thread's longest block, and its heap.
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { countRows } from '../hub/admin/import/count-rows.js'
import { MAX_ROW_ELEMENTS, MAX_ROWS, readTable } from '../hub/admin/import/read-table.js'
import { loadWorkbook } from '../hub/admin/import/read-xlsx.js'
import { longestBlock, ms, now, type BenchResult } from './lib.js'

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 500_000)

async function hugeWorkbook(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook()
  workbook.addWorksheet('Washiriki').addRow(['Jina la kwanza', 'Jina la ukoo', 'Kundi'])
  const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer())
  const sheetPath = Object.keys(zip.files).find((f) => /worksheets\/sheet1\.xml$/.test(f))!
  const xml = await zip.file(sheetPath)!.async('string')
  const parts: string[] = []
  for (let i = 1; i <= ROWS; i++) parts.push(`<row r="${i}"><c r="A${i}" t="inlineStr"><is><t>Asha</t></is></c></row>`)
  zip.file(sheetPath, xml.replace(/<sheetData>[\s\S]*<\/sheetData>|<sheetData\/>/, `<sheetData>${parts.join('')}</sheetData>`))
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } })
}

async function measure(name: string, work: () => Promise<unknown>) {
  global.gc?.()
  const heapBefore = process.memoryUsage().heapUsed
  const t0 = now()
  const { value, maxBlockMs } = await longestBlock(() =>
    work().then(
      (v) => String(v),
      (e: Error) => (e as { code?: string }).code ?? e.message,
    ),
  )
  return {
    way: name,
    'wall ms': ms(now() - t0),
    'main thread longest block ms': ms(maxBlockMs),
    'main heap growth MB': Math.round((process.memoryUsage().heapUsed - heapBefore) / 2 ** 20),
    result: value,
  }
}

export async function run(): Promise<BenchResult> {
  const content = await hugeWorkbook()
  const rows = [
    await measure('readTable (worker, row count first): now', () => readTable('orodha.xlsx', content)),
    await measure('row count alone, main thread', () =>
      countRows(content, { rows: MAX_ROWS + 1, elements: MAX_ROW_ELEMENTS }).then((c) => `read ${c.rowsRead} rows, too many: ${c.tooMany}`),
    ),
    await measure('whole workbook loaded on the main thread: before', () =>
      loadWorkbook(content).then((w) => `${w.worksheets[0]!.actualRowCount} rows loaded`),
    ),
  ]
  return {
    name: `A ${(content.length / 2 ** 20).toFixed(1)} MB XLSX with ${ROWS.toLocaleString('en')} rows (the row limit is 50,000)`,
    rows,
    notes: ['"Longest block" is the main thread\'s: what a check-in arriving meanwhile would wait at most.'],
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log((await import('./lib.js')).table(await run()))
