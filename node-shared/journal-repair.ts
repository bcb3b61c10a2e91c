// Finds the damaged lines of a JSON-lines journal and, on request, moves them to a side file,
// keeping every whole record (`npm run journal -- check|repair`, hub/cli/journal.ts). A
// damaged line is one that is not JSON or not a record; when a whole record was glued to a
// torn fragment (a write cut short, then the next record appended to it), the record is kept
// and only the fragment moves. Nothing is guessed beyond that: the side file holds the bytes.
import { appendFile, readFile } from 'node:fs/promises'
import { writePrivateFile } from './files.js'

export interface DamagedLine {
  /** 1-based line number in the journal */
  line: number
  bytes: number
  /** a whole record found after the damage (glued to a torn fragment), kept by repair */
  salvaged: boolean
  /** the last line, with no newline: a torn write, which the hub also cuts off by itself */
  torn: boolean
}

export interface JournalCheck {
  path: string
  records: number
  damaged: DamagedLine[]
  /** the whole journal as repair would leave it, and the text it would move aside */
  kept: string
  moved: string
}

export function checkJournalText(path: string, text: string, check: (value: unknown) => unknown): JournalCheck {
  const isRecord = (line: string) => {
    try {
      check(JSON.parse(line))
      return true
    } catch {
      return false
    }
  }
  const lines = text.split('\n')
  const endsWell = text.endsWith('\n') || text === ''
  if (endsWell) lines.pop() // the empty string after the last newline
  const kept: string[] = []
  const moved: string[] = []
  const damaged: DamagedLine[] = []
  let records = 0
  lines.forEach((line, i) => {
    const torn = !endsWell && i === lines.length - 1
    if (!line.trim()) return
    if (!torn && isRecord(line)) {
      kept.push(line)
      records++
      return
    }
    // a torn fragment with a whole record appended to it: the record starts at a later `{"`
    let at = -1
    for (let from = line.indexOf('{"', 1); from > 0; from = line.indexOf('{"', from + 1)) {
      if (isRecord(line.slice(from))) {
        at = from
        break
      }
    }
    const salvaged = at > 0 && !torn
    if (salvaged) {
      kept.push(line.slice(at))
      records++
    }
    moved.push(salvaged ? line.slice(0, at) : line)
    damaged.push({ line: i + 1, bytes: Buffer.byteLength(line), salvaged, torn })
  })
  return { path, records, damaged, kept: kept.map((l) => l + '\n').join(''), moved: moved.map((l) => l + '\n').join('') }
}

export async function checkJournal(path: string, check: (value: unknown) => unknown): Promise<JournalCheck> {
  return checkJournalText(path, await readFile(path, 'utf8'), check)
}

/**
 * Moves the damaged lines to `sidePath` (appended, so an earlier repair's are kept) and
 * rewrites the journal with every whole record, in order. The side file is on disk first:
 * a crash in between leaves a fragment twice, never none.
 */
export async function repairJournal(found: JournalCheck, sidePath: string): Promise<void> {
  if (found.damaged.length === 0) return
  await appendFile(sidePath, found.moved, { mode: 0o600, flush: true })
  await writePrivateFile(found.path, found.kept)
}
