// The kiosk's own state: its registry copy, its journal of check-ins, the outbox of those
// the hub has not yet acknowledged, and what it has heard of other desks' check-ins.
// A scan is decided here and is on disk before the screen is told.
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import type { Low } from 'lowdb'
import { createBadgeVerifier } from '../common/badge-crypto.js'
import { Journal } from '../common/journal.js'
import { decideCheckin } from '../shared/checkin-rules.js'
import { attendeeName, type Attendee, type CheckinRecord, type CheckinSubmission, type Day } from '../shared/domain.js'
import { dayAt } from '../shared/event-days.js'
import type { AttendeeCard, KioskState, ScanResult } from '../shared/kiosk-protocol.js'
import { Ledger, type LedgerEntry } from '../shared/ledger.js'
import type { RegistryDelta } from '../shared/protocol.js'
import { RegistryIndex } from '../shared/registry.js'
import { indexEntry, searchAttendees, type SearchIndexEntry } from '../shared/search.js'
import { hallOccupancy } from '../shared/stats.js'
import type { PrinterHealth } from '../shared/printer-health.js'
import { openKioskFile, type KioskFile } from './kiosk-file.js'

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

export class NotReadyError extends Error {}

export class Kiosk {
  ledger = new Ledger<LedgerEntry>()
  /** submissions the hub has not acknowledged, oldest first */
  readonly outbox = new Map<string, CheckinSubmission>()
  registry: RegistryIndex | null = null
  hubCursor = 0
  online = false
  private verifier: ReturnType<typeof createBadgeVerifier> | null = null
  private search: SearchIndexEntry[] = []
  /** the hub address the agent was started with, offered on the pairing screen */
  suggestedHubUrl: string | null = null
  /** the desk's badge printer at the hub, from the last heartbeat's answer */
  private deskPrinter: PrinterHealth | null = null
  /** whether the hub has a printer set up for this desk, from the same answer; null: not heard */
  private printerAssigned: boolean | null = null

  setDeskPrinter(printer: PrinterHealth | null, assigned: boolean | null = this.printerAssigned) {
    if (JSON.stringify(printer) === JSON.stringify(this.deskPrinter) && assigned === this.printerAssigned) return
    this.deskPrinter = printer
    this.printerAssigned = assigned
    this.changed()
  }
  private localSeq = 0
  private listeners = new Set<() => void>()

  private constructor(
    readonly file: Low<KioskFile>,
    private journal: Journal<LocalCheckin>,
    private delivered: Journal<Delivered>,
    private peers: Journal<LedgerEntry>,
    readonly now: () => Date,
  ) {}

  static async open(dataDir: string, now: () => Date = () => new Date()): Promise<Kiosk> {
    const file = await openKioskFile(join(dataDir, 'kiosk.json'))
    const journal = await Journal.open(join(dataDir, 'journal.jsonl'), check<LocalCheckin>)
    const delivered = await Journal.open(join(dataDir, 'delivered.jsonl'), check<Delivered>)
    const peers = await Journal.open(join(dataDir, 'peers.jsonl'), check<LedgerEntry>)
    const kiosk = new Kiosk(file, journal.journal, delivered.journal, peers.journal, now)
    kiosk.loadRegistry()
    const done = new Set(delivered.records.map((d) => d.id))
    for (const entry of journal.records) {
      kiosk.ledger.apply(entry.record)
      kiosk.localSeq = Math.max(kiosk.localSeq, entry.record.seq)
      if (!done.has(entry.sub.id)) kiosk.outbox.set(entry.sub.id, entry.sub)
    }
    for (const r of peers.records) {
      kiosk.ledger.apply(r)
      kiosk.hubCursor = Math.max(kiosk.hubCursor, r.seq)
    }
    return kiosk
  }

