// First start: the desk officer shows the admin page's pairing QR to the camera or the USB
// scanner, or types the hub's address and the 6-character code. The agent pairs; its state
// push then moves the screen on.
import { useCallback, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { AgentError, type KioskAgent } from '../../../api/kiosk-agent'
import type { KioskState } from '../../../../../shared/kiosk-protocol'
import { useScannerWedge } from '../hooks/useScannerWedge'
import { parsePairingQr } from '../logic/pairing-qr'
import { CameraPanel } from './CameraPanel'
import { LanguageToggle } from './LanguageToggle'
import { clockTime } from '../logic/format'

/** What the desk officer can do about each failure: fix the address, or get a fresh code. */
const FAILURES = ['hub_unreachable', 'code_refused', 'pairing_failed'] as const
type Failure = (typeof FAILURES)[number]
const failureOf = (err: unknown): Failure => {
  const code = err instanceof AgentError ? err.code : ''
  return (FAILURES as readonly string[]).includes(code) ? (code as Failure) : 'pairing_failed'
}

export function PairForm({ agent, state }: { agent: KioskAgent; state: KioskState }) {
  const { t } = useTranslation()
  const [hubUrl, setHubUrl] = useState(state.hubUrl ?? '')
  const [code, setCode] = useState('')
  const [name, setName] = useState(state.kioskName ?? '')
  const [busy, setBusy] = useState(false)
  const [failed, setFailed] = useState<Failure | null>(null)

  const pair = useCallback(
    (request: { hubUrl: string; code: string; name: string }) => {
      setBusy(true)
      setFailed(null)
      agent.pair(request).then(
        () => setBusy(false),
        (err: unknown) => {
          setBusy(false)
          setFailed(failureOf(err))
        },
      )
    },
    [agent],
  )
  const submit = (e: FormEvent) => {
    e.preventDefault()
    pair({ hubUrl: hubUrl.trim(), code: code.trim().toUpperCase(), name: name.trim() })
  }
  // the pairing QR, by camera or scanner: the fields fill and the kiosk pairs at once
  const scanned = useCallback(
    (text: string) => {
      const qr = parsePairingQr(text)
      if (!qr) return
      const kioskName = name.trim() || t('kiosk.pair.defaultName')
      setHubUrl(qr.hubUrl)
      setCode(qr.code)
      setName(kioskName)
      pair({ ...qr, name: kioskName })
    },
    [name, pair, t],
  )
  useScannerWedge(scanned, !busy)

  const lost = state.unpaired
  return (
    <form className="kiosk-setup kiosk-pair" data-testid="pair-form" onSubmit={submit}>
      <div className="kiosk-pair-head">
        <h1>{t('kiosk.pair.title')}</h1>
        <LanguageToggle />
      </div>
      {lost && (
        <div className="kiosk-pair-lost" role="alert" data-testid="pair-lost" data-reason={lost.reason}>
          <strong>{t(`kiosk.pair.lost.${lost.reason}`, { time: clockTime(lost.at) })}</strong>
          <p>{t('kiosk.pair.lost.what')}</p>
        </div>
      )}
      <p className="kiosk-pair-hint">{t('kiosk.pair.scanHint')}</p>
      <div className="kiosk-pair-camera">
        <CameraPanel onCode={scanned} />
      </div>
      <label>
        {t('kiosk.pair.hubUrl')}
        <input type="url" required value={hubUrl} placeholder="http://192.168.1.10:4280" onChange={(e) => setHubUrl(e.target.value)} />
      </label>
      <label>
        {t('kiosk.pair.code')}
        <input
          required
          pattern="[A-Za-z0-9]{6}"
          maxLength={6}
          autoCapitalize="characters"
          autoComplete="off"
          value={code}
          onChange={(e) => setCode(e.target.value.toUpperCase())}
        />
      </label>
      <label>
        {t('kiosk.pair.name')}
        <input required maxLength={60} value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      {failed && (
        <p className="kiosk-error" role="alert" data-testid="pair-failed" data-failure={failed}>
          {t(`kiosk.pair.${failed}`)}
        </p>
      )}
      <button type="submit" className="kiosk-primary" disabled={busy}>
        {t('kiosk.pair.submit')}
      </button>
    </form>
  )
}
