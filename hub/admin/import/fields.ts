// The attendee fields an import can fill, and how a spreadsheet's headers are matched to them
// (English and Kiswahili, as organisers write them). The guess is only a start: the request
// may pass its own mapping.
import type { Bilingual } from '../../../shared/domain.js'

import { IMPORT_FIELDS, type ImportField } from '../../../shared/import-fields.js'

export { IMPORT_FIELDS, type ImportField }

/** groupId, and a name: a full-name column, or first-name and surname columns (see plan.ts) */
export const REQUIRED_FIELDS: readonly ImportField[] = ['firstName', 'lastName', 'groupId']

/** field -> column name (a header of the file), or null when no column feeds it */
export type Mapping = Record<ImportField, string | null>
/** what a request may send: any subset; null unmaps a guessed column */
export type MappingInput = Partial<Record<ImportField, string | null>>

export const FIELD_NAMES: Record<ImportField, Bilingual> = {
  externalId: { sw: 'Namba ya usajili', en: 'Registration ID' },
  fullName: { sw: 'Jina kamili', en: 'Full name' },
  firstName: { sw: 'Jina la kwanza', en: 'First name' },
  lastName: { sw: 'Jina la ukoo', en: 'Surname' },
  title: { sw: 'Cheo', en: 'Title' },
  organisation: { sw: 'Taasisi', en: 'Institution' },
  orgType: { sw: 'Aina ya taasisi', en: 'Institution type' },
  category: { sw: 'Kategoria', en: 'Category' },
  groupId: { sw: 'Kundi', en: 'Group' },
  phone: { sw: 'Simu', en: 'Phone' },
  email: { sw: 'Barua pepe', en: 'Email' },
  flags: { sw: 'Alama', en: 'Flags' },
  vip: { sw: 'Mgeni mashuhuri (VIP)', en: 'VIP' },
  speaker: { sw: 'Mzungumzaji', en: 'Speaker' },
  exhibitor: { sw: 'Mwonyeshaji', en: 'Exhibitor' },
  press: { sw: 'Mwandishi wa habari', en: 'Press' },
  staff: { sw: 'Mratibu', en: 'Staff' },
}

/** Header spellings, already normalised (see normaliseHeader). Order matters: first match wins. */
const SYNONYMS: Record<ImportField, string[]> = {
  externalId: [
    'registration id',
    'registration no',
    'registration number',
    'reg id',
    'reg no',
    'registration',
    'external id',
    'ticket',
    'ticket id',
    'ticket no',
    'participant id',
    'id',
    'namba ya usajili',
    'nambari ya usajili',
    'namba ya usajili ya mshiriki',
    'usajili',
    'kitambulisho',
  ],
  fullName: [
    'full name',
    'fullname',
    'full names',
    'name',
    'names',
    'participant name',
    'participant s name',
    'attendee name',
    'name of participant',
    'jina kamili',
    'jina',
    'majina',
    'majina kamili',
    'jina la mshiriki',
    'majina ya mshiriki',
  ],
  // "kwanza", "first": the lower row of a two-row header under "Jina" / "Name"
  firstName: [
    'first name',
    'firstname',
    'given name',
    'forename',
    'jina la kwanza',
    'la kwanza',
    'kwanza',
    'first',
    'other names',
    'majina mengine',
  ],
  lastName: [
    'surname',
    'last name',
    'lastname',
    'family name',
    'jina la ukoo',
    'jina la mwisho',
    'ubini',
    'la ukoo',
    'ukoo',
    'la mwisho',
    'mwisho',
    'last',
  ],
  title: ['title', 'job title', 'position', 'designation', 'rank', 'cheo', 'wadhifa', 'nafasi'],
  organisation: [
    'institution',
    'organisation',
    'organization',
    'employer',
    'company',
    'ministry',
    'office',
    'taasisi',
    'ofisi',
    'shirika',
    'wizara',
    'mahali pa kazi',
  ],
  orgType: ['institution type', 'organisation type', 'organization type', 'org type', 'sector', 'aina ya taasisi', 'sekta'],
  category: ['category', 'participant category', 'role', 'kategoria', 'aina ya mshiriki', 'kada'],
  groupId: ['group', 'group id', 'attendance group', 'kundi', 'kikundi'],
  phone: [
    'phone',
    'phone number',
    'mobile',
    'mobile number',
    'telephone',
    'tel',
    'cell',
    'simu',
    'namba ya simu',
    'nambari ya simu',
    'simu ya mkononi',
  ],
  email: ['email', 'e mail', 'email address', 'e mail address', 'mail', 'barua pepe', 'anwani ya barua pepe'],
  flags: ['flags', 'tags', 'alama'],
  vip: ['vip', 'mgeni mashuhuri', 'mgeni rasmi', 'itifaki', 'protocol'],
  speaker: ['speaker', 'presenter', 'mzungumzaji', 'mnenaji', 'mtoa mada'],
  exhibitor: ['exhibitor', 'innovator', 'mwonyeshaji', 'mbunifu'],
  press: ['press', 'media', 'journalist', 'mwandishi wa habari', 'waandishi wa habari', 'vyombo vya habari'],
  staff: ['staff', 'organiser', 'organizer', 'mratibu', 'mfanyakazi', 'waandaaji'],
}

/** Lower case, accents and punctuation gone, spaces collapsed: "E-mail:" and "e mail" meet. */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

export function emptyMapping(): Mapping {
  return Object.fromEntries(IMPORT_FIELDS.map((f) => [f, null])) as Mapping
}

/** Each field takes the first column whose header is one of its spellings; a column feeds one field. */
export function guessMapping(columns: readonly string[]): Mapping {
  const mapping = emptyMapping()
  const taken = new Set<string>()
  // a bilingual header ("Jina la kwanza / First name", as the template writes them) matches by either half
  const normalised = columns.map((c) => [normaliseHeader(c), ...c.split(/[/|]/).map(normaliseHeader)])
  for (const field of IMPORT_FIELDS) {
    for (const synonym of SYNONYMS[field]) {
      const i = normalised.findIndex((h, j) => h.includes(synonym) && !taken.has(columns[j]!))
      if (i >= 0) {
        mapping[field] = columns[i]!
        taken.add(columns[i]!)
        break
      }
    }
  }
  return mapping
}

export class MappingError extends Error {
  constructor(
    readonly field: string,
    readonly column: string,
  ) {
    super(`column "${column}" for ${field} is not in the file`)
  }
}

/** The guess, with the request's choices on top; a choice naming no column of the file is refused. */
export function resolveMapping(columns: readonly string[], input: MappingInput | undefined): Mapping {
  const mapping = guessMapping(columns)
  for (const field of IMPORT_FIELDS) {
    if (!input || !(field in input)) continue
    const column = input[field]
    if (column === null || column === undefined || column === '') {
      mapping[field] = null
      continue
    }
    if (!columns.includes(column)) throw new MappingError(field, column)
    mapping[field] = column
  }
  return mapping
}
