// ProfileWriter: bundled examples round-trip byte for byte, other input comes out canonical.
#include "profile/profilefile.h"
#include "profile/profilereader.h"
#include "profile/profilewriter.h"

#include <QTest>

using namespace corslab;
using namespace Qt::StringLiterals;

namespace {

QString describe(const Diagnostics &diagnostics)
{
    QStringList lines;
    for (const Diagnostic &d : diagnostics)
        lines << d.toString(u"input"_s);
    return lines.join(u'\n');
}

} // namespace

class TestProfileWriter : public QObject {
    Q_OBJECT

private slots:
    void examplesAreBundled();
    void roundTrip_data();
    void roundTrip();
    void canonical_data();
    void canonical();
    void saveIsIdempotent_data();
    void saveIsIdempotent();
};

void TestProfileWriter::examplesAreBundled()
{
    const QList<ExampleProfile> examples = ProfileFile::examples();
    QVERIFY2(examples.size() >= 16, qPrintable(QString::number(examples.size())));
    for (const ExampleProfile &example : examples) {
        QVERIFY2(!example.name.isEmpty(), qPrintable(example.fileName));
        QVERIFY(example.fileName.endsWith(u".corslab.json"_s));
    }
}

void TestProfileWriter::roundTrip_data()
{
    QTest::addColumn<QString>("resourcePath");
    for (const ExampleProfile &example : ProfileFile::examples())
        QTest::newRow(qPrintable(example.fileName)) << example.resourcePath;
}

// The examples are stored in canonical form, so loading and saving one changes no byte.
void TestProfileWriter::roundTrip()
{
    QFETCH(QString, resourcePath);

    const ProfileFileResult loaded = ProfileFile::load(resourcePath);
    QVERIFY(!loaded.bytes.isEmpty());
    QVERIFY2(!loaded.load.hasErrors(), qPrintable(describe(loaded.load.diagnostics)));
    QVERIFY(loaded.load.profile);
    QCOMPARE(ProfileWriter::toJson(*loaded.load.profile), loaded.bytes);
}

