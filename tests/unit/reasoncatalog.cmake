# lib/cors: the reason catalog (browser texts, explanations, console-line matching)
corslab_unit_test(tst_reasoncatalog)
