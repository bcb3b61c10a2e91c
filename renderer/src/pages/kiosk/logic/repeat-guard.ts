// A camera decodes the same badge many times a second while it is held up. One person, one
// scan: the same text is ignored until it has been out of sight for `quietMs`, so a badge left
// in front of the camera does not turn a green answer amber. A different code is taken at once.
export class RepeatGuard {
  private lastText: string | null = null
  private lastSeen = -Infinity

  constructor(private readonly quietMs = 2500) {}

  /** True when `text` seen at `now` (ms) is a new scan. */
  accept(text: string, now: number): boolean {
    const fresh = text !== this.lastText || now - this.lastSeen > this.quietMs
    this.lastText = text
    this.lastSeen = now
    return fresh
  }
}
