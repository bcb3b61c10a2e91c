// Runs `fn` at most once per `intervalMs`: the first call at once, later calls folded into one
// run at the end of the interval, so the last change is never lost.
export interface Throttled {
  (): void
  cancel(): void
}

export function throttle(fn: () => void, intervalMs: number): Throttled {
  let last = -Infinity
  let timer: ReturnType<typeof setTimeout> | null = null
  const run = () => {
    timer = null
    last = Date.now()
    fn()
  }
  const call = (() => {
    if (timer) return
    const wait = last + intervalMs - Date.now()
    if (wait <= 0) run()
    else timer = setTimeout(run, wait)
  }) as Throttled
  call.cancel = () => {
    if (timer) clearTimeout(timer)
    timer = null
  }
  return call
}
