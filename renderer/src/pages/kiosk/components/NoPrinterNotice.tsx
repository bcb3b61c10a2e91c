// Said on the desk's first screen after pairing (and after choosing another desk): this desk has
// no badge printer, so the officer knows before the first attendee asks for a badge. It does
// not stop check-in; the status bar keeps saying it after the notice is put away.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { NO_PRINTER } from '../../../../../shared/badges/printer-health'
import { useLang } from '../hooks/useLang'
import { pick } from '../logic/format'

export function NoPrinterNotice() {
  const { t } = useTranslation()
  const { lang } = useLang()
  const [shown, setShown] = useState(true)
  if (!shown) return null
  return (
    <div className="kiosk-no-printer" role="status" data-testid="no-printer-notice">
      <p>
        <strong>{pick(NO_PRINTER, lang)}</strong> {t('kiosk.noPrinter.help')}
      </p>
      <button type="button" data-testid="no-printer-dismiss" onClick={() => setShown(false)}>
        {t('kiosk.noPrinter.dismiss')}
      </button>
    </div>
  )
}
