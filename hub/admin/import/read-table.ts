// Turns an uploaded file into a table of text cells, with each row numbered as the organiser
// sees it in the spreadsheet (the header is row 1; a quoted cell with line breaks is still
// one row; blank rows keep their numbers). CSV through papaparse, XLSX through exceljs, both in
// a worker thread (read-table-worker.ts) so that parsing never holds up check-ins.
import type { Worker } from 'node:worker_threads'
import iconv from 'iconv-lite'
import Papa from 'papaparse'
import { startHubWorker } from '../../server/worker-entry.js'
import { countRows } from './count-rows.js'
import { findHeader, twoRowHeader } from './find-header.js'
import { loadWorkbook, sheetRows } from './read-xlsx.js'
import { IMPORT_MAX_FILE_BYTES } from '../../../shared/import-fields.js'

export const MAX_FILE_BYTES = IMPORT_MAX_FILE_BYTES
export const MAX_ROWS = 50_000
export const MAX_COLUMNS = 200
/** longer cells are cut here: every field's limit is far below, so they still count as too long */
const MAX_CELL = 1000

export interface TableRow {
  /** the row number in the spreadsheet (header = 1) */
  row: number
  cells: string[]
}

export interface Table {
  columns: string[]
  rows: TableRow[]
  /** the spreadsheet row the headers were found on (title rows above it are skipped) */
  headerRow?: number
  /** a workbook's sheets, and the one read */
  sheets?: string[]
  sheet?: string
}

export type ReadErrorCode =
  'unsupported_file' | 'unreadable_file' | 'empty_file' | 'too_large' | 'too_many_rows' | 'too_many_columns' | 'unknown_sheet'

export class ReadError extends Error {
  constructor(
    readonly code: ReadErrorCode,
    detail: string = code,
  ) {
    super(detail)
  }
}

const isZip = (b: Uint8Array) => b.length > 3 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04
const isOle = (b: Uint8Array) => b.length > 3 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0

/** A file whose parsing takes longer than this is given up (a hostile or broken workbook). */
const PARSE_TIMEOUT_MS = 60_000
/** The worker's heap: a workbook that needs more is refused, not allowed to grow the hub. */
const WORKER_HEAP_MB = 768
/** A workbook's row elements read past this, values or not, and the sheet is too long. */
export const MAX_ROW_ELEMENTS = 4 * MAX_ROWS

let worker: { thread: Worker; pending: Map<number, { resolve(t: Table): void; reject(e: Error): void; timer: NodeJS.Timeout }> } | null =
  null
let nextJob = 0

