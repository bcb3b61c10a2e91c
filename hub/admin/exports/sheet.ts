// One table, two files: CSV (instants as ISO 8601 with the event's offset) and XLSX (instants
// as real dates in the event's local time, since a spreadsheet has no time zone). Headers in
// the language asked for; text through the formula guard in both.
import { isoWithOffset } from '../../../shared/local-time.js'
import { toCsv } from './csv.js'
import { guardText } from './formula-guard.js'

/** An event day (YYYY-MM-DD): a date without a time of day, so without a time zone. */
export interface CalendarDay {
  day: string
}
export type SheetValue = string | number | Date | CalendarDay | null
const isDay = (v: SheetValue): v is CalendarDay => typeof v === 'object' && v !== null && !(v instanceof Date)

export interface Sheet {
  /** the worksheet's tab, at most 31 characters */
  name: string
  header: string[]
  rows: SheetValue[][]
  /** character widths per column, for XLSX */
  widths?: number[]
}

export function sheetCsv(sheet: Sheet, timeZone: string): string {
  return toCsv(
    sheet.header,
    sheet.rows.map((r) => r.map((v) => (v instanceof Date ? isoWithOffset(v, timeZone) : isDay(v) ? v.day : v))),
  )
}

/** The instant as the event's wall clock, written as if it were UTC: what Excel will show. */
export function localWallClock(at: Date, timeZone: string): Date {
  return new Date(`${isoWithOffset(at, timeZone).slice(0, 19)}Z`)
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
export const DATE_FORMAT = 'dd/mm/yyyy hh:mm:ss'
export const DAY_FORMAT = 'dd/mm/yyyy'

export async function sheetsXlsx(sheets: Sheet[], timeZone: string, title: string): Promise<Buffer> {
  // loaded only when a workbook is asked for: the hub starts without it
  const { default: ExcelJS } = await import('exceljs')
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Karibu'
  workbook.title = title
  for (const s of sheets) {
    const ws = workbook.addWorksheet(s.name.slice(0, 31).replace(/[\\/?*[\]:]/g, ' '), { views: [{ state: 'frozen', ySplit: 1 }] })
    ws.addRow(s.header.map(guardText)).font = { bold: true }
    for (const row of s.rows) {
      const added = ws.addRow(
        row.map((v) =>
          v instanceof Date
            ? localWallClock(v, timeZone)
            : isDay(v)
              ? new Date(`${v.day}T00:00:00Z`)
              : typeof v === 'string'
                ? guardText(v)
                : v,
        ),
      )
      row.forEach((v, i) => {
        if (v instanceof Date) added.getCell(i + 1).numFmt = DATE_FORMAT
        else if (isDay(v)) added.getCell(i + 1).numFmt = DAY_FORMAT
      })
    }
    s.header.forEach((h, i) => {
      ws.getColumn(i + 1).width = s.widths?.[i] ?? Math.min(60, Math.max(10, h.length + 2))
    })
  }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
