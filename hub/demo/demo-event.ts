// The demo event the hub seeds on first start: shaped like the customer's e-Government working
// session (DESIGN.md), so every screen can be tried on realistic data before a real list is imported.
// Deterministic, so tests, screenshots and benchmarks see the same people every time.
import { FLAGS, type Attendee, type EventInfo, type Flag, type Group } from '../../shared/domain.js'
import {
  ARUSHA_RS,
  CATEGORY_WEIGHTS,
  EGA,
  FEMALE_NAMES,
  INSTITUTIONS,
  MALE_NAMES,
  ORG_TYPES,
  PO_PSMGG,
  SURNAMES,
  type Category,
  type Institution,
  type OrgKind,
} from './names.js'

export interface DemoEventOptions {
  /** YYYY-MM-DD of day 1 */
  firstDay: string
  badgePublicKey: string
  /** default 1000 */
  attendees?: number
  seed?: number
}

type GroupId = 'ict' | 'leaders' | 'innovators' | 'guests'

const GROUP_OF: Record<Category, GroupId> = {
  'accounting officer': 'leaders',
  'board member': 'leaders',
  'head of ICT unit': 'leaders',
  'ICT officer': 'ict',
  'HR officer': 'ict',
  'planning officer': 'ict',
  'communication officer': 'ict',
  accountant: 'ict',
  'system user': 'ict',
  innovator: 'innovators',
  researcher: 'innovators',
  press: 'guests',
  guest: 'guests',
  organiser: 'guests',
}

// mulberry32: tiny, fast and good enough for made-up people; Math.random would break determinism.
function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
type Rng = () => number

function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)]
  if (item === undefined) throw new Error('pick from an empty list')
  return item
}

function weighted<T>(rng: Rng, entries: readonly (readonly [T, number])[]): T {
  const total = entries.reduce((sum, [, w]) => sum + w, 0)
  let r = rng() * total
  for (const [value, w] of entries) {
    r -= w
    if (r < 0) return value
  }
  return pick(
    rng,
    entries.map(([value]) => value),
  )
}

function shuffle<T>(rng: Rng, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1))
    ;[items[i], items[j]] = [items[j] as T, items[i] as T]
  }
  return items
}

function eventDays(firstDay: string): string[] {
  const start = Date.parse(`${firstDay}T00:00:00Z`)
  // Date.parse rolls 2026-02-30 over to March; a typo should fail loudly instead.
  if (!/^\d{4}-\d{2}-\d{2}$/.test(firstDay) || Number.isNaN(start) || new Date(start).toISOString().slice(0, 10) !== firstDay) {
    throw new RangeError(`firstDay must be a real date as YYYY-MM-DD, got "${firstDay}"`)
  }
  return [0, 1, 2, 3].map((i) => new Date(start + i * 86_400_000).toISOString().slice(0, 10))
}

/** The demo's categories in both languages, as an organiser would name them on the event. */
const DEMO_CATEGORY_NAMES: NonNullable<EventInfo['categories']> = [
  { id: 'accounting officer', name: { sw: 'Maafisa masuuli', en: 'Accounting officers' } },
  { id: 'board member', name: { sw: 'Wajumbe wa bodi', en: 'Board members' } },
  { id: 'head of ICT unit', name: { sw: 'Wakuu wa vitengo vya TEHAMA', en: 'Heads of ICT units' } },
  { id: 'ICT officer', name: { sw: 'Maafisa TEHAMA', en: 'ICT officers' } },
  { id: 'HR officer', name: { sw: 'Maafisa rasilimali watu', en: 'HR officers' } },
  { id: 'planning officer', name: { sw: 'Maafisa mipango', en: 'Planning officers' } },
  { id: 'communication officer', name: { sw: 'Maafisa mawasiliano', en: 'Communication officers' } },
  { id: 'accountant', name: { sw: 'Wahasibu', en: 'Accountants' } },
  { id: 'system user', name: { sw: 'Watumiaji wa mifumo', en: 'System users' } },
  { id: 'innovator', name: { sw: 'Wabunifu', en: 'Innovators' } },
  { id: 'researcher', name: { sw: 'Watafiti', en: 'Researchers' } },
  { id: 'press', name: { sw: 'Wanahabari', en: 'Press' } },
  { id: 'guest', name: { sw: 'Wageni', en: 'Guests' } },
  { id: 'organiser', name: { sw: 'Waratibu', en: 'Organisers' } },
]