function startWorker() {
  const thread = startHubWorker(new URL('./read-table-worker.ts', import.meta.url), 'read-table-worker.mjs', {
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
  })
  const pending = new Map<number, { resolve(t: Table): void; reject(e: Error): void; timer: NodeJS.Timeout }>()
  const current = { thread, pending }
  thread.unref()
  thread.on('message', (m: { id: number; table?: Table; error?: { code: ReadErrorCode; message: string } }) => {
    const job = pending.get(m.id)
    if (!job) return
    pending.delete(m.id)
    clearTimeout(job.timer)
    if (m.error) job.reject(new ReadError(m.error.code, m.error.message))
    else job.resolve(m.table!)
  })
  const fail = (err: Error) => {
    if (worker === current) worker = null
    const code: ReadErrorCode = (err as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'too_large' : 'unreadable_file'
    for (const job of pending.values()) {
      clearTimeout(job.timer)
      job.reject(new ReadError(code, err.message))
    }
    pending.clear()
  }
  thread.on('error', fail)
  thread.on('exit', () => fail(new Error('the reading worker stopped')))
  return current
}

/** Reads the file in the worker thread; its errors arrive as the same ReadErrors. */
export function readTable(fileName: string, content: Uint8Array, sheet?: string): Promise<Table> {
  if (content.length > MAX_FILE_BYTES) return Promise.reject(new ReadError('too_large'))
  worker ??= startWorker()
  const { thread, pending } = worker
  const id = ++nextJob
  return new Promise<Table>((resolve, reject) => {
    const timer = setTimeout(() => {
      // a stuck parse: the worker is ended and the next file gets a new one
      pending.delete(id)
      reject(new ReadError('unreadable_file', 'reading took too long'))
      void thread.terminate()
    }, PARSE_TIMEOUT_MS)
    pending.set(id, { resolve, reject, timer })
    thread.postMessage({ id, fileName, content, ...(sheet !== undefined ? { sheet } : {}) })
  })
}

/** readTable on this thread: what the worker runs. */
export async function readTableHere(fileName: string, content: Uint8Array, sheet?: string): Promise<Table> {
  if (content.length > MAX_FILE_BYTES) throw new ReadError('too_large')
  const ext = fileName.toLowerCase().split('.').pop() ?? ''
  // the bytes decide, not the name: a ".csv" saved by Excel as a workbook is still a workbook
  if (isZip(content)) return readXlsx(content, sheet)
  if (isOle(content) || ext === 'xls' || ext === 'ods') throw new ReadError('unsupported_file', 'old .xls or .ods: save as .xlsx or .csv')
  if (ext === 'xlsx') throw new ReadError('unreadable_file', 'not an xlsx workbook')
  return readCsv(content)
}

/**
 * The text of a CSV or tab-separated file, as Excel and registration systems save them: UTF-8
 * with or without a BOM; UTF-16 (Excel's "Unicode text", with its BOM, or without one when
 * every other byte is zero); anything that is not valid UTF-8 is Windows-1252, the superset of
 * Latin-1 that Excel on Windows writes (its 0x92 is the ’ in Ng’wanangwa).
 */
export function decodeText(content: Uint8Array): string {
  const b = Buffer.from(content.buffer, content.byteOffset, content.byteLength)
  if (b[0] === 0xff && b[1] === 0xfe) return iconv.decode(b.subarray(2), 'utf-16le')
  if (b[0] === 0xfe && b[1] === 0xff) return iconv.decode(b.subarray(2), 'utf-16be')
  const utf16 = utf16WithoutBom(b)
  if (utf16) {
    const text = iconv.decode(b, utf16)
    // zeros in every other byte can be binary too: text has no control characters but tab and line ends
    if (![...text].some(isBinaryChar)) return text
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(content)
  } catch {
    return iconv.decode(b, 'windows-1252')
  }
}

/** control characters other than tab and line ends, and the replacement character: not text */
function isBinaryChar(c: string): boolean {
  const code = c.charCodeAt(0)
  return (code < 0x20 && c !== '\t' && c !== '\n' && c !== '\r') || code === 0xfffd
}

/** Text in UTF-16 has a zero in nearly every other byte (the high byte of Latin letters). */
function utf16WithoutBom(b: Buffer): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(b.length - (b.length % 2), 4096)
  if (n < 4) return null
  let evenZero = 0
  let oddZero = 0
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenZero++
    if (b[i + 1] === 0) oddZero++
  }
  const pairs = n / 2
  if (oddZero > pairs * 0.6 && evenZero < pairs * 0.1) return 'utf-16le'
  if (evenZero > pairs * 0.6 && oddZero < pairs * 0.1) return 'utf-16be'
  return null
}

/** Excel's own first line `sep=;` names the separator; the spreadsheet does not show it as a row. */
const SEP_LINE = /^sep=(.)[ \t]*(?:\r\n|\r|\n)/i

export function readCsv(content: Uint8Array): Table {
  let text = decodeText(content).replace(/^\uFEFF/, '')
  if (!text.trim()) throw new ReadError('empty_file')
  // no spreadsheet saves NUL characters in a CSV: this is a binary file with the wrong name
  if (text.includes('\u0000')) throw new ReadError('unreadable_file', 'binary content')
  const sep = SEP_LINE.exec(text)
  if (sep) text = text.slice(sep[0].length)
  const parsed = Papa.parse<string[]>(text, {
    header: false,
    skipEmptyLines: false,
    ...(sep ? { delimiter: sep[1]! } : { delimitersToGuess: [',', ';', '\t', '|'] }),
  })
  if (parsed.data.length > MAX_ROWS + 1) throw new ReadError('too_many_rows')
  // papaparse yields one record per row, however many line breaks its quoted cells hold
  return toTable(parsed.data.map((cells, i) => ({ row: i + 1, cells: cells.map((c) => String(c ?? '')) })))
}

