// Which group (or category) a cell means. Organisers write a group as its id ("ict"), its
// number ("1", "Kundi la 1", "Kundi la kwanza", a numeric cell) or its name in either language;
// a category as its id or its name; case, spacing and accents do not count. What still matches
// nothing is the organiser's to map (the value-mapping step): to a group or category, or null to
// leave those rows out.
import { groupNumber, type Bilingual, type EventInfo, type Group } from '../../../shared/domain.js'

/** Fields whose cells must name one of the event's things; category only when the event defines categories. */
export const VALUE_FIELDS = ['groupId', 'category'] as const
export type ValueField = (typeof VALUE_FIELDS)[number]

/** the organiser's choices: value as in the file → group (category) id, or null to leave the rows out */
export type ValueChoices = Partial<Record<ValueField, Record<string, string | null>>>
/** the choices as the plan looks them up: per field, keyed by valueKey */
export type ResolvedChoices = Partial<Record<ValueField, ReadonlyMap<string, string | null>>>

export type MatchedBy = 'id' | 'number' | 'name' | 'chosen' | 'left_out' | 'unknown'

/** One distinct value of a column, as the preview and the dry run list it. */
export interface ValueMatch {
  field: ValueField
  /** as first written in the file */
  value: string
  rows: number
  /** the group id it means, or null (unknown, or left out) */
  to: string | null
  by: MatchedBy
}

/** Lower case, accents gone, punctuation as spaces, single spaces: "Maafisa  TEHAMA" meets "maafisa tehama". */
export function valueKey(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

const ORDINALS: Record<string, number> = {
  kwanza: 1,
  pili: 2,
  tatu: 3,
  nne: 4,
  tano: 5,
  sita: 6,
  saba: 7,
  nane: 8,
  tisa: 9,
  kumi: 10,
  moja: 1,
  mbili: 2,
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
}
const GROUP_WORDS = /^(?:kundi(?: la| namba| na)?|kikundi(?: cha| namba)?|group(?: no| number| nr)?|grp|g)\s*/

/** "1", "1.0" (a numeric cell), "1st", "kwanza", "Kundi la 2", "Group 3" → the number; else null. */
export function numberIn(key: string): number | null {
  const rest = key.replace(GROUP_WORDS, '')
  const digits = /^0*(\d{1,3})(?: 0+)?(?:st|nd|rd|th)?$/.exec(rest)
  if (digits) return Number(digits[1])
  // own words only: "constructor" names no group number because every object has one
  return Object.hasOwn(ORDINALS, rest) ? ORDINALS[rest]! : null
}

export interface GroupMatcher {
  match(value: string): { id: string; by: 'id' | 'number' | 'name' } | null
}

/** id or name in either language → the thing's id; ids first: an id is exact, a name is a second way to say it */
function byIdOrName(things: readonly { id: string; name: Bilingual }[]) {
  const byKey = new Map<string, { id: string; by: 'id' | 'name' }>()
  for (const g of things) if (!byKey.has(valueKey(g.id))) byKey.set(valueKey(g.id), { id: g.id, by: 'id' })
  for (const g of things)
    for (const n of [g.name.sw, g.name.en]) if (valueKey(n) && !byKey.has(valueKey(n))) byKey.set(valueKey(n), { id: g.id, by: 'name' })
  return byKey
}

export type Categories = NonNullable<EventInfo['categories']>

/** A category cell: its id or its name in either language (categories have no numbers). */
export function categoryMatcher(categories: Categories): { match(value: string): { id: string; by: 'id' | 'name' } | null } {
  const byKey = byIdOrName(categories)
  return { match: (value) => byKey.get(valueKey(value)) ?? null }
}

export function groupMatcher(groups: readonly Group[]): GroupMatcher {
  const byKey = byIdOrName(groups)
  const byNumber = new Map(groups.map((g, i) => [groupNumber(groups, i), g.id]))
  return {
    match(value) {
      const key = valueKey(value)
      if (!key) return null
      const named = byKey.get(key)
      if (named) return named
      const n = numberIn(key)
      const id = n === null ? undefined : byNumber.get(n)
      return id ? { id, by: 'number' } : null
    },
  }
}

export class ValueChoiceError extends Error {
  constructor(
    readonly field: ValueField,
    readonly value: string,
    readonly target: string,
  ) {
    super(`"${value}" → "${target}": no such ${field === 'category' ? 'category' : 'group'}`)
  }
}

/**
 * The organiser's choices keyed as the file's values are looked up. A target may be a group's
 * id, number or name, a category's id or name (the CLI takes what the organiser types); one
 * naming nothing of the event is refused (with no categories defined, every category target is).
 */
export function resolveChoices(choices: ValueChoices | undefined, event: Pick<EventInfo, 'groups' | 'categories'>): ResolvedChoices {
  const matchers: Record<ValueField, { match(v: string): { id: string } | null }> = {
    groupId: groupMatcher(event.groups),
    category: categoryMatcher(event.categories ?? []),
  }
  const out: ResolvedChoices = {}
  for (const field of VALUE_FIELDS) {
    const given = Object.entries(choices?.[field] ?? {})
    if (!given.length) continue
    const resolved = new Map<string, string | null>()
    for (const [value, target] of given) {
      if (target === null || target.trim() === '') {
        resolved.set(valueKey(value), null)
        continue
      }
      const found = matchers[field].match(target)
      if (!found) throw new ValueChoiceError(field, value, target)
      resolved.set(valueKey(value), found.id)
    }
    out[field] = resolved
  }
  return out
}
