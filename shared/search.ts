// Finding a person by what they say at the desk: forgiving about case, accents, spaces and
// apostrophes (Ng'wanangwa, Ngwanangwa, ng wanangwa), and phones in local or +255 form.
import { attendeeName, type Attendee } from './domain.js'

const APOSTROPHES = /['’‘`ʼ´]/g

export function foldText(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(APOSTROPHES, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

const squash = (s: string) => foldText(s).replace(/ /g, '')

/** +255712345678, 0712345678 and 712 345 678 all become 712345678 */
export function phoneKey(s: string): string {
  const digits = s.replace(/\D/g, '')
  if (digits.startsWith('255')) return digits.slice(3)
  if (digits.startsWith('0')) return digits.slice(1)
  return digits
}

export interface SearchIndexEntry {
  attendee: Attendee
  words: string
  squashed: string
  phone: string
}

export function indexEntry(a: Attendee): SearchIndexEntry {
  const words = foldText(`${attendeeName(a)} ${a.organisation} ${a.externalId ?? ''}`)
  return { attendee: a, words, squashed: words.replace(/ /g, ''), phone: a.phone ? phoneKey(a.phone) : '' }
}

/** The best `limit` matches, and how many matched in all (so a screen can say "+11 more"). */
export function searchAttendees(entries: Iterable<SearchIndexEntry>, query: string, limit = 20): { matches: Attendee[]; total: number } {
  const q = foldText(query)
  if (q.length < 2) return { matches: [], total: 0 }
  const terms = q.split(' ')
  const qSquashed = squash(query)
  const qPhone = /\d{6,}/.test(query.replace(/\D/g, '')) ? phoneKey(query) : ''
  const scored: { a: Attendee; score: number }[] = []
  for (const e of entries) {
    let score = 0
    if (qPhone && e.phone.endsWith(qPhone)) score = 3
    else if (terms.every((t) => e.words.includes(t))) score = e.words.startsWith(terms[0]!) ? 2 : 1
    else if (qSquashed.length >= 4 && e.squashed.includes(qSquashed)) score = 1
    if (score > 0) scored.push({ a: e.attendee, score })
  }
  scored.sort((x, y) => y.score - x.score || attendeeName(x.a).localeCompare(attendeeName(y.a)))
  return { matches: scored.slice(0, limit).map((s) => s.a), total: scored.length }
}
