// The answer, full screen and readable from two metres: the colour says it before the words
// do, and a sound says it to an officer looking away. The whole answer fits any screen (the
// type shrinks, nothing is cut); a welcome goes after a glance, a refusal stays to be read,
// and a tap closes either.
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { KioskAgent } from '../../../api/kiosk-agent'
import type { KioskState, ScanResult } from '../../../../../shared/kiosk-protocol'
import { useFitToScreen } from '../hooks/useFitToScreen'
import { useLang } from '../hooks/useLang'
import { clockTime, longDate, pick } from '../logic/format'
import { notesFor, OUTCOME_TONE, RESULT_MS, type ShownOutcome } from '../logic/outcome-view'
import { playSound } from '../sounds'
import { GroupChip } from './GroupChip'
import { OverrideButton } from './OverrideButton'
import { PrintBadgeButton } from './PrintBadgeButton'

export interface Shown {
  key: number
  outcome: ShownOutcome
  result: ScanResult | null
}

/** Outcomes that say more than their title. */
const DETAIL: Partial<Record<ShownOutcome, string>> = {
  exited: 'exitedDetail',
  no_event_today: 'no_event_todayDetail',
  revoked: 'revokedDetail',
  other_event: 'other_eventDetail',
  invalid: 'invalidDetail',
  unknown: 'unknownDetail',
  error: 'errorDetail',
}

/** Answers at which a desk officer may print the person a badge. */
const PRINTABLE: ReadonlySet<ShownOutcome> = new Set(['admitted', 'readmitted', 'already_checked_in'])

interface Props {
  shown: Shown
  state: KioskState
  agent: KioskAgent
  onDone: () => void
  /** a supervisor lets this wrong-day person in; the new answer replaces this one */
  onOverride: (attendeeId: string, pin: string) => Promise<void>
}

export function ResultView({ shown, state, agent, onDone, onOverride }: Props) {
  const { t } = useTranslation()
  const { lang } = useLang()
  const tone = OUTCOME_TONE[shown.outcome]
  const r = shown.result
  const attendee = r?.attendee ?? null
  const admitted = shown.outcome === 'admitted' || shown.outcome === 'readmitted'
  const box = useRef<HTMLDivElement>(null)
  const body = useRef<HTMLDivElement>(null)
  useFitToScreen(box, body)

  // an officer printing a badge holds the answer on screen until it is tapped away
  const [held, setHeld] = useState(false)

  useEffect(() => {
    playSound(shown.outcome)
  }, [shown.outcome])
  // the timer starts once per answer (the component is keyed by it), not again at each state
  // push from the agent, which hands this a new onDone every time
  useEffect(() => {
    if (held) return
    const timer = setTimeout(onDone, RESULT_MS[tone])
    return () => clearTimeout(timer)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [held])

  const detail = DETAIL[shown.outcome]
  const day = r?.day ?? state.today
  const zone = state.timezone ?? undefined
  return (
    <div
      ref={box}
      className={`kiosk-result tone-${tone}`}
      role="alert"
      data-testid="kiosk-result"
      data-outcome={shown.outcome}
      onClick={onDone}
    >
      <div ref={body} className="kiosk-result-body">
        <h1 className="kiosk-result-title" data-testid="result-title">
          {t(`kiosk.result.${shown.outcome}`)}
        </h1>
        {attendee && (
          <>
            <p className="kiosk-result-name" data-testid="result-name">
              {attendee.title && <span className="kiosk-result-title-prefix">{attendee.title} </span>}
              {attendee.name}
            </p>
            {attendee.organisation && <p className="kiosk-result-org">{attendee.organisation}</p>}
            {attendee.group && <GroupChip name={pick(attendee.group.name, lang)} color={attendee.group.color} />}
          </>
        )}
        {admitted && day && (
          <p className="kiosk-result-line" data-testid="result-day">
            {t('kiosk.result.today', { day: pick(day.name, lang) })}
          </p>
        )}
        {r?.first && (
          <p className="kiosk-result-line" data-testid="result-first">
            {r.first.desk
              ? t('kiosk.result.firstAtDesk', { time: clockTime(r.first.at, zone), desk: pick(r.first.desk, lang) })
              : t('kiosk.result.firstAt', { time: clockTime(r.first.at, zone) })}
          </p>
        )}
        {shown.outcome === 'wrong_day' && r?.allowedDays && (
          <div className="kiosk-result-line" data-testid="result-allowed-days">
            <p>{t('kiosk.result.allowedDays')}</p>
            <ul className="kiosk-result-days">
              {r.allowedDays.map((d) => (
                <li key={d.id}>
                  <strong>{pick(d.name, lang)}</strong> · {longDate(d.date, lang)}
                </li>
              ))}
            </ul>
          </div>
        )}
        {detail && <p className="kiosk-result-line">{t(`kiosk.result.${detail}`)}</p>}
        {shown.outcome === 'wrong_day' && attendee && (
          <OverrideButton onHold={() => setHeld(true)} onOverride={(pin) => onOverride(attendee.id, pin)} />
        )}
        {r?.overridden && (
          <p className="kiosk-result-line" data-testid="result-overridden">
            {t('kiosk.override.recorded')}
          </p>
        )}
        {admitted && state.hall?.level === 'alarm' && (
          <p className="kiosk-result-note kiosk-result-full" data-testid="result-hall-full">
            {t('kiosk.result.hallFull', { hall: pick(state.hall.name, lang), capacity: state.hall.capacity })}
          </p>
        )}
        {attendee &&
          notesFor(attendee.flags).map((f) => (
            <p key={f} className="kiosk-result-note" data-testid="result-note" data-flag={f}>
              {t(`kiosk.flags.${f}`)}
            </p>
          ))}
        {attendee && PRINTABLE.has(shown.outcome) && (
          <PrintBadgeButton
            agent={agent}
            attendeeId={attendee.id}
            timezone={zone}
            deskName={(id) => {
              const desk = state.desks.find((d) => d.id === id)
              return desk ? pick(desk.name, lang) : id
            }}
            onHold={() => setHeld(true)}
          />
        )}
        <p className="kiosk-result-tap">{t('kiosk.result.tapToContinue')}</p>
      </div>
    </div>
  )
}
