// The page's link to its agent: first its session (the agent answers only a screen opened
// from its own launch link), then one socket per mounted page, the agent's state kept live
// from its `kiosk:state` pushes (and fetched afresh on every reconnect, since pushes sent
// while disconnected are lost).
import { useEffect, useState } from 'react'
import { connectKioskAgent, type KioskAgent } from '../../../api/kiosk-agent'
import { agentSession, openAgentSession } from '../../../api/kiosk-session'
import type { KioskState } from '../../../../../shared/kiosk-protocol'

export interface AgentLink {
  agent: KioskAgent | null
  connected: boolean
  state: KioskState | null
  /** the page has no session with the agent: it must be opened from the agent's link */
  noSession: boolean
}

export function useKioskAgent(): AgentLink {
  const [agent, setAgent] = useState<KioskAgent | null>(null)
  const [connected, setConnected] = useState(false)
  const [state, setState] = useState<KioskState | null>(null)
  const [noSession, setNoSession] = useState(false)

  useEffect(() => {
    // a launch link opened over this page only changes the fragment: start again with it
    const relaunch = () => {
      if (window.location.hash.includes('launch=')) window.location.reload()
    }
    window.addEventListener('hashchange', relaunch)
    let live = true
    let a: KioskAgent | null = null
    const offs: (() => void)[] = []
    void openAgentSession().then((ok) => {
      if (!live) return
      if (!ok) return setNoSession(true)
      a = connectKioskAgent()
      const current = a
      setAgent(current)
      offs.push(current.onState((s) => live && setState(s)))
      offs.push(
        current.onConnection((up) => {
          if (!live) return
          setConnected(up)
          if (up)
            current.state().then(
              (s) => live && setState(s),
              () => {},
            )
        }),
      )
      // a refused connection is either the agent being down (it retries) or a session the
      // agent no longer knows (it was restarted): only the second needs a new link
      offs.push(
        current.onRefused(() => {
          void agentSession().then((status) => {
            if (!live || status !== 'missing') return
            setNoSession(true)
            current.close()
          })
        }),
      )
    })
    return () => {
      window.removeEventListener('hashchange', relaunch)
      live = false
      for (const off of offs) off()
      a?.close()
    }
  }, [])

  return { agent, connected, state, noSession }
}
