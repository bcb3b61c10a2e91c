// The hub's authoritative store: registry.json through lowdb (event, attendees, badges,
// credentials, kiosks) and checkins.jsonl, the append-only journal. A check-in never goes
// through a whole-file rewrite: it is one fsync'd line in the journal.
import { randomInt } from 'node:crypto'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Low } from 'lowdb'
import { createBadgeSigner, createBadgeVerifier, generateBadgeKeys, publicKeyOfPem } from '../../common/badge-crypto.js'
import { Journal } from '../../common/journal.js'
import { buildRecord, decide, effectiveTime, identify } from '../../shared/checkin-rules.js'
import type { Attendee, CheckinRecord, CheckinSubmission, EventInfo } from '../../shared/domain.js'
import { Ledger } from '../../shared/ledger.js'
import type { CheckinResult, RegistryDelta } from '../../shared/protocol.js'
import { RegistryIndex } from '../../shared/registry.js'
import { CredentialIndex, newCredential } from '../credentials.js'
import type { RegistryData } from './registry-data.js'
import { openRegistryFile } from './registry-file.js'
import { fileExists } from '../../common/files.js'
import { hashPin } from '../../common/pin.js'

export interface SeedEvent {
  (badgePublicKey: string): { event: EventInfo; attendees: Attendee[] }
}

export interface OpenOptions {
  dataDir: string
  now?: () => Date
  /** builds the event on first start (the demo event by default, see hub/main.ts) */
  seed: SeedEvent
}

/** Credentials made on first start, to be shown once. */
export interface FirstStart {
  adminToken: string
  usherToken: string
  /** the organiser PIN that lets a desk officer leave kiosk mode */
  exitPin: string
}

function checkRecord(value: unknown): CheckinRecord {
  const r = value as CheckinRecord
  if (!r || typeof r.id !== 'string' || typeof r.seq !== 'number' || typeof r.outcome !== 'string') throw new Error('not a check-in record')
  return r
}

export class EventStore {
  readonly ledger = new Ledger()
  readonly registry: RegistryIndex
  readonly credentials: CredentialIndex
  readonly signBadge: ReturnType<typeof createBadgeSigner>
  private verifier: ReturnType<typeof createBadgeVerifier>
  private inflight = new Map<string, Promise<void>>()
  private seq = 0

  private constructor(
    readonly dataDir: string,
    readonly db: Low<RegistryData>,
    private journal: Journal<CheckinRecord>,
    privateKeyPem: string,
    readonly now: () => Date,
  ) {
    this.registry = new RegistryIndex(db.data.event, db.data.attendees)
    this.credentials = new CredentialIndex(db.data.credentials)
    this.signBadge = createBadgeSigner(privateKeyPem)
    this.verifier = createBadgeVerifier(db.data.event.badgePublicKey)
  }

  static async open(options: OpenOptions): Promise<{ store: EventStore; firstStart: FirstStart | null; tornBytes: number }> {
    const now = options.now ?? (() => new Date())
    await mkdir(options.dataDir, { recursive: true })
    const keyPath = join(options.dataDir, 'badge-key.pem')
    const registryPath = join(options.dataDir, 'registry.json')
    let firstStart: FirstStart | null = null
    let privateKeyPem: string
    if (await fileExists(keyPath)) {
      privateKeyPem = await readFile(keyPath, 'utf8')
    } else {
      if (await fileExists(registryPath)) throw new Error(`${keyPath} is missing but ${registryPath} exists: restore the key from your backup (badges cannot be checked without it).`)
      privateKeyPem = generateBadgeKeys().privateKeyPem
      await writeFile(keyPath, privateKeyPem, { mode: 0o600 })
    }
    const db = await openRegistryFile(registryPath, () => {
      const { event, attendees } = options.seed(publicKeyOfPem(privateKeyPem))
      const admin = newCredential('admin', 'Organiser', now(), 'admin')
      const usher = newCredential('usher', 'Ushers', now(), 'usher-default')
      const exitPin = String(randomInt(100000, 1000000))
      firstStart = { adminToken: admin.token, usherToken: usher.token, exitPin }
      const at = now().toISOString()
      return {
        format: 1,
        rev: 1,
        event,
        attendees,
        badges: attendees.filter((a) => a.badgeVersion > 0).map((a) => ({ attendeeId: a.id, version: a.badgeVersion, issuedAt: at, by: 'seed', reason: 'first' as const })),
        credentials: [admin.credential, usher.credential],
        kiosks: [],
        pairingCodes: [],
        kioskExitPinHash: hashPin(exitPin),
      }
    })
    if (db.data.event.badgePublicKey !== publicKeyOfPem(privateKeyPem)) {
      throw new Error(`${keyPath} does not belong to the event in ${registryPath}: restore the matching key.`)
    }
    const opened = await Journal.open(join(options.dataDir, 'checkins.jsonl'), checkRecord)
    const store = new EventStore(options.dataDir, db, opened.journal, privateKeyPem, now)
    for (const r of opened.records) store.ledger.apply(r)
    store.seq = store.ledger.lastSeq
    return { store, firstStart, tornBytes: opened.tornBytes }
  }

  get data(): RegistryData {
    return this.db.data
  }

  /**
   * Decides, stores durably, and answers. The same id again returns the stored answer and
   * writes nothing. The record is applied to the ledger before the fsync so the next scan is
   * decided against it; the answer waits for the fsync.
   */
  async submit(sub: CheckinSubmission): Promise<CheckinResult> {
    const known = this.ledger.records.get(sub.id)
    if (known) {
      await this.inflight.get(sub.id)
      return { record: known, duplicate: true }
    }
    const hallId = this.registry.hallOfDesk(sub.deskId)
    const identity = identify(sub, this.registry, this.verifier.eventTag, this.verifier.verify)
    const decision = decide(identity, sub.kind, hallId, effectiveTime(sub), this.registry, this.ledger)
    const record = buildRecord(sub, decision, { seq: ++this.seq, receivedAt: this.now().toISOString(), hallId })
    this.ledger.apply(record)
    const written = this.journal.append(record)
    this.inflight.set(sub.id, written)
    try {
      await written
    } finally {
      this.inflight.delete(sub.id)
    }
    return { record, duplicate: false }
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

  /** Applies a change to the registry and writes registry.json (a whole-file write: admin actions only). */
  async updateRegistry(change: (data: RegistryData, rev: number) => void): Promise<number> {
    const rev = this.data.rev + 1
    change(this.data, rev)
    this.data.rev = rev
    this.registry.setEvent(this.data.event)
    for (const a of this.data.attendees) if (a.rev === rev) this.registry.put(a)
    for (const c of this.data.credentials) this.credentials.put(c)
    await this.db.write()
    return rev
  }

  async close(): Promise<void> {
    await Promise.allSettled(this.inflight.values())
    await this.journal.close()
  }
}
