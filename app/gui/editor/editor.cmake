# The profile editor forms (issue 5): ProfileForm, OriginEditor and the JavaScript editor.
target_sources(corslab_gui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/fieldwidgets.cpp
    ${CMAKE_CURRENT_LIST_DIR}/fieldwidgets.h
    ${CMAKE_CURRENT_LIST_DIR}/javascripteditor.cpp
    ${CMAKE_CURRENT_LIST_DIR}/javascripteditor.h
    ${CMAKE_CURRENT_LIST_DIR}/javascripthighlighter.cpp
    ${CMAKE_CURRENT_LIST_DIR}/javascripthighlighter.h
    ${CMAKE_CURRENT_LIST_DIR}/origineditor.cpp
    ${CMAKE_CURRENT_LIST_DIR}/origineditor.h
    ${CMAKE_CURRENT_LIST_DIR}/profileform.cpp
    ${CMAKE_CURRENT_LIST_DIR}/profileform.h
)
