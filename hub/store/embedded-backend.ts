// The embedded backend, the default: one data folder on the hub's own disk.
//   badge-key.pem     the event's Ed25519 signing key (0600)
//   registry.json     lowdb: event, attendees, badges, credentials, kiosks
//   checkins.jsonl    the append-only check-in journal, fsync'd before every ack
//   <log>.jsonl       other append-only logs (print-log.jsonl)
// A check-in never goes through lowdb's whole-file rewrite: it is one line in the journal.
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Low } from 'lowdb'
import { generateBadgeKeys, publicKeyOfPem } from '../../node-shared/badge-crypto.js'
import { fileExists } from '../../node-shared/files.js'
import { Journal, type JournalWrite } from '../../node-shared/journal.js'
import { StartError } from '../../node-shared/start-error.js'
import type { CheckinRecord } from '../../shared/domain.js'
import type { AppendLog, FirstStart, Loaded, Remote, SeedRegistry, StoreBackend } from './backend.js'
import type { RegistryData } from './registry-data.js'
import { openRegistryFile } from './registry-file.js'

export function checkRecord(value: unknown): CheckinRecord {
  const r = value as CheckinRecord
  if (!r || typeof r.id !== 'string' || typeof r.seq !== 'number' || typeof r.outcome !== 'string') throw new Error('not a check-in record')
  return r
}

export class EmbeddedBackend implements StoreBackend {
  readonly kind = 'embedded'
  private db: Low<RegistryData> | null = null
  private journal: Journal<CheckinRecord> | null = null
  private logs: Journal<unknown>[] = []
  private remote: Remote | null = null

  constructor(
    readonly dataDir: string,
    /** journalWrite: how the check-in journal writes (a test stands in a full disk here) */
    private options: { journalWrite?: JournalWrite } = {},
  ) {}

  get location() {
    return this.dataDir
  }

  async open(seed: SeedRegistry, remote: Remote, replay?: (record: CheckinRecord) => void): Promise<Loaded> {
    this.remote = remote
    await mkdir(this.dataDir, { recursive: true })
    const keyPath = join(this.dataDir, 'badge-key.pem')
    const registryPath = join(this.dataDir, 'registry.json')
    let privateKeyPem: string
    if (await fileExists(keyPath)) {
      privateKeyPem = await readFile(keyPath, 'utf8')
    } else {
      if (await fileExists(registryPath))
        throw new StartError(
          `${keyPath} haipo lakini ${registryPath} ipo: rejesha ufunguo kutoka kwenye nakala ya akiba (beji haziwezi kukaguliwa bila huo).`,
          `${keyPath} is missing but ${registryPath} exists: restore the key from your backup (badges cannot be checked without it).`,
        )
      privateKeyPem = generateBadgeKeys().privateKeyPem
      await writeFile(keyPath, privateKeyPem, { mode: 0o600 })
    }
    let firstStart: FirstStart | null = null
    this.db = await openRegistryFile(registryPath, () => {
      const seeded = seed(publicKeyOfPem(privateKeyPem))
      firstStart = seeded.firstStart
      return seeded.registry
    })
    if (this.db.data.event.badgePublicKey !== publicKeyOfPem(privateKeyPem)) {
      throw new StartError(
        `${keyPath} si ufunguo wa tukio lililo kwenye ${registryPath}: rejesha ufunguo unaolingana.`,
        `${keyPath} does not belong to the event in ${registryPath}: restore the matching key.`,
      )
    }
    const opened = await Journal.open(join(this.dataDir, 'checkins.jsonl'), checkRecord, {
      ...(this.options.journalWrite ? { write: this.options.journalWrite } : {}),
      ...(replay ? { replay } : {}),
    })
    this.journal = opened.journal
    return { registry: this.db.data, records: opened.records, privateKeyPem, firstStart, tornBytes: opened.tornBytes }
  }

  async commit<T>(decide: () => { records: CheckinRecord[]; value: T }): Promise<T> {
    const { records, value } = decide()
    try {
      // appends that arrive while a flush is under way share the next fsync (group commit)
      await this.journal!.appendMany(records)
    } catch (err) {
      this.remote!.lost(records)
      throw err
    }
    return value
  }

  /** registry changes one at a time: a change must never build on one that may still fail */
  private registryQueue: Promise<void> = Promise.resolve()

  updateRegistry(change: () => { data: RegistryData }): Promise<void> {
    const run = this.registryQueue.then(() => this.updateRegistryNow(change))
    this.registryQueue = run.catch(() => {})
    return run
  }

  private async updateRegistryNow(change: () => { data: RegistryData }): Promise<void> {
    const db = this.db!
    // `change` edits the store's registry in place: what was saved is kept aside, so a failed
    // save (read-only folder, full disk, EMFILE) puts it back instead of leaving an unsaved
    // walk-in, a duplicate on retry, and a revision a restart would hand out again
    const saved = structuredClone(db.data)
    try {
      db.data = change().data
      await db.write()
    } catch (err) {
      db.data = saved
      const { attendees, ...doc } = saved
      this.remote!.registry(doc, attendees, true)
      throw err
    }
  }

  async refresh(): Promise<void> {}

  async openLog<T>(name: string, check: (value: unknown) => T): Promise<{ log: AppendLog<T>; records: T[] }> {
    const { journal, records } = await Journal.open(join(this.dataDir, `${name}.jsonl`), check)
    this.logs.push(journal as Journal<unknown>)
    // one hub: nobody else appends
    return { log: { append: (r) => journal.appendMany(r), onRemote: () => {}, close: () => journal.close() }, records }
  }

  async close(): Promise<void> {
    await this.journal?.close()
    await Promise.all(this.logs.map((l) => l.close()))
  }
}
