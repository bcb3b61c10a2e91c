// The PostgreSQL schema, created and migrated by the hub itself at start (under a lock, so two
// hubs starting together do it once). A migration is appended here, never edited.
import type { PoolClient } from 'pg'
import { StartError } from '../../node-shared/start-error.js'

/** advisory lock keys: one for schema and seeding, one for check-in appends, one for the registry */
export const LOCKS = { setup: 7_240_001, checkins: 7_240_002, registry: 7_240_003 } as const

/** NOTIFY channels: a hub that stored something tells the others to catch up */
export const CHANNELS = { checkins: 'karibu_checkins', registry: 'karibu_registry', logs: 'karibu_logs' } as const

const MIGRATIONS: readonly string[] = [
  `CREATE TABLE karibu_event (
     id int PRIMARY KEY CHECK (id = 1),
     rev int NOT NULL,
     -- the registry without its attendees: event, badges, credentials, kiosks, pairing codes
     doc jsonb NOT NULL,
     private_key_pem text NOT NULL
   );
   CREATE TABLE karibu_attendees (id text PRIMARY KEY, rev int NOT NULL, doc jsonb NOT NULL);
   CREATE INDEX karibu_attendees_rev ON karibu_attendees (rev);
   -- the check-in id is the idempotency key: any hub stores a kiosk's record once
   CREATE TABLE karibu_checkins (seq bigint PRIMARY KEY, id text NOT NULL UNIQUE, record jsonb NOT NULL);
   CREATE TABLE karibu_logs (seq bigserial PRIMARY KEY, name text NOT NULL, origin text NOT NULL, doc jsonb NOT NULL);
   CREATE INDEX karibu_logs_name ON karibu_logs (name, seq);`,
]

/** Brings the schema to the newest version. Runs inside the caller's transaction. */
export async function migrate(client: PoolClient): Promise<void> {
  await client.query('CREATE TABLE IF NOT EXISTS karibu_schema (version int NOT NULL)')
  const { rows } = await client.query<{ version: number }>('SELECT version FROM karibu_schema')
  let version = rows[0]?.version ?? 0
  if (rows.length === 0) await client.query('INSERT INTO karibu_schema (version) VALUES (0)')
  if (version > MIGRATIONS.length)
    throw new StartError(
      `Muundo wa hifadhidata (toleo ${version}) ni mpya kuliko kitovu hiki kinavyojua (${MIGRATIONS.length}): sasisha kitovu.`,
      `The database schema (version ${version}) is newer than this hub knows (${MIGRATIONS.length}): update the hub.`,
    )
  for (; version < MIGRATIONS.length; version++) await client.query(MIGRATIONS[version]!)
  await client.query('UPDATE karibu_schema SET version = $1', [version])
}
