// Printing a badge from the answer screen: one request to the agent, which owns the steps (the
// hub's printer for this desk, or this PC's: log, print here, report). What the officer sees
// follows the one answer.
import { useState } from 'react'
import type { PrinterState } from '../../../../../shared/badges/printer-health'
import { AgentError, type KioskAgent } from '../../../api/kiosk-agent'
import { printHere } from '../../../api/print-here'

export type PrintStep =
  | { at: 'idle' | 'printing' | 'done' | 'opened' | 'offline' | 'failed' | 'refused' }
  /** printed by the hub on the desk's printer: done, on its way, or waiting at a printer in trouble */
  | { at: 'printed' | 'sent'; printer: string }
  | { at: 'queued'; printer: string; state: PrinterState }
  | { at: 'already'; when: string; deskId: string | null }

export function useBadgePrint(agent: KioskAgent, attendeeId: string) {
  const [step, setStep] = useState<PrintStep>({ at: 'idle' })
  const print = async (options: { force?: boolean; reprint?: boolean } = {}) => {
    setStep({ at: 'printing' })
    try {
      const outcome = await agent.printBadge({ attendeeId, ...options }, printHere)
      if (outcome.via === 'local') return setStep({ at: outcome.status === 'opened' ? 'opened' : 'done' })
      if (outcome.status === 'queued') return setStep({ at: 'queued', printer: outcome.printer, state: outcome.printerState ?? 'unknown' })
      setStep({ at: outcome.status === 'printed' ? 'printed' : 'sent', printer: outcome.printer })
    } catch (err) {
      const code = err instanceof AgentError ? err.code : 'failed'
      if (code === 'already_printed' && err instanceof AgentError)
        return setStep({ at: 'already', when: err.lastPrint?.at ?? '', deskId: err.lastPrint?.deskId ?? null })
      setStep({ at: code === 'offline' ? 'offline' : code === 'printer_refused' ? 'refused' : 'failed' })
    }
  }
  return { step, print }
}
