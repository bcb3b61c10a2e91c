// A full-name column as registration systems export it: the name stays as written for the
// badge, split at the last word for sorting, with honorifics moved to the title.
import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { splitFullName, withPrefix } from '../../hub/admin/import/names.js'
import { isFailure, planFile, previewOf } from '../../hub/admin/import/run.js'
import { attendeeName } from '../../shared/domain.js'
import { testEvent } from '../fixtures/event.js'

const registry = testEvent('test-key')

describe('splitFullName', () => {
  it('surname is the last word; the rest is the first name, as written', () => {
    expect(splitFullName("Neema Ng'wanangwa Kombo")).toEqual({ firstName: "Neema Ng'wanangwa", lastName: 'Kombo', prefix: '' })
    expect(splitFullName('  Amina   Said\nJuma ')).toEqual({ firstName: 'Amina Said', lastName: 'Juma', prefix: '' })
  })

  it('moves honorifics at the front to the title, several of them, with or without the dot', () => {
    expect(splitFullName('Prof. Eng. Peter Mbwana')).toEqual({ firstName: 'Peter', lastName: 'Mbwana', prefix: 'Prof. Eng.' })
    expect(splitFullName('dkt Baraka Mwakyusa')).toEqual({ firstName: 'Baraka', lastName: 'Mwakyusa', prefix: 'dkt' })
    for (const t of ['Mhe.', 'Dkt.', 'Dr.', 'Eng.', 'Bw.', 'Bi.', 'Prof.']) expect(splitFullName(`${t} Asha Njau`).prefix).toBe(t)
    // a title word inside the name is part of the name
    expect(splitFullName('Asha Bi Njau')).toEqual({ firstName: 'Asha Bi', lastName: 'Njau', prefix: '' })
  })

  it("the file's own surname wins over the last word", () => {
    expect(splitFullName('Neema Ali Hassan Kombo', 'Hassan Kombo')).toEqual({
      firstName: 'Neema Ali',
      lastName: 'Hassan Kombo',
      prefix: '',
    })
    expect(splitFullName('KOMBO Neema', 'Kombo')).toEqual({ firstName: 'Neema', lastName: 'KOMBO', prefix: '' })
  })

  it('the prefix joins the title once', () => {
    expect(withPrefix('Dkt.', undefined)).toBe('Dkt.')
    expect(withPrefix('Dkt.', 'Mkurugenzi')).toBe('Dkt. Mkurugenzi')
    expect(withPrefix('Dkt.', 'dkt. Mkurugenzi')).toBe('dkt. Mkurugenzi')
    expect(withPrefix('', 'Mkurugenzi')).toBe('Mkurugenzi')
  })
})

describe('importing a full-name export', () => {
  it('maps "Full Name" by itself; the badge name is the name as given, less the honorific', async () => {
    const content = await readFile(new URL('../fixtures/import/full-name.csv', import.meta.url))
    const plan = await planFile({ fileName: 'full-name.csv', content }, registry)
    if (isFailure(plan)) throw new Error(plan.message.en)
    const p = previewOf(plan)
    expect(p.mapping).toMatchObject({
      fullName: 'Full Name',
      firstName: null,
      lastName: null,
      externalId: 'Registration No',
      phone: 'Mobile',
    })
    const byId = Object.fromEntries(p.sample.map((s) => [s.values.externalId, s.values]))
    expect(byId['EGA-001']).toMatchObject({ firstName: "Neema Ng'wanangwa", lastName: 'Kombo' })
    expect(attendeeName(byId['EGA-001']!)).toBe("Neema Ng'wanangwa Kombo")
    expect(byId['EGA-002']).toMatchObject({ firstName: 'Baraka', lastName: 'Mwakyusa', title: 'Dkt.' })
    expect(byId['EGA-003']).toMatchObject({ firstName: 'Amina Said', lastName: 'Juma', title: 'Mhe.' })
    expect(byId['EGA-004']).toMatchObject({ firstName: 'Peter', lastName: 'Mbwana', title: 'Prof. Eng.' })
    expect(byId['EGA-005']).toMatchObject({ firstName: 'Rehema', lastName: 'Kimaro', title: 'Bi.' })
    // one word is not enough for a badge and a surname sort: a problem on its row
    expect(p.problems.filter((x) => x.code === 'one_word_name').map((x) => x.row)).toEqual([7])
  })

  it('first-name and surname columns still work, and win when the file has all three', async () => {
    const csv = 'Full name,First name,Surname,Group\nBaraka M.,Baraka,Mwakyusa,ict\n,Dr. Asha,Njau,ict\n'
    const plan = await planFile({ fileName: 'x.csv', content: Buffer.from(csv) }, registry)
    if (isFailure(plan)) throw new Error(plan.message.en)
    expect(plan.rows.map((r) => r.values)).toMatchObject([
      { firstName: 'Baraka', lastName: 'Mwakyusa' },
      { firstName: 'Asha', lastName: 'Njau', title: 'Dr.' },
    ])
    expect(previewOf(plan).problems).toEqual([])
  })

  it('no name column at all is a file problem naming the full name', async () => {
    const plan = await planFile({ fileName: 'x.csv', content: Buffer.from('Group,Phone\nict,0712000111\n') }, registry)
    if (isFailure(plan)) throw new Error(plan.message.en)
    expect(plan.fileProblems.map((x) => x.field)).toEqual(['firstName', 'lastName'])
  })
})
