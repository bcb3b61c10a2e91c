// Keeps at most one camera stream open for the whole page. Starting and stopping a camera
// take time; React (StrictMode's double mount, a camera switch) asks for start-stop-start
// faster than that. Requests only record what is wanted; one queue then makes it so, and a
// request overtaken by a later one is skipped, so a mount that is undone at once never
// opens the camera at all.
// Generic over the decoder's target so it is tested without a DOM.

export interface Startable<Target> {
  start(target: Target, onCode: (text: string) => void): Promise<void>
  stop(): Promise<void>
}

export interface CameraRequest<Target> {
  decoder: Startable<Target>
  target: Target
  onCode: (text: string) => void
  onStarted?: () => void
  onFailed?: (error: unknown) => void
}

export class CameraController<Target> {
  private queue: Promise<void> = Promise.resolve()
  private wanted: CameraRequest<Target> | null = null
  private running: Startable<Target> | null = null
  private generation = 0

  /** Asks for this decoder to run (stopping any other first). */
  want(request: CameraRequest<Target>): Promise<void> {
    this.wanted = request
    return this.schedule()
  }

  /** Withdraws the request for this decoder; a newer request for another one stays. */
  release(decoder: Startable<Target>): Promise<void> {
    if (this.wanted?.decoder !== decoder) return this.queue
    this.wanted = null
    return this.schedule()
  }

  /** The decoder whose stream is open now, if any. */
  get active(): Startable<Target> | null {
    return this.running
  }

  private schedule(): Promise<void> {
    const generation = ++this.generation
    this.queue = this.queue.then(() => this.settle(generation))
    return this.queue
  }

  private async settle(generation: number) {
    // a later request will settle after this one: only the newest does the work
    if (generation !== this.generation) return
    const wanted = this.wanted
    if (this.running && this.running !== wanted?.decoder) {
      const old = this.running
      this.running = null
      await old.stop().catch(() => {})
    }
    if (!wanted || this.running || generation !== this.generation) return
    try {
      await wanted.decoder.start(wanted.target, wanted.onCode)
      this.running = wanted.decoder
    } catch (err) {
      await wanted.decoder.stop().catch(() => {})
      if (this.wanted === wanted) wanted.onFailed?.(err)
      return
    }
    if (this.wanted === wanted) wanted.onStarted?.()
    // released or replaced while starting: the queued settle closes it
  }
}
