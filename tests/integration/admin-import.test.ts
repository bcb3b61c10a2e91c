// Importing through a real hub: preview writes nothing; all-or-nothing writes nothing when a
// row is wrong; valid-rows writes exactly the valid rows; a re-import updates people in place
// and every check-in stays theirs.
import { readFile } from 'node:fs/promises'
import { request } from 'node:http'
import { join } from 'node:path'
import { describe, expect } from 'vitest'
import { submission } from '../helpers/submissions.js'
import { it } from '../helpers/hub-fixture.js'
import type { HubClient, TestHub } from '../helpers/test-hub.js'
import { until } from '../helpers/until.js'

/** a body too large to send whole: the hub answers (413) before it has read it all */
function postOversized(t: TestHub, path: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${t.url}${path}`,
      { method: 'POST', agent: false, headers: { Authorization: `Bearer ${t.adminToken}`, 'Content-Type': 'application/json' } },
      (res) => {
        resolve(res.statusCode ?? 0)
        req.destroy()
      },
    )
    req.on('error', (err) =>
      err.message.includes('socket hang up') || (err as NodeJS.ErrnoException).code === 'EPIPE' ? undefined : reject(err),
    )
    req.end(body)
  })
}
const file = async (name: string) => ({
  fileName: name,
  contentBase64: (await readFile(new URL(`../fixtures/import/${name}`, import.meta.url))).toString('base64'),
})
const registryBytes = (t: TestHub) => readFile(join(t.dataDir, 'registry.json'))
const externalIds = (t: TestHub) => new Set(t.store.data.attendees.map((a) => a.externalId))

async function watchRegistry(kiosk: HubClient) {
  const revs: number[] = []
  kiosk.on('registry:changed', ({ rev }) => revs.push(rev))
  return revs
}

describe('import over HTTP', () => {
  it('preview lists problems by row and writes nothing', async ({ hub: t, api }) => {
    const before = await registryBytes(t)
    const res = await api.post('/api/admin/import/preview', await file('unknown-group.csv'))
    expect(res.status).toBe(200)
    const body = (await res.json()) as Record<string, unknown>
    expect(body).toMatchObject({
      ok: true,
      rows: 4,
      valid: 3,
      columns: ['Registration ID', 'First name', 'Surname', 'Group'],
      mapping: { groupId: 'Group' },
    })
    expect(body.problems).toEqual([
      {
        row: 3,
        externalId: 'R-601',
        name: 'Amina Shirima',
        field: 'groupId',
        code: 'unknown_group',
        message: { sw: expect.stringContaining('Wanafunzi'), en: expect.stringContaining('Wanafunzi') },
      },
    ])
    expect(body.values).toContainEqual({ field: 'groupId', value: 'Wanafunzi', rows: 1, to: null, by: 'unknown' })
    expect((body.sample as unknown[]).length).toBe(4)
    expect(await registryBytes(t)).toEqual(before)
  })

  it('the value mapping over HTTP: an unknown group mapped, another left out; an update shows old → new', async ({ hub: t, api }) => {
    const values = { groupId: { 'Kundi A': 'guests', Wanafunzi: null, '7': 'leaders' } }
    const preview = await api.post('/api/admin/import/preview', { ...(await file('groups-by-number.csv')), values })
    const p = (await preview.json()) as { problems: unknown[]; leftOut: number; valid: number }
    expect(p).toMatchObject({ problems: [], leftOut: 1, valid: 11 })
    const applied = await api.post('/api/admin/import/apply', { ...(await file('groups-by-number.csv')), values, mode: 'all-or-nothing' })
    expect(applied.status).toBe(200)
    expect(await applied.json()).toMatchObject({ added: 11, leftOut: 1, skipped: 0 })
    expect(t.store.data.attendees.find((a) => a.externalId === 'G-9')?.groupId).toBe('guests')
    const bad = await api.post('/api/admin/import/preview', {
      ...(await file('groups-by-number.csv')),
      values: { groupId: { 'Kundi A': 'nope' } },
    })
    expect(bad.status).toBe(422)

    const update = (await (await api.post('/api/admin/import/preview', await file('update.csv'))).json()) as { updates: unknown[] }
    expect(update.updates).toEqual([
      {
        row: 2,
        externalId: 'REG-2',
        name: 'Baraka Mwakyusa',
        changes: [
          { field: 'title', from: 'Bw.', to: 'Dkt.' },
          { field: 'organisation', from: 'e-Government Authority', to: 'Wizara ya Fedha' },
        ],
      },
      { row: 4, externalId: 'REG-4', name: 'Juma Massawe', changes: [{ field: 'groupId', from: 'ict', to: 'guests' }] },
    ])
  })

  it('the template: an XLSX for this event, admin only', async ({ hub: t, api }) => {
    const res = await fetch(`${t.url}/api/admin/import/template.xlsx`, { headers: { Authorization: `Bearer ${t.adminToken}` } })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(res.headers.get('content-disposition')).toContain('orodha-ya-washiriki.xlsx')
    const bytes = Buffer.from(await res.arrayBuffer())
    expect([...bytes.subarray(0, 2)]).toEqual([0x50, 0x4b])
    // the empty template previews as a list with no rows, every column recognised
    const preview = (await (
      await api.post('/api/admin/import/preview', { fileName: 'orodha.xlsx', contentBase64: bytes.toString('base64') })
    ).json()) as { rows: number; mapping: Record<string, string | null> }
    expect(preview.rows).toBe(0)
    expect(preview.mapping).toMatchObject({
      externalId: 'Namba ya usajili / Registration ID',
      firstName: 'Jina la kwanza / First name',
      groupId: 'Kundi / Group',
      phone: 'Simu / Phone',
      vip: 'Mgeni mashuhuri (VIP) / VIP',
    })
    expect((await fetch(`${t.url}/api/admin/import/template.xlsx`)).status).toBe(401)
  })

  it('all-or-nothing with a bad row imports nothing; valid-rows imports only the valid rows', async ({ hub: t, api }) => {
    const kiosk = await t.client((await t.pairKiosk()).token)
    const revs = await watchRegistry(kiosk)
    const before = await registryBytes(t)
    const rev = t.store.data.rev

    const refused = await api.post('/api/admin/import/apply', { ...(await file('missing-required.csv')), mode: 'all-or-nothing' })
    expect(refused.status).toBe(409)
    expect(await refused.json()).toMatchObject({
      ok: false,
      error: 'has_problems',
      added: 0,
      updated: 0,
      skipped: 4,
      problems: [{ row: 2 }, { row: 4 }, { row: 5 }],
    })
    expect(await registryBytes(t)).toEqual(before)
    expect(t.store.data.rev).toBe(rev)
    expect(externalIds(t).has('R-503')).toBe(false)

    const applied = await api.post('/api/admin/import/apply', { ...(await file('missing-required.csv')), mode: 'valid-rows' })
    expect(applied.status).toBe(200)
    expect(await applied.json()).toMatchObject({ ok: true, added: 1, updated: 0, skipped: 3 })
    const ids = externalIds(t)
    expect(ids.has('R-503')).toBe(true)
    for (const bad of ['R-500', 'R-501', 'R-502']) expect(ids.has(bad)).toBe(false)
    const added = t.store.data.attendees.find((a) => a.externalId === 'R-503')!
    expect(added).toMatchObject({ seq: 11, badgeVersion: 1, rev: rev + 1 })
    // on disk, and the kiosks were told
    const disk = JSON.parse((await registryBytes(t)).toString('utf8')) as { attendees: { externalId?: string }[] }
    expect(disk.attendees.filter((a) => a.externalId?.startsWith('R-5')).map((a) => a.externalId)).toEqual(['R-503'])
    await until(() => revs.includes(rev + 1), 5000, 'registry:changed')
    const delta = await kiosk.emitWithAck('registry:pull', { since: rev })
    expect(delta.ok && delta.attendees.map((a) => a.externalId)).toEqual(['R-503'])
  })

  it('a clean file applies in all-or-nothing mode too', async ({ hub: t, api }) => {
    const res = await api.post('/api/admin/import/apply', { ...(await file('swahili-headers.csv')), mode: 'all-or-nothing' })
    expect(await res.json()).toMatchObject({ ok: true, added: 2, skipped: 0 })
    expect(t.store.data.attendees.find((a) => a.externalId === 'R-800')).toMatchObject({
      flags: ['vip'],
      groupId: 'guests',
      phone: '+255755123456',
    })
  })

  it('re-importing an updated list keeps check-ins: same id and seq, new organisation, same counts', async ({ hub: t, api }) => {
    const paired = await t.pairKiosk()
    const kiosk = await t.client(paired.token)
    const checked = await kiosk.emitWithAck('checkin:submit', submission(paired.kioskId, { attendeeId: 'A0001', method: 'search' }))
    expect(checked).toMatchObject({ ok: true, record: { outcome: 'admitted', attendeeId: 'A0001' } })
    const usher = await t.client(t.usherToken)
    const statsBefore = await usher.emitWithAck('stats:get', { dayId: 'd1' })
    if (!statsBefore.ok) throw new Error(statsBefore.error)
    const before = t.store.data.attendees.find((a) => a.id === 'A0001')!
    const { id, seq, badgeVersion } = before

    const list = [
      'Registration ID,First name,Surname,Institution,Group,Phone',
      ...t.store.data.attendees.map((a) => `${a.externalId},${a.firstName},"${a.lastName}",Wizara ya Mawasiliano,${a.groupId},${a.phone}`),
      'REG-NEW,Salma,Hassan,TRA,ict,0755 000 999',
    ].join('\n')
    const res = await api.post('/api/admin/import/apply', {
      fileName: 'v2.csv',
      contentBase64: Buffer.from(list).toString('base64'),
      mode: 'all-or-nothing',
    })
    expect(await res.json()).toMatchObject({ ok: true, added: 1, updated: 10, skipped: 0 })

    const after = t.store.data.attendees.find((a) => a.externalId === 'REG-1')!
    expect(after).toMatchObject({ id, seq, badgeVersion, organisation: 'Wizara ya Mawasiliano' })
    expect(t.store.data.attendees.filter((a) => a.externalId === 'REG-1')).toHaveLength(1)
    expect(t.store.ledger.records.get(checked.ok ? checked.record.id : '')).toMatchObject({ attendeeId: 'A0001' })
    expect(t.store.ledger.days.get('d1')?.has('A0001')).toBe(true)

    const statsAfter = await usher.emitWithAck('stats:get', { dayId: 'd1' })
    if (!statsAfter.ok) throw new Error(statsAfter.error)
    expect(statsAfter.stats.checkedIn).toBe(statsBefore.stats.checkedIn)
    expect(statsAfter.stats.groups.find((g) => g.key === 'ict')).toEqual({
      key: 'ict',
      checkedIn: 1,
      expected: (statsBefore.stats.groups.find((g) => g.key === 'ict')?.expected ?? 0) + 1,
    })

    // scanning her badge again says "already checked in": the record is still hers
    const again = await kiosk.emitWithAck(
      'checkin:submit',
      submission(paired.kioskId, { code: t.store.signBadge({ attendeeSeq: seq, badgeVersion }), scannedAt: '2026-11-24T09:00:00+03:00' }),
    )
    expect(again).toMatchObject({ ok: true, record: { outcome: 'already_checked_in', attendeeId: 'A0001' } })
  })

  it('refuses a file that is not a spreadsheet, and an oversized body, writing nothing', async ({ hub: t, api }) => {
    const before = await registryBytes(t)
    const bad = await api.post('/api/admin/import/preview', {
      fileName: 'list.xls',
      contentBase64: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]).toString('base64'),
    })
    expect(bad.status).toBe(422)
    expect(await bad.json()).toMatchObject({
      ok: false,
      error: 'bad_file',
      code: 'unsupported_file',
      message: { sw: expect.any(String), en: expect.any(String) },
    })
    const large = await api.post('/api/admin/import/preview', {
      fileName: 'big.csv',
      contentBase64: Buffer.alloc(10.02 * 1024 * 1024, 'a').toString('base64'),
    })
    expect(await large.json()).toMatchObject({ ok: false, error: 'bad_file', code: 'too_large' })
    const binary = await api.post('/api/admin/import/preview', {
      fileName: 'list.csv',
      contentBase64: Buffer.from([0, 1, 2, 3, 0, 255]).toString('base64'),
    })
    expect(await binary.json()).toMatchObject({ ok: false, code: 'unreadable_file' })
    const mapping = await api.post('/api/admin/import/preview', {
      ...(await file('bom-comma.csv')),
      mapping: { firstName: 'No such column' },
    })
    expect(mapping.status).toBe(422)
    expect(await registryBytes(t)).toEqual(before)
    // the hub answers 413 without reading the rest: on its own connection, dropped after the answer
    expect(
      await postOversized(
        t,
        '/api/admin/import/preview',
        JSON.stringify({ fileName: 'big.csv', contentBase64: 'A'.repeat(15 * 1024 * 1024) }),
      ),
    ).toBe(413)
  })
})
