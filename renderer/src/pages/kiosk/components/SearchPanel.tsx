// Finding someone without a badge: by name, phone or institution; results as big buttons,
// each with the title, institution, group and whether the person is already in today. When
// more match than are shown, the screen says how many and how to narrow it.
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
  const shown = search.results.slice(0, MAX_SHOWN)
  const hidden = search.total - shown.length

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
      {search.searched && search.total > 0 && (
        <p className="kiosk-search-count" data-testid="search-count" data-total={search.total}>
          {t('kiosk.search.count', { count: search.total })}
        </p>
      )}
      {hidden > 0 && (
        <p className="kiosk-search-more" data-testid="search-more" role="status">
          {t('kiosk.search.more', { count: hidden })}
        </p>
      )}
      <ul className="kiosk-search-results" data-testid="search-results">
        {shown.map((a) => (
          <li key={a.id}>
            <button
              type="button"
              className="kiosk-search-result"
              data-testid="search-result"
              data-attendee={a.id}
              data-in-today={String(!!a.checkedInToday)}
              onClick={() => onPick(a.id)}
            >
              <span className="kiosk-search-name">
                {a.title && <span className="kiosk-search-title">{a.title} </span>}
                {a.name}
              </span>
              <span className="kiosk-search-meta">
                {a.organisation}
                {a.phoneTail && ` · …${a.phoneTail}`}
              </span>
              <span className="kiosk-search-side">
                {a.group && <GroupChip name={pick(a.group.name, lang)} color={a.group.color} />}
                {a.checkedInToday && <span className="kiosk-search-in">{t('kiosk.search.inToday')}</span>}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {search.searched && search.results.length === 0 && (
        <p className="kiosk-search-none">{t(search.failed ? 'kiosk.search.failed' : 'kiosk.search.none')}</p>
      )}
    </section>
  )
}
