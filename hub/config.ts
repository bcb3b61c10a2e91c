// The hub's configuration, from the environment. Every variable is listed in README.
import { resolve } from 'node:path'

export interface HubConfig {
  port: number
  host: string
  dataDir: string
}

export function hubConfig(env: NodeJS.ProcessEnv = process.env): HubConfig {
  const port = Number(env.PORT ?? 4280)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${env.PORT}"`)
  return { port, host: env.HOST ?? '0.0.0.0', dataDir: resolve(env.KARIBU_DATA ?? 'data') }
}
