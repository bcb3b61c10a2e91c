// The PostgreSQL backend: several hubs share one database (KARIBU_DATABASE_URL). The database
// is the truth; each hub keeps the same in-memory registry and ledger as the embedded store.
//  - Check-ins are appended under one advisory lock, after the hub has caught up with what the
//    others stored: every record is decided against everything stored, seqs are dense and in
//    commit order (a kiosk's pull cursor never skips one), and the check-in id's unique key
//    makes any hub store a kiosk's record once.
//  - Concurrent submissions share one transaction (group commit), like the journal's fsync.
//  - After a commit a hub NOTIFYs; the others catch up at once, and every second regardless.
import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { generateBadgeKeys, publicKeyOfPem } from '../../node-shared/badge-crypto.js'
import type { Attendee, CheckinRecord } from '../../shared/domain.js'
import type { AppendLog, FirstStart, Loaded, Remote, SeedRegistry, StoreBackend } from './backend.js'
import { checkRecord } from './embedded-backend.js'
import { StartError } from '../../node-shared/start-error.js'
import { redactedUrl } from '../server/config.js'
import { databaseStartError } from './database-start-error.js'
import { CHANNELS, LOCKS, migrate } from './postgres-schema.js'
import { RegistryData } from './registry-data.js'
import { asStoreError } from './store-unavailable.js'

type EventDoc = Omit<RegistryData, 'attendees'>

interface Waiting<T> {
  decide: () => { records: CheckinRecord[]; value: T }
  resolve: (value: T) => void
  reject: (err: unknown) => void
}

const POLL_MS = 1000

const withoutAttendees = (data: RegistryData): EventDoc => {
  const { attendees: _omit, ...doc } = data
  return doc
}

export class PostgresBackend implements StoreBackend {
  readonly kind = 'postgres'
  readonly location: string
  private pool: pg.Pool
  private listener: pg.Client | null = null
  private remote: Remote | null = null
  /** highest check-in seq this hub holds, all below it included */
  private cursor = 0
  /** registry revision this hub holds */
  private rev = 0
  private queue: Waiting<unknown>[] = []
  private flushing: Promise<void> | null = null
  private timer: NodeJS.Timeout | null = null
  private closed = false
  /** this process, so a hub does not read its own log entries back as another's */
  private readonly origin = randomUUID()
  private logs = new Map<string, { cursor: number; check: (v: unknown) => unknown; handlers: ((records: unknown[]) => void)[] }>()

  constructor(private readonly url: string) {
    this.location = redactedUrl(url)
    this.pool = new pg.Pool({ connectionString: url, max: 6, connectionTimeoutMillis: 5000 })
    // an idle client losing its connection must not take the hub down; the next query reconnects
    this.pool.on('error', () => undefined)
  }

  async open(seed: SeedRegistry, remote: Remote): Promise<Loaded> {
    this.remote = remote
    let firstStart: FirstStart | null = null
    let privateKeyPem = ''
    // the first connection says whether the address, password and database are right
    await this.withClient(async (client) => {
      await client.query('BEGIN')
      await client.query('SELECT pg_advisory_xact_lock($1)', [LOCKS.setup])
      await migrate(client)
      const existing = await client.query<{ private_key_pem: string }>('SELECT private_key_pem FROM karibu_event WHERE id = 1')
      if (existing.rows[0]) {
        privateKeyPem = existing.rows[0].private_key_pem
      } else {
        privateKeyPem = generateBadgeKeys().privateKeyPem
        const seeded = seed(publicKeyOfPem(privateKeyPem))
        firstStart = seeded.firstStart
        await client.query('INSERT INTO karibu_event (id, rev, doc, private_key_pem) VALUES (1, $1, $2, $3)', [
          seeded.registry.rev,
          withoutAttendees(seeded.registry),
          privateKeyPem,
        ])
        await insertAttendees(client, seeded.registry.attendees)
      }
      await client.query('COMMIT')
    }).catch((err: unknown) => {
      throw databaseStartError(err, this.url)
    })
    const registry = await this.loadRegistry()
    if (registry.event.badgePublicKey !== publicKeyOfPem(privateKeyPem))
      throw new StartError(
        `Ufunguo wa beji kwenye ${this.location} si wa tukio lake.`,
        `The badge key in ${this.location} does not belong to its event.`,
      )
    const { rows } = await this.pool.query<{ record: unknown }>('SELECT record FROM karibu_checkins ORDER BY seq')
    const records = rows.map((r) => checkRecord(r.record))
    this.cursor = records[records.length - 1]?.seq ?? 0
    await this.listen(true)
    this.timer = setInterval(() => void this.catchUp(), POLL_MS)
    this.timer.unref()
    return { registry, records, privateKeyPem, firstStart, tornBytes: 0 }
  }

