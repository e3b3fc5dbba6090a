// A stand-alone driver for libFuzzer-style targets when libFuzzer is not in use: replays the
// corpus, then feeds a bounded number of deterministic mutations of it (byte flips, inserts,
// deletes, truncations, splices). A crash, sanitizer report or hang fails the CTest that runs it.
#include <QByteArray>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

namespace {
void run(const QByteArray &input)
{
    LLVMFuzzerTestOneInput(
        reinterpret_cast<const uint8_t *>(input.constData()), std::size_t(input.size()));
}

QByteArray mutate(const QByteArray &a, const QByteArray &b, std::mt19937 &rng)
{
    QByteArray out = a;
    const int edits = 1 + int(rng() % 8);
    for (int e = 0; e < edits; ++e) {
        const auto pos = out.isEmpty() ? 0 : qsizetype(rng() % std::size_t(out.size()));
        switch (rng() % 6) {
        case 0:
            if (!out.isEmpty())
                out[pos] = char(rng() & 0xFF);
            break;
        case 1:
            out.insert(pos, char(rng() & 0xFF));
            break;
        case 2:
            if (!out.isEmpty())
                out.remove(pos, 1 + qsizetype(rng() % 16));
            break;
        case 3:
            out.truncate(pos);
            break;
        case 4:
            if (!b.isEmpty()) {
                const auto from = qsizetype(rng() % std::size_t(b.size()));
                out.insert(pos, b.mid(from, 1 + qsizetype(rng() % 64)));
            }
            break;
        default: {
            static const char *const tokens[] = {"{", "}", "[", "]", "\"", ":", ",", "\\u", "\r\n",
                "\x1e", "null", "-", "0", "1e999", "\xff"};
            out.insert(pos, tokens[rng() % (sizeof tokens / sizeof *tokens)]);
            break;
        }
        }
    }
    return out;
}
} // namespace

// usage: fuzz_x [--iterations N] [--seconds S] CORPUS_DIR_OR_FILE...
int main(int argc, char **argv)
{
    long iterations = 20000;
    double seconds = 20;
    std::vector<QByteArray> corpus;
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--iterations" && i + 1 < argc) {
            iterations = std::atol(argv[++i]);
            continue;
        }
        if (arg == "--seconds" && i + 1 < argc) {
            seconds = std::atof(argv[++i]);
            continue;
        }
        const QString path = QString::fromLocal8Bit(arg);
        if (QFileInfo(path).isDir()) {
            QDirIterator it(path, QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                QFile f(it.next());
                if (f.open(QIODevice::ReadOnly))
                    corpus.push_back(f.readAll());
            }
        } else {
            QFile f(path);
            if (f.open(QIODevice::ReadOnly))
                corpus.push_back(f.readAll());
        }
    }
    corpus.push_back(QByteArray());
    for (const QByteArray &input : corpus)
        run(input);
    std::mt19937 rng(20261125);
    QElapsedTimer clock;
    clock.start();
    long done = 0;
    for (; done < iterations && clock.elapsed() < seconds * 1000; ++done) {
        const QByteArray &a = corpus[rng() % corpus.size()];
        const QByteArray &b = corpus[rng() % corpus.size()];
        run(mutate(a, b, rng));
    }
    std::printf("%zu corpus inputs replayed, %ld mutations run in %.1f s, no crash\n",
        corpus.size(), done, double(clock.elapsed()) / 1000);
    return 0;
}
