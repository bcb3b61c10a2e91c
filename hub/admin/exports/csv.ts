// CSV for Excel: UTF-8 with a BOM (so Kiswahili names and apostrophes survive), CRLF, every
// cell quoted where it must be, and no text a spreadsheet would run as a formula.
import Papa from 'papaparse'
import { guardText } from './formula-guard.js'

export type Cell = string | number | boolean | null | undefined

/** Numbers stay numbers (a negative offset is no formula); text goes through the formula guard. */
export function guardCell(value: Cell): string | number {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return Number.isFinite(value) ? value : ''
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  return guardText(value)
}

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const data = [header.map(guardCell), ...rows.map((r) => r.map(guardCell))]
  // quoted whenever a reader could split the cell: a separator of either kind, a quote, any line break
  const quotes = (value: unknown) => typeof value === 'string' && /[",;\r\n]|^\s|\s$/.test(value)
  return `\uFEFF${Papa.unparse(data, { newline: '\r\n', quotes, header: false })}\r\n`
}
