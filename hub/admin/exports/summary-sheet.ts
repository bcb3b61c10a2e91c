// The summary report as a workbook: one sheet per table, headers in one language.
import type { Lang } from '../../../shared/local-time.js'
import type { EventStore } from '../../store/event-store.js'
import { L, one } from './labels.js'
import type { Sheet } from './sheet.js'
import { S } from './summary-pdf.js'
import { buildSummary, pct } from './summary.js'

export async function summarySheets(store: EventStore, lang: Lang): Promise<Sheet[]> {
  const event = store.data.event
  const summary = buildSummary(store)
  const dayName = (id: string) => event.days.find((d) => d.id === id)!.name[lang]
  const dayDateOf = (id: string) => ({ day: event.days.find((d) => d.id === id)!.date })
  const groups: Sheet = {
    name: one(L.group, lang),
    header: [one(L.day, lang), one(L.date, lang), one(L.group, lang), one(L.checkedIn, lang), one(L.expected, lang), '%'],
    widths: [34, 14, 50, 14, 14, 8],
    rows: summary.days.flatMap((s) => [
      ...event.groups
        .filter((g) => g.days.includes(s.dayId))
        .map((g) => {
          const t = s.stats.groups.find((x) => x.key === g.id) ?? { checkedIn: 0, expected: 0 }
          return [dayName(s.dayId), dayDateOf(s.dayId), g.name[lang], t.checkedIn, t.expected, pct(t)]
        }),
      [dayName(s.dayId), dayDateOf(s.dayId), one(L.total, lang), s.stats.checkedIn, s.stats.expected, pct(s.stats)],
    ]),
  }
  const tallies = (name: string, label: string, pick: 'categories' | 'orgTypes'): Sheet => ({
    name,
    header: [one(L.day, lang), label, one(L.checkedIn, lang), one(L.expected, lang), '%'],
    widths: [34, 34, 14, 14, 8],
    rows: summary.days.flatMap((s) =>
      s.stats[pick]
        .filter((t) => t.expected > 0 || t.checkedIn > 0)
        .map((t) => [dayName(s.dayId), t.key === '-' ? '' : t.key, t.checkedIn, t.expected, pct(t)]),
    ),
  })
  const halls: Sheet = {
    name: one(S.hall, lang),
    header: [one(L.day, lang), one(S.hall, lang), one(S.capacity, lang), one(S.peak, lang), one(S.peakAt, lang)],
    widths: [34, 34, 12, 12, 20],
    rows: summary.days.flatMap((s) =>
      s.halls.map((h) => [
        dayName(s.dayId),
        event.halls.find((x) => x.id === h.hallId)?.name[lang] ?? h.hallId,
        h.capacity,
        h.peak,
        h.at ? new Date(h.at) : null,
      ]),
    ),
  }
  const arrivals: Sheet = {
    name: one(S.arrivals, lang),
    header: [one(L.day, lang), one(S.arrivals, lang), one(L.checkedIn, lang)],
    widths: [34, 22, 14],
    rows: summary.days.flatMap((s) => s.stats.arrivals.map((a) => [dayName(s.dayId), new Date(a.at), a.count])),
  }
  const other: Sheet = {
    name: one(S.reviews, lang),
    header: [one(L.day, lang), one(S.walkIns, lang), one(S.reprints, lang), one(S.reviews, lang)],
    widths: [34, 16, 16, 16],
    rows: summary.days.map((s) => [dayName(s.dayId), s.walkIns, s.reprints, s.reviews.doubleAdmission + s.reviews.hubRefused]),
  }
  return [
    groups,
    tallies(one(L.category, lang), one(L.category, lang), 'categories'),
    tallies(one(L.institutionType, lang), one(L.institutionType, lang), 'orgTypes'),
    halls,
    arrivals,
    other,
  ]
}
