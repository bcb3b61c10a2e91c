// The attendee import, fuzzed: random CSV (rows, quotes, separators, BOM, CRLF, very long
// cells) and plain garbage through the real reader and planner. Nothing throws, every problem
// names a spreadsheet row, valid rows really are valid, and a refused import writes nothing.
import fc from 'fast-check'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { IMPORT_FIELDS, type MappingInput } from '../../hub/admin/import/fields.js'
import { decodeText } from '../../hub/admin/import/read-table.js'
import { guessMapping } from '../../hub/admin/import/fields.js'
import { allProblems, planImport, validRows } from '../../hub/admin/import/plan.js'
import { resolveChoices } from '../../hub/admin/import/values.js'
import { PROBLEM_CODES } from '../../hub/admin/import/problems.js'
import { applyImport, isFailure, planFile, previewOf } from '../../hub/admin/import/run.js'
import { testEvent } from '../fixtures/event.js'
import { test as hubTest } from '../helpers/hub-fixture.js'

const HEADERS = ['Registration ID', 'Phone', 'Email', 'Institution', 'Title', 'VIP', 'Flags', 'Kundi', 'Jina la kwanza', 'Notes', '']
const REQUIRED = ['First name', 'Surname', 'Group']
const cell = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '',
      'ict',
      'Leaders',
      'Wanafunzi',
      '0712',
      '+255712000001',
      'a@b.co',
      'si barua',
      'ndiyo',
      'hapana',
      'vip, press',
    ),
  },
  { weight: 3, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 2, arbitrary: fc.constantFrom('"', '""', ',', ';', '\t', '|', '\n', '\r\n', '\r', '\uFEFF', ' ', 'a"b', '"quoted"') },
  { weight: 1, arbitrary: fc.integer({ min: 101, max: 10_000 }).map((n) => 'ж'.repeat(n)) },
)
/** what a column usually holds, so that many rows are valid and some collide */
const GOOD: Record<string, fc.Arbitrary<string>> = {
  'Registration ID': fc.integer({ min: 1, max: 30 }).map((n) => `R-${n}`),
  'First name': fc.constantFrom('Neema', 'Baraka', 'Zuberi', 'Rehema', "Ng'wana"),
  Surname: fc.constantFrom('Kombo', 'Mwakyusa', 'Kimaro', 'Shirima'),
  Group: fc.constantFrom('ict', 'Leaders', 'Wageni', 'guests'),
  Phone: fc.integer({ min: 0, max: 99 }).map((n) => `0712 000 ${String(n).padStart(3, '0')}`),
  Email: fc.integer({ min: 1, max: 30 }).map((n) => `p${n}@ega.go.tz`),
}
const quote = (c: string, how: string, sep: string) =>
  how === 'never' || (how === 'needed' && !/["\r\n]/.test(c) && !c.includes(sep)) ? c : `"${c.replaceAll('"', '""')}"`
const table = fc
  .tuple(fc.oneof({ weight: 3, arbitrary: fc.constant(REQUIRED) }, { weight: 1, arbitrary: fc.subarray(REQUIRED) }), fc.subarray(HEADERS))
  .chain(([req, more]) => fc.shuffledSubarray([...req, ...more], { minLength: req.length + more.length }))
  .chain((header) => {
    const row = fc.tuple(
      ...header.map((h) => fc.oneof({ weight: 6, arbitrary: GOOD[h] ?? cell }, { weight: 1, arbitrary: cell })),
      fc.array(cell, { maxLength: 2 }),
    )
    return fc.tuple(
      fc.constant(header),
      fc.array(
        row.map(([...cells]) => cells.flat()),
        { maxLength: 25 },
      ),
    )
  })
const csv = fc
  .record({
    table,
    sep: fc.constantFrom(',', ';', '\t', '|'),
    eol: fc.constantFrom('\n', '\r\n', '\r'),
    bom: fc.boolean(),
    how: fc.constantFrom('needed', 'always', 'never'),
    latin1: fc.boolean(),
  })
  .map(({ table: [header, rows], sep, eol, bom, how, latin1 }) => {
    const text = (bom ? '\uFEFF' : '') + [header, ...rows].map((r) => r.map((c) => quote(c, how, sep)).join(sep)).join(eol)
    return { text, bytes: latin1 ? Buffer.from(text, 'latin1') : Buffer.from(text, 'utf8') }
  })
const garbage = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 3000 }).map((text) => ({ text, bytes: Buffer.from(text, 'utf8') })),
  fc.uint8Array({ maxLength: 3000 }).map((b) => ({ text: Buffer.from(b).toString('latin1'), bytes: Buffer.from(b) })),
)
const file = fc.oneof({ weight: 4, arbitrary: csv }, { weight: 1, arbitrary: garbage })
/** sometimes the organiser's own choices, some naming no column of the file */
const mapping: fc.Arbitrary<MappingInput | undefined> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(undefined) },
  {
    weight: 1,
    arbitrary: fc.dictionary(fc.constantFrom(...IMPORT_FIELDS), fc.option(fc.constantFrom(...REQUIRED, ...HEADERS, 'No such column'))),
  },
)

