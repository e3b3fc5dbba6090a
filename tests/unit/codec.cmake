# Engine.IO and Socket.IO codecs (lib/engineio, lib/socketio)
corslab_unit_test(tst_engineiopacket)
corslab_unit_test(tst_engineiopayload)
corslab_unit_test(tst_socketiopacket)
