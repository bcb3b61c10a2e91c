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
