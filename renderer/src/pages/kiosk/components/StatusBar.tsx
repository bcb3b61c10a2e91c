// What a desk officer checks at a glance: is the hub reachable, is anything waiting to be
// sent, which desk and day this is, in or out. Live from the agent's state pushes.
import { useTranslation } from 'react-i18next'
import type { KioskState } from '../../../../../shared/kiosk-protocol'
import { NO_PRINTER, PRINTER_STATE_LABEL } from '../../../../../shared/badges/printer-health'
import { useLang } from '../hooks/useLang'
import { pick } from '../logic/format'
import { printerInTrouble } from '../logic/printer-setup'
import { ExitKioskButton } from './ExitKioskButton'
import { LanguageToggle } from './LanguageToggle'

const hostOf = (url: string) => {
  try {
    return new URL(url).host
  } catch {
    return url
  }
}

interface Props {
  state: KioskState
  connected: boolean
  /** neither the hub nor this PC has a printer for this desk */
  noPrinter?: boolean
  /** opens the list of badges stuck at the desk's printer */
  onStuck?: () => void
}

export function StatusBar({ state, connected, noPrinter = false, onStuck }: Props) {
  const { t } = useTranslation()
  const { lang } = useLang()
  const desk = state.desks.find((d) => d.id === state.deskId)
  // the agent's own link is what matters: with the agent gone, the hub's state is unknown
  const online = connected && state.online
  return (
    <header className="kiosk-status" data-testid="kiosk-status">
      <span className={`kiosk-pill ${online ? 'is-online' : 'is-offline'}`} data-testid="status-online" data-online={String(online)}>
        {t(online ? 'common.online' : 'common.offline')}
      </span>
      {state.hubs > 1 && state.hubUrl && (
        <span className="kiosk-status-item" data-testid="status-hub">
          {t('kiosk.status.hub')}: {hostOf(state.hubUrl)}
        </span>
      )}
      <span
        className={`kiosk-pill ${state.outboxDepth > 0 ? 'is-waiting' : ''}`}
        data-testid="status-outbox"
        data-depth={state.outboxDepth}
      >
        {t('kiosk.status.waiting', { count: state.outboxDepth })}
      </span>
      {!online && state.outboxDepth > 0 && (
        // no network at all: the desk officer carries the unsent records to the hub on a USB stick
        <a className="kiosk-status-item kiosk-export" href="/api/outbox-export" download data-testid="outbox-export">
          {t('kiosk.status.export')}
        </a>
      )}
      <span className="kiosk-status-item" data-testid="status-desk">
        {t('kiosk.status.desk')}: {desk ? pick(desk.name, lang) : '—'}
      </span>
      <span className="kiosk-status-item" data-testid="status-day">
        {state.today ? pick(state.today.name, lang) : t('kiosk.status.noDay')}
      </span>
      {state.hall && state.hall.capacity > 0 && (
        <span
          className={`kiosk-pill hall-${state.hall.level}`}
          data-testid="status-hall"
          data-level={state.hall.level}
          role={state.hall.level === 'alarm' ? 'alert' : undefined}
        >
          {t(`kiosk.status.hall.${state.hall.level}`, {
            hall: pick(state.hall.name, lang),
            inside: state.hall.inside,
            capacity: state.hall.capacity,
          })}
        </span>
      )}
      {state.printer && state.printer.state !== 'ready' && (
        // a stopped printer is seen at the desk at once, not at the next attendee's badge
        <span className="kiosk-pill is-offline" data-testid="status-printer" data-state={state.printer.state} role="alert">
          {pick(PRINTER_STATE_LABEL[state.printer.state], lang)}
        </span>
      )}
      {onStuck && printerInTrouble(state.printer?.state) && (
        <button type="button" className="kiosk-stuck-open" data-testid="stuck-open" onClick={onStuck}>
          {t('kiosk.stuck.open')}
        </button>
      )}
      {noPrinter && (
        <span className="kiosk-pill is-waiting" data-testid="status-no-printer" title={pick(NO_PRINTER, lang)}>
          {t('kiosk.status.noPrinter')}
        </span>
      )}
      <span className={`kiosk-pill mode-${state.mode}`} data-testid="status-mode" data-mode={state.mode}>
        {t(`kiosk.mode.${state.mode}`)}
      </span>
      <span className="kiosk-status-end">
        <LanguageToggle />
        <ExitKioskButton />
      </span>
    </header>
  )
}
