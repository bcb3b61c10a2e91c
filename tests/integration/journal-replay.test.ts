// Opening a journal of several megabytes, read a megabyte at a time: every record comes back
// once and in order even where a line straddles two reads, a torn tail is cut, and a damaged
// line in the middle is refused with its line number, exactly as when the file was read whole.
import { readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { Journal, JournalCorruptError } from '../../node-shared/journal.js'
import { tempDir } from '../helpers/temp-dir.js'

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

const check = (v: unknown) => {
  const r = v as { n: number; pad: string }
  if (typeof r.n !== 'number') throw new Error('not a record')
  return r
}
/** 20,000 lines of uneven length (Swahili letters too): ~3.5 MB, lines cut by every megabyte boundary */
const lines = Array.from({ length: 20_000 }, (_, n) => JSON.stringify({ n, pad: 'ng’ombe '.repeat(n % 37) }))

async function journalFile(text: string) {
  const dir = await tempDir()
  cleanups.push(dir.remove)
  const path = join(dir.path, 'j.jsonl')
  await writeFile(path, text)
  return path
}

it('hands back every record once, in order, collected or replayed one by one', async () => {
  const path = await journalFile(lines.join('\n') + '\n\n')
  expect((await stat(path)).size).toBeGreaterThan(3 * 2 ** 20)
  const opened = await Journal.open(path, check)
  expect(opened.records.map((r) => r.n)).toEqual(lines.map((_, n) => n))
  expect(opened.records[36]!.pad).toBe('ng’ombe '.repeat(36))
  expect(opened.tornBytes).toBe(0)
  await opened.journal.close()
  const replayed: number[] = []
  const again = await Journal.open(path, check, { replay: (r) => replayed.push(r.n) })
  expect(again.records).toEqual([])
  expect(replayed).toEqual(lines.map((_, n) => n))
  await again.journal.append({ n: -1, pad: '' })
  await again.journal.close()
  expect((await readFile(path, 'utf8')).endsWith('\n\n{"n":-1,"pad":""}\n')).toBe(true)
})

it('cuts a torn last line, and a damaged last line followed by blanks, keeping the rest', async () => {
  const torn = lines.join('\n') + '\n{"n":20000,"pa'
  const path = await journalFile(torn)
  const opened = await Journal.open(path, check)
  expect(opened.records).toHaveLength(lines.length)
  expect(opened.tornBytes).toBe('{"n":20000,"pa'.length)
  await opened.journal.close()
  expect(await readFile(path, 'utf8')).toBe(lines.join('\n') + '\n')

  const damagedLast = await journalFile(lines.join('\n') + '\n{"n":2000\n\n  \n')
  const second = await Journal.open(damagedLast, check)
  expect(second.records).toHaveLength(lines.length)
  expect(second.tornBytes).toBe('{"n":2000\n\n  \n'.length)
  await second.journal.close()
})

it('refuses a damaged line with whole records after it, naming its line, even megabytes in', async () => {
  const damaged = [...lines]
  damaged[15_000] = '{"n":15000, oops'
  const path = await journalFile(damaged.join('\n') + '\n')
  const err = await Journal.open(path, check).catch((e: unknown) => e)
  expect(err).toBeInstanceOf(JournalCorruptError)
  expect((err as JournalCorruptError).line).toBe(15_001)
  // nothing was cut from a journal that was refused
  expect(await readFile(path, 'utf8')).toBe(damaged.join('\n') + '\n')
  // a damaged line followed only by an unterminated fragment is damage too, not a torn write
  const tail = await journalFile(lines.slice(0, 10).join('\n') + '\n{"n": bad\n{"n":11')
  expect(await Journal.open(tail, check).catch((e: unknown) => (e as JournalCorruptError).line)).toBe(11)
})
