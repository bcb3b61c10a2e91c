// First arrivals per 15 minutes, as the hub buckets them, drawn by uPlot on a canvas (no inline
// script, so the hub's CSP holds). uPlot, not chart.js: a third of the bytes and of the start-up
// work on an usher's phone on venue Wi-Fi (BENCHMARKS.md). The drawing is hidden from screen
// readers, which read the same figures from the table; tapping a bar shows its time and count.
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'
import { withEmptyQuarters } from '../model/arrivals'
import { formatTime, type PanelProps } from '../model/view'

/** room under the bars for the line that shows the bar under the finger */
const LEGEND_PX = 30
const BAR = '#0f7b3f'
/** ticks on whole quarters and whole people only */
const QUARTER_STEPS = [1, 2, 4, 8, 12, 16, 24, 32, 48]
const PEOPLE_STEPS = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10_000, 20_000, 50_000]

export function ArrivalsChart({ view, timezone }: PanelProps) {
  const { t } = useTranslation()
  const host = useRef<HTMLDivElement>(null)
  const chart = useRef<uPlot | null>(null)
  const labels = useRef<string[]>([])
  const arrivals = view.stats.arrivals
  const label = t('dashboard.count')
  const timeLabel = t('dashboard.time')

  // made again when the language changes: the legend's names are the chart's own
  useEffect(() => {
    const el = host.current!
    const size = () => ({ width: Math.max(100, el.clientWidth), height: Math.max(80, el.clientHeight - LEGEND_PX) })
    const u = new uPlot(
      {
        ...size(),
        cursor: { drag: { x: false, y: false }, points: { show: false } },
        scales: {
          x: { time: false, range: (_u, min, max) => [min - 0.5, max + 0.5] },
          y: { range: (_u, _min, max) => [0, Math.max(1, max)] },
        },
        axes: [
          { incrs: QUARTER_STEPS, values: (_u, splits) => splits.map((i) => labels.current[i] ?? ''), grid: { show: false } },
          { incrs: PEOPLE_STEPS, values: (_u, splits) => splits.map((v) => String(v)) },
        ],
        series: [
          { label: timeLabel, value: (_u, i) => (i == null ? '' : (labels.current[i] ?? '')) },
          {
            label,
            fill: BAR,
            stroke: BAR,
            width: 0,
            points: { show: false },
            paths: uPlot.paths.bars!({ size: [0.7, 56], radius: 0.1 }),
            value: (_u, v) => (v == null ? '' : String(v)),
          },
        ],
      },
      [[], []],
      el,
    )
    chart.current = u
    const resize = new ResizeObserver(() => u.setSize(size()))
    resize.observe(el)
    return () => {
      resize.disconnect()
      u.destroy()
      chart.current = null
    }
  }, [label, timeLabel])

  useEffect(() => {
    const bars = withEmptyQuarters(arrivals)
    labels.current = bars.map((a) => formatTime(a.at, timezone))
    chart.current?.setData([bars.map((_, i) => i), bars.map((a) => a.count)])
  }, [arrivals, timezone, label, timeLabel])

  return (
    <section className="dash-panel dash-wide" data-testid="arrivals">
      <h2>{t('dashboard.arrivals')}</h2>
      {arrivals.length === 0 && <p className="dash-quiet">{t('dashboard.arrivalsNone')}</p>}
      <div className="dash-chart" ref={host} aria-hidden="true" />
      <table className="dash-sr">
        <caption>{t('dashboard.arrivals')}</caption>
        <thead>
          <tr>
            <th scope="col">{timeLabel}</th>
            <th scope="col">{label}</th>
          </tr>
        </thead>
        <tbody>
          {arrivals.map((a) => (
            <tr key={a.at} data-at={a.at}>
              <td>{formatTime(a.at, timezone)}</td>
              <td className="count">{a.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
