// The certificate's and its check page's words, Kiswahili first (GLOSSARY.md).
import type { Bilingual } from '../../shared/domain.js'

export const C = {
  certificate: { sw: 'Cheti cha ushiriki', en: 'Certificate of attendance' },
  certify: { sw: 'Hiki ni kuthibitisha kwamba', en: 'This is to certify that' },
  attended: { sw: 'alishiriki katika', en: 'attended' },
  venue: { sw: 'Mahali', en: 'Venue' },
  dates: { sw: 'Tarehe', en: 'Dates' },
  daysAttended: { sw: 'Siku alizoshiriki', en: 'Days attended' },
  signature: { sw: 'Sahihi', en: 'Signature' },
  issued: { sw: 'Kimetolewa', en: 'Issued' },
  number: { sw: 'Namba ya cheti', en: 'Certificate no.' },
  scanToCheck: { sw: 'Skani kuthibitisha cheti hiki', en: 'Scan to check this certificate' },
  genuine: { sw: 'Cheti hiki ni halali', en: 'This certificate is genuine' },
  genuineHelp: { sw: 'Kimetolewa na kusainiwa na mratibu wa tukio hili.', en: 'It was issued and signed by the organiser of this event.' },
  forged: { sw: 'Cheti hiki ni cha kughushi', en: 'This certificate is forged' },
  forgedHelp: {
    sw: 'Msimbo wake haukusainiwa na mratibu wa tukio hili, au umebadilishwa. Usikikubali.',
    en: 'Its code was not signed by the organiser of this event, or it has been altered. Do not accept it.',
  },
  check: { sw: 'Thibitisha cheti cha ushiriki', en: 'Check a certificate of attendance' },
  checkHelp: { sw: 'Andika namba ya cheti kama ilivyochapishwa chini ya QR.', en: 'Type the certificate number as printed beside the QR.' },
  typeNumber: { sw: 'Namba ya cheti', en: 'Certificate no.' },
  checkButton: { sw: 'Thibitisha', en: 'Check' },
  attendee: { sw: 'Mshiriki', en: 'Attendee' },
  event: { sw: 'Tukio', en: 'Event' },
} as const satisfies Record<string, Bilingual>
