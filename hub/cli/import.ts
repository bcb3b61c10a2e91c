// `npm run import -- <file> [--dry-run] [--data DIR] [--all-or-nothing|--valid-rows] [--map field=Column] [--value group:"Value"=Group] [--value category:"Value"=Category] [--sheet NAME]`
// `npm run import -- --template list.xlsx`
// Imports the organiser's list with the same checks as the admin page, into the hub's data
// folder or, with KARIBU_DATABASE_URL, into PostgreSQL. With a data folder, run it while the
// hub is stopped: the running hub would not see the change and would write over it; hubs on
// PostgreSQL hear of the change themselves. Exit codes: 0 done, 1 problems (nothing or not
// everything imported), 2 usage.
import { readFile, writeFile } from 'node:fs/promises'
import { basename, resolve } from 'node:path'
import { applyImport, isFailure, planFile, previewOf } from '../admin/import/run.js'
import { buildTemplate } from '../admin/import/template.js'
import { parseImportArgs, UsageError, USAGE } from './import-args.js'
import { describeWhere, openStore, readRegistry, whereIsTheEvent, type Where } from './import-registry.js'
import { report } from './import-report.js'

function noEvent(w: Where, out: (line: string) => void): number {
  out(
    `Hakuna tukio kwenye ${describeWhere(w)}: anzisha kitovu mara moja kwanza (npm start). / No event in ${describeWhere(w)}: start the hub once first (npm start).`,
  )
  return 2
}

export async function main(argv: string[], out = (l: string) => console.log(l)): Promise<number> {
  let args
  try {
    args = parseImportArgs(argv)
  } catch (err) {
    out(`${(err as Error).message}\n${USAGE}`.trim())
    return err instanceof UsageError && !err.message ? 0 : 2
  }
  const where = whereIsTheEvent(args.dataDir)

  if (args.kind === 'template') {
    const registry = await readRegistry(where)
    if (!registry) return noEvent(where, out)
    await writeFile(args.out, await buildTemplate(registry.event))
    out(`Kiolezo kimeandikwa / Template written: ${args.out}`)
    return 0
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
    const registry = await readRegistry(where)
    if (!registry) return noEvent(where, out)
    const plan = await planFile(input, registry)
    if (isFailure(plan)) {
      out(`${plan.message.sw} / ${plan.message.en}`)
      return 2
    }
    const p = previewOf(plan)
    report(p, out)
    out('Jaribio tu: hakuna kilichoandikwa. / Dry run: nothing was written.')
    return p.problems.length ? 1 : 0
  }

  const store = await openStore(where)
  if (!store) return noEvent(where, out)
  try {
    const result = await applyImport(store, input, args.mode, 'cli-import')
    if ('error' in result) {
      out(`${result.message.sw} / ${result.message.en}`)
      return 2
    }
    report(result.preview, out)
    if (!result.applied) {
      out(
        'Hakuna kilichoingizwa: rekebisha matatizo, au tumia --valid-rows. / Nothing was imported: fix the problems, or use --valid-rows.',
      )
      return 1
    }
    out(
      `Wameongezwa / Added: ${result.added}; wamesasishwa / updated: ${result.updated}; bila mabadiliko / unchanged: ${result.unchanged}; wamerukwa / skipped: ${result.skipped}; zimeachwa / left out: ${result.leftOut}`,
    )
    // the running hub keeps its own copy of the registry and would write over this one
    if (result.rev !== null && where.kind === 'folder')
      out('Kama kitovu kinaendeshwa kwenye folda hii, kianzishe upya sasa. / If a hub is running on this folder, restart it now.')
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
