// The working screen: camera, USB scanner and name search all lead to one submit; the
// agent's answer covers the screen until it times out or is tapped away. The camera keeps
// running underneath, so the next person can scan at once.
import { useCallback, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { KioskAgent, ScanSubmit } from '../../../api/kiosk-agent'
import type { KioskState } from '../../../../../shared/kiosk-protocol'
import { setLanguage } from '../../../i18n/setup'
import { useLocalPrinters } from '../hooks/useLocalPrinters'
import { useScannerWedge } from '../hooks/useScannerWedge'
import { noPrinterSetUp } from '../logic/printer-setup'
import { withoutScan } from '../logic/scanner-wedge'
import { CameraPanel } from './CameraPanel'
import { ResultView, type Shown } from './ResultView'
import { SearchPanel } from './SearchPanel'
import { NoPrinterNotice } from './NoPrinterNotice'
import { StatusBar } from './StatusBar'
import { StuckPrints } from './StuckPrints'

interface Props {
  agent: KioskAgent
  state: KioskState
  connected: boolean
}

export function ScanScreen({ agent, state, connected }: Props) {
  const { t } = useTranslation()
  const [shown, setShown] = useState<Shown | null>(null)
  const [busy, setBusy] = useState(false)
  const [query, setQuery] = useState('')
  // answers can come back out of order; only the newest scan's answer is shown
  const latest = useRef(0)
  const [stuckOpen, setStuckOpen] = useState(false)
  const noPrinter = noPrinterSetUp(state.printerAssigned, useLocalPrinters())

  /** a supervisor's override: a wrong PIN is the form's to say, not a new answer */
  const override = useCallback(
    async (attendeeId: string, pin: string) => {
      const result = await agent.scan({ attendeeId, method: 'manual', override: { reason: 'wrong_day', pin } })
      const n = ++latest.current
      setShown({ key: n, outcome: result.outcome, result })
    },
    [agent],
  )

  const submit = useCallback(
    async (request: ScanSubmit) => {
      const n = ++latest.current
      setBusy(true)
      let next: Shown
      try {
        const result = await agent.scan(request)
        next = { key: n, outcome: result.outcome, result }
      } catch {
        next = { key: n, outcome: 'error', result: null }
      }
      if (n !== latest.current) return
      setBusy(false)
      setShown(next)
    },
    [agent],
  )

  useScannerWedge((code, typedIntoField) => {
    if (typedIntoField) setQuery((q) => withoutScan(q, code))
    void submit({ code, method: 'qr' })
  })

  const onCamera = useCallback((code: string) => void submit({ code, method: 'qr' }), [submit])

  return (
    <div className="kiosk-screen">
      <StatusBar state={state} connected={connected} noPrinter={noPrinter} onStuck={() => setStuckOpen(true)} />
      {noPrinter && <NoPrinterNotice key={state.deskId} />}
      <main className="kiosk-scan">
        <div className="kiosk-prompt">
          <h1>{t('kiosk.scan.prompt')}</h1>
          <p>{t('kiosk.scan.promptOther')}</p>
        </div>
        <CameraPanel onCode={onCamera} />
        <SearchPanel
          agent={agent}
          query={query}
          onQuery={setQuery}
          onPick={(attendeeId) => {
            setQuery('')
            void submit({ attendeeId, method: 'search' })
          }}
        />
      </main>
      {stuckOpen && <StuckPrints agent={agent} timezone={state.timezone ?? undefined} onClose={() => setStuckOpen(false)} />}
      {busy && !shown && (
        <p className="kiosk-checking" data-testid="kiosk-checking">
          {t('kiosk.scan.checking')}
        </p>
      )}
      {shown && (
        <ResultView
          key={shown.key}
          shown={shown}
          state={state}
          agent={agent}
          onOverride={override}
          onDone={() => {
            setShown((s) => (s?.key === shown.key ? null : s))
            // the next person is most likely a Swahili reader: one English choice does not stick
            setLanguage('sw')
          }}
        />
      )}
    </div>
  )
}
