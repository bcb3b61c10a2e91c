// The badge design: fitting long text without cutting it, ribbons, days, and a layout whose
// parts stay on the card and off the QR.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { measureText } from '../../hub/badges/badge-pdf.js'
import {
  BADGE_FORMATS,
  badgeDays,
  fitText,
  fitWholeWords,
  layoutBadge,
  lineHeightMm,
  ribbonFor,
  sizeSteps,
  textColorOn,
  type Measure,
  type QrElement,
  type TextElement,
} from '../../shared/badges/badge-layout.js'
import { textBox } from '../helpers/badge-boxes.js'
import { STOCKS } from '../../shared/badges/badge-stock.js'
import type { Attendee } from '../../shared/domain.js'
import { testEvent } from '../fixtures/event.js'

/** A fixed-pitch font: every character 0.6 em wide. */
const mono: Measure = (text, size) => (text.length * size * 0.6) / (72 / 25.4)
const noSpaces = (s: string) => s.replace(/\s+/g, '')

const NAME_60 = 'Mwanaisha Nasrat Kokuhumbya Ng’wanangwa-Rutashobya Kisangani'
const ORG_60 = 'Wakala wa Serikali Mtandao, Idara ya Mifumo ya TEHAMA Dodoma'

describe('fitText', () => {
  it('keeps a short name at the largest size on one line', () => {
    const f = fitText('Juma Massawe', { width: 60, sizes: sizeSteps(15, 6), maxLines: 2, bold: true }, mono)
    expect(f).toEqual({ lines: ['Juma Massawe'], size: 15, belowMinimum: false })
  })

  it('shrinks and wraps a 60-character name into two lines, every character kept', () => {
    expect(NAME_60).toHaveLength(60)
    expect(ORG_60).toHaveLength(60)
    const spec = { width: 50, sizes: sizeSteps(15, 6), maxLines: 2 as const, bold: true }
    const f = fitText(NAME_60, spec, mono)
    expect(f.lines).toHaveLength(2)
    expect(f.belowMinimum).toBe(false)
    expect(f.size).toBeLessThan(15)
    expect(f.lines.join(' ')).toBe(NAME_60)
    for (const line of f.lines) expect(mono(line, f.size, true)).toBeLessThanOrEqual(spec.width)
    // the largest size that fits split at a space: one step up, it would need a break inside a word
    const bigger = fitText(NAME_60, { ...spec, sizes: [f.size + 0.5] }, mono)
    expect(bigger.belowMinimum || bigger.lines.join(' ') !== NAME_60).toBe(true)
  })

  it('splits at the most even space, not greedily', () => {
    // 14 characters fit a line; greedy filling would give 'aa bb cc dd ee' / 'ff'
    const f = fitText('aa bb cc dd ee ff', { width: 30, sizes: [10], maxLines: 2, bold: false }, mono)
    expect(f.lines).toEqual(['aa bb cc', 'dd ee ff'])
  })

  it('breaks inside a word that cannot fit, without dropping a character', () => {
    const word = 'ictunit.egovernmentauthority.go.tz'
    const f = fitText(word, { width: 26, sizes: sizeSteps(10, 7), maxLines: 2, bold: false }, mono)
    expect(f.lines).toHaveLength(2)
    expect(f.lines.join('')).toBe(word)
    expect(f.belowMinimum).toBe(false)
  })

  it('goes below the smallest step rather than cut, when nothing else fits', () => {
    const f = fitText(ORG_60, { width: 20, sizes: sizeSteps(8, 6), maxLines: 1, bold: false }, mono)
    expect(f.lines).toEqual([ORG_60])
    expect(f.belowMinimum).toBe(true)
    expect(f.size).toBeLessThan(6)
    expect(mono(ORG_60, f.size, false)).toBeLessThanOrEqual(20)
  })

  it('respects a box height: two lines only when both fit in it', () => {
    const f = fitText(NAME_60, { width: 50, sizes: sizeSteps(15, 6), maxLines: 2, bold: true, height: lineHeightMm(8) * 2 }, mono)
    expect(f.lines.length * lineHeightMm(f.size)).toBeLessThanOrEqual(lineHeightMm(8) * 2 + 1e-9)
    expect(noSpaces(f.lines.join(''))).toBe(noSpaces(NAME_60))
  })

  it('never loses or reorders a character, whatever the text and box (property)', () => {
    const word = fc.string({ minLength: 1, maxLength: 25, unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABC’-.'.split('')) })
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 8 }),
        fc.double({ min: 5, max: 90, noNaN: true }),
        fc.constantFrom(1 as const, 2 as const),
        (words, width, maxLines) => {
          const text = words.join(' ')
          const f = fitText(text, { width, sizes: sizeSteps(14, 5), maxLines, bold: true }, mono)
          expect(f.lines.length).toBeGreaterThanOrEqual(1)
          expect(f.lines.length).toBeLessThanOrEqual(maxLines)
          expect(noSpaces(f.lines.join(''))).toBe(noSpaces(text))
          for (const line of f.lines) expect(mono(line, f.size, true)).toBeLessThanOrEqual(width + 1e-6)
        },
      ),
      { numRuns: 300 },
    )
  })
})

