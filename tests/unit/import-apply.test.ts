// Applying a plan: new people get the next seq and a fresh id, people already registered keep
// theirs; nothing in the plan's problem rows is written.
import { describe, expect, it } from 'vitest'
import { applyPlan, mayApply, nextAttendeeIds } from '../../hub/admin/import/apply.js'
import { guessMapping } from '../../hub/admin/import/fields.js'
import { planImport } from '../../hub/admin/import/plan.js'
import type { RegistryData } from '../../hub/store/registry-data.js'
import { testEvent } from '../fixtures/event.js'

function data(): RegistryData {
  const { event, attendees } = testEvent('test-key')
  return { format: 1, rev: 1, event, attendees, badges: [], credentials: [], kiosks: [], pairingCodes: [] }
}

const columns = ['Registration ID', 'First name', 'Surname', 'Institution', 'Group', 'Phone', 'VIP']
const table = (rows: string[][]) => ({ columns, rows: rows.map((cells, i) => ({ row: i + 2, cells })) })

describe('applyPlan', () => {
  it('updates by registration ID keeping id, seq and badge version; adds new people after the highest seq', () => {
    const d = data()
    d.attendees[1]!.badgeVersion = 3
    const plan = planImport(
      table([
        ['REG-2', 'Baraka', 'Mwakyusa', 'Wizara ya Fedha', 'ict', '+255712000001', 'ndiyo'],
        ['NEW-1', 'Peter', 'Mbwana', 'TANESCO', 'guests', '0755 000 001', ''],
        ['NEW-2', 'Salma', '', 'TRA', 'guests', '', ''],
      ]),
      guessMapping(columns),
      d,
    )
    const counts = applyPlan(d, plan, 2, '2026-11-24T05:00:00.000Z', 'admin')
    expect(counts).toEqual({ added: 1, updated: 1, unchanged: 0, skipped: 1, leftOut: 0 })
    const baraka = d.attendees.find((a) => a.externalId === 'REG-2')!
    expect(baraka).toMatchObject({
      id: 'A0002',
      seq: 2,
      badgeVersion: 3,
      organisation: 'Wizara ya Fedha',
      flags: ['vip'],
      rev: 2,
      title: 'Bw.',
    })
    const peter = d.attendees.find((a) => a.externalId === 'NEW-1')!
    expect(peter).toMatchObject({ id: 'A0011', seq: 11, badgeVersion: 1, walkIn: false, phone: '+255755000001', flags: [], rev: 2 })
    expect(d.badges).toEqual([{ attendeeId: 'A0011', version: 1, issuedAt: '2026-11-24T05:00:00.000Z', by: 'admin', reason: 'first' }])
    expect(d.attendees.some((a) => a.firstName === 'Salma')).toBe(false)
  })

  it('an unchanged row is not a change (its revision stays, kiosks pull nothing)', () => {
    const d = data()
    const a = d.attendees[0]!
    const plan = planImport(
      table([[a.externalId!, a.firstName, a.lastName, a.organisation, a.groupId, a.phone!, '']]),
      guessMapping(columns),
      d,
    )
    expect(applyPlan(d, plan, 2, 'now', 'admin')).toEqual({ added: 0, updated: 0, unchanged: 1, skipped: 0, leftOut: 0 })
    expect(d.attendees[0]!.rev).toBe(1)
  })

  it('all-or-nothing refuses a plan with any problem; valid-rows takes it', () => {
    const d = data()
    const plan = planImport(table([['X', 'A', 'B', '', 'nope', '', '']]), guessMapping(columns), d)
    expect(mayApply(plan, 'all-or-nothing')).toBe(false)
    expect(mayApply(plan, 'valid-rows')).toBe(true)
  })

  it('never reuses a seq or an id, even when ids were made by hand', () => {
    const d = data()
    d.attendees.push({ ...d.attendees[0]!, id: 'A0012', seq: 4000 })
    const next = nextAttendeeIds(d)
    expect(next()).toEqual({ id: 'A4001', seq: 4001 })
    d.attendees.push({ ...d.attendees[0]!, id: 'A4002', seq: 7 })
    const again = nextAttendeeIds(d)
    again()
    expect(again()).toEqual({ id: 'A4002-2', seq: 4002 })
  })
})
