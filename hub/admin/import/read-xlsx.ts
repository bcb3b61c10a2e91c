// An .xlsx workbook as offices make them: several sheets, numbers stored as numbers (a phone
// whose leading 0 Excel dropped, a group 1), dates as dates, formulas, links and merged cells.
// Each sheet becomes rows of text cells with the row numbers Excel shows.
import type { Cell, CellValue, Workbook, Worksheet } from 'exceljs'
import { MAX_ROWS, ReadError, type TableRow } from './read-table.js'

export interface SheetRows {
  name: string
  rows: TableRow[]
}

export async function loadWorkbook(content: Uint8Array): Promise<Workbook> {
  // loaded on first use: it is a fifth of a second of the hub's start, for an admin action
  const { default: ExcelJS } = await import('exceljs')
  const workbook = new ExcelJS.Workbook()
  try {
    // exceljs types its input as an ArrayBuffer-like "Buffer": hand it a copy of exactly these bytes
    await workbook.xlsx.load(content.buffer.slice(content.byteOffset, content.byteOffset + content.byteLength) as ArrayBuffer)
  } catch (err) {
    throw new ReadError('unreadable_file', (err as Error).message)
  }
  return workbook
}

const two = (n: number) => String(n).padStart(2, '0')

/** A cell as the organiser reads it, without Excel's display formats (a number keeps all its digits). */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  if (typeof value === 'string') return value
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE'
  if (value instanceof Date) {
    // exceljs gives the sheet's wall-clock time as UTC: read it back the same way, dd/mm/yyyy
    if (Number.isNaN(value.getTime())) return ''
    const date = `${two(value.getUTCDate())}/${two(value.getUTCMonth() + 1)}/${value.getUTCFullYear()}`
    const time = value.getUTCHours() || value.getUTCMinutes() ? ` ${two(value.getUTCHours())}:${two(value.getUTCMinutes())}` : ''
    return date + time
  }
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text).join('')
    if ('formula' in value || 'sharedFormula' in value) return 'result' in value ? cellText((value.result ?? null) as CellValue) : ''
    if ('text' in value) return typeof value.text === 'string' ? value.text : cellText(value.text as CellValue)
    if ('error' in value) return ''
  }
  return ''
}

/**
 * A merged range keeps its text where it reads: down a column (one institution for several
 * rows) every row has it; across a row (a header or title stretched over columns) only the
 * first column does, so no column is named twice.
 */
function textOf(cell: Cell): string {
  if (cell.isMerged && cell.master !== cell && cell.master.row === cell.row) return ''
  return cellText(cell.value)
}

export function sheetRows(sheet: Worksheet): SheetRows {
  if (sheet.actualRowCount > MAX_ROWS + 1) throw new ReadError('too_many_rows')
  const rows: TableRow[] = []
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = []
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = textOf(cell)
    })
    rows.push({ row: row.number, cells: Array.from(cells, (c) => c ?? '') })
  })
  return { name: sheet.name, rows }
}
