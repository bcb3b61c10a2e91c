// One way to answer a Socket.IO request, for the hub's sockets and the kiosk agent's screen
// socket alike: a request without an ack is ignored, the payload is checked against its schema
// before the handler sees it (`invalid_payload` otherwise), and a throw leaves as a code, never
// as internal text.
import type { Socket } from 'socket.io'
import type { z } from 'zod'

/** A request's refusal as the client reads it. */
export interface Refusal<E extends string = string> {
  ok: false
  error: E
}

export interface HandlerOptions<E extends string, R extends Refusal> {
  /**
   * Looked at before the payload: a refusal answers instead of the handler (forbidden,
   * rate_limited), 'drop' answers nothing (the socket was cut off), null lets it through.
   */
  admit?: (event: E) => R | 'drop' | null | Promise<R | 'drop' | null>
  /** The answer to a handler that threw (log it here). */
  failed: (event: E, err: unknown) => R
}

type Listener = (payload: unknown, ack: unknown) => void

/**
 * Returns `handle(event, Schema, fn)` for one socket: `fn` gets the parsed payload and returns
 * the answer. `A` is the side's answer type (the hub's Ack, the agent's LocalAck).
 */
export function socketHandler<E extends string, A extends object, R extends Refusal>(
  socket: Pick<Socket, 'on'>,
  options: HandlerOptions<E, R>,
) {
  return <S extends z.ZodType>(event: E, Schema: S, fn: (data: z.output<S>) => A | Promise<A>) => {
    const listener: Listener = async (payload, ack) => {
      if (typeof ack !== 'function') return
      const reply = ack as (res: A | R | Refusal<'invalid_payload'>) => void
      const refusal = options.admit ? await options.admit(event) : null
      if (refusal === 'drop') return
      if (refusal) return reply(refusal)
      try {
        const parsed = Schema.safeParse(payload)
        if (!parsed.success) return reply({ ok: false, error: 'invalid_payload' })
        reply(await fn(parsed.data))
      } catch (err) {
        reply(options.failed(event, err))
      }
    }
    socket.on(event, listener as never)
  }
}
