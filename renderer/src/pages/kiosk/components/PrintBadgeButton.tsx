// Printing a badge at the desk, from the answer screen: for someone without a badge, or who
// lost theirs. The hub logs every print first; a second print of the same badge is never
// silent (the officer chooses: the same badge again, or a new one that revokes the old).
// The hub prints it on the desk's printer when the desk has one there; else Electron prints
// silently on the PC's printer, or a browser kiosk opens the print dialog (hooks/useBadgePrint.ts).
import type { MouseEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { KioskAgent } from '../../../api/kiosk-agent'
import { PRINTER_STATE_LABEL } from '../../../../../shared/badges/printer-health'
import { clockTime } from '../logic/format'
import { useBadgePrint, type PrintStep } from '../hooks/useBadgePrint'
import { useLang } from '../hooks/useLang'

interface Props {
  agent: KioskAgent
  attendeeId: string
  deskName: (deskId: string | null) => string | null
  /** the event's time zone, for when the badge was printed */
  timezone?: string | undefined
  /** the officer is busy here: the answer screen stays */
  onHold: () => void
}

export function PrintBadgeButton({ agent, attendeeId, deskName, timezone, onHold }: Props) {
  const { t } = useTranslation()
  const { lang } = useLang()
  const { step, print: printBadge } = useBadgePrint(agent, attendeeId)

  const print = (e: MouseEvent, options: { force?: boolean; reprint?: boolean } = {}) => {
    e.stopPropagation() // a tap elsewhere on the answer dismisses it; this one does not
    onHold()
    void printBadge(options)
  }

  const stop = (e: MouseEvent) => e.stopPropagation()
  if (step.at === 'already') {
    const where = deskName(step.deskId)
    return (
      <div className="kiosk-print" data-testid="print-panel" data-step="already" onClick={stop}>
        <p>{t('kiosk.print.already', { when: step.when ? clockTime(step.when, timezone) : '', where: where ? `, ${where}` : '' })}</p>
        <button type="button" data-testid="print-again" onClick={(e) => print(e, { force: true })}>
          {t('kiosk.print.again')}
        </button>
        <button type="button" className="kiosk-print-revoke" data-testid="print-reprint" onClick={(e) => print(e, { reprint: true })}>
          {t('kiosk.print.reprint')}
        </button>
      </div>
    )
  }
  const note = noteOf(step, (key, values) => t(`kiosk.print.${key}`, values), lang)
  return (
    <div className="kiosk-print" data-testid="print-panel" data-step={step.at} onClick={stop}>
      <button type="button" data-testid="print-badge" disabled={step.at === 'printing'} onClick={(e) => print(e)}>
        {step.at === 'printing' ? t('kiosk.print.printing') : t('kiosk.print.button')}
      </button>
      {note && <p role="status">{note}</p>}
    </div>
  )
}

/** What the officer is told after a print, in the screen's language. */
function noteOf(step: PrintStep, say: (key: string, values?: Record<string, string>) => string, lang: 'sw' | 'en'): string | null {
  if (step.at === 'idle' || step.at === 'printing' || step.at === 'already') return null
  if (step.at === 'queued') return say('queued', { printer: step.printer, state: PRINTER_STATE_LABEL[step.state][lang] })
  if (step.at === 'printed' || step.at === 'sent') return say(step.at, { printer: step.printer })
  return say(step.at)
}
