// The hub's authoritative store: the registry (event, attendees, badges, credentials, kiosks)
// and the check-in ledger, in memory, made durable by a backend (embedded data folder, or
// PostgreSQL shared by several hubs: see backend.ts). Every check-in is decided here, by the
// shared rules, against everything stored; every count is derived from the records. Every new
// record and registry revision, this hub's or another's, is announced on `changes`.
import { createPrivateKey, randomInt, sign } from 'node:crypto'
import { createBadgeSigner, createBadgeVerifier } from '../../node-shared/badge-crypto.js'
import { hashPin } from '../../node-shared/pin.js'
import { decideCheckin } from '../../shared/checkin-rules.js'
import type { Attendee, CheckinRecord, CheckinSubmission, EventInfo } from '../../shared/domain.js'
import { Ledger } from '../../shared/ledger.js'
import type { CheckinResult, RegistryDelta } from '../../shared/protocol.js'
import { RegistryIndex } from '../../shared/registry.js'
import { CredentialIndex, newCredential } from '../auth/credentials.js'
import type { FirstStart, Remote, SeedRegistry, StoreBackend } from './backend.js'
import { EmbeddedBackend } from './embedded-backend.js'
import type { RegistryData } from './registry-data.js'
import { StoreChanges } from './store-changes.js'

export type { FirstStart } from './backend.js'

export interface SeedEvent {
  (badgePublicKey: string): { event: EventInfo; attendees: Attendee[] }
}

export interface OpenOptions {
  /** the embedded backend's data folder; ignored when `backend` is given */
  dataDir?: string
  backend?: StoreBackend
  now?: () => Date
  /** builds the event on first start (the demo event by default, see hub/main.ts) */
  seed: SeedEvent
}

function seedRegistry(seed: SeedEvent, now: () => Date): SeedRegistry {
  return (badgePublicKey) => {
    const { event, attendees } = seed(badgePublicKey)
    const admin = newCredential('admin', 'Organiser', now(), 'admin')
    const usher = newCredential('usher', 'Wahudumu / Ushers', now(), 'usher-default')
    const exitPin = String(randomInt(100000, 1000000))
    const firstStart: FirstStart = { adminToken: admin.token, usherToken: usher.token, exitPin }
    const at = now().toISOString()
    const registry: RegistryData = {
      format: 1,
      rev: 1,
      event,
      attendees,
      badges: attendees
        .filter((a) => a.badgeVersion > 0)
        .map((a) => ({ attendeeId: a.id, version: a.badgeVersion, issuedAt: at, by: 'seed', reason: 'first' as const })),
      credentials: [admin.credential, usher.credential],
      kiosks: [],
      pairingCodes: [],
      kioskExitPinHash: hashPin(exitPin),
    }
    return { registry, firstStart }
  }
}

export class EventStore {
  ledger = new Ledger()
  registry!: RegistryIndex
  credentials!: CredentialIndex
  signBadge!: ReturnType<typeof createBadgeSigner>
  /** Ed25519 over other documents' bytes with the event's key (certificates start theirs with their own format byte) */
  signEventBytes!: (bytes: Uint8Array) => Uint8Array
  private verifier!: ReturnType<typeof createBadgeVerifier>
  private registryData!: RegistryData
  private inflight = new Map<string, Promise<unknown>>()
  private seq = 0
  /** every check-in and registry revision this store takes in, this hub's writes and other hubs' alike */
  readonly changes = new StoreChanges()

  private constructor(
    readonly backend: StoreBackend,
    readonly now: () => Date,
  ) {}

  static async open(options: OpenOptions): Promise<{ store: EventStore; firstStart: FirstStart | null; tornBytes: number }> {
    const now = options.now ?? (() => new Date())
    const backend = options.backend ?? new EmbeddedBackend(options.dataDir ?? 'data')
    const store = new EventStore(backend, now)
    // the embedded journal is replayed into the ledger as it is read, line by line
    const loaded = await backend.open(seedRegistry(options.seed, now), store.remote, (r) => store.ledger.apply(r))
    store.registryData = loaded.registry
    store.indexRegistry()
    store.signBadge = createBadgeSigner(loaded.privateKeyPem)
    const eventKey = createPrivateKey(loaded.privateKeyPem)
    store.signEventBytes = (bytes) => new Uint8Array(sign(null, bytes, eventKey))
    for (const r of loaded.records) store.ledger.apply(r)
    store.seq = store.ledger.lastSeq
    return { store, firstStart: loaded.firstStart, tornBytes: loaded.tornBytes }
  }

  /** Catches up with what other hubs stored (a shared backend), e.g. before refusing a credential. */
  refresh(): Promise<void> {
    return this.backend.refresh()
  }

  private indexRegistry() {
    const data = this.registryData
    this.registry = new RegistryIndex(data.event, data.attendees)
    this.credentials = new CredentialIndex(data.credentials)
    this.verifier = createBadgeVerifier(data.event.badgePublicKey)
  }

