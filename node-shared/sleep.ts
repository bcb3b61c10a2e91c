/** Waits `ms` on the global timers, so a test's fake clock (vi.useFakeTimers) moves it too. */
export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))
