// Main-text accuracy of HtmlExtractor on our own fixture pages.
//
// For every tests/data/html/<name>.html there is a hand-written tests/data/html-expected/<name>.txt:
// the article's body paragraphs (with in-article subheadings and list items) in reading order, one
// paragraph per line and paragraphs separated by a blank line, written by reading the HTML, not by
// running the extractor. Headline, bylines, datelines, captions, photo credits, share and newsletter
// prompts, related links, cookie notices, comments and footers are not part of it; data tables are
// not either (only paragraphs, subheadings and list items are). Broken pages are written as a
// careful reader sees them: cp1251 and latin1 decoded, invalid UTF-8 bytes as U+FFFD, the truncated
// page up to where it is cut.
//
// The metric is the one of /work/shared/tools/score-pages (after scrapinghub's
// article-extraction-benchmark evaluate.py):
//   * tokens = \w+ (Unicode), case-sensitive, punctuation dropped;
//   * units  = word 4-gram shingles with multiplicity; a text of fewer than 4 tokens is one shorter
//              shingle, an empty text has none;
//   * per page: tp = sum of min(count_true, count_pred), fp/fn = the excess counts, normalised by
//              tp+fp+fn; precision/recall as score-pages defines them, F1 their harmonic mean;
//   * overall: precision = mean of per-page precision over pages with tp+fp > 0, recall = mean of
//              per-page recall over pages with tp+fn > 0, F1 = harmonic mean of those two means;
//              f1_macro = mean of per-page F1.
// Note: Python's \w (str.isalnum() or '_') and PCRE2's Unicode \w (letters, numbers, '_') agree on
// every character these fixtures contain.

#include <core/ingest/htmlextractor.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QStringList>
#include <QTest>

#include <algorithm>
#include <vector>

using namespace Qt::StringLiterals;
using Entente::Core::ExtractedPage;
using Entente::Core::HtmlExtractor;

namespace {

constexpr double kDefaultPageFloor = 0.8;
constexpr double kOverallFloor = 0.9;
constexpr int kThroughputRounds = 40;

// Lower floors for specific deliberately broken pages, each with its reason. Empty: every page is
// held to kDefaultPageFloor.
double pageFloor(const QString &fileName)
{
    static const QHash<QString, double> floors = {};
    return floors.value(fileName, kDefaultPageFloor);
}

QString htmlDir()
{
    return QStringLiteral(ENTENTE_TEST_DATA_DIR) + u"/html"_s;
}

QString expectedDir()
{
    return QStringLiteral(ENTENTE_TEST_DATA_DIR) + u"/html-expected"_s;
}

QStringList fixtureNames()
{
    return QDir(htmlDir()).entryList({u"*.html"_s}, QDir::Files, QDir::Name);
}

QString expectedPathFor(const QString &htmlName)
{
    return expectedDir() + u'/' + QFileInfo(htmlName).completeBaseName() + u".txt"_s;
}

bool readFile(const QString &path, QByteArray *out)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        return false;
    }
    *out = f.readAll();
    return true;
}

QStringList tokenize(const QString &text)
{
    static const QRegularExpression word(u"\\w+"_s, QRegularExpression::UseUnicodePropertiesOption);
    QStringList tokens;
    QRegularExpressionMatchIterator it = word.globalMatch(text);
    while (it.hasNext()) {
        tokens.append(it.next().captured());
    }
    return tokens;
}

// Word n-gram shingles with multiplicity. Tokens never contain a space, so joining on one is safe.
QHash<QString, int> shingles(const QString &text, qsizetype n = 4)
{
    const QStringList tokens = tokenize(text);
    QHash<QString, int> out;
    const qsizetype count = std::max<qsizetype>(1, tokens.size() - n + 1);
    for (qsizetype i = 0; i < count; ++i) {
        const QStringList gram = tokens.mid(i, n);
        if (!gram.isEmpty()) {
            ++out[gram.join(u' ')];
        }
    }
    return out;
}

struct Counts
{
    double tp = 0.0;
    double fp = 0.0;
    double fn = 0.0;
};

Counts tpFpFn(const QString &truth, const QString &pred)
{
    const QHash<QString, int> t = shingles(truth);
    const QHash<QString, int> p = shingles(pred);
    Counts c;
    for (auto it = t.cbegin(); it != t.cend(); ++it) {
        const int pc = p.value(it.key(), 0);
        c.tp += std::min(it.value(), pc);
        c.fn += std::max(0, it.value() - pc);
    }
    for (auto it = p.cbegin(); it != p.cend(); ++it) {
        c.fp += std::max(0, it.value() - t.value(it.key(), 0));
    }
    const double s = c.tp + c.fp + c.fn;
    if (s > 0) {
        c.tp /= s;
        c.fp /= s;
        c.fn /= s;
    }
    return c;
}

