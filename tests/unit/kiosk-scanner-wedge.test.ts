// The USB scanner detector: fast bursts ending in Enter/Tab are scans; people typing are not.
import { describe, expect, it } from 'vitest'
import { WedgeDetector, withoutScan, type WedgeKey } from '../../renderer/src/pages/kiosk/logic/scanner-wedge.js'

const CODE = 'AQI9AQHvD3vYc1bk2V7l8yW1FbA8cA4hzr3nNOVvQW0tJjU7ZKqJ9m0pT4qgk9dWl0Hxz3aYk1s3FvD2cX8y7kQzAA'

/** Keys of `text` starting at `t0`, `gap` ms apart (a number or a function of the index), then `end`. */
function keys(text: string, gap: number | ((i: number) => number), t0 = 1000, end: string | null = 'Enter'): WedgeKey[] {
  const out: WedgeKey[] = []
  let t = t0
  for (let i = 0; i < text.length; i++) {
    if (i > 0) t += typeof gap === 'number' ? gap : gap(i)
    out.push({ key: text[i]!, timeStamp: t })
  }
  if (end) out.push({ key: end, timeStamp: t + (typeof gap === 'number' ? gap : 10) })
  return out
}

function feed(d: WedgeDetector, events: WedgeKey[]): string[] {
  return events.map((e) => d.push(e)).filter((c): c is string => c !== null)
}

describe('WedgeDetector', () => {
  it('takes a fast burst ending in Enter as one scan', () => {
    expect(feed(new WedgeDetector(), keys(CODE, 8))).toEqual([CODE])
  })

  it('takes Tab as the end of a scan too', () => {
    expect(feed(new WedgeDetector(), keys(CODE, 8, 0, 'Tab'))).toEqual([CODE])
  })

  it('does not take a person typing, even a fast typist, even a whole code', () => {
    expect(feed(new WedgeDetector(), keys(CODE, 150))).toEqual([])
    expect(feed(new WedgeDetector(), keys(CODE, 70))).toEqual([])
    expect(feed(new WedgeDetector(), keys(CODE, 45))).toEqual([])
    expect(feed(new WedgeDetector(), keys('neema ngwanangwa mwakyusa', 90))).toEqual([])
  })

  it('takes a short scanner burst too (the kiosk then says "not a badge"), but not one or three keys', () => {
    expect(feed(new WedgeDetector(), keys('A0001-short', 5))).toEqual(['A0001-short'])
    expect(feed(new WedgeDetector(), keys('5901234', 5))).toEqual(['5901234'])
    expect(feed(new WedgeDetector(), keys('abc', 5))).toEqual([])
  })

  it('keeps a scan when the busy machine delays a few keys', () => {
    const jitter = (i: number) => (i % 30 === 0 ? 200 : 6)
    expect(feed(new WedgeDetector(), keys(CODE, jitter))).toEqual([CODE])
  })

  it('drops what a person typed before the scanner fired', () => {
    const d = new WedgeDetector()
    const typed = keys('hello', 200, 0, null)
    const scan = keys(CODE, 8, 2000)
    expect(feed(d, [...typed, ...scan])).toEqual([CODE])
  })

  it('survives the machine stalling for most of a second in the middle of a scan', () => {
    const stalls = (i: number) => (i === 11 ? 825 : i % 9 === 0 ? 180 : 8)
    expect(feed(new WedgeDetector(), keys(CODE, stalls))).toEqual([CODE])
  })

  it('does not take keys a person typed a moment before as part of the code', () => {
    const typed = keys('Ba', 150, 0, null)
    const scan = keys(CODE, 8, 150 + 1200)
    expect(feed(new WedgeDetector(), [...typed, ...scan])).toEqual([CODE])
  })

  it('ends a burst at a long pause: the keys before it are not part of the next code', () => {
    const d = new WedgeDetector()
    expect(feed(d, keys('z'.repeat(30), 5, 0, null))).toEqual([])
    expect(d.pending).toBe('z'.repeat(30))
    expect(feed(d, keys(CODE, 5, 5000))).toEqual([CODE])
  })

  it('refuses an Enter that comes long after the burst', () => {
    const events = keys(CODE, 5, 0, null)
    events.push({ key: 'Enter', timeStamp: events.at(-1)!.timeStamp + 1500 })
    expect(feed(new WedgeDetector(), events)).toEqual([])
  })

  it('ignores Shift (scanners press it for capitals) and refuses auto-repeat', () => {
    const withShift = keys(CODE, 4).flatMap((e) => (e.key >= 'A' && e.key <= 'Z' ? [{ key: 'Shift', timeStamp: e.timeStamp - 1 }, e] : [e]))
    expect(feed(new WedgeDetector(), withShift)).toEqual([CODE])
    const held = keys('a'.repeat(40), 30).map((e, i) => (i > 0 && e.key === 'a' ? { ...e, repeat: true } : e))
    expect(feed(new WedgeDetector(), held)).toEqual([])
  })

  it('reads two scans in a row', () => {
    const d = new WedgeDetector()
    const other = CODE.split('').reverse().join('')
    expect(feed(d, [...keys(CODE, 5, 0), ...keys(other, 5, 3000)])).toEqual([CODE, other])
  })
})

describe('withoutScan', () => {
  it('takes the scanned code back out of a search box', () => {
    expect(withoutScan(`neema${CODE}`, CODE)).toBe('neema')
    expect(withoutScan(CODE, CODE)).toBe('')
    expect(withoutScan(`ne${CODE}ema`, CODE)).toBe('neema')
    expect(withoutScan('neema', CODE)).toBe('neema')
  })
})
