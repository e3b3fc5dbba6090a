# lib/http: request parser and response writer (Node 20 http behaviour).
corslab_unit_test(tst_httprequestparser)
corslab_unit_test(tst_httpresponse)
