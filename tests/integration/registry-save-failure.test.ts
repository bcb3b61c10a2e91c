// A registry change the hub could not save leaves the registry as it was (issue 15, item 4).
// Before the fix a walk-in answered 500 stayed in memory: the next successful write saved it,
// a retry made a duplicate, and a restart took the revision back for reuse.
import { mkdir, rmdir } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, onTestFinished } from 'vitest'
import type { Attendee } from '../../shared/domain.js'
import { it } from '../helpers/hub-fixture.js'
import { reopenTestHub } from '../helpers/test-hub.js'

const MUSA = {
  firstName: 'Musa',
  lastName: 'Hamisi',
  groupId: 'guests',
  phone: '0754 222 333',
  organisation: 'Chuo Kikuu cha Dodoma',
  title: 'Dkt.',
  category: 'researcher',
}

it('a walk-in whose save failed is not kept, its retry is the only one, and a restart keeps the revision', async ({
  hub: t,
  api,
  kiosk,
}) => {
  const register = () => api.post('/api/admin/walk-ins', MUSA, kiosk.token)
  const before = { rev: t.store.data.rev, attendees: t.store.data.attendees.length, badges: t.store.data.badges.length }

  // the registry's temporary file is a folder: every save fails, as on a read-only or full disk
  const blocker = join(t.dataDir, '.registry.json.tmp')
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
  const again = await reopenTestHub(t)
  onTestFinished(() => again.close())
  expect(again.store.data.rev).toBe(rev)
  expect(again.store.data.attendees.filter((a) => a.lastName === 'Hamisi')).toHaveLength(1)
})
