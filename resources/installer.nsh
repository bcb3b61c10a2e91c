; Included by electron-builder's nsis installer (electron-builder.yml: nsis.include).
; A desk PC is switched on by whoever arrives first: the kiosk starts when the desk's user logs in.
!macro customInstall
  CreateShortCut "$SMSTARTUP\${PRODUCT_NAME}.lnk" "$INSTDIR\${APP_EXECUTABLE_FILENAME}"
!macroend

!macro customUnInstall
  Delete "$SMSTARTUP\${PRODUCT_NAME}.lnk"
!macroend
