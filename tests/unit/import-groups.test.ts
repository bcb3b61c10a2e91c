// Group cells as organisers write them: id, number ("1", "Kundi la 2", a numeric cell), or
// name in either language; what matches nothing waits for the organiser's value mapping.
import ExcelJS from 'exceljs'
import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { applyPlan, mayApply } from '../../hub/admin/import/apply.js'
import { isFailure, planFile, previewOf, type ImportInput } from '../../hub/admin/import/run.js'
import { groupMatcher, numberIn, valueKey } from '../../hub/admin/import/values.js'
import type { RegistryData } from '../../hub/store/registry-data.js'
import { EventInfo, type Group } from '../../shared/domain.js'
import { testEvent } from '../fixtures/event.js'

const registry = testEvent('test-key')
const fixture = (name: string) => readFile(new URL(`../fixtures/import/${name}`, import.meta.url))

async function planOf(input: ImportInput, reg = registry) {
  const plan = await planFile(input, reg)
  if (isFailure(plan)) throw new Error(`${plan.code}: ${plan.message.en}`)
  return plan
}

describe('group matching', () => {
  const groups = registry.event.groups
  const m = groupMatcher(groups)

  it('by id, by number (position when none is set), by name in either language', () => {
    expect(m.match('ict')).toEqual({ id: 'ict', by: 'id' })
    expect(m.match(' LEADERS ')).toEqual({ id: 'leaders', by: 'id' })
    expect(m.match('3')).toEqual({ id: 'guests', by: 'number' })
    expect(m.match('Kundi la 1')).toEqual({ id: 'ict', by: 'number' })
    expect(m.match('Kundi la pili')).toEqual({ id: 'leaders', by: 'number' })
    expect(m.match('Group 3')).toEqual({ id: 'guests', by: 'number' })
    expect(m.match('Maafisa TEHAMA')).toEqual({ id: 'ict', by: 'name' })
    expect(m.match('ict-officers')).toEqual({ id: 'ict', by: 'name' })
    expect(m.match('Viongozi')).toEqual({ id: 'leaders', by: 'name' })
    expect(m.match('Wagéni')).toEqual({ id: 'guests', by: 'name' })
    expect(m.match('4')).toBeNull()
    expect(m.match('Kundi A')).toBeNull()
    expect(m.match('')).toBeNull()
  })

  it("an explicit number wins over the position; and names don't take a number's meaning", () => {
    const numbered: Group[] = groups.map((g, i) => ({ ...g, number: [10, 20, 30][i]! }))
    const n = groupMatcher(numbered)
    expect(n.match('20')).toEqual({ id: 'leaders', by: 'number' })
    expect(n.match('Kundi la 2')).toBeNull()
  })

  it('numbers in words and numeric cells', () => {
    expect(numberIn(valueKey('2.0'))).toBe(2)
    expect(numberIn(valueKey('01'))).toBe(1)
    expect(numberIn(valueKey('Kundi la tatu'))).toBe(3)
    expect(numberIn(valueKey('1st'))).toBe(1)
    expect(numberIn(valueKey('guests'))).toBeNull()
  })

  it('the event refuses two groups with one number (a set number against another group position too)', () => {
    const ok = { ...registry.event, groups: groups.map((g, i) => ({ ...g, number: i + 5 })) }
    expect(EventInfo.safeParse(ok).success).toBe(true)
    const clash = { ...registry.event, groups: [{ ...groups[0]!, number: 2 }, groups[1]!, groups[2]!] }
    const parsed = EventInfo.safeParse(clash)
    expect(parsed.success).toBe(false)
    expect(JSON.stringify(parsed.error?.issues)).toContain('group number 2 is used twice')
    expect(EventInfo.parse(registry.event).groups[0]).not.toHaveProperty('number')
  })
})