  /** How a backend hands over what other hubs wrote. */
  private readonly remote: Remote = {
    checkins: (records) => {
      const fresh = records.filter((r) => this.ledger.apply(r))
      this.seq = Math.max(this.seq, this.ledger.lastSeq)
      if (fresh.length > 0) this.changes.announce({ kind: 'checkins', records: fresh })
    },
    lost: (records) => {
      // the ledger only grows, so it is folded again without them (rare: a failed write)
      const ids = new Set(records.map((r) => r.id))
      const kept = new Ledger()
      for (const r of this.ledger.records.values()) if (!ids.has(r.id)) kept.apply(r)
      this.ledger = kept
      this.seq = kept.lastSeq
    },
    registry: (doc, attendees, full) => {
      if (!this.registryData) return // still opening: open() takes the loaded registry
      const byId = new Map(full ? [] : this.registryData.attendees.map((a) => [a.id, a]))
      for (const a of attendees) byId.set(a.id, a)
      this.registryData = { ...doc, attendees: [...byId.values()] }
      this.indexRegistry()
      this.changes.announce({ kind: 'registry', rev: doc.rev })
    },
  }

  get data(): RegistryData {
    return this.registryData
  }

  /** The data folder (embedded) or database (PostgreSQL), for messages. */
  get location(): string {
    return this.backend.location
  }

  /**
   * Decides, stores durably, and answers. The same id again returns the stored answer and
   * writes nothing. The record is applied to the ledger before it is durable, so the next scan
   * is decided against it; the answer waits until it is durable, and a new record is announced
   * on `changes` then (a duplicate is not). `review`: stored for an
   * organiser to look at (a record of a kiosk revoked since, delivered after it was paired again).
   */
  async submit(sub: CheckinSubmission, options: { review?: 'revoked_kiosk' } = {}): Promise<CheckinResult> {
    // a second delivery while the first is on its way to disk waits for it: "stored" is only
    // said of what is durable, and a first attempt that failed leaves the id free again
    for (let first = this.inflight.get(sub.id); first; first = this.inflight.get(sub.id)) await first.catch(() => undefined)
    const known = this.ledger.records.get(sub.id)
    if (known) return { record: known, duplicate: true }
    const written = this.backend.commit(() => {
      // decided only now: a shared backend has just brought in what other hubs stored
      const stored = this.ledger.records.get(sub.id)
      if (stored) return { records: [], value: { record: stored, duplicate: true } }
      const { record } = decideCheckin(
        sub,
        { registry: this.registry, ledger: this.ledger, verifier: this.verifier },
        { seq: ++this.seq, receivedAt: this.now().toISOString() },
      )
      if (options.review) record.review = options.review
      // a desk the event does not have counts nobody: the record is stored and shown for review,
      // never refused (a refused record would hold the kiosk's later records behind it)
      if (!this.registry.event.desks.some((d) => d.id === sub.deskId)) {
        record.outcome = 'invalid'
        record.review = 'unknown_desk'
        delete record.hubOutcome
        delete record.first
      }
      this.ledger.apply(record)
      return { records: [record], value: { record, duplicate: false } }
    })
    this.inflight.set(sub.id, written)
    try {
      const result = await written
      if (!result.duplicate) this.changes.announce({ kind: 'checkins', records: [result.record] })
      return result
    } finally {
      this.inflight.delete(sub.id)
    }
  }

  checkinsSince(since: number, limit: number): CheckinRecord[] {
    const out: CheckinRecord[] = []
    // records are in seq order in the map (insertion order = seq order)
    for (const r of this.ledger.records.values()) {
      if (r.seq > since) out.push(r)
      if (out.length >= limit) break
    }
    return out
  }

  registryDelta(since: number): RegistryDelta {
    const full = since === 0 || since > this.data.rev
    return {
      rev: this.data.rev,
      event: this.data.event,
      attendees: full ? this.data.attendees : this.data.attendees.filter((a) => a.rev > since),
      full,
      exitPinHash: this.data.kioskExitPinHash,
      hubTime: this.now().getTime(),
    }
  }

  /**
   * Applies a change to the registry and stores it (a whole-document write: admin actions
   * only). The backend first brings the registry up to date, so with several hubs `change`
   * sees every earlier change. The new revision is announced on `changes` once stored.
   */
  async updateRegistry(change: (data: RegistryData, rev: number) => void): Promise<number> {
    let rev = 0
    await this.backend.updateRegistry(() => {
      const data = this.registryData
      rev = data.rev + 1
      change(data, rev)
      data.rev = rev
      this.registry.setEvent(data.event)
      const changed = data.attendees.filter((a) => a.rev === rev)
      for (const a of changed) this.registry.put(a)
      for (const c of data.credentials) this.credentials.put(c)
      return { data, changed }
    })
    this.changes.announce({ kind: 'registry', rev })
    return rev
  }

  async close(): Promise<void> {
    await Promise.allSettled(this.inflight.values())
    await this.backend.close()
  }
}