  get data(): KioskFile {
    return this.file.data
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  changed() {
    for (const l of this.listeners) l()
  }

  private loadRegistry() {
    const reg = this.data.registry
    if (!reg) return
    this.registry = new RegistryIndex(reg.event, reg.attendees)
    this.verifier = createBadgeVerifier(reg.event.badgePublicKey)
    this.search = reg.attendees.map(indexEntry)
  }

  /** The hub's clock as best this kiosk knows it. */
  hubNow(): Date {
    return new Date(this.now().getTime() - this.data.clockOffsetMs)
  }

  /** `override`: a supervisor let this person in on another group's day (the PIN was checked by the caller). */
  async scan(req: { code?: string; attendeeId?: string; method: CheckinSubmission['method']; override?: 'wrong_day' }): Promise<ScanResult> {
    const registry = this.registry
    const pairing = this.data.pairing
    const deskId = this.data.desk.deskId
    if (!registry || !this.verifier || !pairing || !deskId) throw new NotReadyError('kiosk is not paired, synced and assigned a desk')
    const sub: CheckinSubmission = {
      id: randomBytes(12).toString('base64url'),
      deskId,
      kioskId: pairing.kioskId,
      kind: this.data.desk.mode,
      method: req.method,
      scannedAt: this.now().toISOString(),
      clockOffsetMs: this.data.clockOffsetMs,
      ...(req.code !== undefined ? { code: req.code } : { attendeeId: req.attendeeId }),
      ...(req.override ? { override: req.override } : {}),
    }
    const { decision, record } = decideCheckin(sub, { registry, ledger: this.ledger, verifier: this.verifier }, { seq: ++this.localSeq, receivedAt: this.now().toISOString() })
    // what the person was told, for the hub to compare with its own decision
    sub.localOutcome = decision.outcome
    this.ledger.apply(record)
    try {
      await this.journal.append({ sub, record })
    } catch (err) {
      // not on disk (a full disk): the person was not told anything, so the next scan must
      // not find this one; the ledger only grows, so it is folded again without it
      const kept = new Ledger<LedgerEntry>()
      for (const r of this.ledger.records.values()) if (r.id !== record.id) kept.apply(r)
      this.ledger = kept
      throw err
    }
    this.outbox.set(sub.id, sub)
    this.changed()
    const group = decision.attendee ? registry.groups.get(decision.attendee.groupId) : undefined
    const result: ScanResult = { recordId: sub.id, outcome: decision.outcome, attendee: decision.attendee ? this.card(decision.attendee) : null, day: decision.day, online: this.online }
    if (decision.first) result.first = { at: decision.first.at, desk: registry.event.desks.find((d) => d.id === decision.first!.deskId)?.name ?? null }
    if (sub.override) result.overridden = true
    if (decision.outcome === 'wrong_day' && group) result.allowedDays = registry.event.days.filter((d) => group.days.includes(d.id))
    return result
  }

  card(a: Attendee): AttendeeCard {
    const g = this.registry?.groups.get(a.groupId)
    return {
      id: a.id,
      name: attendeeName(a),
      title: a.title,
      organisation: a.organisation,
      group: g ? { id: g.id, name: g.name, color: g.color } : null,
      flags: a.flags,
      ...(a.phone ? { phoneTail: a.phone.slice(-3) } : {}),
    }
  }

  /** Search results as cards, each saying whether the person is already in today. */
  find(query: string, limit = 20): { results: AttendeeCard[]; total: number } {
    const { matches, total } = searchAttendees(this.search, query, limit)
    const day = this.registry ? dayAt(this.registry.event, this.hubNow()) : null
    const results = matches.map((a) => ({ ...this.card(a), checkedInToday: !!day && !!this.ledger.attendeeDay(day.id, a.id) }))
    return { results, total }
  }

  async applyRegistry(delta: RegistryDelta) {
    const pinned = this.data.pairing?.badgePublicKey
    // a device posing as the hub cannot make this kiosk accept badges it signed itself
    if (pinned && delta.event.badgePublicKey !== pinned) throw new Error("the hub offered another event's badge key: registry refused")
    const prev = this.data.registry
    const attendees = delta.full || !prev ? delta.attendees : mergeById(prev.attendees, delta.attendees)
    this.data.registry = { rev: delta.rev, event: delta.event, attendees, ...(delta.exitPinHash ? { exitPinHash: delta.exitPinHash } : {}) }
    this.data.lastSyncAt = this.now().toISOString()
    // the index with the data, before the write: a scan during the write sees the new registry
    this.loadRegistry()
    this.changed()
    await this.file.write()
  }

  /**
   * Check-ins the hub has stored (from any desk), so this kiosk's answers know of them.
   * The cursor only moves over a gap-free run: a live broadcast can overtake a record this
   * kiosk has not pulled yet. Returns false when such a gap was seen (pull again).
   */
  async applyPeers(records: LedgerEntry[], contiguous: boolean): Promise<boolean> {
    const fresh = records.filter((r) => !this.ledger.records.has(r.id))
    let gapFree = true
    for (const r of records) {
      if (contiguous || r.seq === this.hubCursor + 1) this.hubCursor = Math.max(this.hubCursor, r.seq)
      else if (r.seq > this.hubCursor) gapFree = false
    }
    if (fresh.length === 0) return gapFree
    for (const r of fresh) this.ledger.apply(r)
    await this.peers.appendMany(fresh)
    // the hall's headcount on the screen follows the other desks too
    this.changed()
    return gapFree
  }

  async markDelivered(ids: string[]) {
    const known = ids.filter((id) => this.outbox.has(id))
    if (known.length === 0) return
    await this.delivered.appendMany(known.map((id) => ({ id })))
    for (const id of known) this.outbox.delete(id)
    // an old identity whose records have all arrived is not needed any more
    if (this.data.previous.length > 0) {
      const left = this.unsentKioskIds()
      const keep = this.data.previous.filter((p) => left.has(p.kioskId))
      if (keep.length !== this.data.previous.length) {
        this.data.previous = keep
        await this.file.write()
      }
    }
    this.changed()
  }

  /** The kiosk ids the unsent records were made under. */
  unsentKioskIds(): Set<string> {
    return new Set([...this.outbox.values()].map((s) => s.kioskId))
  }

  /**
   * Before the pairing is replaced or dropped: keeps its id and token when unsent records
   * were made under it, so they can still be delivered once the kiosk is paired again.
   */
  keepIdentityForUnsent(data: KioskFile = this.data) {
    const pairing = data.pairing
    if (!pairing || !this.unsentKioskIds().has(pairing.kioskId)) return
    data.previous = [...data.previous.filter((p) => p.kioskId !== pairing.kioskId), { kioskId: pairing.kioskId, token: pairing.token }]
  }

  /** A revoked kiosk keeps nobody's personal data; only its own unsent records stay, for export. */
  async forgetAttendees(reason: 'revoked' | 'unknown' = 'revoked') {
    if (this.data.pairing) this.data.unpaired = { reason, at: this.now().toISOString(), hubUrl: this.data.pairing.hubUrl }
    // out of memory first: nothing may find a person while the files are being written
    this.data.registry = null
    this.registry = null
    this.verifier = null
    this.search = []
    this.keepIdentityForUnsent()
    this.data.pairing = null
    this.changed()
    await this.file.write()
    await this.peers.truncate()
  }

  async setClockOffset(ms: number) {
    this.data.clockOffsetMs = ms
    await this.file.write()
  }

  async configure(change: (data: KioskFile) => void) {
    change(this.data)
    await this.file.write()
    this.changed()
  }

  state(): KioskState {
    const reg = this.data.registry
    const today = reg ? dayAt(reg.event, this.hubNow()) : null
    return {
      paired: !!this.data.pairing,
      kioskId: this.data.pairing?.kioskId ?? null,
      kioskName: this.data.pairing?.name ?? null,
      hubUrl: this.data.pairing?.hubUrl ?? this.data.unpaired?.hubUrl ?? this.suggestedHubUrl,
      unpaired: this.data.pairing ? null : (this.data.unpaired ?? null),
      hubs: this.data.pairing ? Math.max(1, this.data.pairing.hubUrls.length) : 0,
      printer: this.deskPrinter,
      printerAssigned: this.printerAssigned,
      timezone: reg?.event.timezone ?? null,
      hall: this.deskHall(today),
      online: this.online,
      outboxDepth: this.outbox.size,
      deskId: this.data.desk.deskId,
      mode: this.data.desk.mode,
      eventName: reg?.event.name ?? null,
      desks: reg?.event.desks ?? [],
      today,
      clockOffsetMs: this.data.clockOffsetMs,
      lastSyncAt: this.data.lastSyncAt,
      registryRev: reg?.rev ?? 0,
      attendees: reg?.attendees.length ?? 0,
    }
  }

  /** The desk's hall now: how many are inside against its capacity, from every desk's records this kiosk has. */
  private deskHall(day: Day | null): KioskState['hall'] {
    const hallId = this.data.desk.deskId ? this.registry?.hallOfDesk(this.data.desk.deskId) : null
    const hall = hallId ? this.data.registry?.event.halls.find((h) => h.id === hallId) : undefined
    if (!hall || !day) return null
    return { ...hallOccupancy(this.ledger, hall, day.id), name: hall.name }
  }

  /** Unsent records as one JSON file, for a USB stick when there is no network at all. */
  exportOutbox(): { kioskId: string | null; exportedAt: string; submissions: CheckinSubmission[] } {
    return { kioskId: this.data.pairing?.kioskId ?? null, exportedAt: this.now().toISOString(), submissions: [...this.outbox.values()] }
  }

  async close() {
    await Promise.all([this.journal.close(), this.delivered.close(), this.peers.close()])
  }
}

function mergeById(old: Attendee[], changed: Attendee[]): Attendee[] {
  const byId = new Map(old.map((a) => [a.id, a]))
  for (const a of changed) byId.set(a.id, a)
  return [...byId.values()]
}
