// "Leo si siku yako", and the desk supervisor lets the person in anyway with the organiser PIN:
// a wrong PIN changes nothing; the right one admits, the screen says it was the supervisor's
// decision, and the hub stores and counts the check-in as such.
import { describe, expect } from 'vitest'
import { isWhole } from '../../shared/ledger.js'
import { until } from '../helpers/until.js'
import { DAY1_9AM, kioskTest as it, resultOf, scanWithWedge } from './kiosk-helpers.js'

describe('kiosk: a supervisor overrides "wrong day"', () => {
  it(
    'lets a wrong-day attendee in with the organiser PIN only, recorded as an override and counted once',
    { timeout: 25_000 },
    async ({ stack, openPage }) => {
      const pinSet = await fetch(`${stack.hub.url}/api/admin/kiosk-exit-pin`, {
        method: 'PUT',
        headers: { Authorization: `Bearer ${stack.hub.adminToken}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ pin: '2468' }),
      })
      expect(pinSet.status).toBe(200)
      const agent = await stack.addKiosk('desk-1', DAY1_9AM)
      await until(() => agent.kiosk.data.registry?.exitPinHash, 10_000, 'the PIN at the kiosk')
      const { page } = await openPage(agent)

      // Rehema's group (leaders) comes on day 3 only
      await scanWithWedge(page, stack.hub.store.signBadge({ attendeeSeq: 3, badgeVersion: 1 }))
      expect((await resultOf(page)).outcome).toBe('wrong_day')
      await page.getByTestId('override-open').click()
      await page.getByTestId('override-pin').fill('1111')
      await page.getByTestId('override-confirm').click()
      expect(await page.getByTestId('override-problem').innerText()).toBe('PIN si sahihi.')
      expect(await page.getByTestId('kiosk-result').getAttribute('data-outcome')).toBe('wrong_day')

      await page.getByTestId('override-pin').fill('2468')
      await page.getByTestId('override-confirm').click()
      await page.locator('[data-testid=kiosk-result][data-outcome=admitted]').waitFor()
      expect(await page.getByTestId('result-overridden').innerText()).toContain('msimamizi')

      // at the hub: stored with the override, admitted and counted, once
      const rehema = await until(
        () =>
          [...stack.hub.store.ledger.records.values()].filter((r) => isWhole(r) && r.attendeeId === 'A0003' && r.outcome === 'admitted'),
        10_000,
        'the record at the hub',
      )
      expect(rehema).toHaveLength(1)
      expect(rehema[0]!.override).toBe('wrong_day')
      expect(rehema[0]!.hubOutcome).toBeUndefined()
      expect(stack.hub.store.ledger.attendeeDay('d1', 'A0003')).toBeTruthy()
    },
  )
})
