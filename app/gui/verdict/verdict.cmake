# The verdict banner, the UI language (Qt Linguist, Simplified Chinese embedded as
# :/i18n/corslab_zh_CN.qm), the Light/Dark/System themes and the application icons (:/icons/).
# Included from app/gui/CMakeLists.txt.
find_package(Qt6 6.4 REQUIRED COMPONENTS LinguistTools)

target_sources(corslab_gui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/appicon.cpp
    ${CMAKE_CURRENT_LIST_DIR}/appicon.h
    ${CMAKE_CURRENT_LIST_DIR}/thememanager.cpp
    ${CMAKE_CURRENT_LIST_DIR}/thememanager.h
    ${CMAKE_CURRENT_LIST_DIR}/verdictbanner.cpp
    ${CMAKE_CURRENT_LIST_DIR}/verdictbanner.h
    ${CMAKE_CURRENT_LIST_DIR}/../i18n/languagemanager.cpp
    ${CMAKE_CURRENT_LIST_DIR}/../i18n/languagemanager.h
)

# lupdate (target update_translations) reads all of app/gui, as tools/update-translations.sh does;
# lrelease runs at build time and the .qm is embedded as :/i18n/corslab_zh_CN.qm.
file(GLOB_RECURSE corslab_gui_translatable CONFIGURE_DEPENDS
    ${CMAKE_CURRENT_LIST_DIR}/../*.cpp ${CMAKE_CURRENT_LIST_DIR}/../*.h)
qt_add_translations(corslab_gui
    TS_FILES ${CMAKE_CURRENT_LIST_DIR}/../translations/corslab_zh_CN.ts
    SOURCES ${corslab_gui_translatable}
    RESOURCE_PREFIX /i18n
    LUPDATE_OPTIONS -no-obsolete -locations none)

set(corslab_icon_files)
foreach(icon corslab application-x-corslab-profile)
    list(APPEND corslab_icon_files ${PROJECT_SOURCE_DIR}/resources/icons/${icon}.svg)
    foreach(size 16 32 48 64 128 256)
        list(APPEND corslab_icon_files ${PROJECT_SOURCE_DIR}/resources/icons/png/${icon}-${size}.png)
    endforeach()
endforeach()
qt_add_resources(corslab_gui corslab_icons
    PREFIX /icons
    BASE ${PROJECT_SOURCE_DIR}/resources/icons
    FILES ${corslab_icon_files})
