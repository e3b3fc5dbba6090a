# lib/har: HAR 1.2 export (HarWriter) of every bundled example's run; with CORSLAB_HAR_OUT the
# files are kept for the har_schema test (tests/node/har-schema-test.sh).
corslab_unit_test(tst_harwriter)
set_tests_properties(tst_harwriter PROPERTIES TIMEOUT 900)
corslab_unit_test(tst_harimport)
