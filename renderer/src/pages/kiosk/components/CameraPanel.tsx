// The camera's picture, the camera picker (when there is a choice) and, when the camera
// cannot start, a plain message that the scanner and the search still work.
import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useCamera } from '../hooks/useCamera'

export function CameraPanel({ onCode }: { onCode: (code: string) => void }) {
  const { t } = useTranslation()
  const view = useRef<HTMLDivElement>(null)
  const camera = useCamera(view, onCode)
  const failed = camera.status === 'denied' || camera.status === 'unavailable'

  return (
    <section className="kiosk-camera" data-testid="camera-panel" data-camera={camera.status}>
      <div className="kiosk-camera-frame">
        {/* html5-qrcode owns this element's children: React must leave it empty */}
        <div className="kiosk-camera-view" ref={view} data-testid="camera-view" />
        {/* where to hold the badge */}
        <div className="kiosk-camera-aim" aria-hidden="true" />
      </div>
      {camera.status === 'starting' && <p className="kiosk-camera-note">{t('kiosk.camera.starting')}</p>}
      {failed && (
        <p className="kiosk-camera-note kiosk-error" role="alert" data-testid="camera-error">
          {t(`kiosk.camera.${camera.status}`)}
        </p>
      )}
      {failed && (
        <button type="button" className="kiosk-camera-retry" onClick={camera.retry}>
          {t('kiosk.camera.retry')}
        </button>
      )}
      {camera.cameras.length > 1 && (
        <label className="kiosk-camera-picker">
          {t('kiosk.camera.label')}
          <select
            data-testid="camera-picker"
            value={camera.cameraId ?? ''}
            onChange={(e) => {
              camera.chooseCamera(e.target.value || null)
              // a focused select would take a USB scanner's letters as option choices
              e.target.blur()
            }}
          >
            {!camera.cameraId && <option value="">—</option>}
            {camera.cameras.map((c) => (
              <option key={c.deviceId} value={c.deviceId}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
      )}
    </section>
  )
}
