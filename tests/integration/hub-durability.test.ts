// What the hub has acknowledged survives a restart; a torn journal tail is cut, a damaged
// registry stops start-up without being touched.
import { appendFile, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { EventStore } from '../../hub/store/event-store.js'
import { RegistryFileError } from '../../hub/store/registry-file.js'
import { JournalCorruptError } from '../../node-shared/journal.js'
import { testEvent } from '../fixtures/event.js'
import { submission } from '../helpers/submissions.js'
import { tempDir } from '../helpers/temp-dir.js'
import { STORE_KINDS, useStoreLocations } from '../helpers/store-kinds.js'
import { startTestHub } from '../helpers/test-hub.js'

let dir: Awaited<ReturnType<typeof tempDir>>
beforeEach(async () => {
  dir = await tempDir()
})
afterEach(async () => {
  await dir.remove()
})

const location = useStoreLocations()

describe.each(STORE_KINDS)('restart, %s store', (kind) => {
  it('a hub restarted on the same store has every acknowledged check-in and the same stats', async () => {
    const store = await location(kind)
    const t = await startTestHub(store.where)
    const k = await t.pairKiosk()
    const kiosk = await t.client(k.token)
    const acked: string[] = []
    await Promise.all(
      Array.from({ length: 60 }, async (_, i) => {
        const sub = submission(k.kioskId, { attendeeId: `A${String((i % 10) + 1).padStart(4, '0')}` })
        const res = await kiosk.emitWithAck('checkin:submit', sub)
        if (res.ok) acked.push(sub.id)
      }),
    )
    const usher = await t.client(t.usherToken)
    const before = await usher.emitWithAck('stats:get', { dayId: 'd1' })
    await t.close()

    const again = await startTestHub(store.where, { tokens: { admin: t.adminToken, usher: t.usherToken } })
    expect(acked).toHaveLength(60)
    for (const id of acked) expect(again.store.ledger.records.has(id)).toBe(true)
    const usher2 = await again.client(again.usherToken)
    const after = await usher2.emitWithAck('stats:get', { dayId: 'd1' })
    if (!before.ok || !after.ok) throw new Error('stats failed')
    expect({ ...after.stats, generatedAt: '' }).toEqual({ ...before.stats, generatedAt: '' })
    expect(after.stats.checkedIn).toBe(8)
    // the kiosk's token still works after the restart
    const kiosk2 = await again.client(k.token)
    expect(kiosk2.connected).toBe(true)
    await again.close()
    await store.remove()
  })
})

describe('journal', () => {
  it('tolerates a torn last line: cuts it and keeps everything before it', async () => {
    const t = await startTestHub(dir.path)
    const k = await t.pairKiosk()
    const kiosk = await t.client(k.token)
    await kiosk.emitWithAck('checkin:submit', submission(k.kioskId, { attendeeId: 'A0001' }))
    await kiosk.emitWithAck('checkin:submit', submission(k.kioskId, { attendeeId: 'A0002' }))
    await t.close()
    const journal = join(dir.path, 'checkins.jsonl')
    const intact = await readFile(journal, 'utf8')
    await appendFile(journal, '{"id":"torn","seq":3,"outc')
    const { store, tornBytes } = await EventStore.open({ dataDir: dir.path, seed: testEvent })
    expect(tornBytes).toBe(26)
    expect(store.ledger.records.size).toBe(2)
    expect(await readFile(journal, 'utf8')).toBe(intact)
    await store.close()
  })

  it('refuses a journal damaged in the middle, naming the file and line', async () => {
    const { store } = await EventStore.open({ dataDir: dir.path, seed: testEvent })
    await store.submit(submission('k1', { attendeeId: 'A0001' }))
    await store.submit(submission('k1', { attendeeId: 'A0002' }))
    await store.close()
    const journal = join(dir.path, 'checkins.jsonl')
    const lines = (await readFile(journal, 'utf8')).split('\n')
    await writeFile(journal, ['garbage{', ...lines].join('\n'))
    const err = await EventStore.open({ dataDir: dir.path, seed: testEvent }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(JournalCorruptError)
    expect((err as Error).message).toContain('checkins.jsonl')
    expect((err as Error).message).toContain('line 1')
  })
})

describe('registry file', () => {
  it('a registry that cannot be parsed stops start-up with a clear message and is left untouched', async () => {
    const { store } = await EventStore.open({ dataDir: dir.path, seed: testEvent })
    await store.close()
    const path = join(dir.path, 'registry.json')
    const damaged = (await readFile(path, 'utf8')).slice(0, 500)
    await writeFile(path, damaged)
    const err = await EventStore.open({ dataDir: dir.path, seed: testEvent }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(RegistryFileError)
    expect((err as Error).message).toContain(path)
    expect(await readFile(path, 'utf8')).toBe(damaged)
  })

  it('a registry of the wrong shape is refused the same way', async () => {
    const { store } = await EventStore.open({ dataDir: dir.path, seed: testEvent })
    await store.close()
    const path = join(dir.path, 'registry.json')
    await writeFile(path, JSON.stringify({ hello: 'world' }))
    await expect(EventStore.open({ dataDir: dir.path, seed: testEvent })).rejects.toThrow(/does not hold a Karibu registry/)
    expect(await readFile(path, 'utf8')).toBe(JSON.stringify({ hello: 'world' }))
  })
})
