/** A plain bar for a share of a whole; the figures themselves are shown beside it. */
export function Meter({ value, max, color }: { value: number; max: number; color?: string }) {
  const share = max > 0 ? Math.min(1, value / max) : 0
  return (
    <span className="dash-meter" aria-hidden="true">
      <span style={{ width: `${(share * 100).toFixed(1)}%`, ...(color ? { background: color } : {}) }} />
    </span>
  )
}
