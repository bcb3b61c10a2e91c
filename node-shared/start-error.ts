// A reason a hub or kiosk agent will not start, for the person at its console: in Kiswahili
// and English, and printed without a stack trace (it is their data or settings, not a bug).

/**
 * Exit codes (as sysexits.h), so a supervisor can tell a setting someone must fix (systemd's
 * RestartPreventExitStatus) from a service that is not up yet (restart and try again).
 */
export const EXIT = {
  /** anything else that stopped the start */
  failed: 1,
  /** a service it needs (PostgreSQL, Redis) did not answer: trying again later may work */
  unavailable: 69,
  /** an unexpected error while serving (hub/server/process-guard.ts) */
  software: 70,
  /** a setting is wrong (password, database name, a variable): a person must fix it */
  settings: 78,
} as const

export class StartError extends Error {
  constructor(
    readonly sw: string,
    readonly en: string,
    readonly exitCode: number = EXIT.failed,
  ) {
    super(`${sw}\n${en}`)
  }
}