describe('ribbons', () => {
  it('names every flag in Swahili and English, VIP first and in its colour', () => {
    expect(ribbonFor([])).toBeNull()
    const r = ribbonFor(['speaker', 'vip'])
    expect(r).toMatchObject({ flags: ['vip', 'speaker'], text: 'MGENI RASMI / VIP · MZUNGUMZAJI / SPEAKER', color: '#b8860b' })
    expect(ribbonFor(['exhibitor'])?.text).toBe('MWONESHAJI / EXHIBITOR')
    expect(ribbonFor(['press'])?.text).toBe('VYOMBO VYA HABARI / PRESS')
    expect(ribbonFor(['staff'])?.text).toBe('MAAFISA / STAFF')
  })

  it('picks black or white text by contrast', () => {
    expect(textColorOn('#f9a825')).toBe('#000000') // amber
    expect(textColorOn('#1565c0')).toBe('#ffffff') // dark blue
    expect(textColorOn('#ffffff')).toBe('#000000')
  })
})

describe('days', () => {
  const { event } = testEvent('k'.repeat(43))
  it('marks the days a group may attend, named in both languages', () => {
    const leaders = event.groups.find((g) => g.id === 'leaders')
    const days = badgeDays(event, leaders)
    expect(days.map((d) => [d.id, d.allowed, d.short])).toEqual([
      ['d1', false, '24/11'],
      ['d2', false, '25/11'],
      ['d3', true, '26/11'],
    ])
    expect(days[0]!.label).toEqual({ sw: 'Jumanne 24 Novemba 2026', en: 'Tuesday 24 November 2026' })
    expect(days[2]!.weekday).toEqual({ sw: 'Alhamisi', en: 'Thursday' })
    expect(badgeDays(event, undefined).every((d) => !d.allowed)).toBe(true)
  })
})

