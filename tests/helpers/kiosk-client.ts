// Talks to a kiosk agent the way the kiosk screen does: Socket.IO on its local port.
import { io, type Socket } from 'socket.io-client'
import type { KioskClientEvents, KioskServerEvents, KioskState, ScanResult } from '../../shared/kiosk-protocol.js'

export type KioskScreen = Socket<KioskServerEvents, KioskClientEvents> & {
  scan(req: { code?: string; attendeeId?: string; method?: 'qr' | 'search' | 'manual' }): Promise<ScanResult>
  state(): Promise<KioskState>
}

export async function openKioskScreen(agentUrl: string): Promise<KioskScreen> {
  const socket = io(agentUrl, { transports: ['websocket'], reconnection: false }) as KioskScreen
  socket.scan = async (req) => {
    const res = await socket.timeout(5000).emitWithAck('scan:submit', { method: 'qr', ...req })
    if (!res.ok) throw new Error(res.error)
    return res.result
  }
  socket.state = async () => {
    const res = await socket.timeout(5000).emitWithAck('kiosk:state', {})
    if (!res.ok) throw new Error(res.error)
    return res.state
  }
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve())
    socket.once('connect_error', reject)
  })
  return socket
}
