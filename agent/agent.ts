// STUB: the kiosk agent (being written). The signature below is the contract Electron's main uses.
export interface AgentOptions {
  /** folder for the kiosk's registry copy, journal and outbox */
  dataDir: string
  /** local UI server port (127.0.0.1 only); 0 picks a free one */
  port?: number
  /** hub address to pair with, when not yet paired */
  hubUrl?: string
}

export interface AgentHandle {
  /** e.g. http://127.0.0.1:5180 — the kiosk page is at `${url}/kiosk` */
  url: string
  /** checks the organiser PIN that lets a desk officer leave kiosk mode */
  verifyExitPin(pin: string): boolean
  close(): Promise<void>
}

export async function startAgent(_options: AgentOptions): Promise<AgentHandle> {
  throw new Error('not yet')
}
