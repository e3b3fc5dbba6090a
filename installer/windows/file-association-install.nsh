  ; CorsLab.Profile: the ProgID for CorsLab profiles (*.corslab.json).
  WriteRegStr SHCTX "Software\Classes\CorsLab.Profile" "" "CorsLab profile"
  WriteRegStr SHCTX "Software\Classes\CorsLab.Profile\DefaultIcon" "" "$INSTDIR\bin\corslab.exe,0"
  WriteRegStr SHCTX "Software\Classes\CorsLab.Profile\shell\open\command" "" '"$INSTDIR\bin\corslab.exe" "%1"'
  ; Windows sees ".json" as the extension: CorsLab appears under Open with, the default stays.
  WriteRegStr SHCTX "Software\Classes\.json\OpenWithProgids" "CorsLab.Profile" ""
  WriteRegStr SHCTX "Software\Classes\Applications\corslab.exe\SupportedTypes" ".json" ""
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, i 0, i 0)'