void TestProfileWriter::canonical_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("keys reordered") << QByteArray(R"({
        "client": {"browser": "firefox", "pageOrigin": "http://localhost:3000"},
        "name": "t",
        "server": {"transports": ["websocket"], "port": 3001, "host": "localhost"},
        "version": 1, "format": "corslab-profile",
        "expect": {"reason": "x", "verdict": "blocked"},
        "$schema": "s"})") << QByteArray(R"({
  "$schema": "s",
  "format": "corslab-profile",
  "version": 1,
  "name": "t",
  "server": {
    "host": "localhost",
    "port": 3001,
    "transports": [
      "websocket"
    ]
  },
  "client": {
    "pageOrigin": "http://localhost:3000",
    "browser": "firefox"
  },
  "expect": {
    "verdict": "blocked",
    "reason": "x"
  }
}
)");

    QTest::newRow("server defaults written out") << QByteArray(R"({
        "format": "corslab-profile", "version": 1, "name": "t",
        "server": {"host": "127.0.0.1", "port": 0, "path": "/socket.io",
                   "addTrailingSlash": true, "transports": ["polling", "websocket"],
                   "allowUpgrades": true, "pingInterval": 25000, "pingTimeout": 20000,
                   "upgradeTimeout": 10000, "maxHttpBufferSize": 1e6, "connectTimeout": 45000,
                   "cookie": false, "allowEIO3": false, "httpCompression": true,
                   "namespaces": []},
        "client": {"pageOrigin": "http://localhost:3000"}})")
                                                 << QByteArray(R"({
  "format": "corslab-profile",
  "version": 1,
  "name": "t",
  "client": {
    "pageOrigin": "http://localhost:3000"
  }
}
)");

    QTest::newRow("client defaults written out") << QByteArray(R"({
        "format": "corslab-profile", "version": 1, "name": "t", "description": "",
        "client": {"pageOrigin": "http://localhost:3000", "url": "embedded", "namespace": "/",
                   "browser": "chromium",
                   "options": {"path": "/socket.io", "query": {}, "withCredentials": false,
                               "extraHeaders": {},
                               "transports": ["polling", "websocket", "webtransport"],
                               "upgrade": true, "rememberUpgrade": false, "timeout": 20000,
                               "forceBase64": false},
                   "emit": []}})") << QByteArray(R"({
  "format": "corslab-profile",
  "version": 1,
  "name": "t",
  "client": {
    "pageOrigin": "http://localhost:3000"
  }
}
)");

    QTest::newRow("cors true") << QByteArray(R"({
        "format": "corslab-profile", "version": 1, "name": "t",
        "server": {"cors": true},
        "client": {"pageOrigin": "http://localhost:3000"}})")
                               << QByteArray(R"({
  "format": "corslab-profile",
  "version": 1,
  "name": "t",
  "server": {
    "cors": {}
  },
  "client": {
    "pageOrigin": "http://localhost:3000"
  }
}
)");

    QTest::newRow("cors false") << QByteArray(R"({
        "format": "corslab-profile", "version": 1, "name": "t",
        "server": {"cors": false},
        "client": {"pageOrigin": "http://localhost:3000"}})")
                                << QByteArray(R"({
  "format": "corslab-profile",
  "version": 1,
  "name": "t",
  "client": {
    "pageOrigin": "http://localhost:3000"
  }
}
)");

    QTest::newRow("cors defaults written out") << QByteArray(R"({
        "format": "corslab-profile", "version": 1, "name": "t",
        "server": {"cors": {"origin": "*", "methods": "GET,HEAD,PUT,PATCH,POST,DELETE",
                            "credentials": false, "preflightContinue": false,
                            "optionsSuccessStatus": 204}},
        "client": {"pageOrigin": "http://localhost:3000"}})")
                                               << QByteArray(R"({
  "format": "corslab-profile",
  "version": 1,
  "name": "t",
  "server": {
    "cors": {}
  },
  "client": {
    "pageOrigin": "http://localhost:3000"
  }
}
)");

    QTest::newRow("every cors and cookie key, reordered") << QByteArray(R"({
        "format": "corslab-profile", "version": 1, "name": "t",
        "server": {
            "cors": {"optionsSuccessStatus": 200, "maxAge": "600", "preflightContinue": true,
                     "credentials": true, "exposedHeaders": "X-A",
                     "allowedHeaders": ["X-B", "X-C"], "methods": ["GET", "POST"],
                     "origin": ["http://a.test", {"flags": "i", "regex": "^http://b\\.test$"}]},
            "cookie": {"partitioned": true, "maxAge": 60, "sameSite": "strict", "secure": true,
                       "httpOnly": false, "domain": "a.test", "path": false, "name": "io"}},
        "client": {"pageOrigin": "http://a.test"}})") << QByteArray(R"({
  "format": "corslab-profile",
  "version": 1,
  "name": "t",
  "server": {
    "cors": {
      "origin": [
        "http://a.test",
        {
          "regex": "^http://b\\.test$",
          "flags": "i"
        }
      ],
      "methods": [
        "GET",
        "POST"
      ],
      "allowedHeaders": [
        "X-B",
        "X-C"
      ],
      "exposedHeaders": "X-A",
      "credentials": true,
      "maxAge": "600",
      "preflightContinue": true,
      "optionsSuccessStatus": 200
    },
    "cookie": {
      "name": "io",
      "path": false,
      "domain": "a.test",
      "httpOnly": false,
      "secure": true,
      "sameSite": "strict",
      "maxAge": 60,
      "partitioned": true
    }
  },
  "client": {
    "pageOrigin": "http://a.test"
  }
}
)");

    // Expected numbers are what node prints for String(n).
    QTest::newRow("numbers as JavaScript writes them") << QByteArray(R"({
        "format": "corslab-profile", "version": 1.0, "name": "t",
        "server": {"port": 3.0e3, "maxHttpBufferSize": 2E6, "pingInterval": 2.5e4,
                   "initialPacket": [1e21, 1.50, -0, 1E-7, 0.1e1,
                                     123456789012345678901234567890, 0.000001]},
        "client": {"pageOrigin": "http://localhost:3000"}})")
                                                       << QByteArray(R"({
  "format": "corslab-profile",
  "version": 1,
  "name": "t",
  "server": {
    "port": 3000,
    "maxHttpBufferSize": 2000000,
    "initialPacket": [
      1e+21,
      1.5,
      0,
      1e-7,
      1,
      1.2345678901234568e+29,
      0.000001
    ]
  },
  "client": {
    "pageOrigin": "http://localhost:3000"
  }
}
)");

    // Expected escapes are what node's JSON.stringify writes; U+2028 stays unescaped there.
    QTest::newRow("strings re-escaped")
        << QByteArray(R"({"format": "corslab-profile", "version": 1,)"
                      R"( "name": "\u00e9\/\u0041\t\u001f\u2028\ud83d\ude00\ud800",)"
                      R"( "client": {"pageOrigin": "http://localhost:3000"}})")
        << QByteArray("{\n"
                      "  \"format\": \"corslab-profile\",\n"
                      "  \"version\": 1,\n"
                      "  \"name\": \"\u00e9/A\\t\\u001f\u2028\U0001F600\\ud800\",\n"
                      "  \"client\": {\n"
                      "    \"pageOrigin\": \"http://localhost:3000\"\n"
                      "  }\n"
                      "}\n");

    QTest::newRow("CRLF and tabs")
        << QByteArray("{\r\n\t\"format\": \"corslab-profile\",\r\n\t\"version\": 1,\r\n"
                      "\t\"name\": \"t\",\r\n\t\"client\": {\"pageOrigin\": "
                      "\"http://localhost:3000\"}\r\n}")
        << QByteArray(R"({
  "format": "corslab-profile",
  "version": 1,
  "name": "t",
  "client": {
    "pageOrigin": "http://localhost:3000"
  }
}
)");

    QTest::newRow("emit defaults left out") << QByteArray(R"({
        "format": "corslab-profile", "version": 1, "name": "t",
        "client": {"pageOrigin": "http://localhost:3000",
                   "emit": [{"event": "hello", "args": [], "ack": false},
                            {"ack": true, "args": [{"a": "\ud83d\ude00"}, null], "event": "x"}]}})")
                                            << QByteArray(R"({
  "format": "corslab-profile",
  "version": 1,
  "name": "t",
  "client": {
    "pageOrigin": "http://localhost:3000",
    "emit": [
      {
        "event": "hello"
      },
      {
        "event": "x",
        "args": [
          {
            "a": "😀"
          },
          null
        ],
        "ack": true
      }
    ]
  }
}
)");

    // Each object has an unknown key before its known ones ("z-...") and one after ("a-..."):
    // both come after the known keys, in the order they were read.
    QTest::newRow("unknown keys at every level") << QByteArray(R"json({
        "z-top": 1, "format": "corslab-profile", "version": 1, "a-top": [true], "name": "t",
        "server": {
            "z-server": {"k": "v"}, "port": 1,
            "cors": {"z-cors": 1,
                     "origin": {"z-regex": 1, "regex": "^a$", "a-regex": 2},
                     "a-cors": 2},
            "allowRequest": {"z-fn": 1, "function": "(req, cb) => cb(null, true)", "a-fn": 2
}
, "cookie" : {"z-cookie" : 1, "name" : "io", "a-cookie" : 2},
             "namespaces" : [ {
                 "z-ns" : 1,
                 "name" : "/a",
                 "a-ns" : 2,
                 "middleware" : {"function" : "(s, next) => next()", "z-mw" : 1}
             } ],
                            "a-server" : null
}
, "client" : {
    "z-client" : 1,
    "pageOrigin" : "http://localhost:3000",
    "a-client" : 2,
    "options" : {"z-options" : 1, "timeout" : 5, "a-options" : 2},
    "emit" : [ {"z-emit" : 1, "event" : "hello", "a-emit" : 2, "ack" : true} ]
},
             "expect" : {"z-expect" : 1, "verdict" : "blocked", "a-expect" : 2},
                        "description" : "d"
})json") << QByteArray(R"json({
  "format": "corslab-profile",
  "version": 1,
  "name": "t",
  "description": "d",
  "server": {
    "port": 1,
    "cors": {
      "origin": {
        "regex": "^a$",
        "z-regex": 1,
        "a-regex": 2
      },
      "z-cors": 1,
      "a-cors": 2
    },
    "allowRequest": {
      "function": "(req, cb) => cb(null, true)",
      "z-fn": 1,
      "a-fn": 2
    },
    "cookie": {
      "name": "io",
      "z-cookie": 1,
      "a-cookie": 2
    },
    "namespaces": [
      {
        "name": "/a",
        "middleware": {
          "function": "(s, next) => next()",
          "z-mw": 1
        },
        "z-ns": 1,
        "a-ns": 2
      }
    ],
    "z-server": {
      "k": "v"
    },
    "a-server": null
  },
  "client": {
    "pageOrigin": "http://localhost:3000",
    "options": {
      "timeout": 5,
      "z-options": 1,
      "a-options": 2
    },
    "emit": [
      {
        "event": "hello",
        "ack": true,
        "z-emit": 1,
        "a-emit": 2
      }
    ],
    "z-client": 1,
    "a-client": 2
  },
  "expect": {
    "verdict": "blocked",
    "z-expect": 1,
    "a-expect": 2
  },
  "z-top": 1,
  "a-top": [
    true
  ]
}
)json");

    // A proxy object is kept even when empty: its presence puts a proxy in front of the server.
    QTest::newRow("proxy defaults written out") << QByteArray(R"({
        "format": "corslab-profile", "version": 1, "name": "t",
        "server": {"proxy": {"addHeaders": [], "stripUpgrade": false, "instances": 1,
                             "sticky": "none"}},
        "client": {"pageOrigin": "http://localhost:3000"}})")
                                                << QByteArray(R"({
  "format": "corslab-profile",
  "version": 1,
  "name": "t",
  "server": {
    "proxy": {}
  },
  "client": {
    "pageOrigin": "http://localhost:3000"
  }
}
)");

    QTest::newRow("proxy header and redirect defaults left out") << QByteArray(R"({
        "format": "corslab-profile", "version": 1, "name": "t",
        "server": {"proxy": {"redirect": {"on": "all", "location": "https://a.test",
                                          "status": 301},
                             "addHeaders": [{"on": "all", "value": "*",
                                             "name": "Access-Control-Allow-Origin"}]}},
        "client": {"pageOrigin": "http://localhost:3000"}})") << QByteArray(R"({
  "format": "corslab-profile",
  "version": 1,
  "name": "t",
  "server": {
    "proxy": {
      "addHeaders": [
        {
          "name": "Access-Control-Allow-Origin",
          "value": "*"
        }
      ],
      "redirect": {
        "location": "https://a.test"
      }
    }
  },
  "client": {
    "pageOrigin": "http://localhost:3000"
  }
}
)");

    // proxy comes after namespaces and before the server's unknown keys.
    QTest::newRow("every proxy key, reordered") << QByteArray(R"({
        "format": "corslab-profile", "version": 1, "name": "t",
        "server": {
            "z-server": 1,
            "proxy": {"sticky": "cookie", "instances": 8, "stripUpgrade": true,
                      "redirect": {"on": "preflight", "location": "/moved", "status": 308},
                      "addHeaders": [{"on": "other", "value": "", "name": "X-A"},
                                     {"name": "x-b", "on": "preflight", "value": "1, 2"},
                                     {"value": "3", "name": "X-C", "on": "all"}]},
            "namespaces": [{"name": "/a"}],
            "cookie": true},
        "client": {"pageOrigin": "http://localhost:3000"}})")
                                                << QByteArray(R"({
  "format": "corslab-profile",
  "version": 1,
  "name": "t",
  "server": {
    "cookie": true,
    "namespaces": [
      {
        "name": "/a"
      }
    ],
    "proxy": {
      "addHeaders": [
        {
          "name": "X-A",
          "value": "",
          "on": "other"
        },
        {
          "name": "x-b",
          "value": "1, 2",
          "on": "preflight"
        },
        {
          "name": "X-C",
          "value": "3"
        }
      ],
      "redirect": {
        "status": 308,
        "location": "/moved",
        "on": "preflight"
      },
      "stripUpgrade": true,
      "instances": 8,
      "sticky": "cookie"
    },
    "z-server": 1
  },
  "client": {
    "pageOrigin": "http://localhost:3000"
  }
}
)");

    QTest::newRow("unknown proxy keys after the known ones") << QByteArray(R"({
        "format": "corslab-profile", "version": 1, "name": "t",
        "server": {"proxy": {"z-proxy": 1,
                             "addHeaders": [{"z-h": 1, "name": "X-A", "value": "1", "a-h": 2}],
                             "redirect": {"z-r": 1, "location": "/a", "a-r": 2},
                             "a-proxy": {"k": "v"}}},
        "client": {"pageOrigin": "http://localhost:3000"}})") << QByteArray(R"({
  "format": "corslab-profile",
  "version": 1,
  "name": "t",
  "server": {
    "proxy": {
      "addHeaders": [
        {
          "name": "X-A",
          "value": "1",
          "z-h": 1,
          "a-h": 2
        }
      ],
      "redirect": {
        "location": "/a",
        "z-r": 1,
        "a-r": 2
      },
      "z-proxy": 1,
      "a-proxy": {
        "k": "v"
      }
    }
  },
  "client": {
    "pageOrigin": "http://localhost:3000"
  }
}
)");
}

void TestProfileWriter::canonical()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);

    const ProfileLoadResult result = ProfileReader::read(input);
    QVERIFY2(!result.hasErrors(), qPrintable(describe(result.diagnostics)));
    QVERIFY(result.profile);
    QCOMPARE(ProfileWriter::toJson(*result.profile), expected);
}

void TestProfileWriter::saveIsIdempotent_data()
{
    canonical_data();
}

// Saving what was saved changes nothing, and reads back as the same profile.
void TestProfileWriter::saveIsIdempotent()
{
    QFETCH(QByteArray, input);

    const ProfileLoadResult first = ProfileReader::read(input);
    QVERIFY(first.profile);
    const QByteArray once = ProfileWriter::toJson(*first.profile);
    const ProfileLoadResult second = ProfileReader::read(once);
    QVERIFY2(!second.hasErrors(), qPrintable(describe(second.diagnostics)));
    QVERIFY(second.profile);
    QVERIFY(*second.profile == *first.profile);
    QCOMPARE(ProfileWriter::toJson(*second.profile), once);
}

QTEST_GUILESS_MAIN(TestProfileWriter)
#include "tst_profilewriter.moc"
