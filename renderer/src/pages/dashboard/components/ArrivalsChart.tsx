// First arrivals per 15 minutes, as the hub buckets them, drawn by chart.js on a canvas (no
// inline script, so the hub's CSP holds). Only the pieces a bar chart needs are registered.
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { withEmptyQuarters } from '../model/arrivals'
import { formatTime, type PanelProps } from '../model/view'

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip)

export function ArrivalsChart({ view, timezone }: PanelProps) {
  const { t } = useTranslation()
  const canvas = useRef<HTMLCanvasElement>(null)
  const chart = useRef<Chart<'bar', number[], string> | null>(null)
  const arrivals = view.stats.arrivals
  const label = t('dashboard.count')

  useEffect(() => {
    const c = new Chart<'bar', number[], string>(canvas.current!, {
      type: 'bar',
      data: { labels: [], datasets: [{ label: '', data: [], backgroundColor: '#0f7b3f', borderRadius: 3, maxBarThickness: 56 }] },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { tooltip: { enabled: true } },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } }, x: { grid: { display: false } } },
      },
    })
    chart.current = c
    return () => {
      c.destroy()
      chart.current = null
    }
  }, [])

  useEffect(() => {
    const c = chart.current
    if (!c) return
    const bars = withEmptyQuarters(arrivals)
    c.data.labels = bars.map((a) => formatTime(a.at, timezone))
    c.data.datasets[0]!.data = bars.map((a) => a.count)
    c.data.datasets[0]!.label = label
    c.update('none')
  }, [arrivals, timezone, label])

  return (
    <section className="dash-panel dash-wide" data-testid="arrivals">
      <h2>{t('dashboard.arrivals')}</h2>
      {arrivals.length === 0 && <p className="dash-quiet">{t('dashboard.arrivalsNone')}</p>}
      <div className="dash-chart">
        <canvas ref={canvas} role="img" aria-label={t('dashboard.arrivals')}>
          {/* read by screen readers in place of the drawing */}
          <table>
            <thead>
              <tr>
                <th scope="col">{t('dashboard.time')}</th>
                <th scope="col">{t('dashboard.count')}</th>
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
        </canvas>
      </div>
    </section>
  )
}
