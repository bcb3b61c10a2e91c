// Offices put a title, a date or a blank row above the list ("ORODHA YA WASHIRIKI", merged
// across the top). The header row is the one whose cells most look like field names.
import { guessMapping, IMPORT_FIELDS } from './fields.js'
import type { TableRow } from './read-table.js'

/** how far down a header may be: a title block is a few rows, not a page */
const LOOK_ROWS = 30

function score(row: TableRow): number {
  const cells = row.cells.map((c) => c.replace(/\s+/g, ' ').trim()).filter(Boolean)
  const mapping = guessMapping(cells)
  return IMPORT_FIELDS.filter((f) => mapping[f] !== null).length
}

/** The best-scoring of the first rows (the earliest on a tie); with no field name anywhere, the first row. */
export function findHeader(nonBlank: readonly TableRow[]): TableRow {
  let best = nonBlank[0]!
  let bestScore = 0
  for (const row of nonBlank.slice(0, LOOK_ROWS)) {
    const s = score(row)
    if (s > bestScore) {
      best = row
      bestScore = s
    }
  }
  // one recognised word is too little to skip rows for ("Jina" in a title)
  return bestScore >= 2 ? best : nonBlank[0]!
}

/**
 * A header on two rows, as offices draw it: "Jina" merged over the two columns below it, which
 * read "Kwanza" and "Ukoo". `header` has the top row (a merged cell's text in its first column
 * only); `next` is the row under it. Returns the columns' names, the lower row's words where
 * they are, or null when `next` is data, not the header's second row.
 */
export function twoRowHeader(header: readonly string[], next: readonly string[]): string[] | null {
  const width = Math.max(header.length, next.length)
  const top = Array.from({ length: width }, (_, i) => (header[i] ?? '').trim())
  const low = Array.from({ length: width }, (_, i) => (next[i] ?? '').trim())
  // each column's span: the merged header cell over it (a text followed by blank cells), or null
  const spanOf: (number | null)[] = []
  let open: number | null = null
  for (let i = 0; i < width; i++) {
    if (top[i]) open = top[i + 1] === '' ? i : null
    spanOf.push(open)
  }
  let underSpan = 0
  for (let i = 0; i < width; i++) {
    if (!low[i]) continue
    if (spanOf[i] === null) {
      // a cell merged down from the top row repeats its text: still the header
      if (low[i] !== top[i]) return null
      continue
    }
    // the second row of a header is words, not a registration number, a group number or a phone
    if (/\d/.test(low[i]!) || !/\p{L}/u.test(low[i]!)) return null
    underSpan++
  }
  if (underSpan < 2) return null
  return top.map((t, i) => (low[i] && spanOf[i] !== null ? low[i]! : t))
}