function buildEvent(firstDay: string, badgePublicKey: string): EventInfo {
  const dates = eventDays(firstDay)
  const dayNames = [
    ['Maafisa TEHAMA', 'ICT officers'],
    ['Watumiaji wa Mifumo', 'System users'],
    ['Viongozi wa Taasisi', 'Heads of institutions'],
    ['Utafiti na Ubunifu', 'Research and innovation'],
  ] as const
  const days = dayNames.map(([sw, en], i) => ({
    id: `d${i + 1}`,
    date: dates[i] ?? firstDay,
    name: { sw: `Siku ya ${i + 1} — ${sw}`, en: `Day ${i + 1} — ${en}` },
  }))
  // Day 4, research and innovation, is open to every group.
  const groups: (Group & { id: GroupId })[] = [
    {
      id: 'ict',
      name: { sw: 'Maafisa TEHAMA na Watumiaji wa Mifumo', en: 'ICT officers & system users' },
      color: '#1565c0',
      days: ['d1', 'd2', 'd4'],
    },
    {
      id: 'leaders',
      name: {
        sw: 'Makatibu Wakuu, Wakuu wa Taasisi na Wakurugenzi wa Halmashauri',
        en: 'Permanent secretaries, heads of institutions & LGA directors',
      },
      color: '#2e7d32',
      days: ['d3', 'd4'],
    },
    {
      id: 'innovators',
      name: { sw: 'Wabunifu na Watafiti wa Vyuo Vikuu', en: 'Innovators & university researchers' },
      color: '#f9a825',
      days: ['d4'],
    },
    {
      id: 'guests',
      name: { sw: 'Wageni, Wanahabari na Itifaki', en: 'Guests, press & protocol' },
      color: '#c62828',
      days: ['d1', 'd2', 'd3', 'd4'],
    },
  ]
  return {
    id: 'egov-2026',
    name: { sw: 'Kikao Kazi cha Serikali Mtandao 2026', en: 'e-Government Working Session 2026' },
    venue: 'Ukumbi wa Mikutano wa Kimataifa wa Arusha (AICC), Arusha',
    timezone: 'Africa/Dar_es_Salaam',
    days,
    groups,
    halls: [
      { id: 'plenary', name: { sw: 'Ukumbi Mkuu', en: 'Main plenary hall' }, capacity: 1200 },
      { id: 'hall-a', name: { sw: 'Ukumbi Mdogo A', en: 'Breakout hall A' }, capacity: 300 },
      { id: 'hall-b', name: { sw: 'Ukumbi Mdogo B', en: 'Breakout hall B' }, capacity: 150 },
      { id: 'expo', name: { sw: 'Ukumbi wa Maonesho ya Ubunifu', en: 'Innovation exhibition hall' }, capacity: 400 },
    ],
    desks: [
      ...[1, 2, 3].map((n) => ({
        id: `desk-${n}`,
        name: { sw: `Meza ya Usajili ${n} — Lango Kuu`, en: `Registration desk ${n} — main entrance` },
        hallId: 'plenary',
      })),
      { id: 'desk-vip', name: { sw: 'Meza ya Itifaki (Wageni Maalum)', en: 'Protocol desk (VIP)' }, hallId: 'plenary' },
      { id: 'expo-door', name: { sw: 'Mlango wa Ukumbi wa Maonesho', en: 'Exhibition hall door' }, hallId: 'expo' },
    ],
    categories: DEMO_CATEGORY_NAMES,
    badgePublicKey,
  }
}

interface Profile {
  category: Category
  flags: Flag[]
  institution?: Institution
  title?: string
}

const VIPS: Profile[] = [
  // The minister responsible for e-GA opens the session; first so that even a tiny demo has the VIP case.
  { category: 'guest', flags: ['vip', 'speaker'], institution: PO_PSMGG, title: 'Mhe.' },
  { category: 'accounting officer', flags: ['vip', 'speaker'], institution: PO_PSMGG, title: 'Dkt.' },
  { category: 'accounting officer', flags: ['vip', 'speaker'], institution: EGA, title: 'Mhandisi' },
  { category: 'board member', flags: ['vip'], institution: EGA, title: 'Prof.' },
  { category: 'guest', flags: ['vip'], institution: ARUSHA_RS, title: 'Mhe.' },
]
const many = (count: number, profile: Profile): Profile[] => Array.from({ length: count }, () => profile)
const SPECIAL_LISTS: Profile[][] = [
  VIPS.slice(1),
  (
    [
      'head of ICT unit',
      'head of ICT unit',
      'researcher',
      'researcher',
      'ICT officer',
      'ICT officer',
      'planning officer',
      'communication officer',
    ] as const
  ).map((category): Profile => ({ category, flags: ['speaker'] })),
  many(10, { category: 'innovator', flags: ['exhibitor'] }),
  many(6, { category: 'press', flags: ['press'] }),
  many(15, { category: 'organiser', flags: ['staff'], institution: EGA }),
]

