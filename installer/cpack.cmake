# CPack: DEB and TGZ on Linux (built and tested: tests/package/package-test.sh, label package),
# NSIS on Windows and DragNDrop on macOS (configured, never built — installer/README.md).
# Included from installer/CMakeLists.txt after every install() rule.

set(CPACK_PACKAGE_NAME corslab)
set(CPACK_PACKAGE_VENDOR "The CorsLab developers")
set(CPACK_PACKAGE_CONTACT "The CorsLab developers <developers@corslab.example>")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Reproduce, understand and fix Socket.IO CORS problems")
set(CPACK_PACKAGE_DESCRIPTION [=[
CorsLab runs a profile - the options given to the Socket.IO server, the options
given to the client and the origin of the page - with an embedded Socket.IO
server and a browser-emulating client, and says whether the browser connects,
and if not, why (with Chromium's and Firefox's console texts) and what to
change (a fix proven by a re-run).

This package contains the desktop application (corslab), the command-line tool
(corslab-cli), 36 example profiles and the MIME type
application/x-corslab-profile+json for *.corslab.json files.]=])
set(CPACK_PACKAGE_INSTALL_DIRECTORY CorsLab)
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_STRIP_FILES TRUE) # the ci preset builds RelWithDebInfo; packages ship stripped binaries
set(CPACK_SOURCE_GENERATOR "")
set(CPACK_PACKAGE_CHECKSUM SHA256)

if(UNIX AND NOT APPLE)
    set(CPACK_GENERATOR DEB TGZ)

    # DEB: corslab_<version>_<arch>.deb; library dependencies from dpkg-shlibdeps, plus what it
    # cannot see: Qt's platform plugins (xcb, offscreen) are loaded at run time.
    set(CPACK_DEBIAN_PACKAGE_NAME corslab)
    set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
    set(CPACK_DEBIAN_PACKAGE_RELEASE "") # a native package: version without a Debian revision
    set(CPACK_DEBIAN_PACKAGE_SECTION devel)
    set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
    set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
    set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins")
    # The SVG icon sizes between the PNGs; the desktop caches are refreshed by the triggers of
    # these packages (no maintainer scripts needed).
    set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "libqt6svg6, shared-mime-info, desktop-file-utils, hicolor-icon-theme")
    set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
    # TGZ: corslab-<version>-Linux.tar.gz holding corslab-<version>-Linux/{bin,share}; runs from
    # wherever it is unpacked, with the system's Qt 6.
elseif(WIN32)
    set(CPACK_GENERATOR NSIS)
    set(CPACK_NSIS_DISPLAY_NAME CorsLab)
    set(CPACK_NSIS_PACKAGE_NAME CorsLab)
    set(CPACK_NSIS_MUI_ICON ${CMAKE_CURRENT_SOURCE_DIR}/windows/corslab.ico)
    set(CPACK_NSIS_MUI_UNIICON ${CMAKE_CURRENT_SOURCE_DIR}/windows/corslab.ico)
    set(CPACK_NSIS_INSTALLED_ICON_NAME bin\\\\corslab.exe)
    set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
    set(CPACK_NSIS_MODIFY_PATH ON) # offers to put bin\ (corslab-cli) on PATH
    set(CPACK_PACKAGE_EXECUTABLES corslab CorsLab)
    # Windows knows extensions by their last dot only (".json"), so *.corslab.json cannot get its
    # own default: CorsLab registers a ProgID and offers itself under ".json" -> Open with.
    file(READ ${CMAKE_CURRENT_SOURCE_DIR}/windows/file-association-install.nsh
        CPACK_NSIS_EXTRA_INSTALL_COMMANDS)
    file(READ ${CMAKE_CURRENT_SOURCE_DIR}/windows/file-association-uninstall.nsh
        CPACK_NSIS_EXTRA_UNINSTALL_COMMANDS)
elseif(APPLE)
    set(CPACK_GENERATOR DragNDrop)
    set(CPACK_DMG_VOLUME_NAME CorsLab)
    set(CPACK_DMG_FORMAT UDZO)
endif()

# Windows and macOS need Qt's libraries and plugins next to the program (windeployqt,
# macdeployqt); Qt 6.4's deploy script API (technical preview) does that at install time.
if((WIN32 OR APPLE) AND COMMAND qt_generate_deploy_app_script AND TARGET corslab)
    qt_generate_deploy_app_script(TARGET corslab FILENAME_VARIABLE corslab_deploy_script
        NO_UNSUPPORTED_PLATFORM_ERROR)
    install(SCRIPT ${corslab_deploy_script})
endif()

include(CPack)