const registry = testEvent('test-key')
const groupIds = registry.event.groups.map((g) => g.id)
const bilingual = (m: { sw: string; en: string }) =>
  typeof m.sw === 'string' && m.sw.length > 0 && typeof m.en === 'string' && m.en.length > 0

describe('import planning, fuzzed', () => {
  it('never throws; every problem names a row of the file; valid rows are valid; the registry is untouched', async () => {
    const before = structuredClone(registry)
    await fc.assert(
      fc.asyncProperty(file, mapping, async ({ text, bytes }, map) => {
        const plan = await planFile({ fileName: 'list.csv', content: bytes, mapping: map }, registry)
        if (isFailure(plan)) {
          expect(['bad_file', 'bad_mapping']).toContain(plan.error)
          expect(bilingual(plan.message)).toBe(true)
          return
        }
        const lines = text.split(/\r\n|\r|\n/).length
        const rows = plan.rows.map((r) => r.row)
        for (let i = 0; i < rows.length; i++) {
          expect(rows[i]).toBeGreaterThan(plan.headerRow)
          expect(rows[i]).toBeLessThanOrEqual(lines)
          if (i > 0) expect(rows[i]).toBeGreaterThan(rows[i - 1]!)
        }
        for (const p of plan.fileProblems) expect(p.row).toBe(plan.headerRow)
        for (const r of plan.rows) for (const p of r.problems) expect(p.row).toBe(r.row)
        for (const p of allProblems(plan)) {
          expect(Number.isInteger(p.row)).toBe(true)
          expect(PROBLEM_CODES).toContain(p.code)
          expect(bilingual(p.message), JSON.stringify(p)).toBe(true)
        }
        for (const column of Object.values(plan.mapping)) if (column !== null) expect(plan.columns).toContain(column)
        const preview = previewOf(plan)
        expect(preview.problems).toHaveLength(allProblems(plan).length)
        expect(preview.valid).toBe(plan.fileProblems.length ? 0 : plan.rows.filter((r) => r.problems.length === 0).length)
        expect(preview.toAdd + preview.toUpdate).toBe(preview.valid)
        for (const r of plan.fileProblems.length ? [] : plan.rows.filter((x) => x.problems.length === 0)) {
          expect(r.values.firstName.length).toBeGreaterThan(0)
          expect(r.values.firstName.length).toBeLessThanOrEqual(100)
          expect(r.values.lastName.length).toBeGreaterThan(0)
          expect(r.values.lastName.length).toBeLessThanOrEqual(100)
          expect(groupIds).toContain(r.values.groupId)
          if (r.values.phone) expect(r.values.phone).toMatch(/^\+\d{7,15}$/)
        }
      }),
      { numRuns: 600 },
    )
    expect(registry).toEqual(before)
  })
})

