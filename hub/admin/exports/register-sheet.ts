// The register and the check-in log as spreadsheet tables, headers in one language (`lang`).
import type { Bilingual } from '../../../shared/domain.js'
import type { Lang } from '../../../shared/local-time.js'
import type { EventStore } from '../../store/event-store.js'
import { checkinLog, CHECKIN_FIELDS, type CheckinField } from './checkin-log.js'
import { L, one } from './labels.js'
import type { RegisterOptions } from './register-pdf.js'
import { buildRegister } from './register.js'
import type { Sheet } from './sheet.js'

export function registerSheet(store: EventStore, options: RegisterOptions): Sheet {
  const { lang } = options
  const register = buildRegister(store, options, lang)
  const listed = options.blank ? register.entries : register.entries.filter((e) => e.present)
  const cols: [Bilingual, number][] = [
    [L.no, 6],
    [L.registrationNo, 16],
    [L.surname, 18],
    [L.firstName, 18],
    [L.name, 30],
    [L.title, 20],
    [L.institution, 45],
    [L.institutionType, 16],
    [L.category, 20],
    [L.phone, 16],
    [L.group, 30],
    [L.present, 10],
    [L.time, 20],
    [L.desk, 16],
  ]
  return {
    name: one(L.register, lang),
    header: cols.map(([h]) => one(h, lang)),
    widths: cols.map(([, w]) => w),
    rows: listed.map((e, i) => [
      i + 1,
      e.externalId,
      e.lastName,
      e.firstName,
      e.name,
      e.title,
      e.organisation,
      e.orgType,
      e.category,
      e.phone,
      e.group,
      one(e.present ? L.yes : L.no_, lang),
      e.at ? new Date(e.at) : null,
      e.desk,
    ]),
  }
}

const LOG_HEADERS: Record<CheckinField, Bilingual> = {
  seq: { sw: 'Mfuatano', en: 'Sequence' },
  id: { sw: 'Namba ya rekodi', en: 'Record id' },
  attendeeId: { sw: 'Namba ya mshiriki', en: 'Attendee id' },
  externalId: L.registrationNo,
  attendeeName: { sw: 'Jina la mshiriki', en: 'Attendee name' },
  badgeVersion: { sw: 'Toleo la beji', en: 'Badge version' },
  dayId: L.day,
  deskId: L.desk,
  hallId: { sw: 'Ukumbi', en: 'Hall' },
  kioskId: { sw: 'Kioski', en: 'Kiosk' },
  kind: { sw: 'Aina (kuingia/kutoka)', en: 'Kind (in/out)' },
  method: { sw: 'Njia', en: 'Method' },
  scannedAt: { sw: 'Saa ya kuskani (kioski)', en: 'Scanned at (kiosk)' },
  effectiveAt: { sw: 'Saa iliyotumika', en: 'Effective time' },
  clockOffsetMs: { sw: 'Tofauti ya saa ya kioski (ms)', en: 'Kiosk clock offset (ms)' },
  receivedAt: { sw: 'Saa kitovu kilipopokea', en: 'Received by the hub at' },
  outcome: { sw: 'Jibu', en: 'Outcome' },
  hubOutcome: { sw: 'Jibu la kitovu', en: 'Hub outcome' },
  firstAt: { sw: 'Saa ya kuingia kwanza', en: 'First check-in at' },
  firstDeskId: { sw: 'Meza ya kuingia kwanza', en: 'First check-in desk' },
  review: { sw: 'Ukaguzi', en: 'Review' },
}

export function checkinSheet(store: EventStore, lang: Lang): Sheet {
  return {
    name: lang === 'sw' ? 'Rekodi za kuingia' : 'Check-in log',
    header: CHECKIN_FIELDS.map((f) => LOG_HEADERS[f][lang]),
    widths: CHECKIN_FIELDS.map((f) => (f === 'attendeeName' ? 30 : 20)),
    rows: checkinLog(store).map((r) => CHECKIN_FIELDS.map((f) => r[f])),
  }
}
