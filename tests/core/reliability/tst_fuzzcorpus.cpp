#include "../../fuzz/fuzztargets.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTest>

/// Replays the fuzzing corpus through the fuzz targets' own code (tests/fuzz/fuzztargets.h) in the
/// ordinary ASan + UBSan build: every seed of tests/fuzz/corpus/<target>/ and every input that once
/// crashed or hung a target, kept in tests/fuzz/regressions/<target>/ (see docs/reliability.md).
/// So a crash found by a long fuzzing run stays fixed without clang or libFuzzer in the loop.
class TestFuzzCorpus final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void replay_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("path");
        const QString root = QStringLiteral(ENTENTE_SOURCE_DIR "/tests/fuzz");
        int rows = 0;
        for (const char *kind : {"corpus", "regressions"}) {
            for (const char *target : {"fuzz_html", "fuzz_feed", "fuzz_text", "fuzz_time", "fuzz_coder"}) {
                const QDir dir(root + QLatin1Char('/') + QLatin1String(kind) + QLatin1Char('/') +
                               QLatin1String(target));
                for (const QString &f : dir.entryList(QDir::Files | QDir::Hidden, QDir::Name)) {
                    if (f == QLatin1String("README.md")) {
                        continue;
                    }
                    QTest::newRow(qPrintable(QStringLiteral("%1/%2/%3").arg(QLatin1String(kind),
                                                                            QLatin1String(target), f)))
                        << QString::fromLatin1(target) << dir.filePath(f);
                    ++rows;
                }
            }
        }
        QVERIFY2(rows > 0, "no fuzzing corpus found");
    }

    void replay()
    {
        QFETCH(QString, target);
        QFETCH(QString, path);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray data = f.readAll();
        const auto *bytes = reinterpret_cast<const uint8_t *>(data.constData());
        const auto size = static_cast<size_t>(data.size());
        QElapsedTimer timer;
        timer.start();
        if (target == QLatin1String("fuzz_html")) {
            EntenteFuzz::html(bytes, size);
        } else if (target == QLatin1String("fuzz_feed")) {
            EntenteFuzz::feed(bytes, size);
        } else if (target == QLatin1String("fuzz_text")) {
            EntenteFuzz::text(bytes, size);
        } else if (target == QLatin1String("fuzz_time")) {
            EntenteFuzz::time(bytes, size);
        } else {
            EntenteFuzz::coder(bytes, size);
        }
        // libFuzzer's own limit in scripts/fuzz.sh is 10 s per input; a replay must stay well inside it.
        QVERIFY2(timer.elapsed() < 10000, qPrintable(QStringLiteral("%1 ms").arg(timer.elapsed())));
    }
};

QTEST_GUILESS_MAIN(TestFuzzCorpus)
#include "tst_fuzzcorpus.moc"
