// Text files as Excel and registration systems save them: UTF-8 with and without BOM, UTF-16
// ("Unicode text", tab-separated), Windows-1252 with its curly apostrophe, and `sep=;`.
import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { decodeText, readTable } from '../../hub/admin/import/read-table.js'
import { isFailure, planFile, previewOf } from '../../hub/admin/import/run.js'
import { testEvent } from '../fixtures/event.js'

const registry = testEvent('test-key')
const fixture = (name: string) => readFile(new URL(`../fixtures/import/${name}`, import.meta.url))

async function preview(name: string, content: Uint8Array) {
  const plan = await planFile({ fileName: name, content }, registry)
  if (isFailure(plan)) throw new Error(plan.message.en)
  return previewOf(plan)
}

describe('encodings', () => {
  it('UTF-16 little-endian with BOM, tab-separated (Excel "Unicode text")', async () => {
    const bytes = await fixture('unicode-text.txt')
    expect([...bytes.subarray(0, 2)]).toEqual([0xff, 0xfe])
    const table = await readTable('unicode-text.txt', bytes)
    expect(table.columns).toEqual(['Registration ID', 'Full name', 'Institution', 'Kundi', 'Simu'])
    const p = await preview('unicode-text.txt', bytes)
    expect(p.sample.map((s) => [s.values.firstName, s.values.lastName, s.values.groupId])).toEqual([
      ['Neema', 'Ng’wanangwa', 'ict'],
      ['Jürgen', 'Müller', 'guests'],
      ['Zuhura', 'Şahin', 'leaders'],
    ])
  })

  it('UTF-16 without a BOM, either byte order, is still found', () => {
    const text = 'First name\tSurname\nZoë\tMüller\n'
    expect(decodeText(Buffer.from(text, 'utf16le'))).toBe(text)
    const be = Buffer.from(text, 'utf16le').swap16()
    expect(decodeText(be)).toBe(text)
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toBe(text)
  })

  it('Windows-1252 with `sep=;`: the ’ (0x92), accents and the en dash come through; the sep line is not a row', async () => {
    const bytes = await fixture('windows-1252.csv')
    expect(bytes.includes(0x92)).toBe(true)
    const table = await readTable('windows-1252.csv', bytes)
    expect(table.columns[0]).toBe('Registration ID')
    expect(table.rows.map((r) => r.row)).toEqual([2, 3, 4])
    const p = await preview('windows-1252.csv', bytes)
    expect(p.problems).toEqual([])
    expect(p.sample.map((s) => [s.values.firstName, s.values.lastName, s.values.organisation])).toEqual([
      ['Neema', 'Ng’wanangwa', 'Wizara ya Fedha'],
      ['José', 'Müller', 'Ofisi ya Rais – Utumishi'],
      ['Zoë', "D'Souza", 'Café Afrika'],
    ])
  })

  it('UTF-8 with and without BOM gives the same text; a `sep=,` line as Excel writes it', async () => {
    const text = 'sep=,\nFirst name,Surname,Group\nNeema,Ng’wanangwa,ict\n'
    for (const bytes of [Buffer.from(text), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])]) {
      const p = await preview('x.csv', bytes)
      expect(p.sample[0]!.values).toMatchObject({ firstName: 'Neema', lastName: 'Ng’wanangwa', groupId: 'ict' })
      expect(p.sample[0]!.row).toBe(2)
    }
  })
})
