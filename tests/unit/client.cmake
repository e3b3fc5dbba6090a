# lib/client: socket.io-client's URLs and queries, the browser's cookie rules, the WebSocket frames a
# client writes and reads (all I/O-free); lib/run: the verdict from what the client saw, and whole
# runs of every bundled example in-process.
corslab_unit_test(tst_engineurl)
corslab_unit_test(tst_browsercookiejar)
corslab_unit_test(tst_runjudge)
corslab_unit_test(tst_testrun)
corslab_unit_test(tst_reportdocument)
