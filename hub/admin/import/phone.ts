// Phone numbers through libphonenumber-js with Tanzania as the home region: 0712 345 678,
// 255712345678, +255 712 345 678, and 712345678 where a spreadsheet ate the leading zero, all
// become +255712345678. A number written with its country code is checked by that country's
// own rules (the "max" metadata: which ranges exist, not only how many digits).
import { parsePhoneNumberFromString } from 'libphonenumber-js/max'

export type PhoneResult = { ok: true; phone: string | undefined } | { ok: false }

export const HOME_REGION = 'TZ'

export function normalisePhone(raw: string): PhoneResult {
  const value = raw.trim()
  if (!value) return { ok: true, phone: undefined }
  // spaces, dashes, dots, slashes and brackets are how people group digits; anything else is not a phone number
  let compact = value.replace(/[\s\u00a0().\-/]/g, '')
  if (!/^\+?\d+$/.test(compact)) return { ok: false }
  if (compact.startsWith('00')) compact = `+${compact.slice(2)}`
  // the country code written without its + (a numeric cell cannot hold one)
  else if (/^255\d{9}$/.test(compact)) compact = `+${compact}`
  const parsed = parsePhoneNumberFromString(compact, HOME_REGION)
  if (!parsed || !parsed.isValid()) return { ok: false }
  return { ok: true, phone: parsed.number }
}
