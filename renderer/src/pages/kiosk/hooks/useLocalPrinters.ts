// How many printers the desk PC has, asked once of Electron's preload; a browser kiosk has no
// preload, and an older shell without the call says nothing (both are no cause to warn).
import { useEffect, useState } from 'react'
import { karibuBridge } from '../../../api/bridge'
import type { LocalPrinters } from '../logic/printer-setup'

export function useLocalPrinters(): LocalPrinters {
  const bridge = karibuBridge()
  const [count, setCount] = useState<LocalPrinters>(bridge ? 'unknown' : 'browser')
  useEffect(() => {
    let live = true
    const list = bridge?.listPrinters
    if (typeof list !== 'function') return
    list().then(
      (printers) => live && Array.isArray(printers) && setCount(printers.length),
      () => {},
    )
    return () => {
      live = false
    }
  }, [bridge])
  return count
}
