// Event setup: names, venue, time zone, then the four lists. Saved as one change; the hub
// refuses removing a group people are in or a day with check-ins, and says why.
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { EditableEvent, EventAnswer } from '../../../api/admin'
import { useAction, useAdmin } from '../context'
import { ErrorNote } from './common'
import { DaysEditor, DesksEditor, GroupsEditor, HallsEditor } from './EventLists'

function editable(answer: EventAnswer): EditableEvent {
  const { badgePublicKey: _key, ...rest } = answer.event
  return rest
}

export function EventTab() {
  const { t } = useTranslation()
  const { api } = useAdmin()
  const { busy, error, run } = useAction()
  const [event, setEvent] = useState<EditableEvent | null>(null)
  const [usage, setUsage] = useState<EventAnswer['usage']>({ groups: {}, days: {} })
  const [saved, setSaved] = useState(false)
  const [dirty, setDirty] = useState(false)

  useEffect(() => {
    void run(async () => {
      const answer = await api.getEvent()
      setEvent(editable(answer))
      setUsage(answer.usage)
    })
  }, [api, run])

  if (!event) return <>{busy ? <p>{t('admin.event.loading')}</p> : <ErrorNote error={error} />}</>

  const change = (next: Partial<EditableEvent>) => {
    setSaved(false)
    setDirty(true)
    setEvent({ ...event, ...next })
  }
  const save = () =>
    run(async () => {
      const answer = await api.saveEvent(event)
      setEvent(editable(answer))
      setUsage(answer.usage)
      setSaved(true)
      setDirty(false)
    })

  return (
    <form
      className="admin-section admin-event"
      data-testid="event-form"
      onSubmit={(e) => {
        e.preventDefault()
        void save()
      }}
    >
      <fieldset className="admin-card-grid">
        <legend>{t('admin.event.name')}</legend>
        <label>
          {t('admin.event.nameSw')}
          <input
            value={event.name.sw}
            required
            maxLength={200}
            data-testid="event-name-sw"
            onChange={(e) => change({ name: { ...event.name, sw: e.target.value } })}
          />
        </label>
        <label>
          {t('admin.event.nameEn')}
          <input
            value={event.name.en}
            required
            maxLength={200}
            data-testid="event-name-en"
            onChange={(e) => change({ name: { ...event.name, en: e.target.value } })}
          />
        </label>
        <label>
          {t('admin.event.venue')}
          <input value={event.venue} maxLength={200} data-testid="event-venue" onChange={(e) => change({ venue: e.target.value })} />
        </label>
        <label>
          {t('admin.event.timezone')}
          <input
            value={event.timezone}
            maxLength={64}
            data-testid="event-timezone"
            onChange={(e) => change({ timezone: e.target.value || 'Africa/Dar_es_Salaam' })}
          />
        </label>
      </fieldset>
      <DaysEditor event={event} usage={usage} onChange={change} />
      <GroupsEditor event={event} usage={usage} onChange={change} />
      <HallsEditor event={event} onChange={change} />
      <DesksEditor event={event} onChange={change} />
      {/* the save bar stays in view at the bottom of the screen while the lists scroll */}
      <div className="admin-savebar">
        <ErrorNote error={error} />
        {saved && (
          <p className="admin-ok" role="status" data-testid="event-saved">
            {t('admin.saved')} {t('admin.event.saveHelp')}
          </p>
        )}
        {dirty && !busy && <p className="admin-help">{t('admin.event.unsaved')}</p>}
        <button type="submit" className="admin-primary" disabled={busy} data-testid="event-save">
          {busy ? t('admin.working') : t('admin.save')}
        </button>
      </div>
    </form>
  )
}
