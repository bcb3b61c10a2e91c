// Plays an answer's sound (logic/outcome-sound.ts) with oscillators: no audio files to ship or
// load. A browser that refuses to play (autoplay rules, no audio device) just stays silent.
import { SOUNDS } from './logic/outcome-sound'
import type { ShownOutcome } from './logic/outcome-view'

let audio: AudioContext | null = null

export function playSound(outcome: ShownOutcome) {
  try {
    audio ??= new AudioContext()
    const ctx = audio
    ctx.resume().catch(() => {})
    const t0 = ctx.currentTime + 0.02
    const sound = SOUNDS[outcome]
    for (const [freq, start, length] of sound.notes) {
      const osc = ctx.createOscillator()
      const gain = ctx.createGain()
      osc.type = sound.wave
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
