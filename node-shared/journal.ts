// Append-only JSON-lines journal. A record is on disk before append() resolves: the file is
// opened O_DSYNC, so a write returns once its data is on stable storage, as write + fdatasync
// would, in one trip to the thread pool instead of two. Appends that arrive while a flush is under way share the next flush (group
// commit), so under load one fsync covers many records. A flush that fails (a full disk, an
// I/O error) is cut back off the file, so the journal holds exactly what was acknowledged:
// no torn line for the next record to be glued to, no whole line nobody was told is stored.
import { constants } from 'node:fs'
import { open, truncate, type FileHandle } from 'node:fs/promises'
import { StartError } from './start-error.js'

export class JournalCorruptError extends StartError {
  constructor(
    readonly path: string,
    readonly line: number,
  ) {
    super(
      `Jarida ${path} limeharibika kwenye mstari ${line} (si mstari wa mwisho, kwa hiyo si uandishi uliokatika). Karibu haitabahatisha. Kuona mistari iliyoharibika: npm run journal -- check ${path}\nKuihamishia kwenye faili la pembeni, ukihifadhi kila rekodi kamili (kitovu kikiwa kimezimwa): npm run journal -- repair ${path}\nAu lirejeshe kutoka kwenye nakala ya akiba.`,
      `Journal ${path} is damaged at line ${line} (not the last line, so not a torn write). Karibu will not guess. To list the damaged lines: npm run journal -- check ${path}\nTo move them to a side file, keeping every whole record (with the hub stopped): npm run journal -- repair ${path}\nOr restore it from a backup.`,
    )
  }
}

export interface OpenedJournal<T> {
  journal: Journal<T>
  records: T[]
  /** bytes of a torn last line that were cut off at open (0 when the file was clean) */
  tornBytes: number
}

/** Writes `data` from `at` once; returns how many bytes went down (a test stands in a full disk here). */
export type JournalWrite = (fh: FileHandle, data: Buffer, at: number) => Promise<number>

export interface JournalOptions<T = unknown> {
  write?: JournalWrite
  /**
   * each record as it is read, instead of collecting them in `records` (which is then empty):
   * a large journal is replayed without holding every parsed record at once
   */
  replay?: (record: T) => void
}

/** how much of a journal is read at a time when it is opened */
const READ_CHUNK = 1 << 20
const APPEND = constants.O_WRONLY | constants.O_CREAT | constants.O_APPEND

const writeOnce: JournalWrite = async (fh, data, at) => (await fh.write(data, at, data.length - at)).bytesWritten

export class Journal<T> {
  private pending: { line: string; done: (err?: unknown) => void }[] = []
  private flushing: Promise<void> | null = null
  private closed = false
  /** the file holds bytes past `size` that nobody was told are stored: cut them before the next write */
  private dirty = false

  private constructor(
    readonly path: string,
    private fh: FileHandle,
    /** bytes of acknowledged records: the file's length whenever no flush is under way */
    private size: number,
    private write: JournalWrite,
  ) {}

  static async open<T>(path: string, check: (value: unknown) => T, options: JournalOptions<T> = {}): Promise<OpenedJournal<T>> {
    // line by line from the bytes, a megabyte at a time: neither the whole file nor a copy of
    // it as one string is ever held, and byte offsets (for cutting a torn tail) come for free
    const records: T[] = []
    let good = 0 // byte length of the intact prefix
    let lineNo = 0
    /** the first line that did not parse: a torn write if nothing but blanks follows it */
    let damaged = 0
    let length = 0 // bytes read
    const line = (text: string, end: number) => {
      lineNo++
      if (damaged) {
        if (text.trim()) throw new JournalCorruptError(path, damaged)
        return
      }
      if (text.trim()) {
        let value: T
        try {
          value = check(JSON.parse(text))
        } catch {
          damaged = lineNo
          return
        }
        if (options.replay) options.replay(value)
        else records.push(value)
      }
      good = end
    }
    let reader: FileHandle | null = null
    try {
      reader = await open(path, 'r')
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
    }
    if (reader) {
      try {
        const chunk = Buffer.allocUnsafe(READ_CHUNK)
        let carry = Buffer.alloc(0) // the start of a line the last chunk cut
        for (;;) {
          const { bytesRead } = await reader.read(chunk, 0, READ_CHUNK, length)
          if (bytesRead === 0) break
          const data = carry.length ? Buffer.concat([carry, chunk.subarray(0, bytesRead)]) : chunk.subarray(0, bytesRead)
          const base = length - carry.length // file offset of data[0]
          length += bytesRead
          let at = 0
          for (let nl = data.indexOf(0x0a, at); nl >= 0; at = nl + 1, nl = data.indexOf(0x0a, at))
            line(data.toString('utf8', at, nl), base + nl + 1)
          carry = Buffer.from(data.subarray(at)) // copied: `chunk` is read into again
        }
        // no newline at the end: the last write was torn (or, after a damaged line, is more damage)
        if (damaged && carry.toString('utf8').trim()) throw new JournalCorruptError(path, damaged)
      } finally {
        await reader.close()
      }
    }
    if (good < length) await truncate(path, good)
    // check-ins name attendees: the owner only (also a journal made before this was so)
    // O_DSYNC: each write is durable when it returns (where the platform has no such flag, flush() syncs)
    const fh = await open(path, APPEND | (constants.O_DSYNC ?? 0), 0o600)
    await fh.chmod(0o600).catch(() => undefined)
    return { journal: new Journal<T>(path, fh, good, options.write ?? writeOnce), records, tornBytes: length - good }
  }

  append(record: T): Promise<void> {
    return this.appendMany([record])
  }

  appendMany(records: readonly T[]): Promise<void> {
    if (this.closed) return Promise.reject(new Error(`journal ${this.path} is closed`))
    if (records.length === 0) return Promise.resolve()
    const line = records.map((r) => JSON.stringify(r) + '\n').join('')
    return new Promise((resolve, reject) => {
      this.pending.push({ line, done: (err) => (err ? reject(err) : resolve()) })
      if (!this.flushing) this.flushing = this.flush()
    })
  }

  private async flush(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending
      this.pending = []
      const data = Buffer.from(batch.map((b) => b.line).join(''), 'utf8')
      try {
        // a failed cut before this batch means the disk still refuses: nothing is written
        if (this.dirty) await this.cutBack()
        this.dirty = true
        for (let at = 0; at < data.length;) at += await this.write(this.fh, data, at)
        if (!constants.O_DSYNC) await this.fh.datasync()
        this.dirty = false
        this.size += data.length
        for (const b of batch) b.done()
      } catch (err) {
        await this.cutBack().catch(() => undefined)
        // what waits behind a failed batch was decided after records that are now not
        // stored: it fails with it, and the caller decides it again
        const behind = this.pending
        this.pending = []
        for (const b of [...batch, ...behind]) b.done(err)
      }
    }
    this.flushing = null
  }

  /** Puts the file back to its acknowledged length; `dirty` stays set while that fails. */
  private async cutBack(): Promise<void> {
    await this.fh.truncate(this.size)
    await this.fh.datasync()
    this.dirty = false
  }

  /** Empties the journal (after its records are no longer needed: wiping a kiosk). */
  async truncate(): Promise<void> {
    await this.flushing
    await this.fh.truncate(0)
    await this.fh.datasync()
    this.size = 0
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    await this.flushing
    await this.fh.close()
  }
}
