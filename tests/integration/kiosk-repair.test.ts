// A kiosk paired again (after a revocation, or to a replaced hub) delivers the records it made
// under its previous kiosk id, exactly once; a revoked kiosk's records are stored for review
// (issue 15, item 2). Before the fix the hub refused the whole batch as `forbidden` and new
// scans queued behind the old records forever.
import { cp } from 'node:fs/promises'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { checkPreviousIdentityProof, previousIdentityProof } from '../../node-shared/identity-proof.js'
import { hashToken } from '../../hub/auth/credentials.js'
import { createPairingCode, revokeKiosk } from '../../hub/kiosks/pairing.js'
import { EventStore } from '../../hub/store/event-store.js'
import { testEvent } from '../fixtures/event.js'
import { DAY1_9AM } from '../e2e/kiosk-helpers.js'
import { openKioskScreen, type KioskScreen } from '../helpers/kiosk-client.js'
import { startStack, type Stack } from '../helpers/stack.js'
import { tempDir } from '../helpers/temp-dir.js'
import { startTestHub, type TestHub } from '../helpers/test-hub.js'
import { until } from '../helpers/until.js'

let stack: Stack
const cleanups: (() => Promise<unknown>)[] = []
beforeEach(async () => {
  stack = await startStack()
})
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
  await stack.close()
})

async function offlineScans(screen: KioskScreen, ids: string[]): Promise<string[]> {
  const recordIds: string[] = []
  for (const attendeeId of ids) recordIds.push((await screen.scan({ attendeeId, method: 'search' })).recordId)
  return recordIds
}

async function otherHub(dir: string, tokens?: { admin: string; usher: string }): Promise<TestHub> {
  const hub = await startTestHub(dir, { now: DAY1_9AM, ...(tokens ? { tokens } : {}) })
  cleanups.push(() => hub.close())
  return hub
}

