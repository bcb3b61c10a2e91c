// Badge stock as data: the cards, sheets and label rolls a desk printer can hold, each with its
// size as the badge is read, its unprintable edge, and how the printer's page relates to it.
// The layout (shared/badges/badge-layout.ts) designs one badge per stock; the hub's PDF and the CUPS
// media option come from here, so a badge is printed on the stock at its own size, not scaled.
import type { Bilingual } from '../domain.js'

export const BADGE_STOCKS = ['cr80', 'a6', 'zebra-4x3', 'zebra-4x6', 'brother-62', 'brother-62x100', 'dymo-89x36', 'dymo-54x101'] as const
export type BadgeStockId = (typeof BADGE_STOCKS)[number]

/** Which design a stock gets: wide stocks put the QR beside the text, tall ones below it. */
export type StockShape = 'card' | 'lanyard' | 'wide-label' | 'tall-label'

export interface Margin {
  top: number
  right: number
  bottom: number
  left: number
}
const all = (mm: number): Margin => ({ top: mm, right: mm, bottom: mm, left: mm })

export interface BadgeStock {
  id: BadgeStockId
  name: Bilingual
  /** the badge as it is read (landscape: wider than tall), mm */
  width: number
  height: number
  orientation: 'landscape' | 'portrait'
  /**
   * What the printer cannot reach at each edge of the badge as read, mm (from the driver's PPD
   * ImageableArea, turned with the badge): the layout keeps text and the QR inside it. The
   * drivers crop there rather than shrink the page.
   */
  margin: Margin
  /** die-cut and cards stop at the stock's edge; a continuous roll is cut at the length the layout chose */
  feed: 'card' | 'sheet' | 'die-cut' | 'continuous'
  shape: StockShape
  /**
   * The printer's page is the badge turned a quarter turn: a DYMO address label runs through
   * the head narrow side first, so its page is 36 × 89 mm for an 89 × 36 mm badge.
   */
  turned: boolean
  /** the CUPS media name the driver knows this stock by (its PPD PageSize, or a custom size) */
  media: string
  /**
   * mono: a thermal label printer, black only. Group colours would come out as a dither that
   * hides white text, so bands print solid black and the ribbon as an outlined white strip.
   */
  ink: 'colour' | 'mono'
}

const stock = (s: BadgeStock) => s

export const STOCKS: Record<BadgeStockId, BadgeStock> = {
  cr80: stock({
    id: 'cr80',
    name: { sw: 'Kadi CR80 (86 × 54 mm)', en: 'CR80 card (86 × 54 mm)' },
    width: 86,
    height: 54,
    orientation: 'landscape',
    margin: all(0),
    feed: 'card',
    shape: 'card',
    turned: false,
    media: 'Custom.86x54mm',
    ink: 'colour',
  }),
  a6: stock({
    id: 'a6',
    name: { sw: 'A6 (105 × 148 mm)', en: 'A6 (105 × 148 mm)' },
    width: 105,
    height: 148,
    orientation: 'portrait',
    margin: all(0),
    feed: 'sheet',
    shape: 'lanyard',
    turned: false,
    media: 'A6',
    ink: 'colour',
  }),
  // Zebra's PPD names labels by their size in points: w288h216 is 4 × 3 in
  'zebra-4x3': stock({
    id: 'zebra-4x3',
    name: { sw: 'Lebo ya Zebra 4 × 3 in', en: 'Zebra label 4 × 3 in' },
    width: 101.6,
    height: 76.2,
    orientation: 'landscape',
    margin: all(1.5),
    feed: 'die-cut',
    shape: 'wide-label',
    turned: false,
    media: 'w288h216',
    ink: 'mono',
  }),
  'zebra-4x6': stock({
    id: 'zebra-4x6',
    name: { sw: 'Lebo ya Zebra 4 × 6 in', en: 'Zebra label 4 × 6 in' },
    width: 101.6,
    height: 152.4,
    orientation: 'portrait',
    margin: all(1.5),
    feed: 'die-cut',
    shape: 'tall-label',
    turned: false,
    media: 'w288h432',
    ink: 'mono',
  }),
  // a continuous roll has no length of its own: the badge is 62 × 90 mm and the roll is cut there
  'brother-62': stock({
    id: 'brother-62',
    name: { sw: 'Roli ya Brother 62 mm (90 mm)', en: 'Brother 62 mm roll (90 mm)' },
    width: 62,
    height: 90,
    orientation: 'portrait',
    margin: { top: 3, right: 1.5, bottom: 3, left: 1.5 },
    feed: 'continuous',
    shape: 'tall-label',
    turned: false,
    media: 'Custom.62x90mm',
    ink: 'mono',
  }),
  'brother-62x100': stock({
    id: 'brother-62x100',
    name: { sw: 'Lebo ya Brother 62 × 100 mm', en: 'Brother label 62 × 100 mm' },
    width: 62,
    height: 100,
    orientation: 'portrait',
    margin: { top: 3, right: 1.5, bottom: 3, left: 1.5 },
    feed: 'die-cut',
    shape: 'tall-label',
    turned: false,
    media: '62x100mm',
    ink: 'mono',
  }),
  // DYMO 99012 / 30321 large address label, read landscape
  'dymo-89x36': stock({
    id: 'dymo-89x36',
    name: { sw: 'Lebo ya DYMO 89 × 36 mm', en: 'DYMO label 89 × 36 mm' },
    width: 89,
    height: 36,
    orientation: 'landscape',
    margin: { top: 1.5, right: 1.5, bottom: 1.5, left: 6.1 },
    feed: 'die-cut',
    shape: 'wide-label',
    turned: true,
    media: 'w102h252',
    ink: 'mono',
  }),
  // DYMO 99014 / 30323 shipping label
  'dymo-54x101': stock({
    id: 'dymo-54x101',
    name: { sw: 'Lebo ya DYMO 54 × 101 mm', en: 'DYMO label 54 × 101 mm' },
    width: 54,
    height: 101,
    orientation: 'portrait',
    margin: { top: 5.6, right: 1.5, bottom: 1.5, left: 1.5 },
    feed: 'die-cut',
    shape: 'tall-label',
    turned: false,
    media: 'w154h286',
    ink: 'mono',
  }),
}

/** The printer's page for a stock, mm: the badge itself, or the badge turned a quarter turn. */
export function stockPage(s: BadgeStock): { width: number; height: number } {
  return s.turned ? { width: s.height, height: s.width } : { width: s.width, height: s.height }
}

export const isBadgeStock = (v: unknown): v is BadgeStockId => typeof v === 'string' && (BADGE_STOCKS as readonly string[]).includes(v)
