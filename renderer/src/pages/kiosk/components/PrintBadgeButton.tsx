// Printing a badge at the desk, from the answer screen: for someone without a badge, or who
// lost theirs. The hub logs every print first; a second print of the same badge is never
// silent (the officer chooses: the same badge again, or a new one that revokes the old).
// Electron prints silently on the desk's printer; a browser kiosk opens the print dialog.
import { useState, type MouseEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { AgentError, type KioskAgent } from '../../../api/kiosk-agent'
import { karibuBridge } from '../../../api/bridge'
import { clockTime } from '../logic/format'

type Step = { at: 'idle' | 'printing' | 'done' | 'opened' | 'offline' | 'failed' } | { at: 'already'; when: string; deskId: string | null }

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
  const [step, setStep] = useState<Step>({ at: 'idle' })

  const print = async (e: MouseEvent, options: { force?: boolean; reprint?: boolean } = {}) => {
    e.stopPropagation() // a tap elsewhere on the answer dismisses it; this one does not
    onHold()
    setStep({ at: 'printing' })
    let job
    try {
      job = await agent.printBadge({ attendeeId, ...options })
    } catch (err) {
      if (err instanceof AgentError && err.code === 'already_printed') return setStep({ at: 'already', when: err.lastPrint?.at ?? '', deskId: err.lastPrint?.deskId ?? null })
      return setStep({ at: err instanceof AgentError && err.code === 'offline' ? 'offline' : 'failed' })
    }
    const bridge = karibuBridge()
    if (!bridge) {
      window.open(`${job.path}?print=1`, '_blank')
      return setStep({ at: 'opened' })
    }
    const printed = await bridge.printBadge({ path: job.path }).catch(() => ({ ok: false as const, error: 'print_failed' }))
    await agent.reportPrinted(job.jobId, printed.ok, printed.ok ? undefined : printed.error).catch(() => undefined)
    setStep({ at: printed.ok ? 'done' : 'failed' })
  }

  const stop = (e: MouseEvent) => e.stopPropagation()
  if (step.at === 'already') {
    const where = deskName(step.deskId)
    return (
      <div className="kiosk-print" data-testid="print-panel" data-step="already" onClick={stop}>
        <p>{t('kiosk.print.already', { when: step.when ? clockTime(step.when, timezone) : '', where: where ? `, ${where}` : '' })}</p>
        <button type="button" data-testid="print-again" onClick={(e) => void print(e, { force: true })}>{t('kiosk.print.again')}</button>
        <button type="button" className="kiosk-print-revoke" data-testid="print-reprint" onClick={(e) => void print(e, { reprint: true })}>{t('kiosk.print.reprint')}</button>
      </div>
    )
  }
  const note = step.at === 'idle' || step.at === 'printing' ? null : t(`kiosk.print.${step.at}`)
  return (
    <div className="kiosk-print" data-testid="print-panel" data-step={step.at} onClick={stop}>
      <button type="button" data-testid="print-badge" disabled={step.at === 'printing'} onClick={(e) => void print(e)}>
        {step.at === 'printing' ? t('kiosk.print.printing') : t('kiosk.print.button')}
      </button>
      {note && <p role="status">{note}</p>}
    </div>
  )
}
