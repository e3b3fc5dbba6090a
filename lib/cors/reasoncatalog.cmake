# The browsers' own words for CORS and connection failures (ReasonCatalog), with its data files
# from resources/reasons carried inside the library as Qt resources.
target_sources(libcorslab PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/reasoncatalog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/reasoncatalog.h
)

qt_add_resources(libcorslab corslab_reasons
    PREFIX /corslab/reasons
    BASE ${PROJECT_SOURCE_DIR}/resources/reasons
    FILES
        ${PROJECT_SOURCE_DIR}/resources/reasons/chromium.json
        ${PROJECT_SOURCE_DIR}/resources/reasons/explanations.json
        ${PROJECT_SOURCE_DIR}/resources/reasons/firefox.json
        ${PROJECT_SOURCE_DIR}/resources/reasons/firefox.en-US.json
        ${PROJECT_SOURCE_DIR}/resources/reasons/firefox.zh-CN.json
        ${PROJECT_SOURCE_DIR}/resources/reasons/notes.json
        ${PROJECT_SOURCE_DIR}/resources/reasons/socketio-client.json
        ${PROJECT_SOURCE_DIR}/resources/reasons/websocket.json
)
