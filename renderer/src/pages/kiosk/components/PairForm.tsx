// First start: the desk officer shows the admin page's pairing QR to the camera or the USB
// scanner, or types the hub's address and the 6-character code. The agent pairs; its state
// push then moves the screen on.
import { useCallback, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { KioskAgent } from '../../../api/kiosk-agent'
import type { KioskState } from '../../../../../shared/kiosk-protocol'
import { useScannerWedge } from '../hooks/useScannerWedge'
import { parsePairingQr } from '../logic/pairing-qr'
import { CameraPanel } from './CameraPanel'
import { LanguageToggle } from './LanguageToggle'

export function PairForm({ agent, state }: { agent: KioskAgent; state: KioskState }) {
  const { t } = useTranslation()
  const [hubUrl, setHubUrl] = useState(state.hubUrl ?? '')
  const [code, setCode] = useState('')
  const [name, setName] = useState(state.kioskName ?? '')
  const [busy, setBusy] = useState(false)
  const [failed, setFailed] = useState(false)

  const pair = useCallback(
    (request: { hubUrl: string; code: string; name: string }) => {
      setBusy(true)
      setFailed(false)
      agent.pair(request).then(
        () => setBusy(false),
        () => {
          setBusy(false)
          setFailed(true)
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

  return (
    <form className="kiosk-setup" data-testid="pair-form" onSubmit={submit}>
      <LanguageToggle />
      <h1>{t('kiosk.pair.title')}</h1>
      <p>{t('kiosk.pair.scanHint')}</p>
      <CameraPanel onCode={scanned} />
      <label>
        {t('kiosk.pair.hubUrl')}
        <input type="url" required value={hubUrl} placeholder="http://192.168.1.10:4280" onChange={(e) => setHubUrl(e.target.value)} />
      </label>
      <label>
        {t('kiosk.pair.code')}
        <input required pattern="[A-Za-z0-9]{6}" maxLength={6} autoCapitalize="characters" autoComplete="off" value={code} onChange={(e) => setCode(e.target.value.toUpperCase())} />
      </label>
      <label>
        {t('kiosk.pair.name')}
        <input required maxLength={60} value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      {failed && <p className="kiosk-error" role="alert">{t('kiosk.pair.failed')}</p>}
      <button type="submit" className="kiosk-primary" disabled={busy}>{t('kiosk.pair.submit')}</button>
    </form>
  )
}
