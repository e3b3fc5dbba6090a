# lib/codeimport: server and client JavaScript read back into a profile (CodeImport), the
# round trip through CodeWriter for every bundled example, and the snippets in tests/data/code.
corslab_unit_test(tst_codeimport)
