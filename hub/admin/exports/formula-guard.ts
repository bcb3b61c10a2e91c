// A spreadsheet runs a cell as a formula when its text starts with = + - @ (or a tab or a
// carriage return). A CSV opened with another separator, or a cell pasted into a sheet that
// splits on ";" or "," (or on lines), starts a new cell after each separator, so the same holds
// there, after any spaces. An apostrophe before such a character keeps the text text; nothing
// else changes.

const TRIGGER = new Set(['=', '+', '-', '@', '\t', '\r'])
const SEPARATOR = new Set([',', ';', '\n'])

export function guardText(value: string): string {
  let out = ''
  let segmentStart = true
  for (const ch of value) {
    if (segmentStart && (ch === ' ' || ch === '\n')) {
      out += ch
      continue
    }
    if (segmentStart && TRIGGER.has(ch)) out += "'"
    out += ch
    segmentStart = SEPARATOR.has(ch)
  }
  return out
}
