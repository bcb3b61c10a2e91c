// Categories through a real hub whose event defines them: the preview lists an unknown
// category value with its row count and writes nothing; apply with one unknown value mapped
// and one left out stores each attendee's category id; all or nothing refuses unmapped ones.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect } from 'vitest'
import { eventWithCategories } from '../fixtures/import/categories.js'
import type { HubApi } from '../helpers/hub-api.js'
import { test } from '../helpers/hub-fixture.js'
import type { TestHub } from '../helpers/test-hub.js'

const it = test.override({ hubOptions: { seed: (key) => eventWithCategories(key) } })
let t: TestHub
let api: HubApi
it.beforeEach(({ hub, api: hubApi }) => {
  t = hub
  api = hubApi
})

const file = async () => ({
  fileName: 'categories.csv',
  contentBase64: (await readFile(new URL('../fixtures/import/categories.csv', import.meta.url))).toString('base64'),
})
const registryBytes = () => readFile(join(t.dataDir, 'registry.json'))
const categoryOf = (externalId: string) => t.store.data.attendees.find((a) => a.externalId === externalId)?.category

describe('import categories over HTTP', () => {
  it('the preview lists unknown category values with their row counts, offers the categories, and writes nothing', async () => {
    const before = await registryBytes()
    const res = await api.post('/api/admin/import/preview', await file())
    expect(res.status).toBe(200)
    const body = (await res.json()) as {
      values: unknown[]
      problems: { row: number; code: string }[]
      categories: { id: string }[]
      valid: number
    }
    expect(body.categories.map((c) => c.id)).toEqual(['accounting-officers', 'ict-officers', 'press'])
    expect(body.values).toContainEqual({ field: 'category', value: 'Katibu Mkuu', rows: 2, to: null, by: 'unknown' })
    expect(body.values).toContainEqual({ field: 'category', value: 'Mwanafunzi', rows: 1, to: null, by: 'unknown' })
    expect(body.problems.map((p) => [p.row, p.code])).toEqual([
      [6, 'unknown_category'],
      [7, 'unknown_category'],
      [8, 'unknown_category'],
    ])
    expect(body.valid).toBe(5)
    const refused = await api.post('/api/admin/import/apply', { ...(await file()), mode: 'all-or-nothing' })
    expect(refused.status).toBe(409)
    expect(await registryBytes()).toEqual(before)
  })

  it('apply: one unknown value mapped to a category, another left out; attendees keep the category id', async () => {
    const values = { category: { 'Katibu Mkuu': 'accounting-officers', Mwanafunzi: null } }
    const p = (await (await api.post('/api/admin/import/preview', { ...(await file()), values })).json()) as {
      problems: unknown[]
      leftOut: number
      valid: number
      values: unknown[]
    }
    expect(p).toMatchObject({ problems: [], leftOut: 1, valid: 7 })
    expect(p.values).toContainEqual({ field: 'category', value: 'Katibu Mkuu', rows: 2, to: 'accounting-officers', by: 'chosen' })
    const applied = await api.post('/api/admin/import/apply', { ...(await file()), values, mode: 'all-or-nothing' })
    expect(applied.status).toBe(200)
    expect(await applied.json()).toMatchObject({ added: 7, leftOut: 1, skipped: 0 })
    expect(['C-1', 'C-2', 'C-4', 'C-5', 'C-6', 'C-8'].map(categoryOf)).toEqual([
      'ict-officers',
      'accounting-officers',
      'press',
      'accounting-officers',
      'accounting-officers',
      '',
    ])
    expect(t.store.data.attendees.some((a) => a.externalId === 'C-7')).toBe(false)
    // the registry as written holds the ids too
    const written = JSON.parse((await registryBytes()).toString('utf8')) as { attendees: { externalId?: string; category: string }[] }
    expect(written.attendees.find((a) => a.externalId === 'C-3')?.category).toBe('accounting-officers')

    const bad = await api.post('/api/admin/import/preview', { ...(await file()), values: { category: { Mwanafunzi: 'students' } } })
    expect(bad.status).toBe(422)
    expect(await bad.json()).toMatchObject({ code: 'unknown_value_target' })
  })
})