/**
 * A workbook's sheet: the one named, or the first with data. The table says which sheets there
 * were, so the organiser can choose another.
 */
export async function readXlsx(content: Uint8Array, sheetName?: string): Promise<Table> {
  await checkRowCounts(content)
  const workbook = await loadWorkbook(content)
  const names = workbook.worksheets.map((s) => s.name)
  if (sheetName) {
    const sheet = workbook.worksheets.find((s) => s.name === sheetName)
    if (!sheet) throw new ReadError('unknown_sheet', sheetName)
    return { ...toTable(sheetRows(sheet).rows), sheets: names, sheet: sheet.name }
  }
  for (const sheet of workbook.worksheets) {
    const { rows } = sheetRows(sheet)
    if (rows.some((r) => !blank(r.cells))) return { ...toTable(rows), sheets: names, sheet: sheet.name }
  }
  throw new ReadError('empty_file')
}

/** Refuses a workbook with too many rows before it is loaded whole (count-rows.ts). */
async function checkRowCounts(content: Uint8Array) {
  let counted
  try {
    counted = await countRows(content, { rows: MAX_ROWS + 1, elements: MAX_ROW_ELEMENTS })
  } catch (err) {
    throw new ReadError('unreadable_file', (err as Error).message)
  }
  if (counted.tooMany) throw new ReadError('too_many_rows')
}

const blank = (cells: readonly string[]) => cells.every((c) => c.trim() === '')

/**
 * The header is the row that reads most like one (title rows above it are skipped); blank rows
 * after it are dropped but keep their numbers; a column with neither header nor data (a
 * spreadsheet's trailing empty columns) is dropped.
 */
function toTable(all: TableRow[]): Table {
  const nonBlank = all.filter((r) => !blank(r.cells))
  if (nonBlank.length === 0) throw new ReadError('empty_file')
  const headerAt = all.indexOf(findHeader(nonBlank))
  let header = all[headerAt]!.cells.map((c) => c.replace(/\s+/g, ' ').trim())
  let bodyAt = headerAt + 1
  const second = all[headerAt + 1]
  const twoRows =
    second && second.row === all[headerAt]!.row + 1
      ? twoRowHeader(
          header,
          second.cells.map((c) => c.replace(/\s+/g, ' ').trim()),
        )
      : null
  if (twoRows) {
    header = twoRows
    bodyAt++
  }
  const body = all.slice(bodyAt).filter((r) => !blank(r.cells))
  const width = body.reduce((w, r) => Math.max(w, r.cells.length), header.length)
  if (width > MAX_COLUMNS) throw new ReadError('too_many_columns')
  const kept: number[] = []
  for (let i = 0; i < width; i++) if (header[i] || body.some((r) => (r.cells[i] ?? '').trim() !== '')) kept.push(i)
  const columns: string[] = []
  for (const i of kept) {
    const base = header[i]?.slice(0, 100) || `(${columnLetter(i)})`
    let name = base
    // two columns with one header: the second is told apart, so a mapping can name either
    for (let n = 2; columns.includes(name); n++) name = `${base} (${n})`
    columns.push(name)
  }
  return {
    columns,
    headerRow: all[headerAt]!.row,
    rows: body.map((r) => ({ row: r.row, cells: kept.map((i) => (r.cells[i] ?? '').trim().slice(0, MAX_CELL)) })),
  }
}

/** A, B, …, Z, AA: the column names a spreadsheet shows. */
export function columnLetter(index: number): string {
  let s = ''
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s
  return s
}
