// Runs the QR camera while the scanning screen is shown. One controller for the whole page:
// whatever React mounts and unmounts, at most one camera stream is open (see camera-controller).
import { useEffect, useRef, useState, type RefObject } from 'react'
import { CameraController } from '../logic/camera-controller'
import { cameraChoice, cameraFailure, listCameras, loadCameraId, saveCameraId } from '../camera/camera-choice'
import { createHtml5QrcodeDecoder } from '../camera/html5-qrcode-decoder'
import type { QrDecoderFactory } from '../camera/qr-decoder'
import { RepeatGuard } from '../logic/repeat-guard'

const controller = new CameraController<HTMLElement>()

export type CameraStatus = 'starting' | 'running' | 'denied' | 'unavailable'

export interface CameraView {
  status: CameraStatus
  cameras: { deviceId: string; label: string }[]
  cameraId: string | null
  chooseCamera(deviceId: string | null): void
  /** tries the camera again (plugged in late, permission given later) */
  retry(): void
}

export function useCamera(
  target: RefObject<HTMLElement | null>,
  onCode: (text: string) => void,
  makeDecoder: QrDecoderFactory = createHtml5QrcodeDecoder,
): CameraView {
  const [status, setStatus] = useState<CameraStatus>('starting')
  const [cameraId, setCameraId] = useState<string | null>(loadCameraId)
  const [cameras, setCameras] = useState<CameraView['cameras']>([])
  const [attempt, setAttempt] = useState(0)
  const onCodeRef = useRef(onCode)
  const guard = useRef(new RepeatGuard())
  useEffect(() => {
    onCodeRef.current = onCode
  })

  useEffect(() => {
    const el = target.current
    if (!el) return
    // 'starting' is set by whoever asks for a (re)start: the first render, retry, another camera
    const decoder = makeDecoder(cameraChoice(cameraId))
    void controller.want({
      decoder,
      target: el,
      onCode: (text) => {
        if (guard.current.accept(text, performance.now())) onCodeRef.current(text)
      },
      onStarted: () => {
        setStatus('running')
        listCameras().then(setCameras, () => {})
      },
      onFailed: (err) => {
        // a remembered camera that is gone: forget it and fall back to the rear camera
        if (cameraId) {
          saveCameraId(null)
          setStatus('starting')
          setCameraId(null)
          return
        }
        setStatus(cameraFailure(err))
      },
    })
    return () => void controller.release(decoder)
  }, [target, cameraId, makeDecoder, attempt])

  const chooseCamera = (deviceId: string | null) => {
    saveCameraId(deviceId)
    if (deviceId === cameraId) return
    setStatus('starting')
    setCameraId(deviceId)
  }
  const retry = () => {
    setStatus('starting')
    setAttempt((n) => n + 1)
  }
  return { status, cameras, cameraId, chooseCamera, retry }
}
