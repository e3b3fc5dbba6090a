# lib/script: the sandbox for user JavaScript and RegExps.
corslab_unit_test(tst_scriptsandbox)
corslab_unit_test(tst_regextranslation)
corslab_unit_test(tst_urlsearchparams)
