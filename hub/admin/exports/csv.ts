// CSV for Excel: UTF-8 with a BOM (so Kiswahili names and apostrophes survive), CRLF, every
// cell quoted where it must be, and no cell that Excel would run as a formula.
import Papa from 'papaparse'

export type Cell = string | number | boolean | null | undefined

/**
 * A text cell starting with = + - @ (or a tab or carriage return) is a formula to Excel: a
 * quote in front keeps it text. Numbers are written as numbers (a negative offset is no formula).
 */
export function guardCell(value: Cell): string | number {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return Number.isFinite(value) ? value : ''
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const data = [header.map(guardCell), ...rows.map((r) => r.map(guardCell))]
  return `\uFEFF${Papa.unparse(data, { newline: '\r\n', quotes: false, header: false })}\r\n`
}
