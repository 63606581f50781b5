// entente-gencorpus: writes a deterministic corpus of generated news articles with the events each
// should yield, in the format of ../shared/corpus/seed (index.jsonl + gold.jsonl), so that
// ../shared/tools/score-events can score it and the benchmark can import it at scale.
//
//   entente-gencorpus --seed N --count N --out DIR [--junk-share 0.2]

#include "corpusgenerator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("entente-gencorpus"));
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Writes a deterministic corpus of generated news articles with their gold events."));
    parser.addHelpOption();
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("Seed (same seed, same corpus)."),
                                  QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption count(QStringLiteral("count"), QStringLiteral("Number of articles."), QStringLiteral("N"));
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("Output folder."), QStringLiteral("DIR"));
    const QCommandLineOption junk(QStringLiteral("junk-share"),
                                  QStringLiteral("Share of articles with junk blocks (0–1, default 0.2)."),
                                  QStringLiteral("share"), QStringLiteral("0.2"));
    parser.addOptions({seed, count, out, junk});
    parser.process(app);
    QTextStream err(stderr);
    bool okSeed = false;
    bool okCount = false;
    bool okJunk = false;
    const quint64 s = parser.value(seed).toULongLong(&okSeed);
    const qint64 n = parser.value(count).toLongLong(&okCount);
    const double j = parser.value(junk).toDouble(&okJunk);
    if (!okSeed || !okCount || n <= 0 || !parser.isSet(out) || !okJunk || j < 0 || j > 1) {
        err << "usage: entente-gencorpus --seed N --count N --out DIR [--junk-share 0.2]\n";
        return 1;
    }
    Entente::Tools::CorpusGenerator gen({s, j});
    QElapsedTimer t;
    t.start();
    const QString error = gen.write(parser.value(out), n, [&err, n](qint64 done) {
        if (done % 10000 == 0 || done == n) {
            err << "\r" << done << " / " << n << Qt::flush;
        }
    });
    err << "\n";
    if (!error.isEmpty()) {
        err << "entente-gencorpus: " << error << "\n";
        return 2;
    }
    QTextStream(stdout) << n << " articles in " << parser.value(out) << " (" << QString::number(t.elapsed() / 1000.0, 'f', 1)
                        << " s)\n";
    return 0;
}
