// The formula guard against generated cells: whatever the text, no part a spreadsheet starts a
// cell at (the start, or after a "," or ";") begins with a formula character once guarded, and
// the guard only ever adds apostrophes.
import fc from 'fast-check'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { guardCell, toCsv } from '../../hub/admin/exports/csv.js'
import { guardText } from '../../hub/admin/exports/formula-guard.js'

/** Whether a spreadsheet could read any part of `value` as a formula (what guardText prevents). */
function looksLikeFormula(value: string): boolean {
  return /(^|[,;\n])[ \n]*[=+\-@\t\r]/.test(value)
}

/** Text rich in what matters: formula characters, separators, spaces, quotes, Kiswahili letters. */
const cellText = fc.string({
  unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', ',', ';', ' ', '"', "'", 'a', 'Z', '1', '(', ')', 'ng’', '\n'),
  maxLength: 40,
})
const anyText = fc.oneof(cellText, fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 }))

/** The cells a spreadsheet would make of `text` when it splits on "," or ";" or lines. */
const segments = (text: string) => text.split(/[,;\n]/)

describe('formula guard', () => {
  it('known attacks', () => {
    expect(guardText('=HYPERLINK("http://evil.example","click")')).toBe(`'=HYPERLINK("http://evil.example","click")`)
    expect(guardText('@SUM(1)')).toBe(`'@SUM(1)`)
    expect(guardText('+255712000000')).toBe(`'+255712000000`)
    expect(guardText('Wizara ya Fedha;=cmd|"/c calc"!A1')).toBe(`Wizara ya Fedha;'=cmd|"/c calc"!A1`)
    expect(guardText('Dodoma, -2+3')).toBe(`Dodoma, '-2+3`)
    expect(guardText('\t=1')).toBe(`'\t=1`)
    expect(guardText("Neema Ng'wanangwa")).toBe("Neema Ng'wanangwa")
    expect(guardText('Wizara ya Fedha, "Hazina"')).toBe('Wizara ya Fedha, "Hazina"')
    expect(guardCell(-120)).toBe(-120)
  })

  it('no cell a spreadsheet would make of a guarded text starts with a formula character', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const guarded = guardText(text)
        expect(looksLikeFormula(guarded)).toBe(false)
        for (const s of segments(guarded)) expect(s.replace(/^ +/, '').charAt(0)).not.toMatch(/[=+\-@]/)
        for (const s of segments(guarded)) expect(s.charAt(0)).not.toMatch(/[\t\r]/)
      }),
      { numRuns: 2000 },
    )
  })

  it('adds only apostrophes, and leaves harmless text alone', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const guarded = guardText(text)
        // removing the added apostrophes gives the original back
        const original = Array.from(text)
        let i = 0
        let added = 0
        for (const ch of guarded) {
          if (original[i] === ch) i++
          else {
            expect(ch).toBe("'")
            added++
          }
        }
        expect(i).toBe(original.length)
        if (!looksLikeFormula(text)) expect(added).toBe(0)
      }),
      { numRuns: 2000 },
    )
  })

  it('a CSV of guarded cells parses back to the guarded cells, one per column', () => {
    fc.assert(
      fc.property(fc.array(anyText, { minLength: 1, maxLength: 6 }), (cells) => {
        const csv = toCsv(
          cells.map((_, i) => `c${i}`),
          [cells],
        )
        const parsed = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n', delimiter: ',', skipEmptyLines: false })
        expect(parsed.data[1]).toEqual(cells.map(guardText))
      }),
      { numRuns: 500 },
    )
  })
})
