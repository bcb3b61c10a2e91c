// The import CLI's arguments: what the organiser typed, checked, or a usage message.
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { IMPORT_FIELDS, type ImportField, type MappingInput } from '../admin/import/fields.js'
import type { ImportMode } from '../admin/import/apply.js'
import type { ValueChoices } from '../admin/import/values.js'

export const USAGE = `Matumizi / Usage:
  npm run import -- <faili.csv|faili.xlsx|faili.txt> [--dry-run] [--data DIR] [--all-or-nothing|--valid-rows]
                    [--map field=Column] [--value group:"Value"=Group] [--value category:"Value"=Category] [--sheet NAME]
  npm run import -- --template orodha.xlsx [--data DIR]
  --dry-run         onyesha tu, usiandike / only show, write nothing
  --data DIR        folda ya data ya kitovu / the hub's data folder (default: $KARIBU_DATA or ./data);
                    KARIBU_DATABASE_URL ikiwekwa, PostgreSQL / with KARIBU_DATABASE_URL set, PostgreSQL
  --all-or-nothing  ingiza vyote au chochote (chaguo-msingi) / import everything or nothing (default)
  --valid-rows      ingiza safu sahihi tu / import the valid rows only
  --map field=Column  chagua safu wima ya sehemu / choose a field's column (fields: ${IMPORT_FIELDS.join(', ')})
  --sheet NAME      karatasi ya kusoma (chaguo-msingi: ya kwanza yenye data) / the sheet to read (default: the first with data)
  --value group:"Thamani"=Kundi  thamani ya faili → kundi (id, namba au jina); bila kundi = acha safu hizo
                    a value of the file → a group (id, number or name); no group = leave those rows out (repeatable)
  --value category:"Thamani"=Kategoria  vivyo hivyo kwa kategoria za tukio (id au jina)
                    the same for the event's categories (id or name), when it defines them
  --template FILE   andika kiolezo cha .xlsx cha tukio hili / write this event's .xlsx template`

export class UsageError extends Error {}

export type ImportArgs =
  | { kind: 'template'; out: string; dataDir: string | undefined }
  | {
      kind: 'import'
      file: string
      dryRun: boolean
      dataDir: string | undefined
      mode: ImportMode
      mapping: MappingInput | undefined
      values: ValueChoices | undefined
      sheet: string | undefined
    }

export function parseImportArgs(argv: string[]): ImportArgs {
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
      template: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
  if (values.help) throw new UsageError('')
  const dataDir = values.data ? resolve(values.data) : undefined
  if (values.template !== undefined) {
    if (positionals.length || !values.template.trim())
      throw new UsageError('--template FILE.xlsx: bila faili la kuingiza / without a file to import')
    return { kind: 'template', out: resolve(values.template), dataDir }
  }
  if (positionals.length !== 1) throw new UsageError('Taja faili moja / Name one file.')
  if (values['all-or-nothing'] && values['valid-rows'])
    throw new UsageError('Chagua --all-or-nothing AU --valid-rows / Choose --all-or-nothing OR --valid-rows.')
  const mapping: MappingInput = {}
  for (const m of values.map) {
    const at = m.indexOf('=')
    const field = m.slice(0, at) as ImportField
    if (at < 1 || !IMPORT_FIELDS.includes(field)) throw new UsageError(`--map ${m}: field=Column`)
    mapping[field] = m.slice(at + 1) || null
  }
  const choices: Required<ValueChoices> = { groupId: {}, category: {} }
  for (const v of values.value) {
    // group:"Kundi A"=ict — the shell has taken the quotes; the group (category) is after the last "="
    const m = /^(group|groupId|kundi|category|kategoria):(.*)=([^=]*)$/i.exec(v)
    if (!m || !m[2]!.trim())
      throw new UsageError(`--value ${v}: group:"Thamani / Value"=Kundi / Group, category:"Thamani / Value"=Kategoria / Category`)
    const field = /^(category|kategoria)$/i.test(m[1]!) ? 'category' : 'groupId'
    const target = m[3]!.trim()
    choices[field][m[2]!.trim()] = target === '' || target === '-' ? null : target
  }
  return {
    kind: 'import',
    file: resolve(positionals[0]!),
    dryRun: values['dry-run'],
    dataDir,
    mode: values['valid-rows'] ? 'valid-rows' : 'all-or-nothing',
    mapping: values.map.length ? mapping : undefined,
    values: values.value.length ? choices : undefined,
    sheet: values.sheet,
  }
}
