// POST /api/admin/walk-ins: a desk officer (or the organiser) registers someone who is not on
// the list. The new attendee has a badge at once (version 1), so the badge printed at the
// desk scans and counts in the person's group.
import { invalidPayload, readBody, sendError, sendJson } from '../../node-shared/http-util.js'
import { attendeeName, type Attendee } from '../../shared/domain.js'
import type { Route } from '../server/routes.js'
import { nextAttendeeIds } from './import/apply.js'
import { newAttendee } from './import/attendee-from-row.js'
import { normalisePhone } from './import/phone.js'

import { WalkInRequest } from '../../shared/http/walk-in.js'

export { WalkInRequest }

export const walkInRoutes: Route[] = [
  {
    method: 'POST',
    path: '/api/admin/walk-ins',
    roles: ['admin', 'kiosk'],
    async handle(ctx, { req, res, principal }) {
      const body = await readBody(req, WalkInRequest)
      if (!body) return invalidPayload(res)
      const { store } = ctx
      if (!store.data.event.groups.some((g) => g.id === body.groupId)) {
        return sendError(res, 400, 'unknown_group', { sw: 'Kundi hili halipo kwenye tukio.', en: 'This group is not in the event.' })
      }
      const phone = normalisePhone(body.phone ?? '')
      if (!phone.ok)
        return sendError(res, 400, 'bad_phone', {
          sw: 'Namba ya simu si sahihi (mfano 0712 345 678).',
          en: 'The phone number is not valid (e.g. 0712 345 678).',
        })
      const known = phone.phone ? store.data.attendees.find((a) => a.phone === phone.phone) : undefined
      if (known && !body.force) {
        // most often the person is on the list already: find them instead of registering twice
        return sendError(
          res,
          409,
          'duplicate_phone',
          {
            sw: `Simu hii ni ya ${attendeeName(known)}, ambaye amesajiliwa tayari.`,
            en: `This phone belongs to ${attendeeName(known)}, already registered.`,
          },
          {
            attendee: { id: known.id, name: attendeeName(known), organisation: known.organisation, groupId: known.groupId },
          },
        )
      }
      const at = store.now().toISOString()
      let attendee: Attendee | undefined
      await store.updateRegistry((data, r) => {
        const ids = nextAttendeeIds(data)()
        const { firstName, lastName, groupId, title, organisation, category } = body
        attendee = newAttendee({ firstName, lastName, groupId, title, organisation, category, phone: phone.phone }, ids, r, true)
        data.attendees.push(attendee)
        data.badges.push({ attendeeId: ids.id, version: 1, issuedAt: at, by: principal?.id ?? 'unknown', reason: 'walk_in' })
      })
      ctx.log.info(`walk-in registered: ${attendee!.id} by ${principal?.id}`)
      sendJson(res, 200, { ok: true, attendee })
    },
  },
]
