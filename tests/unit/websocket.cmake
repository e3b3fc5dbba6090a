# lib/websocket
corslab_unit_test(tst_websockethandshake)
corslab_unit_test(tst_websocketframe)
