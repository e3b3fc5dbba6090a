# Engine.IO payload decoders (EIO=4 and EIO=3, text and binary) and the Socket.IO decoder
corslab_fuzz_target(fuzz_engineiopayload ${CMAKE_CURRENT_SOURCE_DIR}/corpus/engineio)
corslab_fuzz_target(fuzz_socketiopacket ${CMAKE_CURRENT_SOURCE_DIR}/corpus/socketio)
