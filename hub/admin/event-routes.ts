// GET/PUT /api/admin/event: names, days, groups and their days, halls, desks. The badge key
// never changes here; a group still in use or a day with check-ins cannot be removed.
import { invalidPayload, readBody, sendError, sendJson } from '../../node-shared/http-util.js'
import type { Bilingual } from '../../shared/domain.js'
import { EVENT_MAX_BODY, EventUpdate } from '../../shared/http/event.js'
import { ADMIN, type Route } from '../server/routes.js'
import type { EventStore } from '../store/event-store.js'

export { EventUpdate } from '../../shared/http/event.js'

export interface EventProblem {
  code: string
  message: Bilingual
}

/** How many attendees each group has and how many check-ins each day holds: what blocks a removal. */
export function eventUsage(store: EventStore) {
  const groups: Record<string, number> = {}
  const days: Record<string, number> = {}
  for (const a of store.data.attendees) groups[a.groupId] = (groups[a.groupId] ?? 0) + 1
  for (const r of store.ledger.records.values()) if (r.dayId) days[r.dayId] = (days[r.dayId] ?? 0) + 1
  return { groups, days }
}

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>()
  return [...new Set(values.filter((v) => seen.size === seen.add(v).size))]
}

export function validTimezone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz })
    return true
  } catch {
    return false
  }
}

/** Everything zod cannot see: references between the lists, and what the registry still uses. */
export function checkEvent(next: EventUpdate, store: EventStore): EventProblem[] {
  const problems: EventProblem[] = []
  const add = (code: string, sw: string, en: string) => problems.push({ code, message: { sw, en } })
  const lists = { days: next.days, groups: next.groups, halls: next.halls, desks: next.desks }
  const kinds: Record<keyof typeof lists, Bilingual> = {
    days: { sw: 'siku', en: 'day' },
    groups: { sw: 'kundi', en: 'group' },
    halls: { sw: 'ukumbi', en: 'hall' },
    desks: { sw: 'meza', en: 'desk' },
  }
  for (const [name, list] of Object.entries(lists) as [keyof typeof lists, { id: string }[]][]) {
    for (const id of duplicates(list.map((x) => x.id)))
      add(
        'duplicate_id',
        `Kitambulisho "${id}" kinatumika mara mbili (${kinds[name].sw}).`,
        `The id "${id}" is used twice (${kinds[name].en}).`,
      )
  }
  for (const date of duplicates(next.days.map((d) => d.date)))
    add('duplicate_date', `Tarehe ${date} imo mara mbili.`, `The date ${date} appears twice.`)
  for (const d of next.days)
    if (Number.isNaN(Date.parse(`${d.date}T12:00:00Z`))) add('bad_date', `Tarehe "${d.date}" si sahihi.`, `"${d.date}" is not a date.`)
  const dayIds = new Set(next.days.map((d) => d.id))
  for (const g of next.groups) {
    for (const d of g.days)
      if (!dayIds.has(d))
        add(
          'unknown_day',
          `Kundi "${g.name.sw}" linataja siku isiyokuwepo: ${d}.`,
          `Group "${g.name.en}" names a day that does not exist: ${d}.`,
        )
  }
  const hallIds = new Set(next.halls.map((h) => h.id))
  for (const d of next.desks) {
    if (d.hallId && !hallIds.has(d.hallId))
      add(
        'unknown_hall',
        `Meza "${d.name.sw}" inataja ukumbi usiokuwepo: ${d.hallId}.`,
        `Desk "${d.name.en}" names a hall that does not exist: ${d.hallId}.`,
      )
  }
  if (!validTimezone(next.timezone))
    add('bad_timezone', `Saa za eneo "${next.timezone}" hazitambuliki.`, `Unknown time zone "${next.timezone}".`)
  if (next.badgePublicKey !== undefined && next.badgePublicKey !== store.data.event.badgePublicKey) {
    add(
      'badge_key_fixed',
      'Ufunguo wa beji hauwezi kubadilishwa: beji zilizochapishwa zingekataliwa.',
      'The badge key cannot change: printed badges would be refused.',
    )
  }
  const usage = eventUsage(store)
  const groupIds = new Set(next.groups.map((g) => g.id))
  for (const g of store.data.event.groups) {
    const n = usage.groups[g.id] ?? 0
    if (!groupIds.has(g.id) && n > 0)
      add(
        'group_in_use',
        `Kundi "${g.name.sw}" lina washiriki ${n}: haliwezi kuondolewa.`,
        `Group "${g.name.en}" has ${n} attendee(s): it cannot be removed.`,
      )
  }
  for (const d of store.data.event.days) {
    const n = usage.days[d.id] ?? 0
    if (!dayIds.has(d.id) && n > 0)
      add(
        'day_in_use',
        `Siku "${d.name.sw}" ina rekodi ${n} za usajili: haiwezi kuondolewa.`,
        `Day "${d.name.en}" has ${n} check-in record(s): it cannot be removed.`,
      )
  }
  return problems
}

export const eventRoutes: Route[] = [
  {
    method: 'GET',
    path: '/api/admin/event',
    roles: ADMIN,
    handle: (ctx, { res }) => sendJson(res, 200, { ok: true, event: ctx.store.data.event, usage: eventUsage(ctx.store) }),
  },
  {
    method: 'PUT',
    path: '/api/admin/event',
    roles: ADMIN,
    async handle(ctx, { req, res }) {
      const body = await readBody(req, EventUpdate, EVENT_MAX_BODY)
      if (!body) return invalidPayload(res)
      const problems = checkEvent(body, ctx.store)
      if (problems.length) return sendError(res, 409, 'conflict', problems[0]!.message, { problems })
      const { badgePublicKey: _ignored, ...rest } = body
      await ctx.store.updateRegistry((data) => {
        data.event = { ...rest, badgePublicKey: data.event.badgePublicKey }
      })
      sendJson(res, 200, { ok: true, event: ctx.store.data.event, usage: eventUsage(ctx.store) })
    },
  },
]