/** The flagged people, fewer of each in a small demo so they stay a minority. */
function specialProfiles(n: number): Profile[] {
  const share = Math.min(1, n / 200)
  const scaled = SPECIAL_LISTS.flatMap((list) => list.slice(0, Math.round(list.length * share)))
  return [...VIPS.slice(0, 1), ...scaled].slice(0, n)
}

const byKind = (kind: OrgKind) => INSTITUTIONS.filter((i) => i.kind === kind)
const GOV_KINDS: readonly (readonly [OrgKind, number])[] = [
  ['ministry', 3],
  ['agency', 3],
  ['lga', 3],
  ['region', 1],
]

function institutionFor(rng: Rng, category: Category): Institution {
  switch (category) {
    case 'innovator':
    case 'researcher':
      return pick(rng, byKind('university'))
    case 'press':
      return pick(rng, byKind('media'))
    case 'organiser':
      return EGA
    case 'board member':
      return pick(rng, byKind('agency'))
    default:
      return pick(rng, byKind(weighted(rng, GOV_KINDS)))
  }
}

function titleFor(rng: Rng, female: boolean, category: Category, kind: OrgKind): string {
  const plain = female ? 'Bi.' : 'Bw.'
  if (kind === 'university')
    return weighted(rng, [
      ['Prof.', 1],
      ['Dkt.', 3],
      [plain, 5],
    ])
  if (category === 'accounting officer' || category === 'board member') {
    return weighted(rng, [
      ['Dkt.', 3],
      ['Prof.', 1],
      ['Mhandisi', 1],
      [plain, 4],
    ])
  }
  if (category === 'ICT officer' || category === 'head of ICT unit' || category === 'system user') {
    return weighted(rng, [
      ['Mhandisi', 2],
      ['Dkt.', 0.5],
      [plain, 7.5],
    ])
  }
  return weighted(rng, [
    ['Dkt.', 0.5],
    [plain, 9.5],
  ])
}

const emailPart = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '')

export function createDemoEvent(options: DemoEventOptions): { event: EventInfo; attendees: Attendee[] } {
  const n = options.attendees ?? 1000
  if (!Number.isInteger(n) || n < 0 || n > 100_000) throw new RangeError(`attendees must be an integer 0..100000, got ${n}`)
  const rng = mulberry32(options.seed ?? 2026)
  const event = buildEvent(options.firstDay, options.badgePublicKey)

  const specials = specialProfiles(n)
  const ordinary = Array.from({ length: n - specials.length }, (): Profile => ({ category: weighted(rng, CATEGORY_WEIGHTS), flags: [] }))
  // Spread the flagged people over the seqs, as a real registration list would.
  const profiles = shuffle(rng, [...specials, ...ordinary])

  const phones = new Set<string>()
  const emailCounts = new Map<string, number>()
  const attendees = profiles.map((profile, i): Attendee => {
    const seq = i + 1
    const female = rng() < 0.5
    const firstName = pick(rng, female ? FEMALE_NAMES : MALE_NAMES)
    const lastName = pick(rng, SURNAMES)
    const institution = profile.institution ?? institutionFor(rng, profile.category)
    const title = profile.title ?? titleFor(rng, female, profile.category, institution.kind)

    let phone: string
    do phone = `+2557${pick(rng, ['1', '4', '5', '6', '8'])}${String(Math.floor(rng() * 1e7)).padStart(7, '0')}`
    while (phones.has(phone))
    phones.add(phone)

    // Namesakes at one institution are common; a digit keeps their addresses apart.
    const base = `${emailPart(firstName)}.${emailPart(lastName)}@${institution.domain}`
    const count = (emailCounts.get(base) ?? 0) + 1
    emailCounts.set(base, count)
    const email = count === 1 ? base : base.replace('@', `${count}@`)

    return {
      id: `A${String(seq).padStart(4, '0')}`,
      seq,
      externalId: `REG-2026-${String(seq).padStart(5, '0')}`,
      firstName,
      lastName,
      title,
      organisation: institution.name,
      orgType: ORG_TYPES[institution.kind],
      category: profile.category,
      groupId: GROUP_OF[profile.category],
      phone,
      email,
      flags: FLAGS.filter((f) => profile.flags.includes(f)),
      walkIn: false,
      badgeVersion: 1,
      rev: 1,
    }
  })
  return { event, attendees }
}
