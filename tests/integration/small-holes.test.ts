// The smaller holes from the attack review: /healthz tells the check-in count only with a
// credential; a surname of only zero-width characters is no surname; a "constructor" cell in an
// import is a word like any other, not the object's own function.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { isFailure, planFile, previewOf } from '../../hub/admin/import/run.js'
import { submission } from '../helpers/submissions.js'
import { testEvent } from '../fixtures/event.js'
import { startTestHub, type TestHub } from '../helpers/test-hub.js'
import { tempDir } from '../helpers/temp-dir.js'

describe('on a hub', () => {
  let dir: { path: string; remove(): Promise<void> }
  let t: TestHub
  beforeEach(async () => {
    dir = await tempDir()
    t = await startTestHub(dir.path)
  })
  afterEach(async () => {
    await t.close()
    await dir.remove()
  })

  it('/healthz answers anyone, but gives the check-in count only with a credential', async () => {
    const open = (await (await fetch(`${t.url}/healthz`)).json()) as Record<string, unknown>
    expect(open).toMatchObject({ ok: true })
    expect(open).not.toHaveProperty('lastSeq')
    const wrong = (await (await fetch(`${t.url}/healthz`, { headers: { Authorization: 'Bearer kba_wrong' } })).json()) as Record<string, unknown>
    expect(wrong).not.toHaveProperty('lastSeq')
    const usher = (await (await fetch(`${t.url}/healthz`, { headers: { Authorization: `Bearer ${t.usherToken}` } })).json()) as Record<string, unknown>
    expect(usher).toHaveProperty('lastSeq', 0)
  })

  it('a walk-in whose surname is only zero-width characters is refused, and nothing is stored', async () => {
    const before = t.store.data.attendees.length
    const res = await fetch(`${t.url}/api/admin/walk-ins`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${t.adminToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ firstName: 'Musa', lastName: '\u200B\u200C\u2060\uFEFF', groupId: 'guests' }),
    })
    expect(res.status).toBe(400)
    expect(t.store.data.attendees.length).toBe(before)
  })

  it('a check-in at a desk the event does not have is stored but counts nobody, and is there to review', async () => {
    const { kioskId, token } = await t.pairKiosk()
    const kiosk = await t.client(token)
    const odd = submission(kioskId, { attendeeId: 'A0001', deskId: 'desk-99', localOutcome: 'admitted' })
    const res = await kiosk.emitWithAck('checkin:submit', odd)
    expect(res).toMatchObject({ ok: true, record: { id: odd.id, outcome: 'invalid', review: 'unknown_desk' } })
    expect(t.store.ledger.attendeeDay('d1', 'A0001')).toBeUndefined()
    // the same person at a real desk is admitted and counted
    const real = await kiosk.emitWithAck('checkin:submit', submission(kioskId, { attendeeId: 'A0001', deskId: 'desk-1' }))
    expect(real).toMatchObject({ ok: true, record: { outcome: 'admitted' } })
    expect(t.store.ledger.attendeeDay('d1', 'A0001')).toBeTruthy()
  })
})

describe('an import with "constructor" cells', () => {
  it('reads "constructor" as no flag and no group number, and a zero-width surname as missing', async () => {
    const csv = 'First name,Surname,Group,Flags\nAsha,Njau,constructor,constructor\nJuma,\u200B\u200B,1,vip\n'
    const plan = await planFile({ fileName: 'orodha.csv', content: new TextEncoder().encode(csv) }, testEvent('test-key'))
    if (isFailure(plan)) throw new Error(plan.message.en)
    const preview = previewOf(plan)
    const text = JSON.stringify(preview)
    expect(text).not.toContain('function')
    const asha = preview.sample.find((s) => s.values.firstName === 'Asha')
    expect(Object.keys(asha?.values.flags ?? {}).every((k) => ['vip', 'speaker', 'exhibitor', 'press', 'staff'].includes(k))).toBe(true)
    expect(preview.problems.some((p) => p.row === 2 && p.field === 'groupId')).toBe(true)
    expect(preview.problems.some((p) => p.row === 3 && p.field === 'lastName')).toBe(true)
  })
})