/** headers an organiser's file may have: known ones in both languages, and anything at all */
const header = fc.oneof(
  fc.constantFrom(
    'Full Name',
    'Jina kamili',
    'First name',
    'Surname',
    'Kundi',
    'Group',
    'Simu',
    'Phone',
    'Registration ID',
    'Cheo',
    'Email',
    'VIP',
    'Flags',
    'Category',
  ),
  fc.string({ maxLength: 12 }),
)
const anyCell = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    '',
    '1',
    '2.0',
    'Kundi la 2',
    'kundi la tatu',
    'Wageni',
    'Kundi A',
    'Dkt. Neema Kombo',
    'Mhe.',
    'Bi.',
    '712345678',
    '+49 30 901820',
    '0812 345 678',
    ' ',
    '\n',
  ),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
)
const anyTable = fc
  .array(header, { minLength: 1, maxLength: 8 })
  .chain((columns) =>
    fc.tuple(
      fc.constant([...new Set(columns)]),
      fc.array(fc.array(anyCell, { minLength: 0, maxLength: columns.length + 1 }), { maxLength: 20 }),
      fc.dictionary(anyCell, fc.option(fc.constantFrom('ict', 'leaders', 'guests', '2', 'Wageni'), { nil: null }), { maxKeys: 3 }),
    ),
  )

describe('any table of strings', () => {
  it('imports, or yields problems on its rows: never a crash', () => {
    fc.assert(
      fc.property(anyTable, ([columns, cellRows, choices]) => {
        const table = {
          columns: [...columns],
          headerRow: 1,
          rows: cellRows.map((cells, i) => ({ row: i + 2, cells: columns.map((_, j) => cells[j] ?? '') })),
        }
        const plan = planImport(table, guessMapping(columns), registry, resolveChoices({ groupId: choices }, registry.event))
        expect(plan.rows).toHaveLength(table.rows.length)
        for (const r of plan.rows) {
          for (const p of r.problems) {
            expect(p.row).toBe(r.row)
            expect(bilingual(p.message)).toBe(true)
          }
          if (r.leftOut) expect(r.problems).toEqual([])
        }
        for (const r of validRows(plan)) {
          expect(r.values.firstName.length).toBeGreaterThan(0)
          expect(r.values.lastName.length).toBeGreaterThan(0)
          expect(groupIds).toContain(r.values.groupId)
          if (r.values.phone) expect(r.values.phone).toMatch(/^\+\d{7,15}$/)
        }
        // the preview, what the page and the CLI show, is made from any plan
        const preview = previewOf(plan)
        const withProblems = plan.rows.filter((r) => !r.leftOut && (r.problems.length > 0 || plan.fileProblems.length > 0)).length
        expect(preview.rows - preview.valid - preview.leftOut).toBe(withProblems)
        for (const v of preview.values) expect(v.rows).toBeGreaterThan(0)
      }),
      { numRuns: 500 },
    )
  })

  it('any bytes decode to text (UTF-8, UTF-16 or Windows-1252), never a throw', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect(typeof decodeText(bytes)).toBe('string')
      }),
      { numRuns: 500 },
    )
  })
})

describe('applying a fuzzed file to a real store', () => {
  hubTest(
    'all-or-nothing with any problem, or no valid row, writes nothing: registry.json is byte for byte the same',
    async ({ hub: t }) => {
      const registryJson = () => readFile(join(t.dataDir, 'registry.json'))
      let refused = 0
      await fc.assert(
        fc.asyncProperty(file, fc.constantFrom('all-or-nothing' as const, 'valid-rows' as const), async ({ bytes }, mode) => {
          const bytesBefore = await registryJson()
          const rev = t.store.data.rev
          const count = t.store.data.attendees.length
          const result = await applyImport(t.store, { fileName: 'list.csv', content: bytes }, mode, 'fuzz')
          const wrote = !('error' in result) && result.applied && result.rev !== null
          if (!('error' in result) && mode === 'all-or-nothing' && result.preview.problems.length > 0) expect(result.applied).toBe(false)
          if (!('error' in result) && result.preview.valid === 0) expect(wrote).toBe(false)
          if (!wrote) {
            refused++
            expect(t.store.data.rev).toBe(rev)
            expect(t.store.data.attendees.length).toBe(count)
            expect((await registryJson()).equals(bytesBefore)).toBe(true)
          } else if (!('error' in result) && result.applied) {
            expect(t.store.data.rev).toBe(rev + 1)
            expect(t.store.data.attendees.length).toBe(count + result.added)
          }
        }),
        { numRuns: 60 },
      )
      expect(refused).toBeGreaterThan(10)
    },
  )
})
