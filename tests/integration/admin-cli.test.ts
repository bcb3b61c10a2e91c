// `npm run import` as a real child process against a real data folder: --dry-run leaves
// registry.json byte for byte; without it the list is written; all-or-nothing refuses a bad file.
import ExcelJS from 'exceljs'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createDemoEvent } from '../../hub/demo/demo-event.js'
import { EventStore } from '../../hub/store/event-store.js'
import { PostgresBackend } from '../../hub/store/postgres-backend.js'
import { eventWithCategories } from '../fixtures/import/categories.js'
import { officeWorkbook } from '../fixtures/import/workbooks.js'
import { createDatabase, startPostgres, type Service } from '../helpers/services.js'
import { testEvent } from '../fixtures/event.js'
import { runTs } from '../helpers/processes.js'
import { tempDir } from '../helpers/temp-dir.js'

let dir: Awaited<ReturnType<typeof tempDir>>
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/import/${name}`, import.meta.url))
const registry = () => readFile(join(dir.path, 'registry.json'))

beforeEach(async () => {
  dir = await tempDir()
  const { store } = await EventStore.open({ dataDir: dir.path, seed: (key) => testEvent(key) })
  await store.close()
})
afterEach(async () => {
  await dir.remove()
})

async function runImport(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; output: string }> {
  const child = runTs('hub/cli/import.ts', args, { KARIBU_DATABASE_URL: '', ...env })
  const code = await new Promise<number | null>((resolve) => child.proc.once('exit', (c) => resolve(c)))
  return { code, output: child.output() }
}

describe('import CLI', () => {
  it('--dry-run shows the plan and writes nothing; the same command without it writes', async () => {
    const before = await registry()
    const dry = await runImport([fixture('bom-comma.csv'), '--dry-run', '--data', dir.path])
    expect(dry.output).toContain('Dry run: nothing was written')
    expect(dry.output).toMatch(/valid: 3/)
    expect(dry.code).toBe(0)
    expect((await registry()).equals(before)).toBe(true)

    const real = await runImport([fixture('bom-comma.csv'), '--data', dir.path])
    expect(real.output).toContain('Added: 3')
    expect(real.code).toBe(0)
    const after = JSON.parse((await registry()).toString('utf8')) as {
      rev: number
      attendees: { externalId?: string; seq: number; phone?: string }[]
    }
    expect(after.attendees.filter((a) => a.externalId?.startsWith('R-1'))).toMatchObject([
      { externalId: 'R-100', seq: 11, phone: '+255712345678' },
      { externalId: 'R-101', seq: 12 },
      { externalId: 'R-102', seq: 13 },
    ])
    // and the hub opens the result
    const { store } = await EventStore.open({
      dataDir: dir.path,
      seed: () => {
        throw new Error('must not seed')
      },
    })
    expect(store.registry.byId.size).toBe(13)
    await store.close()
  })

  it('lists problems by row; all-or-nothing (the default) writes nothing, --valid-rows writes the good rows', async () => {
    const before = await registry()
    const dry = await runImport([fixture('missing-required.csv'), '--dry-run', '--data', dir.path])
    expect(dry.code).toBe(1)
    // each problem names the row, the registration ID and the name
    expect(dry.output).toContain('safu / row 2 (R-500, Kimaro): Jina la kwanza halijajazwa. / First name is empty.')
    expect(dry.output).toContain("safu / row 5 (R-502, Halima Mang'enya): ")
    const refused = await runImport([fixture('missing-required.csv'), '--data', dir.path])
    expect(refused.code).toBe(1)
    expect(refused.output).toContain('Nothing was imported')
    expect((await registry()).equals(before)).toBe(true)
    const partial = await runImport([fixture('missing-required.csv'), '--valid-rows', '--data', dir.path])
    expect(partial.code).toBe(0)
    expect(partial.output).toContain('Added: 1')
    expect(partial.output).toContain('skipped: 3')
  })

  it('--value maps an unknown group value (or leaves it out); the dry run prints the mapping it used', async () => {
    const before = await registry()
    const unmapped = await runImport([fixture('groups-by-number.csv'), '--dry-run', '--data', dir.path])
    expect(unmapped.code).toBe(1)
    expect(unmapped.output).toContain('"Kundi A" → ? (halijulikani / unknown), 2 safu / rows: --value group:"Kundi A"=<kundi / group>')
    const args = [
      fixture('groups-by-number.csv'),
      '--value',
      'group:Kundi A=guests',
      '--value',
      'group:Wanafunzi=',
      '--value',
      'group:7=Kundi la 2',
      '--data',
      dir.path,
    ]
    const dry = await runImport([...args, '--dry-run'])
    expect(dry.code).toBe(0)
    expect(dry.output).toContain('"1" → ict (namba / number), 1 safu / rows')
    expect(dry.output).toContain('"maafisa tehama" → ict (jina / name), 1 safu / rows')
    expect(dry.output).toContain('"Kundi A" → guests (chaguo lako / your choice), 2 safu / rows')
    expect(dry.output).toContain('"Wanafunzi" → (zitaachwa / left out), 1 safu / rows')
    expect(dry.output).toContain('"7" → leaders (chaguo lako / your choice), 1 safu / rows')
    expect(dry.output).toContain('Left out by your choice: 1')
    expect((await registry()).equals(before)).toBe(true)
    const real = await runImport(args)
    expect(real.code).toBe(0)
    expect(real.output).toContain('Added: 11')
    expect(real.output).toContain('left out: 1')
    const after = JSON.parse((await registry()).toString('utf8')) as { attendees: { externalId?: string; groupId: string }[] }
    expect(after.attendees.find((a) => a.externalId === 'G-9')?.groupId).toBe('guests')
    expect(after.attendees.find((a) => a.externalId === 'G-11')).toBeUndefined()
    expect(
      (await runImport([fixture('groups-by-number.csv'), '--value', 'group:Kundi A=students', '--dry-run', '--data', dir.path])).output,
    ).toContain('this group is not in this event')
  })

  it('--value category:… maps an unknown category value (or leaves it out) when the event defines categories', async () => {
    const cats = await tempDir()
    try {
      const { store } = await EventStore.open({ dataDir: cats.path, seed: (key) => eventWithCategories(key) })
      await store.close()
      const before = await readFile(join(cats.path, 'registry.json'))
      const unmapped = await runImport([fixture('categories.csv'), '--dry-run', '--data', cats.path])
      expect(unmapped.code).toBe(1)
      expect(unmapped.output).toContain('Kategoria / Categories:')
      expect(unmapped.output).toContain(
        '"Katibu Mkuu" → ? (halijulikani / unknown), 2 safu / rows: --value category:"Katibu Mkuu"=<kategoria / category>',
      )
      const args = [
        fixture('categories.csv'),
        '--value',
        'category:Katibu Mkuu=Maafisa Masuuli',
        '--value',
        'kategoria:Mwanafunzi=',
        '--data',
        cats.path,
      ]
      const dry = await runImport([...args, '--dry-run'])
      expect(dry.code).toBe(0)
      expect(dry.output).toContain('"Wanahabári" → press (jina / name), 1 safu / rows')
      expect(dry.output).toContain('"Katibu Mkuu" → accounting-officers (chaguo lako / your choice), 2 safu / rows')
      expect(dry.output).toContain('"Mwanafunzi" → (zitaachwa / left out), 1 safu / rows')
      expect((await readFile(join(cats.path, 'registry.json'))).equals(before)).toBe(true)
      const real = await runImport(args)
      expect(real.code).toBe(0)
      expect(real.output).toContain('Added: 7')
      const after = JSON.parse((await readFile(join(cats.path, 'registry.json'))).toString('utf8')) as {
        attendees: { externalId?: string; category: string }[]
      }
      expect(['C-5', 'C-4'].map((id) => after.attendees.find((a) => a.externalId === id)?.category)).toEqual([
        'accounting-officers',
        'press',
      ])
      expect(after.attendees.find((a) => a.externalId === 'C-7')).toBeUndefined()
      expect(
        (await runImport([fixture('categories.csv'), '--value', 'category:Mwanafunzi=students', '--dry-run', '--data', cats.path])).output,
      ).toContain('this category is not in this event')
    } finally {
      await cats.remove()
    }
  })

  it('the dry run shows what an update changes, old → new, and names each problem row by id and name', async () => {
    const dry = await runImport([fixture('update.csv'), '--dry-run', '--data', dir.path])
    expect(dry.code).toBe(1)
    expect(dry.output).toContain(
      'safu / row 2 (REG-2, Baraka Mwakyusa): Cheo / Title "Bw." → "Dkt."; Taasisi / Institution "e-Government Authority" → "Wizara ya Fedha"',
    )
    // REG-3's row says what is already registered: no change to show
    expect(dry.output).not.toContain('row 3 (REG-3')
    expect(dry.output).toContain('safu / row 4 (REG-4, Juma Massawe): Kundi / Group "ict" → "guests"')
    expect(dry.output).toContain('safu / row 5 (R-900, Salma Juma): Simu "0712 999" si namba sahihi')
  })

  it('the sample list in resources/ (README) imports cleanly into the demo event', async () => {
    const demo = await tempDir()
    try {
      const { store } = await EventStore.open({
        dataDir: demo.path,
        seed: (key) => createDemoEvent({ firstDay: '2026-11-24', badgePublicKey: key }),
      })
      await store.close()
      const sample = fileURLToPath(new URL('../../resources/samples/washiriki-mfano.csv', import.meta.url))
      const dry = await runImport([sample, '--dry-run', '--data', demo.path])
      expect(dry.output).toMatch(/valid: 6\b/)
      expect(dry.output).not.toContain('Problems')
      expect(dry.code).toBe(0)
    } finally {
      await demo.remove()
    }
  })

  it('refuses a data folder without an event, and bad arguments', async () => {
    const empty = await tempDir()
    const res = await runImport([fixture('bom-comma.csv'), '--data', empty.path])
    expect(res.code).toBe(2)
    expect(res.output).toContain('No event in')
    await empty.remove()
    expect((await runImport([fixture('bom-comma.csv'), '--valid-rows', '--all-or-nothing', '--data', dir.path])).code).toBe(2)
  })

  it("--template writes the event's XLSX: its columns, the groups as a drop-down, a help sheet in both languages; it imports back as it is", async () => {
    const out = join(dir.path, 'orodha.xlsx')
    const res = await runImport(['--template', out, '--data', dir.path])
    expect(res.code).toBe(0)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(out)
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Washiriki', 'Maelezo - Help', 'Makundi - Groups'])
    const list = wb.getWorksheet('Washiriki')!
    const headers = (list.getRow(1).values as unknown[]).slice(1)
    expect(headers).toContain('Kundi / Group')
    expect(headers).toContain('Jina la kwanza / First name')
    const groupCol = headers.indexOf('Kundi / Group') + 1
    expect(list.getCell(2, groupCol).dataValidation).toMatchObject({ type: 'list', formulae: ["'Makundi - Groups'!$B$2:$B$4"] })
    const groups = wb.getWorksheet('Makundi - Groups')!
    expect([2, 3, 4].map((r) => [groups.getCell(r, 1).value, groups.getCell(r, 2).value])).toEqual([
      [1, 'Maafisa TEHAMA'],
      [2, 'Viongozi'],
      [3, 'Wageni'],
    ])
    const help = wb.getWorksheet('Maelezo - Help')!
    const helpRows = help
      .getSheetValues()
      .slice(2)
      .map((r) => (r as unknown[])?.slice(1))
    const groupHelp = helpRows.find((r) => r?.[0] === 'Kundi / Group')!
    expect(groupHelp[2]).toContain('Kundi la mshiriki')
    expect(groupHelp[3]).toContain("The attendee's group")
    // filled in as an organiser would (a group picked from the drop-down), it imports with no mapping
    list.addRow([
      'T-1',
      'Neema',
      'Kombo',
      'Dkt.',
      'Wizara ya Fedha',
      'ICT officers',
      'Viongozi',
      '0712 345 999',
      'neema@mof.go.tz',
      'ndiyo',
    ])
    await wb.xlsx.writeFile(out)
    const dry = await runImport([out, '--dry-run', '--data', dir.path])
    expect(dry.output).toMatch(/valid: 1\b/)
    expect(dry.output).not.toContain('Problems')
    expect(dry.code).toBe(0)
  })

  it('reads another sheet with --sheet; the office workbook imports without editing', async () => {
    const path = join(dir.path, 'office.xlsx')
    await writeFile(path, await officeWorkbook())
    const dry = await runImport([path, '--dry-run', '--data', dir.path])
    expect(dry.output).toContain('Karatasi / Sheet: "Washiriki" ("Tupu", "Washiriki", "Wageni": --sheet NAME)')
    expect(dry.output).toContain('Headers on row 4')
    expect(dry.output).toMatch(/valid: 4\b/)
    const other = await runImport([path, '--sheet', 'Wageni', '--data', dir.path])
    expect(other.code).toBe(0)
    expect(other.output).toContain('Added: 1')
  })
})

describe('import CLI on PostgreSQL', () => {
  let pg: Service
  beforeAll(async () => {
    pg = await startPostgres()
  }, 60_000)
  afterAll(async () => {
    await pg.stop()
  })

  it('KARIBU_DATABASE_URL: dry run reads the database, the import writes to it, and a hub on it sees the people', async () => {
    const url = await createDatabase(pg.url)
    const env = { KARIBU_DATABASE_URL: url }
    const missing = await runImport([fixture('bom-comma.csv'), '--dry-run'], env)
    expect(missing.code).toBe(2)
    expect(missing.output).toContain('no event')
    expect(missing.output).toContain('KARIBU_DATABASE_URL')
    const seeded = await EventStore.open({ backend: new PostgresBackend(url), seed: (key) => testEvent(key) })
    await seeded.store.close()

    const dry = await runImport([fixture('update.csv'), '--dry-run', '--valid-rows'], env)
    expect(dry.output).toContain('safu / row 4 (REG-4, Juma Massawe): Kundi / Group "ict" → "guests"')
    const real = await runImport([fixture('update.csv'), '--valid-rows'], env)
    expect(real.code).toBe(0)
    expect(real.output).toContain('updated: 2')
    expect(real.output).not.toContain('restart it now')
    const { store } = await EventStore.open({
      backend: new PostgresBackend(url),
      seed: () => {
        throw new Error('must not seed')
      },
    })
    try {
      expect(store.data.attendees.find((a) => a.externalId === 'REG-4')).toMatchObject({ groupId: 'guests', id: 'A0004' })
      expect(store.data.attendees.find((a) => a.externalId === 'REG-2')).toMatchObject({ organisation: 'Wizara ya Fedha', title: 'Dkt.' })
    } finally {
      await store.close()
    }
    const template = await runImport(['--template', join(dir.path, 't.xlsx')], env)
    expect(template.code).toBe(0)
  })
})
