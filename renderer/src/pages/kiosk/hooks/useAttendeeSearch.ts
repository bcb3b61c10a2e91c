// Search as the person types, 150 ms after the last key, and only the newest answer counts
// (an older, slower one must not overwrite it).
import { useEffect, useState } from 'react'
import type { KioskAgent } from '../../../api/kiosk-agent'
import type { AttendeeCard } from '../../../../../shared/kiosk-protocol'

export const SEARCH_DEBOUNCE_MS = 150

export interface SearchView {
  results: AttendeeCard[]
  /** how many matched in all; more than `results` when the list was cut */
  total: number
  searched: boolean
  failed: boolean
}

const EMPTY: SearchView = { results: [], total: 0, searched: false, failed: false }

export function useAttendeeSearch(agent: KioskAgent | null, query: string): SearchView {
  const [view, setView] = useState<SearchView & { query: string }>({ ...EMPTY, query: '' })
  const q = query.trim()
  const idle = !agent || q.length < 2
  useEffect(() => {
    if (!agent || idle) return
    let current = true
    const timer = setTimeout(() => {
      agent.search(q).then(
        ({ results, total }) => current && setView({ results, total, searched: true, failed: false, query: q }),
        () => current && setView({ results: [], total: 0, searched: true, failed: true, query: q }),
      )
    }, SEARCH_DEBOUNCE_MS)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [agent, idle, q])
  // a query too short to search shows nothing, without an effect setting state; and the answer
  // to an earlier query is never shown for this one (a tap on it would check in someone else)
  if (idle || view.query !== q) return EMPTY
  const { query: _answered, ...shown } = view
  return shown
}
