// Phone numbers as Tanzanians write them (0712 345 678, 255712345678, +255 712 345 678, and
// 712345678 when a spreadsheet ate the leading zero) become +255XXXXXXXXX. A number of another
// country, written with its +, is kept in the same E.164 shape.

export type PhoneResult = { ok: true; phone: string | undefined } | { ok: false }

/** The nine digits after +255: fixed lines start with 2, mobiles with 6 or 7. */
const NATIONAL = /^[2-7]\d{8}$/

export function normalisePhone(raw: string): PhoneResult {
  const value = raw.trim()
  if (!value) return { ok: true, phone: undefined }
  // spaces, dashes, dots and brackets are how people group digits; anything else is not a phone number
  const compact = value.replace(/[\s\u00a0().-]/g, '')
  if (!/^\+?\d+$/.test(compact)) return { ok: false }
  const tz = /^(?:\+|00)?255(?:0)?(\d{9})$/.exec(compact) ?? /^0(\d{9})$/.exec(compact) ?? /^(\d{9})$/.exec(compact)
  if (tz) return NATIONAL.test(tz[1]!) ? { ok: true, phone: `+255${tz[1]}` } : { ok: false }
  const international = /^(?:\+|00)([1-9]\d{6,14})$/.exec(compact)
  if (international && !international[1]!.startsWith('255')) return { ok: true, phone: `+${international[1]}` }
  return { ok: false }
}