  private async loadRegistry(): Promise<RegistryData> {
    const event = await this.pool.query<{ rev: number; doc: EventDoc }>('SELECT rev, doc FROM karibu_event WHERE id = 1')
    const attendees = await this.pool.query<{ doc: Attendee }>('SELECT doc FROM karibu_attendees')
    const parsed = RegistryData.safeParse({ ...event.rows[0]!.doc, attendees: attendees.rows.map((r) => r.doc) })
    if (!parsed.success)
      throw new StartError(
        `${this.location} haina usajili wa Karibu (${parsed.error.issues[0]?.path.join('.')}).`,
        `${this.location} does not hold a Karibu registry (${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}).`,
      )
    this.rev = parsed.data.rev
    return parsed.data
  }

  /**
   * LISTEN on a connection of its own; if it drops (or cannot be made again), the poll carries
   * on and it is tried again each second. Once back, what was announced meanwhile is read.
   */
  private async listen(first = false) {
    if (this.closed) return
    const client = new pg.Client({ connectionString: this.url, connectionTimeoutMillis: 5000 })
    let retrying = false
    const retry = () => {
      if (this.listener === client) this.listener = null
      if (retrying || this.closed) return
      retrying = true
      void client.end().catch(() => undefined)
      setTimeout(() => void this.listen(), POLL_MS).unref()
    }
    client.on('error', retry)
    client.on('end', retry)
    client.on('notification', (n) => {
      if (n.channel === CHANNELS.logs && n.payload) void this.catchUpLog(n.payload)
      else void this.catchUp()
    })
    try {
      await client.connect()
      for (const channel of Object.values(CHANNELS)) await client.query(`LISTEN ${channel}`)
    } catch (err) {
      if (first) {
        retrying = true
        await client.end().catch(() => undefined)
        throw err
      }
      return retry()
    }
    this.listener = client
    if (!first) {
      void this.catchUp()
      for (const name of this.logs.keys()) void this.catchUpLog(name)
    }
  }

