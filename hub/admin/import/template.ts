// The list to fill in, made for this event: the columns the import reads (headers in both
// languages, so the file imports as it is), the event's groups as a drop-down, phones kept as
// text (no leading 0 lost), and a sheet explaining each column in Kiswahili and English.
import type { Bilingual, EventInfo } from '../../../shared/domain.js'
import { groupNumber } from '../../../shared/domain.js'
import { FIELD_NAMES, type ImportField } from './fields.js'

export const TEMPLATE_SHEETS = { list: 'Washiriki', help: 'Maelezo - Help', groups: 'Makundi - Groups' } as const

/** rows of the list that carry the drop-down and the text format */
const ROWS = 2000

interface TemplateColumn {
  field: ImportField
  required: boolean
  help: Bilingual
  example: string
  width: number
}

const COLUMNS: TemplateColumn[] = [
  {
    field: 'externalId',
    required: false,
    width: 18,
    example: 'REG-0001',
    help: {
      sw: 'Namba ya usajili ya mshiriki. Ukiingiza orodha tena, mshiriki mwenye namba hii anasasishwa badala ya kuongezwa mara ya pili.',
      en: "The attendee's registration ID. When the list is imported again, the attendee with this ID is updated instead of added twice.",
    },
  },
  {
    field: 'firstName',
    required: true,
    width: 20,
    example: 'Neema',
    help: {
      sw: 'Jina la kwanza (na la kati), kama litakavyoonekana kwenye beji.',
      en: 'First (and middle) name, as it will read on the badge.',
    },
  },
  {
    field: 'lastName',
    required: true,
    width: 20,
    example: 'Kombo',
    help: { sw: 'Jina la ukoo: orodha hupangwa na kutafutwa kwa jina hili.', en: 'Surname: lists are sorted and searched by it.' },
  },
  {
    field: 'title',
    required: false,
    width: 14,
    example: 'Dkt.',
    help: { sw: 'Cheo kama Mhe., Dkt., Prof., Eng., Bw., Bi.', en: 'Title such as Mhe., Dkt., Prof., Eng., Bw., Bi.' },
  },
  {
    field: 'organisation',
    required: false,
    width: 30,
    example: 'Wizara ya Fedha',
    help: { sw: 'Taasisi ya mshiriki.', en: "The attendee's institution." },
  },
  {
    field: 'category',
    required: false,
    width: 20,
    example: 'Maafisa TEHAMA',
    help: {
      sw: 'Kategoria ya mshiriki (mf. maafisa masuuli, maafisa TEHAMA).',
      en: 'The attendee category (e.g. accounting officers, ICT officers).',
    },
  },
  {
    field: 'groupId',
    required: true,
    width: 26,
    example: '',
    help: {
      sw: 'Kundi la mshiriki: chagua kwenye orodha. Kundi huamua siku anazoruhusiwa kuingia. Namba ya kundi (1, 2, 3) inakubalika pia.',
      en: "The attendee's group: choose from the list. The group decides the days they may check in. The group's number (1, 2, 3) is accepted too.",
    },
  },
  {
    field: 'phone',
    required: false,
    width: 18,
    example: '0712 345 678',
    help: {
      sw: 'Simu, mf. 0712 345 678. Namba ya nchi nyingine ianze na + na namba ya nchi.',
      en: 'Phone, e.g. 0712 345 678. A number of another country starts with + and its country code.',
    },
  },
  {
    field: 'email',
    required: false,
    width: 28,
    example: 'neema.kombo@mof.go.tz',
    help: { sw: 'Barua pepe ya mshiriki.', en: "The attendee's email." },
  },
  {
    field: 'vip',
    required: false,
    width: 12,
    example: '',
    help: {
      sw: 'Andika "ndiyo" kwa mgeni mashuhuri (VIP); acha wazi kwa wengine.',
      en: 'Write "yes" for a VIP; leave empty for everyone else.',
    },
  },
]

const header = (f: ImportField) => `${FIELD_NAMES[f].sw} / ${FIELD_NAMES[f].en}`

export async function buildTemplate(event: Pick<EventInfo, 'name' | 'groups' | 'days'>): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs')
  const wb = new ExcelJS.Workbook()
  wb.title = `${event.name.sw} / ${event.name.en}`
  const list = wb.addWorksheet(TEMPLATE_SHEETS.list, { views: [{ state: 'frozen', ySplit: 1 }] })
  const help = wb.addWorksheet(TEMPLATE_SHEETS.help)
  const groups = wb.addWorksheet(TEMPLATE_SHEETS.groups)

  list.columns = COLUMNS.map((c) => ({ header: header(c.field), key: c.field, width: c.width }))
  list.getRow(1).font = { bold: true }
  const groupCol = COLUMNS.findIndex((c) => c.field === 'groupId') + 1
  const phoneCol = COLUMNS.findIndex((c) => c.field === 'phone') + 1
  const groupRange = `'${TEMPLATE_SHEETS.groups}'!$B$2:$B$${event.groups.length + 1}`
  for (let r = 2; r <= ROWS + 1; r++) {
    list.getCell(r, groupCol).dataValidation = {
      type: 'list',
      allowBlank: false,
      formulae: [groupRange],
      showErrorMessage: true,
      errorTitle: 'Kundi / Group',
      error: 'Chagua kundi kwenye orodha. / Choose a group from the list.',
    }
    // text, so Excel keeps the leading 0 of 0712…
    list.getCell(r, phoneCol).numFmt = '@'
  }

  help.columns = [
    { header: 'Safu wima / Column', key: 'column', width: 34 },
    { header: 'Lazima / Required', key: 'required', width: 16 },
    { header: 'Maelezo (Kiswahili)', key: 'sw', width: 70 },
    { header: 'Description (English)', key: 'en', width: 70 },
    { header: 'Mfano / Example', key: 'example', width: 22 },
  ]
  help.getRow(1).font = { bold: true }
  for (const c of COLUMNS) {
    const row = help.addRow({
      column: header(c.field),
      required: c.required ? 'Ndiyo / Yes' : 'Hapana / No',
      sw: c.help.sw,
      en: c.help.en,
      example: c.field === 'groupId' ? (event.groups[0]?.name.sw ?? '') : c.example,
    })
    row.alignment = { wrapText: true, vertical: 'top' }
  }
  help.addRow({})
  help.addRow({
    column: 'Safu ya kwanza ni vichwa: usiibadilishe. Mstari mmoja kwa kila mshiriki.',
    en: 'The first row is the headers: do not change it. One row per attendee.',
  })

  groups.columns = [
    { header: 'Namba / Number', key: 'number', width: 16 },
    { header: 'Kundi (Kiswahili)', key: 'sw', width: 30 },
    { header: 'Group (English)', key: 'en', width: 30 },
    { header: 'Siku / Days', key: 'days', width: 40 },
  ]
  groups.getRow(1).font = { bold: true }
  event.groups.forEach((g, i) => {
    const days = g.days.map((d) => event.days.find((x) => x.id === d)?.name.sw ?? d).join(', ')
    groups.addRow({ number: groupNumber(event.groups, i), sw: g.name.sw, en: g.name.en, days })
  })
  return Buffer.from(await wb.xlsx.writeBuffer())
}
