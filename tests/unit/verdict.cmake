# lib/verdict: the fixes for a failed run (FixAdvisor) and the profile as JavaScript (CodeWriter;
# with node installed, its output is checked with node --check and evaluated).
corslab_unit_test(tst_fixadvisor)
corslab_unit_test(tst_codewriter)
