# lib/cors: the browser side (BrowserCors, its Fetch rules and origins, the preflight cache)
corslab_unit_test(tst_browsercors)
corslab_unit_test(tst_browserfetchrules)
corslab_unit_test(tst_browserpreflightcache)
