// Finding someone without a badge: by name, phone or organisation; results as big buttons.
import { useTranslation } from 'react-i18next'
import type { KioskAgent } from '../../../api/kiosk-agent'
import { useAttendeeSearch } from '../hooks/useAttendeeSearch'
import { useLang } from '../hooks/useLang'
import { pick } from '../logic/format'
import { GroupChip } from './GroupChip'

const MAX_SHOWN = 8

interface Props {
  agent: KioskAgent
  query: string
  onQuery: (query: string) => void
  onPick: (attendeeId: string) => void
}

export function SearchPanel({ agent, query, onQuery, onPick }: Props) {
  const { t } = useTranslation()
  const { lang } = useLang()
  const search = useAttendeeSearch(agent, query)

  return (
    <section className="kiosk-search">
      <label className="kiosk-search-label">
        {t('kiosk.search.label')}
        <input
          type="search"
          data-testid="search-input"
          value={query}
          placeholder={t('kiosk.search.placeholder')}
          autoComplete="off"
          spellCheck={false}
          enterKeyHint="search"
          onChange={(e) => onQuery(e.target.value)}
        />
      </label>
      <ul className="kiosk-search-results" data-testid="search-results">
        {search.results.slice(0, MAX_SHOWN).map((a) => (
          <li key={a.id}>
            <button type="button" className="kiosk-search-result" data-testid="search-result" data-attendee={a.id} onClick={() => onPick(a.id)}>
              <span className="kiosk-search-name">{a.name}</span>
              <span className="kiosk-search-meta">
                {a.organisation}
                {a.phoneTail && ` · …${a.phoneTail}`}
              </span>
              {a.group && <GroupChip name={pick(a.group.name, lang)} color={a.group.color} />}
            </button>
          </li>
        ))}
      </ul>
      {search.searched && search.results.length === 0 && <p className="kiosk-search-none">{t(search.failed ? 'kiosk.search.failed' : 'kiosk.search.none')}</p>}
    </section>
  )
}
