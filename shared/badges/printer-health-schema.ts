// A printer's health as it crosses from the hub to the kiosk agent, validated at that edge.
// Apart from printer-health.ts so the kiosk page, which shows the labels, does not load zod
// (whose start-up probe for eval the page's strict CSP reports).
import { z } from 'zod'
import { PRINTER_STATES } from './printer-health.js'

export const PrinterHealthSchema = z.object({
  printer: z.string().max(128),
  state: z.enum(PRINTER_STATES),
  message: z.string().max(300).optional(),
})
