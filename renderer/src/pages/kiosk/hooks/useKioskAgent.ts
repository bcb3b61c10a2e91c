// The page's link to its agent: one socket per mounted page, the agent's state kept live
// from its `kiosk:state` pushes (and fetched afresh on every reconnect, since pushes sent
// while disconnected are lost).
import { useEffect, useState } from 'react'
import { connectKioskAgent, type KioskAgent } from '../../../api/kiosk-agent'
import type { KioskState } from '../../../../../shared/kiosk-protocol'

export interface AgentLink {
  agent: KioskAgent | null
  connected: boolean
  state: KioskState | null
}

export function useKioskAgent(): AgentLink {
  const [agent, setAgent] = useState<KioskAgent | null>(null)
  const [connected, setConnected] = useState(false)
  const [state, setState] = useState<KioskState | null>(null)

  useEffect(() => {
    const a = connectKioskAgent()
    let live = true
    setAgent(a)
    const offState = a.onState((s) => live && setState(s))
    const offConn = a.onConnection((up) => {
      if (!live) return
      setConnected(up)
      if (up) a.state().then((s) => live && setState(s), () => {})
    })
    return () => {
      live = false
      offState()
      offConn()
      a.close()
    }
  }, [])

  return { agent, connected, state }
}
