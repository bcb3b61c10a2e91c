// `npm run import -- <file> [--dry-run] [--data DIR] [--all-or-nothing|--valid-rows] [--map field=Column] [--value group:"Value"=Group]`
// Imports the organiser's list into the hub's data folder, with the same checks as the admin
// page. Run it while the hub is stopped: the running hub would not see the change and would
// write over it. Exit codes: 0 done, 1 problems (nothing or not everything imported), 2 usage.
import { readFile } from 'node:fs/promises'
import { basename, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { fileExists } from '../../common/files.js'
import { FIELD_NAMES, IMPORT_FIELDS, type ImportField, type MappingInput } from '../admin/import/fields.js'
import type { ImportProblem } from '../admin/import/problems.js'
import { applyImport, isFailure, planFile, previewOf, type ImportPreview } from '../admin/import/run.js'
import type { ValueChoices, ValueMatch } from '../admin/import/values.js'
import { hubConfig } from '../config.js'
import { EventStore } from '../store/event-store.js'
import { openRegistryFile } from '../store/registry-file.js'

const USAGE = `Matumizi / Usage: npm run import -- <faili.csv|faili.xlsx> [--dry-run] [--data DIR] [--all-or-nothing|--valid-rows] [--map field=Column] [--value group:"Value"=Group] [--sheet NAME]
  --dry-run         onyesha tu, usiandike / only show, write nothing
  --data DIR        folda ya data ya kitovu / the hub's data folder (default: $KARIBU_DATA or ./data)
  --all-or-nothing  ingiza vyote au chochote (chaguo-msingi) / import everything or nothing (default)
  --valid-rows      ingiza safu sahihi tu / import the valid rows only
  --map field=Column  chagua safu wima ya sehemu / choose a field's column (fields: ${IMPORT_FIELDS.join(', ')})
  --sheet NAME      karatasi ya kusoma (chaguo-msingi: ya kwanza yenye data) / the sheet to read (default: the first with data)
  --value group:"Thamani"=Kundi  thamani ya faili → kundi (id, namba au jina); bila kundi = acha safu hizo
                    a value of the file → a group (id, number or name); no group = leave those rows out (repeatable)`

class UsageError extends Error {}

function parse(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean', default: false },
      data: { type: 'string' },
      'all-or-nothing': { type: 'boolean', default: false },
      'valid-rows': { type: 'boolean', default: false },
      map: { type: 'string', multiple: true, default: [] },
      value: { type: 'string', multiple: true, default: [] },
      sheet: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
  if (values.help) throw new UsageError('')
  if (positionals.length !== 1) throw new UsageError('Taja faili moja / Name one file.')
  if (values['all-or-nothing'] && values['valid-rows']) throw new UsageError('Chagua --all-or-nothing AU --valid-rows / Choose --all-or-nothing OR --valid-rows.')
  const mapping: MappingInput = {}
  for (const m of values.map) {
    const at = m.indexOf('=')
    const field = m.slice(0, at) as ImportField
    if (at < 1 || !IMPORT_FIELDS.includes(field)) throw new UsageError(`--map ${m}: field=Column`)
    mapping[field] = m.slice(at + 1) || null
  }
  const groupChoices: Record<string, string | null> = {}
  for (const v of values.value) {
    // group:"Kundi A"=ict — the shell has taken the quotes; the group is after the last "="
    const m = /^(group|groupId|kundi):(.*)=([^=]*)$/i.exec(v)
    if (!m || !m[2]!.trim()) throw new UsageError(`--value ${v}: group:"Thamani / Value"=Kundi / Group`)
    const target = m[3]!.trim()
    groupChoices[m[2]!.trim()] = target === '' || target === '-' ? null : target
  }
  const choices: ValueChoices | undefined = values.value.length ? { groupId: groupChoices } : undefined
  return {
    sheet: values.sheet,
    values: choices,
    file: resolve(positionals[0]!),
    dryRun: values['dry-run'],
    dataDir: values.data ? resolve(values.data) : hubConfig().dataDir,
    mode: values['valid-rows'] ? ('valid-rows' as const) : ('all-or-nothing' as const),
    mapping: values.map.length ? mapping : undefined,
  }
}

function report(p: ImportPreview, out: (line: string) => void) {
  if (p.sheet) out(`Karatasi / Sheet: "${p.sheet}"${p.sheets.length > 1 ? ` (${p.sheets.map((s) => `"${s}"`).join(', ')}: --sheet NAME)` : ''}`)
  if (p.headerRow > 1) out(`Vichwa viko safu ya ${p.headerRow} / Headers on row ${p.headerRow}`)
  const mapped = Object.entries(p.mapping).filter(([, c]) => c).map(([f, c]) => `${f}←"${c}"`)
  out(`Safu wima / Columns: ${mapped.join(', ')}`)
  out(`Safu za data / Rows: ${p.rows}; sahihi / valid: ${p.valid} (wapya / new ${p.toAdd}, wa kusasishwa / updates ${p.toUpdate}); zenye matatizo / with problems: ${p.rows - p.valid - p.leftOut}`)
  if (p.leftOut) out(`Zimeachwa kwa chaguo lako / Left out by your choice: ${p.leftOut}`)
  if (p.values.length) {
    out('Makundi / Groups:')
    for (const v of p.values) out(valueLine(v))
  }
  if (p.updates.length) {
    out('Mabadiliko / Changes (zamani → mpya / old → new):')
    for (const u of p.updates) out(`  ${who(u.row, u.externalId, u.name)}: ${u.changes.map((c) => `${FIELD_NAMES[c.field].sw} / ${FIELD_NAMES[c.field].en} "${c.from}" → "${c.to}"`).join('; ')}`)
  }
  if (p.problems.length) out('Matatizo / Problems:')
  for (const x of p.problems) out(problemLine(x))
}

/** row 16 (R-116, Neema Kombo): the organiser finds the row by any of the three */
function who(row: number, externalId: string | undefined, name: string | undefined): string {
  const id = [externalId, name].filter(Boolean).join(', ')
  return `safu / row ${row}${id ? ` (${id})` : ''}`
}

const BY: Record<ValueMatch['by'], string> = {
  id: 'kitambulisho / id',
  number: 'namba / number',
  name: 'jina / name',
  chosen: 'chaguo lako / your choice',
  left_out: '',
  unknown: '',
}
function valueLine(v: ValueMatch): string {
  const rows = `${v.rows} safu / rows`
  if (v.by === 'left_out') return `  "${v.value}" → (zitaachwa / left out), ${rows}`
  if (v.by === 'unknown') return `  "${v.value}" → ? (halijulikani / unknown), ${rows}: --value group:"${v.value}"=<kundi / group>`
  return `  "${v.value}" → ${v.to} (${BY[v.by]}), ${rows}`
}

const problemLine = (x: ImportProblem) => `  ${who(x.row, x.externalId, x.name)}: ${x.message.sw} / ${x.message.en}`

export async function main(argv: string[], out = (l: string) => console.log(l)): Promise<number> {
  let args
  try {
    args = parse(argv)
  } catch (err) {
    out(`${(err as Error).message}\n${USAGE}`.trim())
    return err instanceof UsageError && !err.message ? 0 : 2
  }
  const registryPath = join(args.dataDir, 'registry.json')
  if (!(await fileExists(registryPath))) {
    out(`Hakuna tukio kwenye ${args.dataDir}: anzisha kitovu mara moja kwanza (npm start). / No event in ${args.dataDir}: start the hub once first (npm start).`)
    return 2
  }
  let content: Buffer
  try {
    content = await readFile(args.file)
  } catch {
    out(`Faili halisomeki / Cannot read the file: ${args.file}`)
    return 2
  }
  const input = { fileName: basename(args.file), content, mapping: args.mapping, values: args.values, sheet: args.sheet }

  if (args.dryRun) {
    // read-only: the registry file is opened, never written
    const db = await openRegistryFile(registryPath, () => {
      throw new Error('unreachable: the file exists')
    })
    const plan = await planFile(input, db.data)
    if (isFailure(plan)) {
      out(`${plan.message.sw} / ${plan.message.en}`)
      return 2
    }
    const p = previewOf(plan)
    report(p, out)
    out('Jaribio tu: hakuna kilichoandikwa. / Dry run: nothing was written.')
    return p.problems.length ? 1 : 0
  }

  const { store } = await EventStore.open({
    dataDir: args.dataDir,
    seed: () => {
      throw new Error('unreachable: the registry exists')
    },
  })
  try {
    const result = await applyImport(store, input, args.mode, 'cli-import')
    if ('error' in result) {
      out(`${result.message.sw} / ${result.message.en}`)
      return 2
    }
    report(result.preview, out)
    if (!result.applied) {
      out('Hakuna kilichoingizwa: rekebisha matatizo, au tumia --valid-rows. / Nothing was imported: fix the problems, or use --valid-rows.')
      return 1
    }
    out(`Wameongezwa / Added: ${result.added}; wamesasishwa / updated: ${result.updated}; bila mabadiliko / unchanged: ${result.unchanged}; wamerukwa / skipped: ${result.skipped}; zimeachwa / left out: ${result.leftOut}`)
    // the running hub keeps its own copy of the registry and would write over this one
    if (result.rev !== null) out('Kama kitovu kinaendeshwa kwenye folda hii, kianzishe upya sasa. / If a hub is running on this folder, restart it now.')
    return 0
  } finally {
    await store.close()
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err)
      process.exit(2)
    },
  )
}
