// A reason a hub or kiosk agent will not start, for the person at its console: in Kiswahili
// and English, and printed without a stack trace (it is their data or settings, not a bug).
export class StartError extends Error {
  constructor(
    readonly sw: string,
    readonly en: string,
  ) {
    super(`${sw}\n${en}`)
  }
}
