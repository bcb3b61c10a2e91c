// `npm run journal -- check|repair [FILE] [--data DIR]`: one damaged journal line must not stop
// the event until someone edits JSON lines by hand. `check` lists the damaged lines; `repair`
// moves them to FILE.damaged (appended) and keeps every whole record, in order. FILE defaults
// to the hub's checkins.jsonl; a kiosk's journal.jsonl, delivered.jsonl or peers.jsonl, or the
// hub's print-log.jsonl, can be named instead. Run it with the hub (or kiosk) stopped: a
// running one would go on appending to the file repair replaces.
// Exit codes: 0 clean or repaired, 1 damage found (check), 2 usage or unreadable file.
import { basename, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { checkJournal, repairJournal, type JournalCheck } from '../../node-shared/journal-repair.js'
import { hubConfig } from '../server/config.js'
import { checkRecord } from '../store/embedded-backend.js'

const USAGE = `Matumizi / Usage: npm run journal -- check|repair [FAILI / FILE] [--data DIR]
  check    onyesha mistari iliyoharibika / list the damaged lines
  repair   ihamishie FAILI.damaged, ukihifadhi kila rekodi kamili / move them to FILE.damaged, keeping every whole record
  FAILI    chaguo-msingi / default: DIR/checkins.jsonl
  --data DIR  folda ya data ya kitovu / the hub's data folder (default: $KARIBU_DATA or ./data)`

const anObject = (v: unknown) => {
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw new Error('not a record')
  return v
}

function describe(found: JournalCheck, out: (line: string) => void) {
  out(`${found.path}: rekodi kamili / whole records ${found.records}; mistari iliyoharibika / damaged lines ${found.damaged.length}`)
  for (const d of found.damaged) {
    const what = d.torn
      ? 'uandishi uliokatika mwishoni / torn write at the end'
      : d.salvaged
        ? 'kipande kilichokatika, rekodi kamili baada yake itahifadhiwa / a torn fragment; the whole record after it is kept'
        : 'si rekodi / not a record'
    out(`  mstari / line ${d.line} (${d.bytes} B): ${what}`)
  }
}

export async function main(argv: string[], out = (l: string) => console.log(l)): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { data: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } },
    })
  } catch (err) {
    out(`${(err as Error).message}\n${USAGE}`)
    return 2
  }
  const [command, file, ...rest] = parsed.positionals
  if (parsed.values.help || (command !== 'check' && command !== 'repair') || rest.length > 0) {
    out(USAGE)
    return parsed.values.help ? 0 : 2
  }
  const path = resolve(file ?? join(parsed.values.data ? resolve(parsed.values.data) : hubConfig().dataDir, 'checkins.jsonl'))
  let found: JournalCheck
  try {
    found = await checkJournal(path, basename(path) === 'checkins.jsonl' ? checkRecord : anObject)
  } catch (err) {
    out(`Jarida halisomeki / Cannot read the journal ${path}: ${(err as Error).message}`)
    return 2
  }
  describe(found, out)
  if (found.damaged.length === 0) {
    out('Jarida ni zima. / The journal is whole.')
    return 0
  }
  if (command === 'check') {
    out(`Kurekebisha (kitovu kikiwa kimezimwa) / To repair (with the hub stopped): npm run journal -- repair ${path}`)
    return 1
  }
  const side = `${path}.damaged`
  await repairJournal(found, side)
  out(
    `Mistari ${found.damaged.length} imehamishiwa ${side}; rekodi kamili ${found.records} zimebaki. / ${found.damaged.length} lines moved to ${side}; ${found.records} whole records kept.`,
  )
  return 0
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
