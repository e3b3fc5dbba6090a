  DeleteRegValue SHCTX "Software\Classes\.json\OpenWithProgids" "CorsLab.Profile"
  DeleteRegKey SHCTX "Software\Classes\CorsLab.Profile"
  DeleteRegKey SHCTX "Software\Classes\Applications\corslab.exe"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, i 0, i 0)'
