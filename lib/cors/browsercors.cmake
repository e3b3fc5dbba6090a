# The browser side of CORS (BrowserCors: Fetch rules in Chromium's and Firefox's check order,
# origins, header rules, the preflight cache).
target_sources(libcorslab PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/browsercors.cpp
    ${CMAKE_CURRENT_LIST_DIR}/browsercors.h
    ${CMAKE_CURRENT_LIST_DIR}/browserfetchrules.cpp
    ${CMAKE_CURRENT_LIST_DIR}/browserfetchrules.h
    ${CMAKE_CURRENT_LIST_DIR}/browserorigin.cpp
    ${CMAKE_CURRENT_LIST_DIR}/browserorigin.h
    ${CMAKE_CURRENT_LIST_DIR}/browserpreflightcache.cpp
    ${CMAKE_CURRENT_LIST_DIR}/browserpreflightcache.h
)
