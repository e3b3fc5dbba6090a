# lib/websocket
corslab_fuzz_target(fuzz_websocketframe ${CMAKE_CURRENT_SOURCE_DIR}/corpus/websocket)
