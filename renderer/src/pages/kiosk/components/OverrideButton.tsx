// "Today is not your day", and a supervisor at the desk decides to let the person in anyway
// (a minister's guest, a changed programme): the organiser PIN, then a check-in recorded as
// a supervisor's decision. The answer stays while the PIN is typed.
import { useState, type FormEvent, type MouseEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { AgentError } from '../../../api/kiosk-agent'

interface Props {
  /** lets the person in; rejects with AgentError('wrong_pin') or ('rate_limited') */
  onOverride: (pin: string) => Promise<void>
  /** the desk officer is busy here: the answer screen stays */
  onHold: () => void
}

export function OverrideButton({ onOverride, onHold }: Props) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const [pin, setPin] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const stop = (e: MouseEvent) => e.stopPropagation()

  if (!open) {
    return (
      <div className="kiosk-print" onClick={stop}>
        <button
          type="button"
          data-testid="override-open"
          onClick={() => {
            onHold()
            setOpen(true)
          }}
        >
          {t('kiosk.override.button')}
        </button>
      </div>
    )
  }
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setBusy(true)
    setProblem(null)
    try {
      await onOverride(pin)
    } catch (err) {
      setProblem(err instanceof AgentError && (err.code === 'wrong_pin' || err.code === 'rate_limited') ? err.code : 'failed')
      setBusy(false)
    }
  }
  return (
    <form className="kiosk-print kiosk-override" data-testid="override-form" onClick={stop} onSubmit={(e) => void submit(e)}>
      <p>{t('kiosk.override.help')}</p>
      <label>
        {t('kiosk.exit.pin')}
        <input
          type="password"
          inputMode="numeric"
          autoComplete="off"
          autoFocus
          value={pin}
          data-testid="override-pin"
          onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
        />
      </label>
      <button type="submit" disabled={busy || pin.length < 4} data-testid="override-confirm">
        {t('kiosk.override.confirm')}
      </button>
      {problem && (
        <p role="alert" data-testid="override-problem">
          {t(`kiosk.override.${problem}`)}
        </p>
      )}
    </form>
  )
}
