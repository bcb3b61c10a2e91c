// The words documents print, Kiswahili first (GLOSSARY.md). PDFs print both ("Jina / Name");
// spreadsheets pick one by `lang`, since a header is a machine's key as much as a person's.
import type { Bilingual } from '../../../shared/domain.js'
import type { Lang } from '../../../shared/local-time.js'

export const L = {
  no: { sw: 'Na.', en: 'No.' },
  registrationNo: { sw: 'Namba ya usajili', en: 'Registration no.' },
  name: { sw: 'Jina kamili', en: 'Full name' },
  firstName: { sw: 'Jina la kwanza', en: 'First name' },
  surname: { sw: 'Jina la ukoo', en: 'Surname' },
  title: { sw: 'Cheo', en: 'Title' },
  institution: { sw: 'Taasisi', en: 'Institution' },
  institutionType: { sw: 'Aina ya taasisi', en: 'Institution type' },
  category: { sw: 'Kategoria', en: 'Category' },
  phone: { sw: 'Simu', en: 'Phone' },
  group: { sw: 'Kundi', en: 'Group' },
  desk: { sw: 'Meza', en: 'Desk' },
  time: { sw: 'Saa ya kuingia', en: 'Check-in time' },
  clock: { sw: 'Saa', en: 'Time' },
  present: { sw: 'Ameingia', en: 'Present' },
  signature: { sw: 'Sahihi', en: 'Signature' },
  stamp: { sw: 'Muhuri', en: 'Stamp' },
  date: { sw: 'Tarehe', en: 'Date' },
  day: { sw: 'Siku', en: 'Day' },
  venue: { sw: 'Mahali', en: 'Venue' },
  register: { sw: 'Rejista ya mahudhurio', en: 'Attendance register' },
  blankRegister: { sw: 'Rejista ya mahudhurio ya kusaini kwa mkono', en: 'Attendance register for signing by hand' },
  allAttendees: { sw: 'Washiriki wote', en: 'All attendees' },
  checkedIn: { sw: 'Walioingia', en: 'Checked in' },
  expected: { sw: 'Wanaotarajiwa', en: 'Expected' },
  total: { sw: 'Jumla', en: 'Total' },
  officer: { sw: 'Afisa anayehusika', en: 'Responsible officer' },
  generated: { sw: 'Imetolewa', en: 'Generated' },
  yes: { sw: 'Ndiyo', en: 'Yes' },
  no_: { sw: 'Hapana', en: 'No' },
  nobody: { sw: 'Hakuna aliyeingia.', en: 'Nobody checked in.' },
} as const satisfies Record<string, Bilingual>

/** "Jina kamili / Full name": both languages, for paper. */
export const both = (b: Bilingual) => (b.sw === b.en ? b.sw : `${b.sw} / ${b.en}`)

/** One language, for spreadsheet headers. */
export const one = (b: Bilingual, lang: Lang) => b[lang]

/** "Ukurasa 2 kati ya 5 / Page 2 of 5" */
export const pageOf = (n: number, of: number) => `Ukurasa ${n} kati ya ${of} / Page ${n} of ${of}`
