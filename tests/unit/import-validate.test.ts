// Every problem an organiser's list can have, reported on the spreadsheet row they can find it on.
import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { normalisePhone } from '../../hub/admin/import/phone.js'
import { isFailure, planFile, previewOf } from '../../hub/admin/import/run.js'
import { testEvent } from '../fixtures/event.js'

const registry = testEvent('test-key')

async function problemsOf(name: string) {
  const plan = await planFile({ fileName: name, content: await readFile(new URL(`../fixtures/import/${name}`, import.meta.url)) }, registry)
  if (isFailure(plan)) throw new Error(plan.message.en)
  const p = previewOf(plan)
  return { p, codes: p.problems.map((x) => [x.row, x.field, x.code]) }
}

describe('import problems', () => {
  it('missing required fields: first name, surname, group (a blank row keeps its number)', async () => {
    const { p, codes } = await problemsOf('missing-required.csv')
    expect(codes).toEqual([
      [2, 'firstName', 'missing_field'],
      [4, 'lastName', 'missing_field'],
      [5, 'groupId', 'missing_field'],
    ])
    expect(p).toMatchObject({ rows: 4, valid: 1 })
    expect(p.problems[0]!.message).toEqual({ sw: 'Jina la kwanza halijajazwa.', en: 'First name is empty.' })
  })

  it('unknown group; groups match by id or either language, ignoring case', async () => {
    const { p, codes } = await problemsOf('unknown-group.csv')
    expect(codes).toEqual([[3, 'groupId', 'unknown_group']])
    expect(p.problems[0]!.message.sw).toContain('Wanafunzi')
    expect(p.sample.map((s) => s.values.groupId)).toEqual(['ict', '', 'leaders', 'guests'])
  })

  it('duplicate registration ID, phone and email within the file (phones compared normalised, emails ignoring case)', async () => {
    const { p, codes } = await problemsOf('duplicates-in-file.csv')
    expect(codes).toEqual([
      [4, 'externalId', 'duplicate_external_id'],
      [5, 'phone', 'duplicate_phone'],
      [6, 'email', 'duplicate_email'],
    ])
    expect(p.problems[0]!.message.en).toContain('row 2')
    expect(p.problems[2]!.message.en).toContain('row 3')
    expect(p.valid).toBe(2)
  })

  it('duplicates against the registry only for people with another registration ID', async () => {
    const { p, codes } = await problemsOf('duplicates-registry.csv')
    expect(codes).toEqual([
      [3, 'phone', 'duplicate_phone'], // Godfrey Mollel's phone under REG-900
      [4, 'email', 'duplicate_email'], // Rehema Kimaro's email under REG-901
      [5, 'phone', 'duplicate_phone'], // no registration ID, Juma Massawe's phone
    ])
    expect(p.problems[0]!.message.en).toContain('Godfrey Mollel (REG-6)')
    // REG-1 and REG-2 carry their own phone and email: they are updates, not duplicates
    expect(p.sample.filter((s) => s.action === 'update').map((s) => s.values.externalId)).toEqual(['REG-1', 'REG-2'])
    expect(p).toMatchObject({ toUpdate: 2, toAdd: 0 })
  })

  it('bad phones are listed; Tanzanian numbers in every usual spelling become +255…', async () => {
    const { p, codes } = await problemsOf('bad-phone.csv')
    expect(codes).toEqual([
      [5, 'phone', 'bad_phone'],
      [6, 'phone', 'bad_phone'],
      [7, 'phone', 'bad_phone'],
      [8, 'phone', 'bad_phone'],
    ])
    expect(p.sample.filter((s) => s.action === 'add').map((s) => s.values.phone)).toEqual([
      '+255712345678',
      '+255712345679',
      '+255754123456',
      '+255754123457',
      '+254712345678',
    ])
  })
})

describe('normalisePhone', () => {
  it.each([
    ['0712 345 678', '+255712345678'],
    ['0712-345-678', '+255712345678'],
    ['255712345678', '+255712345678'],
    ['+255 712 345 678', '+255712345678'],
    ['00255712345678', '+255712345678'],
    ['712345678', '+255712345678'],
    ['0222 123 456', '+255222123456'],
    ['+1 202 555 0143', '+12025550143'],
  ])('%s → %s', (raw, want) => {
    expect(normalisePhone(raw)).toEqual({ ok: true, phone: want })
  })

  it.each(['12345', '0812 345 678', '07123456789', '+255 12 345 678', '0712 345 678 / 0754 111 222', 'simu'])('refuses %s', (raw) => {
    expect(normalisePhone(raw)).toEqual({ ok: false })
  })

  it("foreign numbers by their own country's rules, not by digit count", () => {
    expect(normalisePhone('+254 712 345 678')).toEqual({ ok: true, phone: '+254712345678' })
    expect(normalisePhone('+49 30 901820')).toEqual({ ok: true, phone: '+4930901820' })
    expect(normalisePhone('+44 20 7946 0958')).toEqual({ ok: true, phone: '+442079460958' })
    expect(normalisePhone('0049 30 901820')).toEqual({ ok: true, phone: '+4930901820' })
    // a Kenyan number one digit short, and a Tanzanian range that does not exist
    expect(normalisePhone('+254 712 345 67')).toEqual({ ok: false })
    expect(normalisePhone('+255 812 345 678')).toEqual({ ok: false })
    // the extra 0 some write after the country code
    expect(normalisePhone('+255 (0)712 345 678')).toEqual({ ok: true, phone: '+255712345678' })
  })

  it('an empty cell is no phone, not a bad one', () => {
    expect(normalisePhone('  ')).toEqual({ ok: true, phone: undefined })
  })
})
