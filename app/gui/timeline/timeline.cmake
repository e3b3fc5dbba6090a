# The timeline and details views (issue 5): part of corslab_gui, included from app/gui/CMakeLists.txt.
# The model and the drawing need Qt GUI only: corslab_timeline_draw, linked by the app and by
# corslab-cli (`run --png` paints the same diagram without Widgets).
add_library(corslab_timeline_draw STATIC
    ${CMAKE_CURRENT_LIST_DIR}/sequencegeometry.cpp
    ${CMAKE_CURRENT_LIST_DIR}/sequencegeometry.h
    ${CMAKE_CURRENT_LIST_DIR}/sequencepainter.cpp
    ${CMAKE_CURRENT_LIST_DIR}/sequencepainter.h
    ${CMAKE_CURRENT_LIST_DIR}/timelinecolors.cpp
    ${CMAKE_CURRENT_LIST_DIR}/timelinecolors.h
    ${CMAKE_CURRENT_LIST_DIR}/timelinemodel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/timelinemodel.h
    ${CMAKE_CURRENT_LIST_DIR}/timelinetext.cpp
    ${CMAKE_CURRENT_LIST_DIR}/timelinetext.h
)
target_include_directories(corslab_timeline_draw PUBLIC ${CMAKE_CURRENT_LIST_DIR})
target_compile_definitions(corslab_timeline_draw PRIVATE QT_NO_CAST_FROM_ASCII QT_USE_QSTRINGBUILDER)
target_link_libraries(corslab_timeline_draw PUBLIC libcorslab Qt6::Gui PRIVATE corslab_warnings)

target_sources(corslab_gui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/detailspane.cpp
    ${CMAKE_CURRENT_LIST_DIR}/detailspane.h
    ${CMAKE_CURRENT_LIST_DIR}/sequencediagramview.cpp
    ${CMAKE_CURRENT_LIST_DIR}/sequencediagramview.h
    ${CMAKE_CURRENT_LIST_DIR}/timelinepane.cpp
    ${CMAKE_CURRENT_LIST_DIR}/timelinepane.h
)
target_include_directories(corslab_gui PUBLIC ${CMAKE_CURRENT_LIST_DIR})
target_link_libraries(corslab_gui PUBLIC corslab_timeline_draw)

# bench/gui: the 100,000-event timeline benchmark (prints numbers; not a test).
add_subdirectory(${PROJECT_SOURCE_DIR}/bench/gui ${CMAKE_BINARY_DIR}/bench/gui)
