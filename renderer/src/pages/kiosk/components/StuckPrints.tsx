// The badges stuck at this desk's printer at the hub (stopped, out of labels, offline, or
// refused), and moving them to another desk's printer that is ready: the desk officer picks the
// desk from the list (its name and its printer's health) and the hub sends them there,
// cancelling them where they waited so none prints twice.
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { AgentError, type KioskAgent } from '../../../api/kiosk-agent'
import type { PrinterChoice, StuckPrint } from '../../../../../shared/kiosk-protocol'
import { PRINTER_STATE_LABEL } from '../../../../../shared/badges/printer-health'
import { useLang } from '../hooks/useLang'
import { clockTime, pick } from '../logic/format'

type Listing = { at: 'loading' } | { at: 'offline' } | { at: 'shown'; jobs: StuckPrint[]; desks: PrinterChoice[] }
/** per job: moved to which desk's printer, or why not */
type Moved = Record<string, { ok: true; desk: string; printer: string } | { ok: false; offline: boolean }>

interface Props {
  agent: KioskAgent
  timezone?: string | undefined
  onClose: () => void
}

export function StuckPrints({ agent, timezone, onClose }: Props) {
  const { t } = useTranslation()
  const { lang } = useLang()
  const [listing, setListing] = useState<Listing>({ at: 'loading' })
  const [chosen, setChosen] = useState<string | null>(null)
  const [moving, setMoving] = useState(false)
  const [moved, setMoved] = useState<Moved>({})

  useEffect(() => {
    let live = true
    agent.stuckPrints().then(
      (found) => {
        if (!live) return
        setListing({ at: 'shown', ...found })
        setChosen(found.desks.find((d) => d.state === 'ready')?.deskId ?? null)
      },
      () => live && setListing({ at: 'offline' }),
    )
    return () => {
      live = false
    }
  }, [agent])

  const waiting = listing.at === 'shown' ? listing.jobs.filter((j) => !moved[j.jobId]?.ok) : []
  const target = listing.at === 'shown' ? listing.desks.find((d) => d.deskId === chosen) : undefined

  const move = async () => {
    if (!target) return
    setMoving(true)
    for (const job of waiting) {
      const result = await agent.moveStuckPrint(job.jobId, target.deskId).then(
        (printer) => ({ ok: true as const, desk: pick(target.name, lang), printer }),
        (err: unknown) => ({
          ok: false as const,
          offline: err instanceof AgentError && (err.code === 'offline' || err.code === 'timeout'),
        }),
      )
      setMoved((m) => ({ ...m, [job.jobId]: result }))
    }
    setMoving(false)
  }

  return (
    <section
      className="kiosk-stuck"
      role="dialog"
      aria-modal="true"
      aria-labelledby="kiosk-stuck-title"
      data-testid="stuck-panel"
      data-listing={listing.at}
    >
      <div className="kiosk-stuck-box">
        <h2 id="kiosk-stuck-title">{t('kiosk.stuck.title')}</h2>
        {listing.at === 'loading' && <p role="status">{t('kiosk.stuck.loading')}</p>}
        {listing.at === 'offline' && (
          <p className="kiosk-error" role="alert">
            {t('kiosk.stuck.offline')}
          </p>
        )}
        {listing.at === 'shown' && (
          <>
            {listing.jobs.length === 0 ? (
              <p data-testid="stuck-none">{t('kiosk.stuck.none')}</p>
            ) : (
              <ul className="kiosk-stuck-jobs">
                {listing.jobs.map((j) => {
                  const m = moved[j.jobId]
                  return (
                    <li key={j.jobId} data-testid="stuck-job" data-job-id={j.jobId} data-moved={m ? String(m.ok) : undefined}>
                      <strong>{j.attendeeName ?? '—'}</strong> <span>{clockTime(j.createdAt, timezone)}</span>{' '}
                      <span className="kiosk-stuck-why">
                        {j.status === 'failed'
                          ? t('kiosk.stuck.refused')
                          : j.printerState
                            ? pick(PRINTER_STATE_LABEL[j.printerState], lang)
                            : ''}
                      </span>
                      {m && (
                        <span className={m.ok ? 'kiosk-stuck-moved' : 'kiosk-error'} role="status">
                          {m.ok
                            ? t('kiosk.stuck.moved', { desk: m.desk, printer: m.printer })
                            : t(m.offline ? 'kiosk.stuck.offline' : 'kiosk.stuck.failed')}
                        </span>
                      )}
                    </li>
                  )
                })}
              </ul>
            )}
            {waiting.length > 0 && (
              <>
                <p className="kiosk-stuck-to">{t('kiosk.stuck.to')}</p>
                {listing.desks.length === 0 ? (
                  <p data-testid="stuck-no-desk">{t('kiosk.stuck.noDesk')}</p>
                ) : (
                  <div className="kiosk-choices" role="radiogroup" aria-label={t('kiosk.stuck.to')}>
                    {listing.desks.map((d) => (
                      <button
                        key={d.deskId}
                        type="button"
                        role="radio"
                        className="kiosk-choice kiosk-stuck-desk"
                        aria-checked={chosen === d.deskId}
                        disabled={d.state !== 'ready' || moving}
                        data-testid="stuck-desk"
                        data-desk-id={d.deskId}
                        data-state={d.state}
                        onClick={() => setChosen(d.deskId)}
                      >
                        {pick(d.name, lang)}
                        <small data-state={d.state}>{pick(PRINTER_STATE_LABEL[d.state], lang)}</small>
                      </button>
                    ))}
                  </div>
                )}
              </>
            )}
          </>
        )}
        <div className="kiosk-stuck-actions">
          {waiting.length > 0 && (
            <button
              type="button"
              className="kiosk-primary"
              data-testid="stuck-move"
              disabled={!target || target.state !== 'ready' || moving}
              onClick={() => void move()}
            >
              {moving ? t('kiosk.stuck.moving') : t('kiosk.stuck.move', { count: waiting.length })}
            </button>
          )}
          <button type="button" data-testid="stuck-close" onClick={onClose}>
            {t('kiosk.stuck.close')}
          </button>
        </div>
      </div>
    </section>
  )
}
