// The ledger's compact table gives back exactly what it was given: the same fields, the same
// values, in the same order, whether a record fits its columns or is kept whole.
import fc from 'fast-check'
import { expect, it } from 'vitest'
import type { CheckinRecord } from '../../shared/domain.js'
import type { RecordStub } from '../../shared/ledger.js'
import { exactTime, RecordTable } from '../../shared/record-table.js'

const iso = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString())
const name = fc.constantFrom('desk-1', 'desk-2', 'A0001', 'plenary', 'mlango wa Ng’wanangwa')

const record = (id: string, seq: number) =>
  fc
    .record({
      attendeeId: fc.option(name),
      badgeVersion: fc.option(fc.nat(5)),
      dayId: fc.option(fc.constantFrom('d1', 'd2')),
      deskId: name,
      hallId: fc.option(name),
      kioskId: name,
      kind: fc.constantFrom('in', 'out'),
      method: fc.constantFrom('qr', 'search'),
      scannedAt: fc.oneof(iso, fc.constant('2026-11-24T10:00:00+03:00')), // the second kept whole
      effectiveAt: iso,
      clockOffsetMs: fc.oneof(fc.integer({ min: -1e7, max: 1e7 }), fc.double({ noNaN: true, noDefaultInfinity: true })),
      receivedAt: iso,
      outcome: fc.constantFrom('admitted', 'already_checked_in', 'invalid'),
      hubOutcome: fc.option(fc.constantFrom('admitted', 'invalid'), { nil: undefined }),
      first: fc.option(fc.record({ at: iso, deskId: name }), { nil: undefined }),
      review: fc.option(fc.constantFrom('double_admission', 'unknown_desk'), { nil: undefined }),
      extra: fc.option(fc.string(), { nil: undefined }), // a field the table does not know
    })
    .map((r) => {
      const out: Record<string, unknown> = { id, seq }
      for (const [k, v] of Object.entries(r)) if (v !== undefined) out[k] = v
      return out as unknown as CheckinRecord
    })

it('gives back every record as it was stored, fields in the same order, in the order added', () => {
  fc.assert(
    fc.property(
      fc
        .array(fc.nat(1), { maxLength: 40 })
        .chain((kinds) =>
          fc.tuple(...kinds.map((k, i) => (k === 0 ? record(`r${i}`, i + 1) : fc.constant<RecordStub>({ id: `r${i}`, seq: i + 1 })))),
        ),
      (records) => {
        const table = new RecordTable<CheckinRecord | RecordStub>()
        for (const r of records) table.add(r)
        expect(table.size).toBe(records.length)
        const back = [...table.values()]
        expect(back.map((r) => JSON.stringify(r))).toEqual(records.map((r) => JSON.stringify(r)))
        for (const r of records) {
          expect(table.has(r.id)).toBe(true)
          expect(Object.keys(table.get(r.id)!)).toEqual(Object.keys(r))
          expect(table.get(r.id)).toEqual(r)
        }
        expect(table.get('nobody')).toBeUndefined()
        expect([...table.keys()]).toEqual(records.map((r) => r.id))
      },
    ),
    { numRuns: 300 },
  )
})

it('hands out copies: changing one does not change what is stored', () => {
  const table = new RecordTable<RecordStub & { outcome: string }>()
  table.add({ id: 'a', seq: 1, outcome: 'admitted' })
  table.get('a')!.outcome = 'invalid'
  expect(table.get('a')!.outcome).toBe('admitted')
})

it('reads a time exactly when toISOString would write it so, and no other', () => {
  fc.assert(
    fc.property(fc.date({ min: new Date('1000-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true }), (d) => {
      expect(exactTime(d.toISOString())).toBe(d.getTime())
    }),
    { numRuns: 2000 },
  )
  for (const s of [
    '2026-02-29T10:00:00.000Z',
    '2026-13-01T10:00:00.000Z',
    '2026-04-31T10:00:00.000Z',
    '2026-11-24T24:00:00.000Z',
    '2026-11-24T10:00:60.000Z',
    '2026-11-24T10:00:00.000+',
    '2026-11-24 10:00:00.000Z',
    '0099-11-24T10:00:00.000Z',
    '2026-11-24T10:00:00+03:00',
  ])
    expect(exactTime(s), s).toBeNaN()
  expect(exactTime('2024-02-29T23:59:59.999Z')).toBe(Date.parse('2024-02-29T23:59:59.999Z'))
  expect(exactTime('2000-02-29T00:00:00.000Z')).toBe(Date.parse('2000-02-29T00:00:00.000Z'))
  expect(exactTime('1900-02-29T00:00:00.000Z')).toBeNaN()
})