describe('layoutBadge', () => {
  const { event, attendees } = testEvent('k'.repeat(43))
  const code = 'AVTBAQEJTtwuaOsZUlCD9WHIpB4gjQjvCF9xKQ2qBchKlPpj_vKlFwKNQSYIBl4Whlo0-PHfMh0vWDFSimuzWk2EpTQC'
  const long: Attendee = {
    ...attendees[2]!,
    firstName: NAME_60.split(' ').slice(0, 3).join(' '),
    lastName: NAME_60.split(' ').slice(3).join(' '),
    organisation: ORG_60,
    flags: ['vip', 'speaker', 'press'],
  }
  const texts = (els: ReturnType<typeof layoutBadge>['elements'], role: TextElement['role']) =>
    els.filter((e): e is TextElement => e.kind === 'text' && e.role === role)
  const overlaps = (a: { x: number; y: number; w: number; h: number }, b: { x: number; y: number; w: number; h: number }) =>
    a.x < b.x + b.w - 1e-6 && b.x < a.x + a.w - 1e-6 && a.y < b.y + b.h - 1e-6 && b.y < a.y + a.h - 1e-6

  for (const format of BADGE_FORMATS) {
    it(`${format}: a 60-character name and organisation fit whole, on the card, off the QR`, () => {
      const layout = layoutBadge({ event, attendee: long, code, format }, measureText)
      const [name] = texts(layout.elements, 'name')
      const [org] = texts(layout.elements, 'organisation')
      expect(name!.lines.length).toBeLessThanOrEqual(2)
      expect(name!.lines.join(' ')).toBe(NAME_60)
      expect(org!.lines.join(' ')).toBe(ORG_60)
      const qr = layout.elements.find((e): e is QrElement => e.kind === 'qr')!
      const qrBox = { x: qr.x, y: qr.y, w: qr.size, h: qr.size }
      expect(qrBox.x + qrBox.w).toBeLessThanOrEqual(layout.width)
      expect(qrBox.y + qrBox.h).toBeLessThanOrEqual(layout.height)
      expect(qr.quiet).toBeGreaterThanOrEqual(4)
      expect(qr.modules).toBe(41) // a 94-character code, level M: version 6
      expect(qr.code).toBe(code)
      for (const t of layout.elements.filter((e): e is TextElement => e.kind === 'text')) {
        const box = textBox(t)
        expect(box.x).toBeGreaterThanOrEqual(0)
        expect(box.y).toBeGreaterThanOrEqual(0)
        expect(box.x + box.w).toBeLessThanOrEqual(layout.width)
        expect(box.y + box.h).toBeLessThanOrEqual(layout.height + 1e-6)
        for (const line of t.lines) expect(measureText(line, t.size, t.bold)).toBeLessThanOrEqual(t.w + 1e-6)
        expect(overlaps(box, qrBox), `${t.role} "${t.lines.join(' / ')}" overlaps the QR`).toBe(false)
      }
      // the text blocks of the body do not overlap each other
      const body = ['title', 'name', 'organisation', 'daysLabel', 'ribbon'] as const
      const boxes = body.flatMap((role) => texts(layout.elements, role).map((t) => ({ role, box: textBox(t) })))
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++)
          expect(overlaps(boxes[i]!.box, boxes[j]!.box), `${boxes[i]!.role} / ${boxes[j]!.role}`).toBe(false)
    })

    it(`${format}: shows the ribbon, the days, the group colour and the event in both languages`, () => {
      const layout = layoutBadge({ event, attendee: long, code, format }, measureText)
      expect(
        texts(layout.elements, 'ribbon')
          .flatMap((t) => t.lines)
          .join(' '),
      ).toBe('MGENI RASMI / VIP · MZUNGUMZAJI / SPEAKER · VYOMBO VYA HABARI / PRESS')
      // a thermal label printer has black only: bands solid black, the ribbon an outlined white strip
      const mono = STOCKS[format].ink === 'mono'
      const group = mono ? '#000000' : '#d62728'
      expect(
        layout.elements.some(
          (e) =>
            e.kind === 'rect' && e.role === 'ribbon' && e.fill === (mono ? '#ffffff' : '#b8860b') && e.stroke === (mono ? '#000000' : null),
        ),
      ).toBe(true)
      expect(
        layout.elements.filter((e) => e.kind === 'rect' && e.role === 'band').every((e) => e.kind === 'rect' && e.fill === group),
      ).toBe(true)
      // leaders: day 3 only; the days they may not attend are left off, not drawn faint
      const chips = layout.elements.filter((e) => e.kind === 'rect' && e.role === 'day')
      expect(chips.map((c) => c.kind === 'rect' && c.fill)).toEqual([group])
      const chipText = texts(layout.elements, 'day')
        .flatMap((t) => t.lines)
        .join(' ')
      expect(chipText).toContain('26/11')
      expect(chipText).not.toContain('24/11')
      expect(chipText).not.toContain('25/11')
      expect(texts(layout.elements, 'daysLabel')[0]!.lines).toEqual(['SIKU / DAYS'])
      const event_ = texts(layout.elements, 'event')
        .flatMap((t) => t.lines)
        .join(' ')
      expect(event_).toContain('Kikao cha Majaribio')
      expect(event_).toContain('Test Session')
      expect(
        texts(layout.elements, 'group')
          .flatMap((t) => t.lines)
          .join(' '),
      ).toBe('Viongozi / Leaders')
    })
  }

  for (const format of BADGE_FORMATS) {
    it(`${format}: the VIP ribbon runs the full width of the card, off the QR`, () => {
      const layout = layoutBadge({ event, attendee: long, code, format }, measureText)
      const ribbon = layout.elements.find((e) => e.kind === 'rect' && e.role === 'ribbon')!
      expect(ribbon).toMatchObject({ x: 0, w: layout.width })
      const qr = layout.elements.find((e): e is QrElement => e.kind === 'qr')!
      if (ribbon.kind !== 'rect') throw new Error('not a rect')
      expect(overlaps({ x: ribbon.x, y: ribbon.y, w: ribbon.w, h: ribbon.h }, { x: qr.x, y: qr.y, w: qr.size, h: qr.size })).toBe(false)
    })

    it(`${format}: the registration number is printed small, off the QR`, () => {
      const layout = layoutBadge({ event, attendee: long, code, format }, measureText)
      const [reg] = texts(layout.elements, 'regNo')
      expect(reg!.lines).toEqual([`Na. / No. ${long.externalId}`])
      expect(reg!.size).toBeLessThanOrEqual(6.5)
      const [name] = texts(layout.elements, 'name')
      expect(reg!.size).toBeLessThan(name!.size)
      const noId = layoutBadge({ event, attendee: { ...long, externalId: undefined }, code, format }, measureText)
      expect(texts(noId.elements, 'regNo')[0]!.lines).toEqual([`Na. / No. ${long.seq}`])
    })

    it(`${format}: the group band never breaks inside a word, however long the group name`, () => {
      const names = [
        {
          sw: 'Makatibu Wakuu, Wakuu wa Taasisi na Wakurugenzi wa Halmashauri',
          en: 'Permanent secretaries, heads of institutions & LGA directors',
        },
        // four lines' worth on a card: the English goes, then the Kiswahili shrinks, whole words
        {
          sw: 'Maafisa Masuuli, Wajumbe wa Bodi, Wakuu wa Vitengo vya TEHAMA na Wakurugenzi wa Halmashauri za Wilaya',
          en: 'Accounting officers, board members, heads of ICT units and district council directors',
        },
        { sw: 'Wabunifu', en: 'Innovators' },
      ]
      for (const name of names) {
        const ev = { ...event, groups: event.groups.map((g) => (g.id === long.groupId ? { ...g, name } : g)) }
        const layout = layoutBadge({ event: ev, attendee: long, code, format }, measureText)
        const [band] = texts(layout.elements, 'group')
        const joined = band!.lines.join(' ')
        expect([`${name.sw} / ${name.en}`, name.sw]).toContain(joined)
        for (const line of band!.lines) expect(measureText(line, band!.size, true)).toBeLessThanOrEqual(band!.w + 1e-6)
        const bandRect = layout.elements.filter((e) => e.kind === 'rect' && e.role === 'band').pop()!
        if (bandRect.kind !== 'rect') throw new Error('not a rect')
        const box = textBox(band!)
        expect(box.y).toBeGreaterThanOrEqual(bandRect.y - 1e-6)
        expect(box.y + box.h).toBeLessThanOrEqual(bandRect.y + bandRect.h + 1e-6)
      }
    })
  }

  it('fitWholeWords breaks only between words, for any words and box (property)', () => {
    const word = fc.string({ minLength: 1, maxLength: 18, unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABC’-.,&'.split('')) })
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 14 }),
        fc.array(word, { minLength: 1, maxLength: 6 }),
        fc.double({ min: 20, max: 90, noNaN: true }),
        (long, short, width) => {
          const candidates = [long.join(' '), short.join(' ')]
          const f = fitWholeWords(candidates, { width, sizes: sizeSteps(6, 3.5), maxLines: 2, bold: true, height: 5.6 }, mono)
          expect(candidates).toContain(f.lines.join(' '))
          for (const line of f.lines) expect(mono(line, f.size, true)).toBeLessThanOrEqual(width + 1e-6)
          expect(f.lines.length * lineHeightMm(f.size)).toBeLessThanOrEqual(5.6 + 1e-6)
        },
      ),
      { numRuns: 300 },
    )
  })

  it('has no ribbon for an attendee without flags', () => {
    const layout = layoutBadge({ event, attendee: attendees[0]!, code, format: 'cr80' }, measureText)
    expect(layout.ribbon).toBeNull()
    expect(layout.elements.some((e) => e.kind !== 'qr' && e.role === 'ribbon')).toBe(false)
    expect(texts(layout.elements, 'name')[0]!.lines.join(' ')).toBe("Neema Ng'wanangwa")
  })
})