double precisionOf(const Counts &c)
{
    if (c.fp == 0 && c.fn == 0) {
        return 1.0;
    }
    if (c.tp == 0 && c.fp == 0) {
        return 0.0;
    }
    return c.tp / (c.tp + c.fp);
}

double recallOf(const Counts &c)
{
    if (c.fp == 0 && c.fn == 0) {
        return 1.0;
    }
    if (c.tp == 0 && c.fn == 0) {
        return 0.0;
    }
    return c.tp / (c.tp + c.fn);
}

double f1Of(double p, double r)
{
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

struct PageScore
{
    bool ok = false;
    QString error;
    Counts counts;
    double precision = 0.0;
    double recall = 0.0;
    double f1 = 0.0;
    qsizetype trueTokens = 0;
    qsizetype predTokens = 0;
    bool exact = false;
};

PageScore scorePage(const QString &htmlName)
{
    PageScore s;
    QByteArray html;
    QByteArray expected;
    if (!readFile(htmlDir() + u'/' + htmlName, &html) || html.isEmpty()) {
        s.error = u"cannot read fixture "_s + htmlName;
        return s;
    }
    if (!readFile(expectedPathFor(htmlName), &expected) || expected.trimmed().isEmpty()) {
        s.error = u"missing or empty expected text "_s + expectedPathFor(htmlName);
        return s;
    }
    const QString truth = QString::fromUtf8(expected);
    const ExtractedPage page = HtmlExtractor::extract(html, htmlName);
    s.counts = tpFpFn(truth, page.text);
    s.precision = precisionOf(s.counts);
    s.recall = recallOf(s.counts);
    s.f1 = f1Of(s.precision, s.recall);
    const QStringList trueTokens = tokenize(truth);
    const QStringList predTokens = tokenize(page.text);
    s.trueTokens = trueTokens.size();
    s.predTokens = predTokens.size();
    s.exact = trueTokens == predTokens;
    s.ok = true;
    return s;
}

} // namespace

class TestMainTextAccuracy : public QObject
{
    Q_OBJECT

private slots:
    void metricMatchesScorePages();
    void everyFixtureHasExpectedText();
    void pageAccuracy_data();
    void pageAccuracy();
    void overallAccuracy();
    void throughput();
};

// Hand-checked values of the score-pages metric, so that a change here cannot go unnoticed.
void TestMainTextAccuracy::metricMatchesScorePages()
{
    // Identical token sequences, whatever the punctuation and layout: perfect.
    Counts c = tpFpFn(u"One two, three four five."_s, u"One two three\n\nfour five"_s);
    QCOMPARE(precisionOf(c), 1.0);
    QCOMPARE(recallOf(c), 1.0);
    // Case-sensitive: "one" != "One", so the 4-gram that contains it misses.
    c = tpFpFn(u"One two three four five"_s, u"one two three four five"_s);
    // Truth: (One two three four), (two three four five); prediction: (one two three four),
    // (two three four five) -> tp 1, fp 1, fn 1, each normalised to 1/3.
    QCOMPARE(c.tp, 1.0 / 3.0);
    QCOMPARE(c.fp, 1.0 / 3.0);
    QCOMPARE(c.fn, 1.0 / 3.0);
    // Fewer than four tokens: a single shorter shingle.
    c = tpFpFn(u"Short text"_s, u"Short text"_s);
    QCOMPARE(c.tp, 1.0);
    // Multiplicity counts: the repeated 4-gram appears twice in the prediction, once in the truth.
    c = tpFpFn(u"a b c d"_s, u"a b c d a b c d"_s);
    // pred shingles: abcd x2, bcda, cdab, dabc -> tp 1, fp 4, fn 0
    QCOMPARE(c.tp, 1.0 / 5.0);
    QCOMPARE(c.fp, 4.0 / 5.0);
    QCOMPARE(recallOf(c), 1.0);
    // Empty prediction: precision 0 (and score-pages leaves it out of the precision mean), recall 0.
    c = tpFpFn(u"a b c d"_s, QString());
    QCOMPARE(precisionOf(c), 0.0);
    QCOMPARE(recallOf(c), 0.0);
    QCOMPARE(c.tp + c.fp, 0.0);
    // Unicode word characters count as tokens; U+FFFD and punctuation do not.
    QCOMPARE(tokenize(u"Соседи, frontière \uFFFD\uFFFD( l'automne 2017_x"_s),
             (QStringList{u"Соседи"_s, u"frontière"_s, u"l"_s, u"automne"_s, u"2017_x"_s}));
}

