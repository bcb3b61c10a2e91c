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

/** Call at the top of a test file; returns a maker of fresh, empty store locations. */
export function useStoreLocations(): (kind: StoreKind) => Promise<StoreLocation> {
  let server: Promise<Service> | null = null
  afterAll(async () => {
    await (await server)?.stop()
  })
  return async (kind) => {
    if (kind === 'embedded') {
      const d = await tempDir()
      return { where: d.path, remove: d.remove }
    }
    server ??= startPostgres()
    // a database of its own for every hub under test; the server goes at the end of the file
    return { where: await createDatabase((await server).url), remove: async () => {} }
  }
}