  /**
   * A pooled client for one piece of work. Its connection dropping while it is checked out
   * (PostgreSQL restarted) fails that work only: without a listener of its own, the client's
   * 'error' event would end the process. A client that failed is destroyed, not reused.
   */
  private async withClient<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect()
    let broken: Error | undefined
    const onError = (err: Error) => (broken = err)
    client.on('error', onError)
    try {
      return await work(client)
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined)
      broken ??= err as Error
      throw err
    } finally {
      client.off('error', onError)
      client.release(broken)
    }
  }

  private catchingUp: Promise<void> | null = null

  /** Brings in what other hubs stored: check-ins after the cursor, a newer registry. */
  private catchUp(): Promise<void> {
    this.catchingUp ??= this.refresh()
      .catch(() => undefined) // the database is away: the next poll tries again
      .finally(() => (this.catchingUp = null))
    return this.catchingUp
  }

  private async catchUpCheckins(db: pg.Pool | pg.PoolClient) {
    const { rows } = await db.query<{ record: unknown }>('SELECT record FROM karibu_checkins WHERE seq > $1 ORDER BY seq', [this.cursor])
    // concurrent catch-ups read overlapping runs: take each seq once, in order
    const fresh = rows.map((r) => checkRecord(r.record)).filter((r) => r.seq > this.cursor)
    if (fresh.length === 0) return
    this.cursor = fresh[fresh.length - 1]!.seq
    this.remote!.checkins(fresh)
  }

  private async catchUpRegistry(db: pg.Pool | pg.PoolClient = this.pool) {
    const since = this.rev
    const event = await db.query<{ rev: number; doc: EventDoc }>('SELECT rev, doc FROM karibu_event WHERE id = 1')
    const row = event.rows[0]
    if (!row || row.rev <= since) return
    const changed = await db.query<{ doc: Attendee }>('SELECT doc FROM karibu_attendees WHERE rev > $1', [since])
    if (row.rev <= this.rev) return // a concurrent catch-up got there first
    this.rev = row.rev
    this.remote!.registry(
      row.doc,
      changed.rows.map((r) => r.doc),
      false,
    )
  }

  /** At once rather than at the next poll: a credential or pairing code another hub just made. Rejects when the database is away. */
  async refresh(): Promise<void> {
    await this.catchUpCheckins(this.pool)
    await this.catchUpRegistry()
  }

  commit<T>(decide: () => { records: CheckinRecord[]; value: T }): Promise<T> {
    if (this.closed) return Promise.reject(new Error('store is closed'))
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ decide, resolve, reject } as Waiting<unknown>)
      this.flushing ??= this.flush().finally(() => (this.flushing = null))
    })
  }

  /** Group commit: everything queued while a transaction runs goes into the next one. */
  private async flush() {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0)
      const decided: { waiting: Waiting<unknown>; value: unknown }[] = []
      const records: CheckinRecord[] = []
      try {
        await this.withClient(async (client) => {
          await client.query('BEGIN')
          await client.query('SELECT pg_advisory_xact_lock($1)', [LOCKS.checkins])
          await this.catchUpCheckins(client)
          for (const waiting of batch) {
            try {
              const out = waiting.decide()
              records.push(...out.records)
              decided.push({ waiting, value: out.value })
            } catch (err) {
              waiting.reject(err)
            }
          }
          if (records.length > 0) {
            await client.query(
              "INSERT INTO karibu_checkins (seq, id, record) SELECT (r->>'seq')::bigint, r->>'id', r FROM jsonb_array_elements($1::jsonb) r",
              [JSON.stringify(records)],
            )
            await client.query('SELECT pg_notify($1, $2)', [CHANNELS.checkins, String(records[records.length - 1]!.seq)])
          }
          await client.query('COMMIT')
        })
        if (records.length > 0) this.cursor = Math.max(this.cursor, records[records.length - 1]!.seq)
        for (const d of decided) d.waiting.resolve(d.value)
      } catch (err) {
        // a COMMIT whose answer was lost may have stored them: the next catch-up brings them back
        if (records.length > 0) this.remote!.lost(records)
        const seen = asStoreError(err)
        for (const d of decided) d.waiting.reject(seen)
        if (decided.length === 0) for (const w of batch) w.reject(seen)
      }
    }
  }

  async updateRegistry(change: () => { data: RegistryData; changed: Attendee[] }): Promise<void> {
    try {
      await this.withClient(async (client) => {
        await client.query('BEGIN')
        await client.query('SELECT pg_advisory_xact_lock($1)', [LOCKS.registry])
        // another hub's change first, so `change` sees it
        await this.catchUpRegistry(client)
        const { data, changed } = change()
        await client.query('UPDATE karibu_event SET rev = $1, doc = $2 WHERE id = 1', [data.rev, withoutAttendees(data)])
        await insertAttendees(client, changed)
        await client.query('SELECT pg_notify($1, $2)', [CHANNELS.registry, String(data.rev)])
        await client.query('COMMIT')
        this.rev = data.rev
      })
    } catch (err) {
      // the change was made in memory: take the stored registry back whole
      await this.reloadRegistry().catch(() => undefined)
      throw err
    }
  }

  private async reloadRegistry() {
    const data = await this.loadRegistry()
    this.remote!.registry(withoutAttendees(data), data.attendees, true)
  }

  async openLog<T>(name: string, check: (value: unknown) => T): Promise<{ log: AppendLog<T>; records: T[] }> {
    const { rows } = await this.pool.query<{ seq: string; doc: unknown }>('SELECT seq, doc FROM karibu_logs WHERE name = $1 ORDER BY seq', [
      name,
    ])
    const state = {
      cursor: Number(rows[rows.length - 1]?.seq ?? 0),
      check: check as (v: unknown) => unknown,
      handlers: [] as ((records: unknown[]) => void)[],
    }
    this.logs.set(name, state)
    const log: AppendLog<T> = {
      append: async (records) => {
        if (records.length === 0) return
        await this.withClient(async (client) => {
          await client.query('BEGIN')
          await client.query('INSERT INTO karibu_logs (name, origin, doc) SELECT $1, $2, d FROM jsonb_array_elements($3::jsonb) d', [
            name,
            this.origin,
            JSON.stringify(records),
          ])
          await client.query('SELECT pg_notify($1, $2)', [CHANNELS.logs, name])
          await client.query('COMMIT')
        })
      },
      onRemote: (handler) => void state.handlers.push(handler as (records: unknown[]) => void),
      close: async () => {},
    }
    return { log, records: rows.map((r) => check(r.doc)) }
  }

  private async catchUpLog(name: string) {
    const state = this.logs.get(name)
    if (!state) return
    try {
      const { rows } = await this.pool.query<{ seq: string; doc: unknown; origin: string }>(
        'SELECT seq, doc, origin FROM karibu_logs WHERE name = $1 AND seq > $2 ORDER BY seq',
        [name, state.cursor],
      )
      const fresh = rows.filter((r) => Number(r.seq) > state.cursor)
      if (fresh.length === 0) return
      state.cursor = Number(fresh[fresh.length - 1]!.seq)
      const theirs = fresh.filter((r) => r.origin !== this.origin).map((r) => state.check(r.doc))
      if (theirs.length > 0) for (const h of state.handlers) h(theirs)
    } catch {
      // the next notification tries again
    }
  }

  async close(): Promise<void> {
    this.closed = true
    if (this.timer) clearInterval(this.timer)
    await this.flushing
    await this.catchingUp
    const listener = this.listener
    this.listener = null
    await listener?.end().catch(() => undefined)
    await this.pool.end()
  }
}

async function insertAttendees(client: pg.PoolClient, attendees: readonly Attendee[]) {
  if (attendees.length === 0) return
  await client.query(
    `INSERT INTO karibu_attendees (id, rev, doc)
     SELECT a->>'id', (a->>'rev')::int, a FROM jsonb_array_elements($1::jsonb) a
     ON CONFLICT (id) DO UPDATE SET rev = EXCLUDED.rev, doc = EXCLUDED.doc`,
    [JSON.stringify(attendees)],
  )
}