void TestMainTextAccuracy::everyFixtureHasExpectedText()
{
    const QStringList names = fixtureNames();
    QVERIFY2(!names.isEmpty(), qPrintable(u"no fixtures in "_s + htmlDir()));
    for (const QString &name : names) {
        QVERIFY2(QFileInfo::exists(expectedPathFor(name)), qPrintable(u"no expected text for "_s + name));
    }
    // And no orphaned expected texts.
    const QStringList expected = QDir(expectedDir()).entryList({u"*.txt"_s}, QDir::Files, QDir::Name);
    QCOMPARE(expected.size(), names.size());
}

void TestMainTextAccuracy::pageAccuracy_data()
{
    QTest::addColumn<QString>("file");
    for (const QString &name : fixtureNames()) {
        QTest::newRow(qPrintable(name)) << name;
    }
}

void TestMainTextAccuracy::pageAccuracy()
{
    QFETCH(QString, file);
    const PageScore s = scorePage(file);
    QVERIFY2(s.ok, qPrintable(s.error));
    const double floor = pageFloor(file);
    qInfo("%-26s P %.3f  R %.3f  F1 %.3f  (tokens true %lld, pred %lld%s)", qPrintable(file), s.precision,
          s.recall, s.f1, static_cast<long long>(s.trueTokens), static_cast<long long>(s.predTokens),
          s.exact ? ", exact" : "");
    QVERIFY2(s.f1 >= floor,
             qPrintable(u"F1 %1 below floor %2 (precision %3, recall %4)"_s.arg(s.f1, 0, 'f', 3)
                            .arg(floor, 0, 'f', 2)
                            .arg(s.precision, 0, 'f', 3)
                            .arg(s.recall, 0, 'f', 3)));
}

void TestMainTextAccuracy::overallAccuracy()
{
    const QStringList names = fixtureNames();
    QVERIFY(!names.isEmpty());
    std::vector<double> precisions;
    std::vector<double> recalls;
    double f1Sum = 0.0;
    int exact = 0;
    for (const QString &name : names) {
        const PageScore s = scorePage(name);
        QVERIFY2(s.ok, qPrintable(s.error));
        if (s.counts.tp + s.counts.fp > 0) {
            precisions.push_back(s.precision);
        }
        if (s.counts.tp + s.counts.fn > 0) {
            recalls.push_back(s.recall);
        }
        f1Sum += s.f1;
        exact += s.exact ? 1 : 0;
    }
    const auto mean = [](const std::vector<double> &v) {
        double sum = 0.0;
        for (const double x : v) {
            sum += x;
        }
        return v.empty() ? 0.0 : sum / static_cast<double>(v.size());
    };
    const double precision = mean(precisions);
    const double recall = mean(recalls);
    const double f1 = f1Of(precision, recall);
    const double f1Macro = f1Sum / static_cast<double>(names.size());
    const qsizetype n = names.size();
    qInfo("main-text accuracy over %lld pages: precision %.3f  recall %.3f  F1 %.3f  F1(macro) %.3f  "
          "exact %d/%lld",
          static_cast<long long>(n), precision, recall, f1, f1Macro, exact, static_cast<long long>(n));
    QVERIFY2(f1 >= kOverallFloor, qPrintable(u"overall F1 %1 below %2"_s.arg(f1, 0, 'f', 3).arg(kOverallFloor)));
    QVERIFY2(f1Macro >= kOverallFloor,
             qPrintable(u"mean per-page F1 %1 below %2"_s.arg(f1Macro, 0, 'f', 3).arg(kOverallFloor)));
}

// Extraction speed on the fixtures (files read once, outside the timing). Informational only: the
// machine is shared, so no threshold is asserted.
void TestMainTextAccuracy::throughput()
{
    std::vector<std::pair<QString, QByteArray>> pages;
    for (const QString &name : fixtureNames()) {
        QByteArray html;
        QVERIFY(readFile(htmlDir() + u'/' + name, &html));
        pages.emplace_back(name, html);
    }
    QVERIFY(!pages.empty());
    qsizetype sink = 0;
    QElapsedTimer timer;
    timer.start();
    for (int round = 0; round < kThroughputRounds; ++round) {
        for (const auto &[name, html] : pages) {
            sink += HtmlExtractor::extract(html, name).text.size();
        }
    }
    const qint64 ns = timer.nsecsElapsed();
    const qsizetype extracted = static_cast<qsizetype>(pages.size()) * kThroughputRounds;
    const double seconds = static_cast<double>(ns) / 1e9;
    qInfo("throughput: %lld extractions in %.3f s = %.0f pages/s (%.3f ms/page)", static_cast<long long>(extracted),
          seconds, seconds > 0 ? static_cast<double>(extracted) / seconds : 0.0,
          seconds * 1e3 / static_cast<double>(extracted));
    QVERIFY(sink > 0);
}

QTEST_GUILESS_MAIN(TestMainTextAccuracy)
#include "tst_maintextaccuracy.moc"
