// A person's name as registration systems send it: one "Full Name" cell. The name stays as
// written (the badge shows it so); it is split only so lists sort and search by surname:
// the surname is the last word, unless the file has its own surname column.
import { withoutInvisible } from '../../../shared/invisible.js'

/** Honorifics that arrive at the front of a name and belong in the title. */
const TITLE_WORDS = ['mhe', 'mheshimiwa', 'dkt', 'dr', 'eng', 'mhandisi', 'bw', 'bi', 'prof', 'mr', 'mrs', 'ms']

const isTitleWord = (word: string) => TITLE_WORDS.includes(word.toLowerCase().replace(/\.$/, ''))

export interface SplitName {
  firstName: string
  lastName: string
  /** the title words found at the front, as written ("Prof. Dkt."), or '' */
  prefix: string
}

/** Names and titles: one line, single spaces (a quoted cell may hold line breaks). */
export const oneLine = (s: string) => withoutInvisible(s).replace(/\s+/g, ' ').trim()

/**
 * Splits a full name. `surname` (the file's own surname cell, when it has one) wins over the
 * last word: "Neema Ng'wanangwa Kombo" with surname "Ng'wanangwa Kombo" keeps both words.
 */
export function splitFullName(full: string, surname?: string): SplitName {
  const words = oneLine(full).split(' ').filter(Boolean)
  const prefixWords: string[] = []
  // a title word alone is a name ("Bi" on its own would leave nothing): keep at least one word
  while (words.length > 1 && isTitleWord(words[0]!)) prefixWords.push(words.shift()!)
  const prefix = prefixWords.join(' ')
  const given = oneLine(surname ?? '')
  if (given) {
    const rest = words.join(' ')
    const lower = rest.toLowerCase()
    const s = given.toLowerCase()
    if (lower.endsWith(` ${s}`))
      return { firstName: rest.slice(0, rest.length - s.length - 1), lastName: rest.slice(rest.length - s.length), prefix }
    if (lower.startsWith(`${s} `)) return { firstName: rest.slice(s.length + 1), lastName: rest.slice(0, s.length), prefix }
    if (lower === s) return { firstName: '', lastName: rest, prefix }
    return { firstName: rest, lastName: given, prefix }
  }
  if (words.length === 0) return { firstName: '', lastName: '', prefix }
  const lastName = words.pop()!
  return { firstName: words.join(' '), lastName, prefix }
}

/** The title with the name's honorific in front, unless the title already starts with it. */
export function withPrefix(prefix: string, title: string | undefined): string | undefined {
  if (!prefix) return title
  if (!title) return prefix
  const norm = (s: string) => s.toLowerCase().replace(/\./g, '')
  return norm(title).startsWith(norm(prefix)) ? title : `${prefix} ${title}`
}
