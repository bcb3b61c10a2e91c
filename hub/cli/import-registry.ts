// Where the import CLI finds the event: the hub's data folder, or PostgreSQL when
// KARIBU_DATABASE_URL is set (the database several hubs share). A dry run or a template only
// reads; an import writes through the same store the hub uses.
import { join } from 'node:path'
import { fileExists } from '../../node-shared/files.js'
import type { Attendee, EventInfo } from '../../shared/domain.js'
import { hubConfig } from '../server/config.js'
import type { StoreBackend } from '../store/backend.js'
import { EventStore } from '../store/event-store.js'
import { openRegistryFile } from '../store/registry-file.js'

export type Where = { kind: 'folder'; dataDir: string } | { kind: 'postgres'; url: string; shown: string }

/** `--data` wins; else KARIBU_DATABASE_URL; else the hub's data folder. */
export function whereIsTheEvent(dataDir: string | undefined, env: NodeJS.ProcessEnv = process.env): Where {
  if (dataDir) return { kind: 'folder', dataDir }
  const config = hubConfig(env)
  if (config.databaseUrl)
    return { kind: 'postgres', url: config.databaseUrl, shown: new URL(config.databaseUrl).host + new URL(config.databaseUrl).pathname }
  return { kind: 'folder', dataDir: config.dataDir }
}

export const describeWhere = (w: Where) => (w.kind === 'folder' ? w.dataDir : `PostgreSQL ${w.shown}`)

class NoEvent extends Error {}
const noSeed = () => {
  // an import never creates an event: the hub does that on its first start
  throw new NoEvent('no event')
}

async function backendFor(w: Where): Promise<StoreBackend | undefined> {
  if (w.kind === 'folder') return undefined
  return new (await import('../store/postgres-backend.js')).PostgresBackend(w.url)
}

/** The store, or null when no hub has started on it yet. The caller closes it. */
export async function openStore(w: Where): Promise<EventStore | null> {
  if (w.kind === 'folder' && !(await fileExists(join(w.dataDir, 'registry.json')))) return null
  try {
    const { store } = await EventStore.open({
      ...(w.kind === 'folder' ? { dataDir: w.dataDir } : { backend: await backendFor(w) }),
      seed: noSeed,
    })
    return store
  } catch (err) {
    if (err instanceof NoEvent) return null
    throw err
  }
}

/** The registry as it is, read without writing anything; null when there is no event. */
export async function readRegistry(w: Where): Promise<{ event: EventInfo; attendees: readonly Attendee[] } | null> {
  if (w.kind === 'folder') {
    const path = join(w.dataDir, 'registry.json')
    if (!(await fileExists(path))) return null
    // read-only: the registry file is opened, never written
    const db = await openRegistryFile(path, () => {
      throw new Error('unreachable: the file exists')
    })
    return db.data
  }
  const store = await openStore(w)
  if (!store) return null
  try {
    return structuredClone({ event: store.data.event, attendees: store.data.attendees })
  } finally {
    await store.close()
  }
}
