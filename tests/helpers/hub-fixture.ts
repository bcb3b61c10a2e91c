// The test hub as a vitest fixture: `test('…', async ({ hub, api, kiosk }) => …)` gets a fresh
// hub on 127.0.0.1 over its own data folder, closed and removed after the test whether it passed
// or not. `kiosk` (a paired kiosk with its socket) is made only for the tests that ask for it.
// hubPerFile() is the same hub shared by every test of a file, for files that only read.
import { test as base } from 'vitest'
import { hubApi, type HubApi, type PairedKiosk } from './hub-api.js'
import { lazyPostgres, storeLocation, type StoreKind, type StoreLocation } from './store-kinds.js'
import { startTestHub, type TestHub, type TestHubOptions } from './test-hub.js'

async function withHub(
  options: TestHubOptions,
  use: (t: TestHub) => Promise<void>,
  store: () => Promise<StoreLocation> = () => storeLocation('embedded'),
) {
  const dir = await store()
  const t = await startTestHub(dir.where, options).catch(async (err: Error) => {
    await dir.remove()
    throw err
  })
  try {
    await use(t)
  } finally {
    await t.close()
    await dir.remove()
  }
}

export interface HubFixtures {
  /** options for the hub; a file sets its own with test.override({ hubOptions: … }) */
  hubOptions: TestHubOptions
  /** where the hub keeps its data: a data folder unless test.override({ hubStore: 'postgres' }) */
  hubStore: StoreKind
  hub: TestHub
  api: HubApi
  kiosk: PairedKiosk
}

export const test = base.extend<{ $file: { postgres: ReturnType<typeof lazyPostgres> }; $test: HubFixtures }>({
  // one server for the file, started only when a test asks for a PostgreSQL hub
  postgres: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const postgres = lazyPostgres()
      try {
        await use(postgres)
      } finally {
        await postgres.stop()
      }
    },
    { scope: 'file' },
  ],
  hubOptions: {},
  hubStore: 'embedded',
  hub: async ({ hubOptions, hubStore, postgres }, use) => withHub(hubOptions, use, () => storeLocation(hubStore, postgres)),
  api: async ({ hub }, use) => use(hubApi(hub)),
  kiosk: async ({ api }, use) => use(await api.pairKiosk()),
})

export const it = test

/**
 * One hub for a whole file, for files that set up a day once and then only read it: the file's
 * tests and its `it.beforeAll` get `fileHub` and `fileApi`.
 */
export function hubPerFile(options: TestHubOptions = {}) {
  return base.extend<{ $file: { fileHub: TestHub; fileApi: HubApi } }>({
    // vitest reads a fixture's needs from its first parameter's pattern: this one needs none
    // eslint-disable-next-line no-empty-pattern
    fileHub: [async ({}, use) => withHub(options, use), { scope: 'file' }],
    fileApi: [async ({ fileHub }, use) => use(hubApi(fileHub)), { scope: 'file' }],
  })
}
