// The hub's behaviour tests run against both store backends: the embedded data folder and
// PostgreSQL (a real server from Debian's packages, started once per test file on first use).
import { afterAll } from 'vitest'
import { createDatabase, startPostgres, type Service } from './services.js'
import { tempDir } from './temp-dir.js'

export const STORE_KINDS = ['embedded', 'postgres'] as const
export type StoreKind = (typeof STORE_KINDS)[number]

export interface StoreLocation {
  /** a data folder, or a postgres:// URL: what startTestHub takes */
  where: string
  remove(): Promise<void>
}

/** A PostgreSQL server started on the first database asked of it: a fresh database each time. */
export function lazyPostgres(): { database(): Promise<string>; stop(): Promise<void> } {
  let server: Promise<Service> | null = null
  return {
    database: async () => createDatabase((await (server ??= startPostgres())).url),
    stop: async () => void (await (await server?.catch(() => null))?.stop()),
  }
}

/** A fresh, empty store location of this kind; a database of its own on `postgres`'s server. */
export async function storeLocation(kind: StoreKind, postgres?: { database(): Promise<string> }): Promise<StoreLocation> {
  if (kind === 'embedded') {
    const d = await tempDir()
    return { where: d.path, remove: d.remove }
  }
  if (!postgres) throw new Error('a PostgreSQL store needs a server (lazyPostgres)')
  return { where: await postgres.database(), remove: async () => {} }
}

/** Call at the top of a test file; returns a maker of fresh, empty store locations. */
export function useStoreLocations(): (kind: StoreKind) => Promise<StoreLocation> {
  const postgres = lazyPostgres()
  // the server goes at the end of the file
  afterAll(() => postgres.stop())
  return (kind) => storeLocation(kind, postgres)
}
