# The timeline and details views (issue 5): part of corslab_gui, included from app/gui/CMakeLists.txt.
target_sources(corslab_gui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/detailspane.cpp
    ${CMAKE_CURRENT_LIST_DIR}/detailspane.h
    ${CMAKE_CURRENT_LIST_DIR}/sequencediagramview.cpp
    ${CMAKE_CURRENT_LIST_DIR}/sequencediagramview.h
    ${CMAKE_CURRENT_LIST_DIR}/sequencegeometry.cpp
    ${CMAKE_CURRENT_LIST_DIR}/sequencegeometry.h
    ${CMAKE_CURRENT_LIST_DIR}/timelinecolors.cpp
    ${CMAKE_CURRENT_LIST_DIR}/timelinecolors.h
    ${CMAKE_CURRENT_LIST_DIR}/timelinemodel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/timelinemodel.h
    ${CMAKE_CURRENT_LIST_DIR}/timelinepane.cpp
    ${CMAKE_CURRENT_LIST_DIR}/timelinepane.h
    ${CMAKE_CURRENT_LIST_DIR}/timelinetext.cpp
    ${CMAKE_CURRENT_LIST_DIR}/timelinetext.h
)
target_include_directories(corslab_gui PUBLIC ${CMAKE_CURRENT_LIST_DIR})

# bench/gui: the 100,000-event timeline benchmark (prints numbers; not a test).
add_subdirectory(${PROJECT_SOURCE_DIR}/bench/gui ${CMAKE_BINARY_DIR}/bench/gui)
