// The kiosk agent's own HTTP routes on 127.0.0.1 (agent/local-server.ts, agent/agent.ts): the
// screen's session and the USB outbox file. The kiosk page reads these as types only (no zod there).
import { z } from 'zod'
import { okWith, type HttpContract } from './contract.js'
import { OutboxFile } from './core.js'

/** POST /api/session: a launch token for a session cookie; anything else is simply no session. */
export const SessionRequest = z.object({ launch: z.unknown() }).nullable()

export const KioskHealthAnswer = z.looseObject({ ok: z.boolean() })

export const kioskAgentContracts: HttpContract[] = [
  { method: 'GET', path: '/api/session', response: okWith({}) },
  { method: 'POST', path: '/api/session', request: SessionRequest, response: okWith({}) },
  { method: 'GET', path: '/healthz', response: KioskHealthAnswer },
  { method: 'GET', path: '/api/outbox-export', response: OutboxFile },
]
