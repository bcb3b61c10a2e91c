// The smaller holes from the attack review: /healthz tells the check-in count only with a
// credential; a surname of only zero-width characters is no surname; a "constructor" cell in an
// import is a word like any other, not the object's own function.
import { describe, expect } from 'vitest'
import { isFailure, planFile, previewOf } from '../../hub/admin/import/run.js'
import { submission } from '../helpers/submissions.js'
import { testEvent } from '../fixtures/event.js'
import { it } from '../helpers/hub-fixture.js'

describe('on a hub', () => {
  it('/healthz answers anyone, but gives the check-in count only with a credential', async ({ hub: t, api }) => {
    const open = await api.json(api.get('/healthz', null))
    expect(open).toMatchObject({ ok: true })
    expect(open).not.toHaveProperty('lastSeq')
    const wrong = await api.json(api.get('/healthz', 'kba_wrong'))
    expect(wrong).not.toHaveProperty('lastSeq')
    const usher = await api.json(api.get('/healthz', t.usherToken))
    expect(usher).toHaveProperty('lastSeq', 0)
  })

  it('a walk-in whose surname is only zero-width characters is refused, and nothing is stored', async ({ hub: t, api }) => {
    const before = t.store.data.attendees.length
    const res = await api.post('/api/admin/walk-ins', { firstName: 'Musa', lastName: '\u200B\u200C\u2060\uFEFF', groupId: 'guests' })
    expect(res.status).toBe(400)
    expect(t.store.data.attendees.length).toBe(before)
  })

  it('a check-in at a desk the event does not have is stored but counts nobody, and is there to review', async ({
    hub: t,
    kiosk: { kioskId, socket: kiosk },
  }) => {
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
