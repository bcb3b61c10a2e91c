// `npm run journal -- check|repair` (issue 15, item 5): one damaged line no longer stops the
// event until someone edits JSON lines by hand; the start-up error says what to run.
import { spawn } from 'node:child_process'
import { readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { JournalCorruptError } from '../../node-shared/journal.js'
import { main } from '../../hub/cli/journal.js'
import { EventStore } from '../../hub/store/event-store.js'
import { testEvent } from '../fixtures/event.js'
import { ROOT } from '../helpers/processes.js'
import { submission } from '../helpers/submissions.js'
import { tempDir } from '../helpers/temp-dir.js'

const DAY1 = () => new Date('2026-11-24T09:00:00+03:00')
const open = (dataDir: string) => EventStore.open({ dataDir, now: DAY1, seed: (key) => testEvent(key) })

let dir: Awaited<ReturnType<typeof tempDir>>
let journal: string
let ids: string[]
beforeEach(async () => {
  dir = await tempDir()
  const { store } = await open(dir.path)
  ids = []
  for (const attendeeId of ['A0001', 'A0002', 'A0003', 'A0004']) {
    const sub = submission('k-test', { attendeeId })
    await store.submit(sub)
    ids.push(sub.id)
  }
  await store.close()
  journal = join(dir.path, 'checkins.jsonl')
  // what the old full-disk bug left: a torn line with the next record glued to it, and a line
  // that is no record at all, in the middle of the file
  const [r1, r2, r3, r4] = (await readFile(journal, 'utf8')).split('\n')
  await writeFile(journal, `${r1}\n${r2!.slice(0, 25)}${r3}\nnot json at all\n${r4}\n`)
})
afterEach(async () => {
  await dir.remove()
})

const run = async (...args: string[]) => {
  const lines: string[] = []
  const code = await main(args, (l) => lines.push(l))
  return { code, text: lines.join('\n') }
}

describe('npm run journal', () => {
  it('the hub refuses to start and says, in both languages, to run check and repair', async () => {
    const err = await open(dir.path).then(
      () => null,
      (e: unknown) => e,
    )
    expect(err).toBeInstanceOf(JournalCorruptError)
    const { sw, en } = err as JournalCorruptError
    expect(sw).toContain(`npm run journal -- check ${journal}`)
    expect(sw).toContain(`npm run journal -- repair ${journal}`)
    expect(sw).toContain('kila rekodi kamili')
    expect(en).toContain(`npm run journal -- repair ${journal}`)
    expect(en).toContain('keeping every whole record')
  })

  it('check lists the damaged lines and changes nothing; repair moves them aside, keeps every whole record, and the hub starts', async () => {
    const before = await readFile(journal)
    const checked = await run('check', '--data', dir.path)
    expect(checked.code).toBe(1)
    expect(checked.text).toMatch(/whole records 3; .*damaged lines 2/)
    expect(checked.text).toMatch(/line 2 .*the whole record after it is kept/)
    expect(checked.text).toMatch(/line 3 .*not a record/)
    expect(await readFile(journal)).toEqual(before)

    const repaired = await run('repair', journal)
    expect(repaired.code).toBe(0)
    expect(repaired.text).toContain('2 lines moved to')
    const side = await readFile(`${journal}.damaged`, 'utf8')
    expect(side.split('\n')).toEqual([expect.stringMatching(/^\{"id":/), 'not json at all', ''])
    expect((await stat(journal)).mode & 0o777).toBe(0o600)
    expect((await stat(`${journal}.damaged`)).mode & 0o777).toBe(0o600)

    const { store } = await open(dir.path)
    expect([...store.ledger.records.keys()]).toEqual([ids[0], ids[2], ids[3]])
    await store.close()
    expect((await run('check', journal)).code).toBe(0)
  })

  it('is the package script, with usage errors as exit 2', async () => {
    const child = spawn('npm', ['run', '--silent', 'journal', '--', 'check', journal], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    child.stdout.on('data', (d) => (out += d))
    const code = await new Promise<number | null>((r) => child.once('exit', r))
    expect(code).toBe(1)
    expect(out).toContain('damaged lines 2')
    expect((await run('mend', journal)).code).toBe(2)
    expect((await run('check', join(dir.path, 'nothing.jsonl'))).code).toBe(2)
  })
})
