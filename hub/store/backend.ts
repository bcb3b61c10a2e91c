// Where the event store keeps its data. Two implementations: the embedded one (a data folder:
// lowdb registry + fsync'd JSON-lines journal, one hub) and PostgreSQL (several hubs sharing one
// database). The EventStore above them holds the same in-memory registry and ledger either
// way and decides every check-in with the same rules; a backend only makes things durable and
// tells the store what other hubs wrote.
import type { Attendee, CheckinRecord } from '../../shared/domain.js'
import type { RegistryData } from './registry-data.js'

/** Credentials made on first start, to be shown once. */
export interface FirstStart {
  adminToken: string
  usherToken: string
  /** the organiser PIN that lets a desk officer leave kiosk mode */
  exitPin: string
}

/** Builds the first registry (and its one-time credentials) from the new badge key's public half. */
export type SeedRegistry = (badgePublicKey: string) => { registry: RegistryData; firstStart: FirstStart }

export interface Loaded {
  registry: RegistryData
  /** every stored check-in, in seq order */
  records: CheckinRecord[]
  privateKeyPem: string
  firstStart: FirstStart | null
  /** bytes of a torn last journal line cut at open (embedded only) */
  tornBytes: number
}

/** What the backend tells the store beyond what it asked for. */
export interface Remote {
  /** check-ins other hubs stored, in seq order, each once */
  checkins(records: CheckinRecord[]): void
  /** records `decide` returned that could not be stored: the store forgets them */
  lost(records: CheckinRecord[]): void
  /**
   * a newer registry: the whole document, and the attendees changed since the store's
   * revision (`full`: every attendee, replacing what the store holds)
   */
  registry(data: Omit<RegistryData, 'attendees'>, attendees: Attendee[], full: boolean): void
}

/** An append-only log of JSON documents beside the check-ins (the print log). */
export interface AppendLog<T> {
  append(records: readonly T[]): Promise<void>
  /** records other hubs appended; called as they arrive */
  onRemote(handler: (records: T[]) => void): void
  close(): Promise<void>
}

export interface StoreBackend {
  readonly kind: 'embedded' | 'postgres'
  /** where the data lives, for messages (a folder, or a database without its password) */
  readonly location: string
  /**
   * `replay`, when given, takes each stored check-in as it is read (the embedded backend's
   * journal, replayed line by line) and `records` comes back empty; a backend that reads them
   * all at once returns them in `records`.
   */
  open(seed: SeedRegistry, remote: Remote, replay?: (record: CheckinRecord) => void): Promise<Loaded>
  /**
   * Stores the check-ins `decide` returns, durably, before resolving. `decide` runs with the
   * exclusive right to append and after every record other hubs stored has reached `remote`,
   * so it decides against everything stored and its seqs follow on without a gap. When storing
   * fails, the backend hands the records to `remote.lost` before rejecting, so nothing that
   * was not stored stays counted or answers a retry as "already stored".
   */
  commit<T>(decide: () => { records: CheckinRecord[]; value: T }): Promise<T>
  /**
   * Runs `change` on an up-to-date registry and stores the result: `change` returns the
   * document as it now stands and the attendees it changed.
   */
  updateRegistry(change: () => { data: RegistryData; changed: Attendee[] }): Promise<void>
  /** Catches up with other hubs now (a shared backend; the embedded one has nothing to do). Rejects when the shared store cannot be reached. */
  refresh(): Promise<void>
  openLog<T>(name: string, check: (value: unknown) => T): Promise<{ log: AppendLog<T>; records: T[] }>
  close(): Promise<void>
}
