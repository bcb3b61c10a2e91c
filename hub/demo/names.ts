// Word lists for the demo event. Made-up people at real kinds of public institutions, so that
// search, sorting, badges and exports meet the names and spellings a Tanzanian list really has
// (apostrophes, two-word surnames, Swahili institution names).

export const FEMALE_NAMES = [
  'Neema', 'Rehema', 'Amina', 'Zawadi', 'Halima', 'Upendo', 'Grace', 'Mwanaidi', 'Saada', 'Subira',
  'Imani', 'Faraja', 'Tumaini', 'Agnes', 'Rose', 'Happiness', 'Joyce', 'Esther', 'Mwajuma', 'Zuhura',
  'Asha', 'Fatuma', 'Rukia', 'Winfrida', 'Anna', 'Elizabeth', 'Lucy', 'Mary', 'Salma', 'Jesca',
] as const

export const MALE_NAMES = [
  'Baraka', 'Juma', 'Godfrey', 'Emmanuel', 'Hamisi', 'Said', 'Joseph', 'John', 'Frank', 'Daudi',
  'Athumani', 'Yusufu', 'Elia', 'Peter', 'Paulo', 'Rashidi', 'Mussa', 'Ibrahimu', 'Erasto', 'Gerald',
  'Omari', 'Ally', 'Hassani', 'Petro', 'Deogratias', 'Faustine', 'Shabani', 'Abdallah', 'Nassoro', 'Julius',
] as const

// ASCII apostrophes on purpose: it is what registration forms and spreadsheets hand us.
export const SURNAMES = [
  'Mwakyusa', 'Kimaro', 'Massawe', 'Shirima', 'Mushi', 'Nyerere', 'Lyimo', 'Mollel', 'Laizer', 'Mbwambo',
  "Ng'wanangwa", 'Ole Sendeka', 'Kikwete', "Mang'enya", "Ng'umbi", "Nyang'oro", 'Mwakalinga', 'Mwakasege',
  'Temba', 'Swai', 'Urassa', 'Minja', 'Kessy', 'Makundi', 'Mrema', 'Mfinanga', 'Mdee', 'Mkapa', 'Magesa',
  'Msuya', 'Mnyampala', 'Chande', 'Sanga', 'Kihwele', 'Mgaya', 'Nkya', 'Tarimo', 'Massaro', 'Komba',
  'Haule', 'Mapunda', 'Ndunguru', 'Nchimbi', 'Kapinga', 'Mhagama', 'Bakari', 'Salim', 'Mohamed', 'Kombo',
  'Mwinyi', 'Kilonzo', 'Mwansasu', 'Kabudi', 'Mashauri', 'Lukumay', "Saning'o", 'Ole Nasha', 'Mbilinyi',
] as const

/** orgType values, in Swahili because that is the event's working language */
export const ORG_TYPES = {
  ministry: 'Wizara',
  agency: 'Taasisi',
  lga: 'Mamlaka ya Serikali za Mitaa',
  region: 'Sekretarieti ya Mkoa',
  university: 'Chuo Kikuu',
  media: 'Vyombo vya Habari',
} as const
export type OrgKind = keyof typeof ORG_TYPES

export interface Institution {
  name: string
  kind: OrgKind
  /** email domain; universities and private media are not under go.tz */
  domain: string
}

export const EGA: Institution = { name: 'Mamlaka ya Serikali Mtandao (e-GA)', kind: 'agency', domain: 'ega.go.tz' }
export const PO_PSMGG: Institution = {
  name: 'Ofisi ya Rais, Menejimenti ya Utumishi wa Umma na Utawala Bora',
  kind: 'ministry',
  domain: 'utumishi.go.tz',
}
export const ARUSHA_RS: Institution = { name: 'Sekretarieti ya Mkoa wa Arusha', kind: 'region', domain: 'arusha.go.tz' }

