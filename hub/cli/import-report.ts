// What the import CLI prints: the mapping it used, the counts, each group (and category) value
// and what it matched, each update old → new, and each problem with row, registration ID and name.
import { FIELD_NAMES } from '../admin/import/fields.js'
import type { ImportProblem } from '../admin/import/problems.js'
import type { ImportPreview } from '../admin/import/run.js'
import { VALUE_FIELDS, type ValueMatch } from '../admin/import/values.js'

const BY: Record<ValueMatch['by'], string> = {
  id: 'kitambulisho / id',
  number: 'namba / number',
  name: 'jina / name',
  chosen: 'chaguo lako / your choice',
  left_out: '',
  unknown: '',
}

export function valueLine(v: ValueMatch): string {
  const rows = `${v.rows} safu / rows`
  if (v.by === 'left_out') return `  "${v.value}" → (zitaachwa / left out), ${rows}`
  if (v.by === 'unknown') {
    const flag = v.field === 'category' ? 'category:"%s"=<kategoria / category>' : 'group:"%s"=<kundi / group>'
    return `  "${v.value}" → ? (halijulikani / unknown), ${rows}: --value ${flag.replace('%s', v.value)}`
  }
  return `  "${v.value}" → ${v.to} (${BY[v.by]}), ${rows}`
}

/** row 16 (R-116, Neema Kombo): the organiser finds the row by any of the three */
export function who(row: number, externalId: string | undefined, name: string | undefined): string {
  const id = [externalId, name].filter(Boolean).join(', ')
  return `safu / row ${row}${id ? ` (${id})` : ''}`
}

export const problemLine = (x: ImportProblem) => `  ${who(x.row, x.externalId, x.name)}: ${x.message.sw} / ${x.message.en}`

export function report(p: ImportPreview, out: (line: string) => void) {
  if (p.sheet)
    out(`Karatasi / Sheet: "${p.sheet}"${p.sheets.length > 1 ? ` (${p.sheets.map((s) => `"${s}"`).join(', ')}: --sheet NAME)` : ''}`)
  if (p.headerRow > 1) out(`Vichwa viko safu ya ${p.headerRow} / Headers on row ${p.headerRow}`)
  const mapped = Object.entries(p.mapping)
    .filter(([, c]) => c)
    .map(([f, c]) => `${f}←"${c}"`)
  out(`Safu wima / Columns: ${mapped.join(', ')}`)
  out(
    `Safu za data / Rows: ${p.rows}; sahihi / valid: ${p.valid} (wapya / new ${p.toAdd}, wa kusasishwa / updates ${p.toUpdate}); zenye matatizo / with problems: ${p.rows - p.valid - p.leftOut}`,
  )
  if (p.leftOut) out(`Zimeachwa kwa chaguo lako / Left out by your choice: ${p.leftOut}`)
  const heading = { groupId: 'Makundi / Groups:', category: 'Kategoria / Categories:' } as const
  for (const field of VALUE_FIELDS) {
    const values = p.values.filter((v) => v.field === field)
    if (!values.length) continue
    out(heading[field])
    for (const v of values) out(valueLine(v))
  }
  if (p.updates.length) {
    out('Mabadiliko / Changes (zamani → mpya / old → new):')
    for (const u of p.updates)
      out(
        `  ${who(u.row, u.externalId, u.name)}: ${u.changes.map((c) => `${FIELD_NAMES[c.field].sw} / ${FIELD_NAMES[c.field].en} "${c.from}" → "${c.to}"`).join('; ')}`,
      )
  }
  if (p.problems.length) out('Matatizo / Problems:')
  for (const x of p.problems) out(problemLine(x))
}
