// One sound per kind of answer, made with oscillators (no audio files to ship or load), so a
// desk officer who is looking away hears green from red. A browser that refuses to play
// (autoplay rules, no audio device) just stays silent.
import type { Tone } from './logic/outcome-view'

/** [frequency Hz, start s, length s] per note */
const NOTES: Record<Tone, [number, number, number][]> = {
  good: [[880, 0, 0.12], [1320, 0.13, 0.2]],
  neutral: [[660, 0, 0.18]],
  warn: [[620, 0, 0.16], [620, 0.24, 0.16]],
  bad: [[240, 0, 0.22], [180, 0.26, 0.4]],
}

let audio: AudioContext | null = null

export function playTone(tone: Tone) {
  try {
    audio ??= new AudioContext()
    const ctx = audio
    ctx.resume().catch(() => {})
    const t0 = ctx.currentTime + 0.02
    for (const [freq, start, length] of NOTES[tone]) {
      const osc = ctx.createOscillator()
      const gain = ctx.createGain()
      osc.type = tone === 'bad' ? 'square' : 'sine'
      osc.frequency.value = freq
      // a short fade in and out: no clicks
      gain.gain.setValueAtTime(0.0001, t0 + start)
      gain.gain.exponentialRampToValueAtTime(0.3, t0 + start + 0.015)
      gain.gain.exponentialRampToValueAtTime(0.0001, t0 + start + length)
      osc.connect(gain).connect(ctx.destination)
      osc.start(t0 + start)
      osc.stop(t0 + start + length + 0.02)
    }
  } catch {
    // no sound is better than no answer
  }
}
