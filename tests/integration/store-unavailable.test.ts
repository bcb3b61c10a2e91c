// With its PostgreSQL away, a hub answers a kiosk's check-in 'unavailable' (nothing stored, try
// again: the kiosk keeps it in its outbox) rather than 'internal'; with PostgreSQL back, the
// same submission is stored once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDatabase, startPostgres, type Service } from '../helpers/services.js'
import { submission } from '../helpers/submissions.js'
import { startTestHub, type TestHub } from '../helpers/test-hub.js'

let pg: Service
let hub: TestHub
beforeAll(async () => {
  pg = await startPostgres()
  hub = await startTestHub(await createDatabase(pg.url))
}, 60_000)
afterAll(async () => {
  await hub?.close()
  await pg?.stop()
})

describe('a hub whose database is away', () => {
  it("answers 'unavailable', stores nothing, and stores the retry once the database is back", { timeout: 60_000 }, async () => {
    const { kioskId, token } = await hub.pairKiosk()
    const kiosk = await hub.client(token)
    const sub = submission(kioskId, { attendeeId: 'A0001' })
    await pg.halt()
    const refused = await kiosk.timeout(20_000).emitWithAck('checkin:submit', sub)
    expect(refused).toEqual({ ok: false, error: 'unavailable' })
    expect(hub.store.ledger.records.has(sub.id)).toBe(false)
    await pg.resume()
    let stored: Awaited<ReturnType<typeof kiosk.emitWithAck>> | null = null
    for (let i = 0; i < 40 && !(stored && (stored as { ok: boolean }).ok); i++) {
      stored = await kiosk.timeout(20_000).emitWithAck('checkin:submit', sub)
      if (!(stored as { ok: boolean }).ok) await new Promise((r) => setTimeout(r, 250))
    }
    expect(stored).toMatchObject({ ok: true, record: { outcome: 'admitted' } })
    expect([...hub.store.ledger.records.values()].filter((r) => r.id === sub.id)).toHaveLength(1)
  })
})
