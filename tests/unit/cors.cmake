# lib/cors
corslab_unit_test(tst_corspolicy)
