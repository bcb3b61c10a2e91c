// A registry change the hub could not save leaves the registry as it was (issue 15, item 4).
// Before the fix a walk-in answered 500 stayed in memory: the next successful write saved it,
// a retry made a duplicate, and a restart took the revision back for reuse.
import { mkdir, rmdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import type { Attendee } from '../../shared/domain.js'
import { tempDir } from '../helpers/temp-dir.js'
import { startTestHub, type TestHub } from '../helpers/test-hub.js'

let dir: Awaited<ReturnType<typeof tempDir>>
let t: TestHub
beforeEach(async () => {
  dir = await tempDir()
  t = await startTestHub(dir.path)
})
afterEach(async () => {
  await t.close()
  await dir.remove()
})

const MUSA = { firstName: 'Musa', lastName: 'Hamisi', groupId: 'guests', phone: '0754 222 333', organisation: 'Chuo Kikuu cha Dodoma', title: 'Dkt.', category: 'researcher' }

it('a walk-in whose save failed is not kept, its retry is the only one, and a restart keeps the revision', async () => {
  const { token } = await t.pairKiosk()
  const register = () => fetch(`${t.url}/api/admin/walk-ins`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(MUSA) })
  const before = { rev: t.store.data.rev, attendees: t.store.data.attendees.length, badges: t.store.data.badges.length }

  // the registry's temporary file is a folder: every save fails, as on a read-only or full disk
  const blocker = join(dir.path, '.registry.json.tmp')
  await mkdir(blocker)
  expect((await register()).status).toBe(500)
  expect({ rev: t.store.data.rev, attendees: t.store.data.attendees.length, badges: t.store.data.badges.length }).toEqual(before)
  expect([...t.store.registry.attendees].some((a) => a.lastName === 'Hamisi')).toBe(false)

  await rmdir(blocker)
  const retry = await register()
  expect(retry.status).toBe(200)
  const { attendee } = (await retry.json()) as { attendee: Attendee }
  expect(attendee.seq).toBe(11) // the number the failed attempt would have had, not the next one
  expect(t.store.data.rev).toBe(before.rev + 1)
  expect(t.store.data.attendees.filter((a) => a.lastName === 'Hamisi')).toHaveLength(1)

  const rev = t.store.data.rev
  await t.close()
  t = await startTestHub(dir.path, { port: t.port, tokens: { admin: t.adminToken, usher: t.usherToken } })
  expect(t.store.data.rev).toBe(rev)
  expect(t.store.data.attendees.filter((a) => a.lastName === 'Hamisi')).toHaveLength(1)
})
