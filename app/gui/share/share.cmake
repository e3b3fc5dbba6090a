# File → Import / Export and Help → Explain an error (issue 6). Included from app/gui/CMakeLists.txt.
target_sources(corslab_gui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/shareactions.cpp
    ${CMAKE_CURRENT_LIST_DIR}/shareactions.h
)
target_include_directories(corslab_gui PUBLIC ${CMAKE_CURRENT_LIST_DIR})