describe('groups in a file', () => {
  it('numbers as text, "Kundi la …", names with other spacing, case and accents; unknown values listed with their row counts', async () => {
    const plan = await planOf({ fileName: 'g.csv', content: await fixture('groups-by-number.csv') })
    const p = previewOf(plan)
    expect(plan.rows.map((r) => r.values.groupId)).toEqual([
      'ict',
      'leaders',
      'guests',
      'ict',
      'leaders',
      'ict',
      'ict',
      'guests',
      '',
      '',
      '',
      '',
    ])
    expect(p.values.filter((v) => v.by === 'unknown').map((v) => [v.value, v.rows])).toEqual([
      ['Kundi A', 2],
      ['Wanafunzi', 1],
      ['7', 1],
    ])
    expect(p.problems.map((x) => [x.row, x.code])).toEqual([
      [10, 'unknown_group'],
      [11, 'unknown_group'],
      [12, 'unknown_group'],
      [13, 'unknown_group'],
    ])
    expect(mayApply(plan, 'all-or-nothing')).toBe(false)
  })

  it('the value mapping maps an unknown value to a group (by id, number or name) or leaves its rows out', async () => {
    const content = await fixture('groups-by-number.csv')
    const plan = await planOf({
      fileName: 'g.csv',
      content,
      values: { groupId: { 'KUNDI A': 'guests', Wanafunzi: null, '7': 'Kundi la 2' } },
    })
    const p = previewOf(plan)
    expect(p.problems).toEqual([])
    expect(p).toMatchObject({ rows: 12, valid: 11, leftOut: 1 })
    expect(plan.rows.slice(8).map((r) => [r.row, r.values.groupId, r.leftOut ?? false])).toEqual([
      [10, 'guests', false],
      [11, 'guests', false],
      [12, '', true],
      [13, 'leaders', false],
    ])
    expect(p.values.find((v) => v.value === 'Kundi A')).toEqual({ field: 'groupId', value: 'Kundi A', rows: 2, to: 'guests', by: 'chosen' })
    expect(p.values.find((v) => v.value === 'Wanafunzi')).toMatchObject({ to: null, by: 'left_out' })
    expect(p.sample[10]!.action).toBe('left_out')
    // leaving rows out is a choice, not a problem: all or nothing goes ahead with the rest
    expect(mayApply(plan, 'all-or-nothing')).toBe(true)
    const data: RegistryData = {
      format: 1,
      rev: 1,
      ...structuredClone(registry),
      badges: [],
      credentials: [],
      kiosks: [],
      pairingCodes: [],
    }
    expect(applyPlan(data, plan, 2, 'now', 'admin')).toEqual({ added: 11, updated: 0, unchanged: 0, skipped: 0, leftOut: 1 })
    expect(data.attendees.some((a) => a.externalId === 'G-11')).toBe(false)
  })

  it('a choice naming no group is refused as a whole', async () => {
    const failed = await planFile(
      { fileName: 'g.csv', content: await fixture('groups-by-number.csv'), values: { groupId: { 'Kundi A': 'students' } } },
      registry,
    )
    expect(failed).toMatchObject({ error: 'bad_mapping', code: 'unknown_value_target' })
  })

  it('numeric cells in a workbook: group 1 as a number', async () => {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('Washiriki')
    ws.addRow(['First name', 'Surname', 'Group'])
    ws.addRow(['Neema', 'Kombo', 1])
    ws.addRow(['Baraka', 'Mrema', 3])
    const plan = await planOf({ fileName: 'g.xlsx', content: new Uint8Array(await wb.xlsx.writeBuffer()) })
    expect(plan.rows.map((r) => r.values.groupId)).toEqual(['ict', 'guests'])
    expect(plan.values.map((v) => [v.value, v.by])).toEqual([
      ['1', 'number'],
      ['3', 'number'],
    ])
  })
})

describe('full-name export with numbered groups', () => {
  it('imports cleanly but for the one-word name', async () => {
    const p = previewOf(await planOf({ fileName: 'full-name.csv', content: await fixture('full-name.csv') }))
    expect(p.sample.map((s) => s.values.groupId)).toEqual(['ict', 'leaders', 'guests', 'ict', 'leaders', 'ict'])
    expect(p.problems.map((x) => x.code)).toEqual(['one_word_name'])
  })
})
