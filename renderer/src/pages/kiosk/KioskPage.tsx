// The kiosk screen, served by the local kiosk agent at /kiosk. Which screen shows follows the
// agent's state: pair with a hub, wait for the attendee list, choose a desk, then scan.
import { useTranslation } from 'react-i18next'
import './strings'
import './kiosk.css'
import { DeskForm } from './components/DeskForm'
import { LanguageToggle } from './components/LanguageToggle'
import { PairForm } from './components/PairForm'
import { ScanScreen } from './components/ScanScreen'
import { useKioskAgent } from './hooks/useKioskAgent'

function Notice({ text }: { text: string }) {
  return (
    <div className="kiosk-setup">
      <LanguageToggle />
      <p className="kiosk-notice" data-testid="kiosk-notice">
        {text}
      </p>
    </div>
  )
}

/** Both languages at once: whoever reads it may not be the one who picked the language. */
function NoSession() {
  const { t } = useTranslation()
  return (
    <div className="kiosk-setup" role="alert" data-testid="kiosk-no-session">
      <p className="kiosk-notice" lang="sw">
        {t('kiosk.noSession', { lng: 'sw' })}
      </p>
      <p className="kiosk-notice" lang="en">
        {t('kiosk.noSession', { lng: 'en' })}
      </p>
    </div>
  )
}

export default function KioskPage() {
  const { t } = useTranslation()
  const { agent, connected, state, noSession } = useKioskAgent()
  let screen
  if (noSession) screen = <NoSession />
  else if (!agent || !state) screen = <Notice text={t('kiosk.connecting')} />
  else if (!state.paired) screen = <PairForm agent={agent} state={state} />
  else if (state.desks.length === 0) screen = <Notice text={t('kiosk.syncing')} />
  else if (!state.deskId || !state.desks.some((d) => d.id === state.deskId)) screen = <DeskForm agent={agent} state={state} />
  else screen = <ScanScreen agent={agent} state={state} connected={connected} />
  return (
    <div className="kiosk" data-testid="kiosk-page" data-agent={connected ? 'connected' : 'disconnected'}>
      {state && !connected && !noSession && (
        <p className="kiosk-agent-down" role="alert">
          {t('kiosk.agentDown')}
        </p>
      )}
      {screen}
    </div>
  )
}
