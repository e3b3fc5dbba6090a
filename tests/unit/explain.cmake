# lib/explain: pasted console text → the case and a profile whose run shows the same reason.
corslab_unit_test(tst_errorexplainer)