describe('a kiosk paired again', () => {
  it('after a revocation: its unsent records arrive once, under its old id, for review; new scans follow', async () => {
    const agent = await stack.addKiosk('desk-1', DAY1_9AM)
    const oldId = agent.kiosk.data.pairing!.kioskId
    const screen = await openKioskScreen(agent)
    cleanups.push(async () => screen.disconnect())
    await stack.stopHub()
    await until(() => !agent.kiosk.online, 5000, 'offline')
    const unsent = await offlineScans(screen, ['A0001', 'A0002', 'A0006'])

    // revoked while the kiosk was away (the hub's store, with the hub stopped)
    const { store } = await EventStore.open({ dataDir: stack.hubDir, now: DAY1_9AM, seed: (key) => testEvent(key) })
    await revokeKiosk(store, oldId)
    await store.close()
    await stack.restartHub()
    await until(() => !agent.kiosk.data.pairing, 10_000, 'kiosk told it is revoked')
    expect(agent.kiosk.records.outbox.size).toBe(3)

    const { code } = await createPairingCode(stack.hub.store, 5)
    expect(await screen.timeout(10_000).emitWithAck('kiosk:pair', { hubUrl: stack.hub.url, code, name: 'Meza 1 tena' })).toEqual({
      ok: true,
    })
    await until(() => agent.kiosk.records.outbox.size === 0, 15_000, 'old records delivered')
    const ledger = stack.hub.store.ledger
    for (const id of unsent) expect(ledger.records.get(id)).toMatchObject({ kioskId: oldId, review: 'revoked_kiosk' })
    expect(
      ledger.reviews
        .filter((r) => r.review === 'revoked_kiosk')
        .map((r) => r.id)
        .sort(),
    ).toEqual([...unsent].sort())
    expect(agent.kiosk.data.previous).toEqual([]) // nothing left to prove

    await until(() => agent.kiosk.registry, 10_000, 'registry again')
    const fresh = await screen.scan({ attendeeId: 'A0007', method: 'search' })
    await until(() => ledger.records.has(fresh.recordId), 10_000, 'new scan delivered')
    expect(ledger.records.get(fresh.recordId)).toMatchObject({ kioskId: agent.kiosk.data.pairing!.kioskId })
    expect(ledger.records.get(fresh.recordId)?.review).toBeUndefined()
    expect(ledger.records.size).toBe(4)
  })

  it('to a replaced hub (restored from a backup), with the PIN: its unsent records arrive once, not for review', async () => {
    const agent = await stack.addKiosk('desk-1', DAY1_9AM)
    const oldId = agent.kiosk.data.pairing!.kioskId
    const { exitPin, adminToken, usherToken } = stack.hub
    const screen = await openKioskScreen(agent)
    cleanups.push(async () => screen.disconnect())
    await stack.stopHub()
    await until(() => !agent.kiosk.online, 5000, 'offline')
    const unsent = await offlineScans(screen, ['A0001', 'A0002'])

    const restored = await tempDir('karibu-hub-restored-')
    cleanups.push(restored.remove)
    await cp(stack.hubDir, restored.path, { recursive: true })
    const replacement = await otherHub(restored.path, { admin: adminToken, usher: usherToken })
    const { code } = await createPairingCode(replacement.store, 5)
    expect(
      await screen.timeout(10_000).emitWithAck('kiosk:pair', { hubUrl: replacement.url, code, name: 'Meza 1', pin: exitPin! }),
    ).toEqual({ ok: true })
    await until(() => agent.kiosk.records.outbox.size === 0, 15_000, 'delivered to the replacement')
    for (const id of unsent) expect(replacement.store.ledger.records.get(id)).toMatchObject({ kioskId: oldId })
    expect(replacement.store.ledger.reviews).toEqual([])
    expect(replacement.store.ledger.records.size).toBe(2)
  })

  it('to a hub that never knew it: the old records stay for export and do not hold new scans back', async () => {
    const agent = await stack.addKiosk('desk-1', DAY1_9AM)
    const exitPin = stack.hub.exitPin!
    const screen = await openKioskScreen(agent)
    cleanups.push(async () => screen.disconnect())
    await stack.stopHub()
    await until(() => !agent.kiosk.online, 5000, 'offline')
    const unsent = await offlineScans(screen, ['A0001', 'A0002'])

    const elsewhere = await tempDir('karibu-hub-other-')
    cleanups.push(elsewhere.remove)
    const stranger = await otherHub(elsewhere.path)
    const { code } = await createPairingCode(stranger.store, 5)
    expect(await screen.timeout(10_000).emitWithAck('kiosk:pair', { hubUrl: stranger.url, code, name: 'Meza 1', pin: exitPin })).toEqual({
      ok: true,
    })
    await until(() => agent.kiosk.online && agent.kiosk.registry, 10_000, 'synced with the other hub')
    const fresh = await screen.scan({ attendeeId: 'A0003', method: 'search' })
    await until(() => stranger.store.ledger.records.has(fresh.recordId), 10_000, 'new scan delivered')
    expect(stranger.store.ledger.records.size).toBe(1)
    expect(
      agent.kiosk
        .exportOutbox()
        .submissions.map((s) => s.id)
        .sort(),
    ).toEqual([...unsent].sort())
  })
})

describe('previous identity proof', () => {
  it('holds for the kiosk it was made for only, and for that old token only', () => {
    const proof = previousIdentityProof('kbk_old-token', 'kiosk-new')
    expect(checkPreviousIdentityProof(proof, hashToken('kbk_old-token'), 'kiosk-new')).toBe(true)
    expect(checkPreviousIdentityProof(proof, hashToken('kbk_old-token'), 'kiosk-other')).toBe(false)
    expect(checkPreviousIdentityProof(proof, hashToken('kbk_another'), 'kiosk-new')).toBe(false)
    expect(checkPreviousIdentityProof('x', hashToken('kbk_old-token'), 'kiosk-new')).toBe(false)
  })
})