export const INSTITUTIONS: readonly Institution[] = [
  EGA,
  PO_PSMGG,
  ARUSHA_RS,
  { name: 'Wizara ya Fedha', kind: 'ministry', domain: 'mof.go.tz' },
  { name: 'Wizara ya Habari, Mawasiliano na Teknolojia ya Habari', kind: 'ministry', domain: 'habari.go.tz' },
  { name: 'Wizara ya Afya', kind: 'ministry', domain: 'afya.go.tz' },
  { name: 'Wizara ya Elimu, Sayansi na Teknolojia', kind: 'ministry', domain: 'moe.go.tz' },
  { name: 'Wizara ya Kilimo', kind: 'ministry', domain: 'kilimo.go.tz' },
  { name: 'Wizara ya Mambo ya Ndani ya Nchi', kind: 'ministry', domain: 'moha.go.tz' },
  { name: 'Ofisi ya Rais, TAMISEMI', kind: 'ministry', domain: 'tamisemi.go.tz' },
  { name: 'Mamlaka ya Mapato Tanzania (TRA)', kind: 'agency', domain: 'tra.go.tz' },
  { name: 'Mamlaka ya Vitambulisho vya Taifa (NIDA)', kind: 'agency', domain: 'nida.go.tz' },
  { name: 'Shirika la Umeme Tanzania (TANESCO)', kind: 'agency', domain: 'tanesco.go.tz' },
  { name: 'Wakala wa Usajili, Ufilisi na Udhamini (RITA)', kind: 'agency', domain: 'rita.go.tz' },
  { name: 'Mamlaka ya Mawasiliano Tanzania (TCRA)', kind: 'agency', domain: 'tcra.go.tz' },
  { name: 'Bohari ya Dawa (MSD)', kind: 'agency', domain: 'msd.go.tz' },
  { name: 'Wakala wa Barabara Tanzania (TANROADS)', kind: 'agency', domain: 'tanroads.go.tz' },
  { name: 'Halmashauri ya Jiji la Dodoma', kind: 'lga', domain: 'dodomacc.go.tz' },
  { name: 'Halmashauri ya Jiji la Arusha', kind: 'lga', domain: 'arushacc.go.tz' },
  { name: 'Halmashauri ya Jiji la Mwanza', kind: 'lga', domain: 'mwanzacc.go.tz' },
  { name: 'Halmashauri ya Manispaa ya Moshi', kind: 'lga', domain: 'moshimc.go.tz' },
  { name: 'Halmashauri ya Manispaa ya Iringa', kind: 'lga', domain: 'iringamc.go.tz' },
  { name: 'Halmashauri ya Wilaya ya Meru', kind: 'lga', domain: 'merudc.go.tz' },
  { name: 'Halmashauri ya Wilaya ya Bariadi', kind: 'lga', domain: 'bariadidc.go.tz' },
  { name: 'Sekretarieti ya Mkoa wa Dodoma', kind: 'region', domain: 'dodoma.go.tz' },
  { name: 'Sekretarieti ya Mkoa wa Mbeya', kind: 'region', domain: 'mbeya.go.tz' },
  { name: 'Sekretarieti ya Mkoa wa Kilimanjaro', kind: 'region', domain: 'kilimanjaro.go.tz' },
  { name: 'Sekretarieti ya Mkoa wa Simiyu', kind: 'region', domain: 'simiyu.go.tz' },
  { name: 'Chuo Kikuu cha Dar es Salaam (UDSM)', kind: 'university', domain: 'udsm.ac.tz' },
  { name: 'Chuo Kikuu cha Dodoma (UDOM)', kind: 'university', domain: 'udom.ac.tz' },
  { name: 'Taasisi ya Sayansi na Teknolojia ya Nelson Mandela (NM-AIST)', kind: 'university', domain: 'nm-aist.ac.tz' },
  { name: 'Chuo Kikuu cha Sayansi na Teknolojia Mbeya (MUST)', kind: 'university', domain: 'must.ac.tz' },
  { name: 'Chuo Kikuu Ardhi (ARU)', kind: 'university', domain: 'aru.ac.tz' },
  { name: 'Shirika la Utangazaji Tanzania (TBC)', kind: 'media', domain: 'tbc.go.tz' },
  { name: 'Kampuni ya Magazeti ya Serikali (TSN)', kind: 'media', domain: 'tsn.go.tz' },
  { name: 'Idara ya Habari (MAELEZO)', kind: 'media', domain: 'maelezo.go.tz' },
]

export const CATEGORIES = [
  'accounting officer',
  'board member',
  'head of ICT unit',
  'ICT officer',
  'HR officer',
  'planning officer',
  'communication officer',
  'accountant',
  'system user',
  'innovator',
  'researcher',
  'press',
  'guest',
  'organiser',
] as const
export type Category = (typeof CATEGORIES)[number]

/** How ordinary (unflagged) registrations spread over categories; ICT officers and system users dominate. */
export const CATEGORY_WEIGHTS: readonly (readonly [Category, number])[] = [
  ['ICT officer', 30],
  ['system user', 24],
  ['head of ICT unit', 7],
  ['accountant', 7],
  ['HR officer', 6],
  ['planning officer', 6],
  ['communication officer', 5],
  ['accounting officer', 5],
  ['board member', 2],
  ['innovator', 4],
  ['researcher', 4],
]
