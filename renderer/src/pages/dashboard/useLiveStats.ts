// Keeps the last figures the hub sent for the chosen day, live over Socket.IO: one `stats:get`
// on every (re)connect, then the hub's `stats:changed` pushes. On opening, and when the browser
// says the network is back, one plain HTTP answer too: on slow Wi-Fi it comes before the socket's. The pushes carry the hub's
// default day; while another day is on screen each push is a cue to ask for that day again,
// at most twice a second.
import { useCallback, useEffect, useRef, useState } from 'react'
import { connectHub, fetchStats, reconnectNow, UNAUTHORIZED } from '../../api/hub'
import { takeEarlyStats } from '../../api/hub-http'
import { throttle } from './model/throttle'
import { isDashboardUpdate, isDashboardView, merge, type DashboardView } from './model/view'

/** Re-asking for a day other than the default one happens at most this often. */
export const REFRESH_INTERVAL_MS = 500
const ACK_TIMEOUT_MS = 5000
/** After the hub itself closed the socket, ask again this much later (socket.io does not). */
const SERVER_CLOSE_RETRY_MS = 3000

export interface LiveStats {
  view: DashboardView | null
  connected: boolean
  /** when the connection was lost (or first failed); null while connected */
  lostAt: Date | null
  refused: boolean
  /** the day asked for; null = the hub's default day (today) */
  chosenDay: string | null
  chooseDay(dayId: string): void
}

export function useLiveStats(token: string): LiveStats {
  const [view, setView] = useState<DashboardView | null>(null)
  const held = useRef<DashboardView | null>(null)
  const [connected, setConnected] = useState(false)
  const [lostAt, setLostAt] = useState<Date | null>(null)
  const [refused, setRefused] = useState(false)
  const [chosenDay, setChosenDay] = useState<string | null>(null)
  const chosen = useRef<string | null>(null)
  const ask = useRef<() => void>(() => {})

  useEffect(() => {
    const socket = connectHub(token)
    let ticket = 0
    let retry: ReturnType<typeof setTimeout> | null = null
    const show = (next: DashboardView | null) => {
      held.current = next
      setView(next)
    }
    const apply = (next: DashboardView) => show({ stats: next.stats, kiosks: next.kiosks, event: next.event })

    // the HTTP answer stands in until the socket's; it never replaces figures newer than its own
    const http = new AbortController()
    const fetchOnce = () => {
      const dayId = chosen.current
      // the page's first answer may be on its way already (main.tsx)
      const answer = (dayId === null && takeEarlyStats(token)) || fetchStats(token, dayId, http.signal)
      answer.then(
        (res) => {
          const shown = held.current
          if (http.signal.aborted || dayId !== chosen.current || !isDashboardView(res)) return
          if (shown && (shown.stats.dayId !== res.stats.dayId || shown.stats.lastSeq > res.stats.lastSeq)) return
          apply(res)
        },
        () => undefined, // offline or refused: the socket says which
      )
    }
    fetchOnce()
    const online = () => {
      fetchOnce()
      reconnectNow(socket)
    }
    window.addEventListener('online', online)

    const request = () => {
      if (!socket.connected) return
      const mine = ++ticket
      const dayId = chosen.current
      socket
        .timeout(ACK_TIMEOUT_MS)
        .emitWithAck('stats:get', dayId ? { dayId } : {})
        .then(
          (res) => {
            // a credential the hub knows but that may not read figures (a kiosk's) is refused too
            if (!res.ok && res.error === 'forbidden') return setRefused(true)
            // an answer for a day no longer chosen, or overtaken by a newer question, is dropped
            if (mine !== ticket || !res.ok || !isDashboardView(res)) return
            apply(res)
          },
          () => undefined, // no answer in time: the next push or reconnect asks again
        )
    }
    const refresh = throttle(request, REFRESH_INTERVAL_MS)
    ask.current = request

    socket.on('connect', () => {
      setConnected(true)
      setLostAt(null)
      setRefused(false)
      request()
    })
    socket.on('disconnect', (reason) => {
      setConnected(false)
      setLostAt((at) => at ?? new Date())
      if (reason === 'io server disconnect') retry = setTimeout(() => socket.connect(), SERVER_CLOSE_RETRY_MS)
    })
    socket.on('connect_error', (err) => {
      if (err.message === UNAUTHORIZED) setRefused(true)
      else setLostAt((at) => at ?? new Date())
    })
    socket.on('stats:changed', (update) => {
      if (!isDashboardUpdate(update)) return
      const sameDay = chosen.current === null || chosen.current === update.stats.dayId
      const next = merge(held.current, update, sameDay)
      // a push without the kiosk list or names cannot stand alone: the stats:get answer on its
      // way brings them, and must not be dropped as stale
      if (!next) return
      if (sameDay) ticket++ // fresher than any answer still on its way
      show(next)
      // another day is on screen: its figures stay until asked for; kiosks and event are not per day
      if (!sameDay) refresh()
    })

    return () => {
      http.abort()
      window.removeEventListener('online', online)
      refresh.cancel()
      if (retry) clearTimeout(retry)
      ask.current = () => {}
      socket.disconnect()
    }
  }, [token])

  const chooseDay = useCallback((dayId: string) => {
    chosen.current = dayId
    setChosenDay(dayId)
    ask.current()
  }, [])

  return { view, connected, lostAt, refused, chosenDay, chooseDay }
}
