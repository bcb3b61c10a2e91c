// A badge printer's health as the hub's CUPS reports it, for the desk, the dashboard and the
// admin page: one word each, in both languages.
import type { Bilingual } from '../domain.js'

export const PRINTER_STATES = [
  'ready', // idle or printing, nothing wrong
  'stopped', // the queue is paused (by someone, or by CUPS after an error): jobs wait
  'media-empty', // out of labels or cards
  'offline', // the printer does not answer on the network or USB
  'unknown', // CUPS could not be asked, or does not know the queue
] as const
export type PrinterState = (typeof PRINTER_STATES)[number]

export interface PrinterHealth {
  printer: string
  state: PrinterState
  /** CUPS's own words for what is wrong, when it gave some (English, as CUPS says it) */
  message?: string
}

export const PRINTER_STATE_LABEL: Record<PrinterState, Bilingual> = {
  ready: { sw: 'Printa iko tayari', en: 'Printer ready' },
  stopped: { sw: 'Printa imesimama', en: 'Printer stopped' },
  'media-empty': { sw: 'Lebo au kadi zimeisha', en: 'Out of labels or cards' },
  offline: { sw: 'Printa haipatikani', en: 'Printer not reachable' },
  unknown: { sw: 'Hali ya printa haijulikani', en: 'Printer state unknown' },
}

/** Said at pairing and on the desk's status bar when a desk has no badge printer set up. */
export const NO_PRINTER: Bilingual = { sw: 'Hakuna printa iliyowekwa kwa meza hii', en: 'No printer is set up for this desk' }
