// Which desk this kiosk is, and whether it checks people in or out.
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { KioskAgent } from '../../../api/kiosk-agent'
import type { KioskState } from '../../../../../shared/kiosk-protocol'
import { useLang } from '../hooks/useLang'
import { pick } from '../logic/format'
import { LanguageToggle } from './LanguageToggle'

export function DeskForm({ agent, state }: { agent: KioskAgent; state: KioskState }) {
  const { t } = useTranslation()
  const { lang } = useLang()
  const [deskId, setDeskId] = useState(state.deskId ?? state.desks[0]?.id ?? '')
  const [mode, setMode] = useState(state.mode)
  const [failed, setFailed] = useState(false)

  const submit = (e: FormEvent) => {
    e.preventDefault()
    setFailed(false)
    agent.configureDesk(deskId, mode).catch(() => setFailed(true))
  }

  return (
    <form className="kiosk-setup" data-testid="desk-form" onSubmit={submit}>
      <LanguageToggle />
      <h1>{t('kiosk.desk.title')}</h1>
      <div className="kiosk-choices" role="radiogroup">
        {state.desks.map((d) => (
          <button
            key={d.id}
            type="button"
            role="radio"
            aria-checked={d.id === deskId}
            className="kiosk-choice"
            data-testid="desk-choice"
            onClick={() => setDeskId(d.id)}
          >
            {pick(d.name, lang)}
          </button>
        ))}
      </div>
      <h2>{t('kiosk.desk.mode')}</h2>
      <div className="kiosk-choices" role="radiogroup">
        {(['in', 'out'] as const).map((m) => (
          <button key={m} type="button" role="radio" aria-checked={m === mode} className="kiosk-choice" onClick={() => setMode(m)}>
            {t(`kiosk.mode.${m}`)}
          </button>
        ))}
      </div>
      {failed && (
        <p className="kiosk-error" role="alert">
          {t('kiosk.desk.failed')}
        </p>
      )}
      <button type="submit" className="kiosk-primary" disabled={!deskId}>
        {t('kiosk.desk.submit')}
      </button>
    </form>
  )
}
