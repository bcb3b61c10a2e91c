// Inside the Electron kiosk window only: leaving kiosk mode takes the organiser's PIN, which
// Electron's main process checks (the page never sees the PIN's hash).
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { karibuBridge } from '../../../api/bridge'

export function ExitKioskButton() {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const [pin, setPin] = useState('')
  const [wrong, setWrong] = useState(false)
  const bridge = karibuBridge()
  if (!bridge) return null

  const close = () => {
    setOpen(false)
    setPin('')
    setWrong(false)
  }
  const submit = (e: FormEvent) => {
    e.preventDefault()
    bridge.exitKiosk(pin).then(
      (res) => (res.ok ? close() : setWrong(true)),
      () => setWrong(true),
    )
  }

  if (!open) {
    return (
      <button type="button" className="kiosk-exit" data-testid="exit-kiosk" onClick={() => setOpen(true)}>
        {t('kiosk.exit.button')}
      </button>
    )
  }
  return (
    <form className="kiosk-exit-dialog" data-testid="exit-dialog" onSubmit={submit}>
      <label>
        {t('kiosk.exit.pin')}
        <input
          type="password"
          inputMode="numeric"
          autoComplete="off"
          autoFocus
          value={pin}
          onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
        />
      </label>
      {wrong && (
        <p className="kiosk-error" role="alert">
          {t('kiosk.exit.wrong')}
        </p>
      )}
      <button type="submit" className="kiosk-primary">
        {t('kiosk.exit.confirm')}
      </button>
      <button type="button" onClick={close}>
        {t('kiosk.exit.cancel')}
      </button>
    </form>
  )
}
