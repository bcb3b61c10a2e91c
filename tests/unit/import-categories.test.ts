// Category cells when the event names its categories: id or name in either language, case,
// spacing and accents ignored, the attendee keeping the id; what matches nothing waits for the
// value mapping. With no categories defined, a category is free text as written.
import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { applyPlan, mayApply } from '../../hub/admin/import/apply.js'
import type { RegistryView } from '../../hub/admin/import/plan.js'
import { isFailure, planFile, previewOf, type ImportInput } from '../../hub/admin/import/run.js'
import { categoryMatcher } from '../../hub/admin/import/values.js'
import type { RegistryData } from '../../hub/store/registry-data.js'
import { testEvent } from '../fixtures/event.js'
import { CATEGORIES, eventWithCategories } from '../fixtures/import/categories.js'

const withCategories = eventWithCategories('test-key')
const content = () => readFile(new URL('../fixtures/import/categories.csv', import.meta.url))

async function planOf(input: Partial<ImportInput>, reg: RegistryView = withCategories) {
  const plan = await planFile({ fileName: 'c.csv', content: await content(), ...input }, reg)
  if (isFailure(plan)) throw new Error(`${plan.code}: ${plan.message.en}`)
  return plan
}

describe('category matching', () => {
  const m = categoryMatcher(CATEGORIES)
  it('by id, or by name in either language; case, spacing and accents do not count', () => {
    expect(m.match('press')).toEqual({ id: 'press', by: 'id' })
    expect(m.match(' ICT_Officers ')).toEqual({ id: 'ict-officers', by: 'id' })
    expect(m.match('maafisa   MASUULI')).toEqual({ id: 'accounting-officers', by: 'name' })
    // the id "accounting-officers" folds to the English name: an id is exact, so it says so
    expect(m.match('Accounting officers')).toEqual({ id: 'accounting-officers', by: 'id' })
    expect(m.match('Wanahabári')).toEqual({ id: 'press', by: 'name' })
    expect(m.match('Journalists')).toEqual({ id: 'press', by: 'name' })
    // categories have no numbers, and nothing else is guessed
    expect(m.match('1')).toBeNull()
    expect(m.match('Katibu Mkuu')).toBeNull()
    expect(m.match('')).toBeNull()
  })
})

describe('categories in a file', () => {
  it('stores the id; unknown values are listed once each with their row counts, and are problems', async () => {
    const plan = await planOf({})
    const p = previewOf(plan)
    expect(plan.rows.map((r) => r.values.category)).toEqual([
      'ict-officers',
      'accounting-officers',
      'accounting-officers',
      'press',
      'Katibu Mkuu',
      'katibu mkuu',
      'Mwanafunzi',
      '',
    ])
    expect(p.categories).toEqual(CATEGORIES)
    expect(p.values.filter((v) => v.field === 'category').map((v) => [v.value, v.rows, v.to, v.by])).toEqual([
      ['ict-officers', 1, 'ict-officers', 'id'],
      ['Maafisa masuuli', 1, 'accounting-officers', 'name'],
      ['ACCOUNTING OFFICERS', 1, 'accounting-officers', 'id'],
      ['Wanahabári', 1, 'press', 'name'],
      ['Katibu Mkuu', 2, null, 'unknown'],
      ['Mwanafunzi', 1, null, 'unknown'],
    ])
    expect(p.problems.map((x) => [x.row, x.field, x.code, x.externalId])).toEqual([
      [6, 'category', 'unknown_category', 'C-5'],
      [7, 'category', 'unknown_category', 'C-6'],
      [8, 'category', 'unknown_category', 'C-7'],
    ])
    expect(p.problems[0]!.message).toEqual({
      sw: 'Kategoria "Katibu Mkuu" haipo kwenye tukio hili: chagua kategoria yake, au acha safu zake nje.',
      en: 'Category "Katibu Mkuu" is not in this event: choose its category, or leave its rows out.',
    })
    expect(mayApply(plan, 'all-or-nothing')).toBe(false)
  })

  it('the value mapping maps an unknown value to a category (by id or name) or leaves its rows out', async () => {
    const plan = await planOf({ values: { category: { 'KATIBU MKUU': 'Maafisa Masuuli', Mwanafunzi: null } } })
    const p = previewOf(plan)
    expect(p.problems).toEqual([])
    expect(p).toMatchObject({ rows: 8, valid: 7, leftOut: 1 })
    expect(p.values.find((v) => v.value === 'Katibu Mkuu')).toEqual({
      field: 'category',
      value: 'Katibu Mkuu',
      rows: 2,
      to: 'accounting-officers',
      by: 'chosen',
    })
    expect(p.values.find((v) => v.value === 'Mwanafunzi')).toMatchObject({ to: null, by: 'left_out' })
    expect(mayApply(plan, 'all-or-nothing')).toBe(true)
    const data: RegistryData = {
      format: 1,
      rev: 1,
      ...structuredClone(withCategories),
      badges: [],
      credentials: [],
      kiosks: [],
      pairingCodes: [],
    }
    expect(applyPlan(data, plan, 2, 'now', 'admin')).toEqual({ added: 7, updated: 0, unchanged: 0, skipped: 0, leftOut: 1 })
    const byId = new Map(data.attendees.map((a) => [a.externalId, a.category]))
    expect([...['C-1', 'C-2', 'C-5', 'C-6', 'C-8'].map((id) => byId.get(id)), byId.has('C-7')]).toEqual([
      'ict-officers',
      'accounting-officers',
      'accounting-officers',
      'accounting-officers',
      '',
      false,
    ])
  })

  it('a category choice naming no category is refused as a whole', async () => {
    const failed = await planFile(
      { fileName: 'c.csv', content: await content(), values: { category: { Mwanafunzi: 'students' } } },
      withCategories,
    )
    expect(failed).toMatchObject({
      error: 'bad_mapping',
      code: 'unknown_value_target',
      message: { sw: '"Mwanafunzi" → "students": kategoria hii haipo kwenye tukio hili.' },
    })
  })

  it('with no categories defined, a category is free text, kept exactly as written', async () => {
    const plan = await planOf({}, testEvent('test-key'))
    const p = previewOf(plan)
    expect(plan.rows.map((r) => r.values.category)).toEqual([
      'ict-officers',
      'Maafisa masuuli',
      'ACCOUNTING OFFICERS',
      'Wanahabári',
      'Katibu Mkuu',
      'katibu mkuu',
      'Mwanafunzi',
      '',
    ])
    expect(p.values.some((v) => v.field === 'category')).toBe(false)
    expect(p.categories).toEqual([])
    expect(p.problems).toEqual([])
  })
})
