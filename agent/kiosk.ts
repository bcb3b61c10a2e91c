// The kiosk's own state: its pairing and registry copy (kiosk.json), its check-ins on disk
// (kiosk-records.ts) and whether the hub is reachable now. A scan is decided here, by the same
// rules as the hub's, and is on disk before the screen is told. What the screen is shown is
// made from it in kiosk-view.ts.
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import type { Low } from 'lowdb'
import { createBadgeVerifier } from '../node-shared/badge-crypto.js'
import { decideCheckin } from '../shared/checkin-rules.js'
import type { Attendee, CheckinSubmission } from '../shared/domain.js'
import { dayAt } from '../shared/event-days.js'
import type { AttendeeCard, ScanResult } from '../shared/kiosk-protocol.js'
import type { LedgerEntry } from '../shared/ledger.js'
import type { RegistryDelta } from '../shared/protocol.js'
import { RegistryIndex } from '../shared/registry.js'
import { indexEntry, searchAttendees, type SearchIndexEntry } from '../shared/search.js'
import type { PrinterHealth } from '../shared/badges/printer-health.js'
import { openKioskFile, type KioskFile } from './kiosk-file.js'
import { KioskRecords } from './kiosk-records.js'
import { attendeeCard } from './kiosk-view.js'

export class NotReadyError extends Error {}

export class Kiosk {
  registry: RegistryIndex | null = null
  /** whether the hub answers now: told by the agent from its hub link */
  online = false
  private verifier: ReturnType<typeof createBadgeVerifier> | null = null
  private search: SearchIndexEntry[] = []
  /** the hub address the agent was started with, offered on the pairing screen */
  suggestedHubUrl: string | null = null
  /** the desk's badge printer at the hub, from the last heartbeat's answer */
  deskPrinter: PrinterHealth | null = null
  /** whether the hub has a printer set up for this desk, from the same answer; null: not heard */
  printerAssigned: boolean | null = null

  setOnline(online: boolean) {
    if (online === this.online) return
    this.online = online
    this.changed()
  }

  setDeskPrinter(printer: PrinterHealth | null, assigned: boolean | null = this.printerAssigned) {
    if (JSON.stringify(printer) === JSON.stringify(this.deskPrinter) && assigned === this.printerAssigned) return
    this.deskPrinter = printer
    this.printerAssigned = assigned
    this.changed()
  }
  private listeners = new Set<() => void>()

  private constructor(
    readonly file: Low<KioskFile>,
    readonly records: KioskRecords,
    readonly now: () => Date,
  ) {}

  static async open(dataDir: string, now: () => Date = () => new Date()): Promise<Kiosk> {
    const file = await openKioskFile(join(dataDir, 'kiosk.json'))
    const kiosk = new Kiosk(file, await KioskRecords.open(dataDir), now)
    kiosk.loadRegistry()
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
  async scan(req: {
    code?: string
    attendeeId?: string
    method: CheckinSubmission['method']
    override?: 'wrong_day'
  }): Promise<ScanResult> {
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
    const { decision, record } = decideCheckin(
      sub,
      { registry, ledger: this.records.ledger, verifier: this.verifier },
      { seq: this.records.nextSeq(), receivedAt: this.now().toISOString() },
    )
    // what the person was told, for the hub to compare with its own decision
    sub.localOutcome = decision.outcome
    await this.records.add(sub, record)
    this.changed()
    const group = decision.attendee ? registry.groups.get(decision.attendee.groupId) : undefined
    const result: ScanResult = {
      recordId: sub.id,
      outcome: decision.outcome,
      attendee: decision.attendee ? this.card(decision.attendee) : null,
      day: decision.day,
      online: this.online,
    }
    if (decision.first)
      result.first = { at: decision.first.at, desk: registry.event.desks.find((d) => d.id === decision.first!.deskId)?.name ?? null }
    if (sub.override) result.overridden = true
    if (decision.outcome === 'wrong_day' && group) result.allowedDays = registry.event.days.filter((d) => group.days.includes(d.id))
    return result
  }

  card(a: Attendee): AttendeeCard {
    return attendeeCard(this.registry, a)
  }

  /** Search results as cards, each saying whether the person is already in today. */
  find(query: string, limit = 20): { results: AttendeeCard[]; total: number } {
    const { matches, total } = searchAttendees(this.search, query, limit)
    const day = this.registry ? dayAt(this.registry.event, this.hubNow()) : null
    const results = matches.map((a) => ({ ...this.card(a), checkedInToday: !!day && !!this.records.ledger.attendeeDay(day.id, a.id) }))
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

  /** Check-ins the hub has stored (from any desk), so this kiosk's answers know of them. Returns false when a gap was seen (pull again). */
  async applyPeers(records: LedgerEntry[], contiguous: boolean): Promise<boolean> {
    const { fresh, gapFree } = await this.records.addPeers(records, contiguous)
    // the hall's headcount on the screen follows the other desks too
    if (fresh > 0) this.changed()
    return gapFree
  }

  async markDelivered(ids: string[]) {
    if ((await this.records.acknowledge(ids)) === 0) return
    // an old identity whose records have all arrived is not needed any more
    if (this.data.previous.length > 0) {
      const left = this.records.unsentKioskIds()
      const keep = this.data.previous.filter((p) => left.has(p.kioskId))
      if (keep.length !== this.data.previous.length) {
        this.data.previous = keep
        await this.file.write()
      }
    }
    this.changed()
  }

  /**
   * Before the pairing is replaced or dropped: keeps its id and token when unsent records
   * were made under it, so they can still be delivered once the kiosk is paired again.
   */
  keepIdentityForUnsent(data: KioskFile = this.data) {
    const pairing = data.pairing
    if (!pairing || !this.records.unsentKioskIds().has(pairing.kioskId)) return
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
    await this.records.forgetPeers()
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

  /** Unsent records as one JSON file, for a USB stick when there is no network at all. */
  exportOutbox(): { kioskId: string | null; exportedAt: string; submissions: CheckinSubmission[] } {
    return {
      kioskId: this.data.pairing?.kioskId ?? null,
      exportedAt: this.now().toISOString(),
      submissions: [...this.records.outbox.values()],
    }
  }

  close(): Promise<void> {
    return this.records.close()
  }
}

function mergeById(old: Attendee[], changed: Attendee[]): Attendee[] {
  const byId = new Map(old.map((a) => [a.id, a]))
  for (const a of changed) byId.set(a.id, a)
  return [...byId.values()]
}
