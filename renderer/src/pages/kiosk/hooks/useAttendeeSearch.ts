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
  const [view, setView] = useState<SearchView>(EMPTY)
  useEffect(() => {
    const q = query.trim()
    if (!agent || q.length < 2) {
      setView(EMPTY)
      return
    }
    let current = true
    const timer = setTimeout(() => {
      agent.search(q).then(
        ({ results, total }) => current && setView({ results, total, searched: true, failed: false }),
        () => current && setView({ results: [], total: 0, searched: true, failed: true }),
      )
    }, SEARCH_DEBOUNCE_MS)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [agent, query])
  return view
}
