# lib/http: the request parser on arbitrary bytes and chunkings.
corslab_fuzz_target(fuzz_httprequestparser ${CMAKE_CURRENT_SOURCE_DIR}/corpus/http)
