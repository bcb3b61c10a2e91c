// The kiosk's check-ins on disk: its own journal (each scan, fsynced before the screen is told),
// the ids the hub has acknowledged, and the other desks' records it has heard of. Folded into
// one ledger at open; the outbox is what was scanned here and is not yet acknowledged.
import { join } from 'node:path'
import { Journal } from '../node-shared/journal.js'
import type { CheckinRecord, CheckinSubmission } from '../shared/domain.js'
import { Ledger, type LedgerEntry } from '../shared/ledger.js'

export interface LocalCheckin {
  sub: CheckinSubmission
  record: CheckinRecord
}

interface Delivered {
  id: string
}

const check = <T>(v: unknown) => {
  if (!v || typeof v !== 'object') throw new Error('not an entry')
  return v as T
}

export class KioskRecords {
  ledger = new Ledger<LedgerEntry>()
  /** submissions the hub has not acknowledged, oldest first */
  readonly outbox = new Map<string, CheckinSubmission>()
  /** the hub's sequence this kiosk has heard every record up to */
  hubCursor = 0
  private localSeq = 0

  private constructor(
    private journal: Journal<LocalCheckin>,
    private delivered: Journal<Delivered>,
    private peers: Journal<LedgerEntry>,
  ) {}

  static async open(dataDir: string): Promise<KioskRecords> {
    const journal = await Journal.open(join(dataDir, 'journal.jsonl'), check<LocalCheckin>)
    const delivered = await Journal.open(join(dataDir, 'delivered.jsonl'), check<Delivered>)
    const peers = await Journal.open(join(dataDir, 'peers.jsonl'), check<LedgerEntry>)
    const records = new KioskRecords(journal.journal, delivered.journal, peers.journal)
    const done = new Set(delivered.records.map((d) => d.id))
    for (const entry of journal.records) {
      records.ledger.apply(entry.record)
      records.localSeq = Math.max(records.localSeq, entry.record.seq)
      if (!done.has(entry.sub.id)) records.outbox.set(entry.sub.id, entry.sub)
    }
    for (const r of peers.records) {
      records.ledger.apply(r)
      records.hubCursor = Math.max(records.hubCursor, r.seq)
    }
    return records
  }

  nextSeq(): number {
    return ++this.localSeq
  }

  /** Folds the scan in and has it on disk before returning; on a failed write (a full disk) it is as if it never happened. */
  async add(sub: CheckinSubmission, record: CheckinRecord) {
    this.ledger.apply(record)
    try {
      await this.journal.append({ sub, record })
    } catch (err) {
      // the person was not told anything, so the next scan must not find this one; the
      // ledger only grows, so it is folded again without it
      const kept = new Ledger<LedgerEntry>()
      for (const r of this.ledger.records.values()) if (r.id !== record.id) kept.apply(r)
      this.ledger = kept
      throw err
    }
    this.outbox.set(sub.id, sub)
  }

  /**
   * Check-ins the hub has stored (from any desk). The cursor only moves over a gap-free run:
   * a live broadcast can overtake a record this kiosk has not pulled yet. Returns the records
   * new to this kiosk, and false for gapFree when such a gap was seen (pull again).
   */
  async addPeers(records: LedgerEntry[], contiguous: boolean): Promise<{ fresh: number; gapFree: boolean }> {
    const fresh = records.filter((r) => !this.ledger.records.has(r.id))
    let gapFree = true
    for (const r of records) {
      if (contiguous || r.seq === this.hubCursor + 1) this.hubCursor = Math.max(this.hubCursor, r.seq)
      else if (r.seq > this.hubCursor) gapFree = false
    }
    if (fresh.length === 0) return { fresh: 0, gapFree }
    for (const r of fresh) this.ledger.apply(r)
    await this.peers.appendMany(fresh)
    return { fresh: fresh.length, gapFree }
  }

  /** Takes acknowledged submissions out of the outbox, on disk first; returns how many were in it. */
  async acknowledge(ids: string[]): Promise<number> {
    const known = ids.filter((id) => this.outbox.has(id))
    if (known.length === 0) return 0
    await this.delivered.appendMany(known.map((id) => ({ id })))
    for (const id of known) this.outbox.delete(id)
    return known.length
  }

  /** The kiosk ids the unsent records were made under. */
  unsentKioskIds(): Set<string> {
    return new Set([...this.outbox.values()].map((s) => s.kioskId))
  }

  /** Other desks' records are the hub's to give again: a kiosk that forgets its event forgets them. */
  forgetPeers(): Promise<void> {
    return this.peers.truncate()
  }

  async close() {
    await Promise.all([this.journal.close(), this.delivered.close(), this.peers.close()])
  }
}
