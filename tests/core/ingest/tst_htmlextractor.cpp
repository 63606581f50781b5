#include <core/ingest/htmlextractor.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>
#include <QThread>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using Entente::Core::ExtractedPage;
using Entente::Core::HtmlExtractor;

namespace {

QString fixturePath(const QString &name)
{
    return QStringLiteral(ENTENTE_TEST_DATA_DIR) + u"/html/"_s + name;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        return {};
    }
    return f.readAll();
}

// Lower-cased words (runs of letters and digits): enough to compare texts while ignoring
// punctuation and layout.
QSet<QString> wordSet(const QString &text)
{
    QSet<QString> words;
    QString current;
    for (const QChar c : text) {
        if (c.isLetterOrNumber()) {
            current.append(c.toLower());
        } else if (!current.isEmpty()) {
            words.insert(current);
            current.clear();
        }
    }
    if (!current.isEmpty()) {
        words.insert(current);
    }
    return words;
}

QByteArray nested(const QByteArray &open, const QByteArray &close, int depth, const QByteArray &inner)
{
    QByteArray html = "<!DOCTYPE html><html><head><title>Deep</title></head><body>";
    html.reserve(html.size() + depth * (open.size() + close.size()) + inner.size() + 32);
    for (int i = 0; i < depth; ++i) {
        html += open;
    }
    html += inner;
    for (int i = 0; i < depth; ++i) {
        html += close;
    }
    html += "</body></html>";
    return html;
}

const QByteArray kDeepParagraph =
    "<p>The garrison commander said on Monday that the new barracks would house two companies, and that "
    "construction would finish before the winter rains arrive in the valley.</p>";

} // namespace

class TestHtmlExtractor : public QObject
{
    Q_OBJECT

private slots:
    void fixtures_data();
    void fixtures();
    void warnings_data();
    void warnings();
    void dateFormats_data();
    void dateFormats();
    void titleSuffix_data();
    void titleSuffix();
    void paragraphsAreSeparatedByBlankLines();
    void emptyAndBinaryInput();
    void deepNestingDoesNotOverflowTheStack_data();
    void deepNestingDoesNotOverflowTheStack();
    void concurrentExtractionGivesTheSameResult();
    void pagesDevCorpus();
};

void TestHtmlExtractor::fixtures_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("date");
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("mustContain");
    QTest::addColumn<QString>("mustNotContain");

    QTest::newRow("og tags, nav, byline, related list")
        << u"og-basic.html"_s << u"Norland and Estavia sign port access deal"_s << u"2017-03-28"_s
        << u"The Harbour Gazette"_s << u"a practical step between neighbours"_s
        << u"Coastal states weigh a joint patrol agreement"_s;
    QTest::newRow("JSON-LD @graph, share links")
        << u"jsonld-graph.html"_s << u"Grain corridor talks end without a deal"_s << u"2016-05-13"_s
        << u"Meridian Wire"_s << u"inspection remained a matter of national pride"_s << u"Share on Facebook"_s;
    QTest::newRow("title | suffix, meta date, sidebar")
        << u"title-suffix-pipe.html"_s << u"Merros to join customs union next year"_s << u"2018-11-22"_s
        << u"valdriarecord.example"_s << u"transition period of at least three years"_s << u"Bridge closure ends"_s;
    QTest::newRow("title - suffix, time in article, dated sidebar and comments")
        << u"title-suffix-dash.html"_s << u"Gas flows through northern Talvan pipeline at last"_s << u"2018-12-17"_s
        << u"Northern Ledger"_s << u"every weld on the northern section"_s << u"nobody has explained"_s;
    QTest::newRow("title em-dash suffix, date from URL path, dated comments")
        << u"title-suffix-emdash.html"_s << u"Neighbours agree to share border radar data"_s << u"2017-03-28"_s
        << u"continentalobserver.example"_s << u"cut the time needed to identify unknown flights"_s
        << u"Radar sharing is the easy part"_s;
    QTest::newRow("cookie banner longer than the article")
        << u"cookie-banner.html"_s << u"Esk-Marrow rail bridge reopens after floods"_s << u"2021-06-05"_s
        << u"Riverside Courier"_s << u"every twenty minutes at peak times"_s << u"We use cookies"_s;
    QTest::newRow("teaser rail with summaries")
        << u"teaser-rail.html"_s << u"Coastal summit ends with patrol pledge"_s << u"2020-03-11"_s
        << u"Coastline Times"_s << u"permanent secretariat"_s << u"shortest in memory"_s;
    QTest::newRow("newsletter box, read-more and subscribe lines")
        << u"newsletter-share.html"_s << u"Four navies begin drill in the Gulf of Serran"_s << u"2019-09-08"_s
        << u"Defence Monitor"_s << u"commercial shipping would not be disrupted"_s
        << u"Sign up for our daily newsletter"_s;
    QTest::newRow("newsletter box: trailing call to action dropped")
        << u"newsletter-share.html"_s << u"Four navies begin drill in the Gulf of Serran"_s << u"2019-09-08"_s
        << u"Defence Monitor"_s << u"The drill will rehearse the escort"_s << u"Subscribe to Defence Monitor"_s;
    QTest::newRow("leading byline, photo credit, figure caption")
        << u"byline-credit.html"_s << u"Halden coalition set to lose majority"_s << u"2022-04-10"_s
        << u"Provincial Post"_s << u"Farmers' League"_s << u"Marta Lindqvist"_s;
    QTest::newRow("figure caption dropped")
        << u"byline-credit.html"_s << u"Halden coalition set to lose majority"_s << u"2022-04-10"_s
        << u"Provincial Post"_s << u"young voters"_s << u"Voters queue outside a polling station"_s;
    QTest::newRow("declared windows-1251")
        << u"cp1251.html"_s << u"Соседи договорились о совместном патрулировании"_s << u"2017-03-28"_s
        << u"Вечерний вестник"_s << u"совместном патрулировании морской границы"_s << u"Главная"_s;
    QTest::newRow("ISO-8859-1 via http-equiv, DC.date.issued")
        << u"latin1-http-equiv.html"_s << u"Une brigade commune pour la frontière fluviale"_s << u"2015-09-17"_s
        << u"courrierdufleuve.example"_s << u"environ huit cents militaires, répartis"_s
        << u"Le Courrier du Fleuve"_s;
    QTest::newRow("UTF-8 byte-order mark, sailthru.date")
        << u"utf8-bom.html"_s << u"Valley states agree water release schedule"_s << u"2014-08-06"_s << QString()
        << u"publish its measurements of the river's flow"_s << QString(QChar(0xFEFF));
    QTest::newRow("invalid UTF-8 bytes")
        << u"invalid-utf8.html"_s << u"Island council leases old airstrip"_s << u"2020-02-03"_s
        << u"Island Herald"_s << u"nesting ground for seabirds"_s << u"Island council leases old airstrip"_s;
    QTest::newRow("truncated in the middle of a tag")
        << u"truncated.html"_s << u"Customs seize copper wire at eastern crossing"_s << u"2019-07-11"_s
        << u"Border Bulletin"_s << u"thefts along the old branch lines"_s << u"/inv"_s;
    QTest::newRow("misnested and stray tags")
        << u"broken-markup.html"_s << u"Court upholds naval station lease extension"_s << u"2016-10-04"_s
        << u"Capital Chronicle"_s << u"put the question of the station's future to parliament"_s << u"Jobs"_s;
    QTest::newRow("1,500 levels of nesting")
        << u"deep-nesting.html"_s << u"Security council approves rotating battalions"_s << u"2023-01-20"_s
        << u"Eastern Review"_s << u"on a rotating basis"_s << u"Security council approves"_s;
    QTest::newRow("bullet list kept, link list dropped")
        << u"list-article.html"_s << u"White paper sets out decade of defence priorities"_s << u"2021-04-12"_s
        << u"Policy Review"_s << u"Opening a second naval repair yard on the west coast"_s
        << u"Podcast: inside the ministry"_s;
    QTest::newRow("data table kept, one line per row")
        << u"table-data.html"_s << u"Arms export figures show shift to patrol boats"_s << u"2020-01-15"_s
        << u"Statistics Weekly"_s << u"Patrol boats 120 310"_s << u"Statistics Weekly"_s;
    QTest::newRow("no metadata: date under headline, source from canonical")
        << u"dateline-text.html"_s << u"Lake states agree to reopen consulates"_s << u"2017-03-28"_s
        << u"lakeshorenews.example"_s << u"first good news for local traders"_s << u"Staff reporter"_s;
    QTest::newRow("WordPress taxonomy classes, month from URL")
        << u"wordpress-taxonomy.html"_s << u"Investment treaty talks resume in the capital"_s << u"2018-10"_s
        << u"capitalnotes.example"_s << u"arbitration of disputes"_s << u"Share this:"_s;
    QTest::newRow("wrapper with an ad-sounding class")
        << u"ad-wrapper.html"_s << u"Parliament ratifies defence cooperation treaty"_s << u"2022-11-24"_s
        << u"Federal Gazette"_s << u"joint planning staff"_s << u"Advertisement"_s;
    QTest::newRow("updated stamp before published, site-name prefix in title")
        << u"updated-first.html"_s << u"Emergency extended in border districts"_s << u"2019-05-19"_s
        << u"Frontier Daily"_s << u"search vehicles without a warrant"_s << u"Updated"_s;
    QTest::newRow("saved page: url from the saved-from note")
        << u"saved-page.html"_s << u"First patrol vessel launched at Orlan yard"_s << u"2016-04-14"_s
        << u"orlanshipping.example"_s << u"sea trials over the summer"_s << u"saved from"_s;
}

void TestHtmlExtractor::fixtures()
{
    QFETCH(QString, file);
    QFETCH(QString, title);
    QFETCH(QString, date);
    QFETCH(QString, source);
    QFETCH(QString, mustContain);
    QFETCH(QString, mustNotContain);

    const QByteArray html = readFile(fixturePath(file));
    QVERIFY2(!html.isEmpty(), qPrintable(u"missing fixture "_s + file));
    const ExtractedPage page = HtmlExtractor::extract(html, file);

    QCOMPARE(page.title, title);
    QCOMPARE(page.published.toString(), date);
    QCOMPARE(page.source, source);
    QVERIFY2(page.text.contains(mustContain), qPrintable(page.text));
    if (!mustNotContain.isEmpty()) {
        QVERIFY2(!page.text.contains(mustNotContain), qPrintable(page.text));
    }
}

void TestHtmlExtractor::warnings_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("warning");
    QTest::addColumn<QString>("language");

    QTest::newRow("windows-1251") << u"cp1251.html"_s << u"declared charset windows-1251 decoded"_s << u"ru"_s;
    QTest::newRow("iso-8859-1") << u"latin1-http-equiv.html"_s << u"declared charset iso-8859-1 decoded"_s << u"fr"_s;
    QTest::newRow("invalid utf-8") << u"invalid-utf8.html"_s << u"invalid UTF-8 replaced"_s << u"en"_s;
    QTest::newRow("deep nesting") << u"deep-nesting.html"_s << u"flattened"_s << u"en"_s;
}

void TestHtmlExtractor::warnings()
{
    QFETCH(QString, file);
    QFETCH(QString, warning);
    QFETCH(QString, language);

    const ExtractedPage page = HtmlExtractor::extract(readFile(fixturePath(file)), file);
    bool found = false;
    for (const QString &w : page.warnings) {
        found = found || w.contains(warning);
    }
    QVERIFY2(found, qPrintable(page.warnings.join(u"; "_s)));
    QCOMPARE(page.language, language);
}

void TestHtmlExtractor::dateFormats_data()
{
    QTest::addColumn<QString>("meta");
    QTest::addColumn<QString>("expected");

    QTest::newRow("ISO with offset")
        << u"<meta property=\"article:published_time\" content=\"2017-03-28T23:30:00-05:00\">"_s << u"2017-03-28"_s;
    QTest::newRow("RFC 2822") << u"<meta name=\"date\" content=\"Tue, 28 Mar 2017 10:00:00 GMT\">"_s << u"2017-03-28"_s;
    QTest::newRow("month name first") << u"<meta name=\"pubdate\" content=\"March 28, 2017\">"_s << u"2017-03-28"_s;
    QTest::newRow("day.month.year") << u"<meta name=\"publishdate\" content=\"28.03.2017\">"_s << u"2017-03-28"_s;
    QTest::newRow("compact") << u"<meta name=\"DC.date.issued\" content=\"20170328\">"_s << u"2017-03-28"_s;
    QTest::newRow("epoch seconds") << u"<meta name=\"sailthru.date\" content=\"1490702400\">"_s << u"2017-03-28"_s;
    QTest::newRow("month only") << u"<meta name=\"date\" content=\"2017-03\">"_s << u"2017-03"_s;
    QTest::newRow("JSON-LD")
        << u"<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":\"2017-03-28\"}"
           "</script>"_s
        << u"2017-03-28"_s;
    QTest::newRow("microdata") << u"<meta itemprop=\"datePublished\" content=\"2017-03-28\">"_s << u"2017-03-28"_s;
    QTest::newRow("garbage") << u"<meta name=\"date\" content=\"soon\">"_s << QString();
    QTest::newRow("nothing") << QString() << QString();
}

void TestHtmlExtractor::dateFormats()
{
    QFETCH(QString, meta);
    QFETCH(QString, expected);

    const QString html = u"<html><head>"_s + meta
        + u"</head><body><p>The two delegations met for three hours and agreed to continue the talks next "
          "month in the same place, officials said afterwards.</p></body></html>"_s;
    QCOMPARE(HtmlExtractor::extract(html.toUtf8()).published.toString(), expected);
}

void TestHtmlExtractor::titleSuffix_data()
{
    QTest::addColumn<QString>("head");
    QTest::addColumn<QString>("expected");

    QTest::newRow("pipe") << u"<title>Talks resume in Velm | Lakeshore News</title>"_s << u"Talks resume in Velm"_s;
    QTest::newRow("hyphen") << u"<title>Talks resume in Velm - Lakeshore News</title>"_s << u"Talks resume in Velm"_s;
    QTest::newRow("em dash") << u"<title>Talks resume in Velm — Lakeshore News</title>"_s << u"Talks resume in Velm"_s;
    QTest::newRow("two suffixes") << u"<title>Talks resume in Velm | Politics | Lakeshore News</title>"_s
                                  << u"Talks resume in Velm"_s;
    QTest::newRow("hyphen inside the headline")
        << u"<title>Russia - Iran talks resume in Velm</title>"_s << u"Russia - Iran talks resume in Velm"_s;
    QTest::newRow("og:title wins")
        << u"<title>Other | Site</title><meta property=\"og:title\" content=\"The real headline\">"_s
        << u"The real headline"_s;
    QTest::newRow("og:title with site suffix")
        << u"<meta property=\"og:site_name\" content=\"Lakeshore News\">"
           "<meta property=\"og:title\" content=\"Talks resume in Velm | Lakeshore News\">"_s
        << u"Talks resume in Velm"_s;
}

void TestHtmlExtractor::titleSuffix()
{
    QFETCH(QString, head);
    QFETCH(QString, expected);

    const QString html = u"<html><head>"_s + head + u"</head><body><p>Short note.</p></body></html>"_s;
    QCOMPARE(HtmlExtractor::extract(html.toUtf8()).title, expected);
}

void TestHtmlExtractor::paragraphsAreSeparatedByBlankLines()
{
    const QByteArray html = "<html><body><article><p>First   paragraph\n of the\tstory, with a few words to make it "
                            "read like prose.</p><p>Second paragraph, which also has a few words, and a comma.</p>"
                            "</article></body></html>";
    const ExtractedPage page = HtmlExtractor::extract(html);
    QCOMPARE(page.text,
             u"First paragraph of the story, with a few words to make it read like prose.\n\n"
             "Second paragraph, which also has a few words, and a comma."_s);
}

void TestHtmlExtractor::emptyAndBinaryInput()
{
    const ExtractedPage empty = HtmlExtractor::extract(QByteArray());
    QVERIFY(empty.text.isEmpty());
    QVERIFY(!empty.published.isValid());

    QByteArray binary;
    for (int i = 0; i < 20000; ++i) {
        binary.append(char(i * 7919 % 256));
    }
    const ExtractedPage junk = HtmlExtractor::extract(binary);
    bool flagged = false;
    for (const QString &w : junk.warnings) {
        flagged = flagged || w.contains(u"binary"_s);
    }
    QVERIFY2(flagged, qPrintable(junk.warnings.join(u"; "_s)));
}

void TestHtmlExtractor::deepNestingDoesNotOverflowTheStack_data()
{
    QTest::addColumn<QByteArray>("html");

    QTest::newRow("100k divs") << nested("<div>", "</div>", 100000, kDeepParagraph);
    QTest::newRow("100k unclosed divs") << nested("<div>", "", 100000, kDeepParagraph);
    QTest::newRow("100k spans") << nested("<span>", "</span>", 100000, kDeepParagraph);
    QTest::newRow("100k formatting") << nested("<b>", "", 100000, kDeepParagraph);
    QTest::newRow("30k tables") << nested("<table><tr><td>", "", 30000, kDeepParagraph);
    QTest::newRow("100k custom elements") << nested("<x-box>", "</x-box>", 100000, kDeepParagraph);
}

void TestHtmlExtractor::deepNestingDoesNotOverflowTheStack()
{
    QFETCH(QByteArray, html);

    // A small stack makes any recursion over the depth fail loudly instead of passing by luck.
    ExtractedPage page;
    QElapsedTimer timer;
    timer.start();
    std::unique_ptr<QThread> worker(QThread::create([&page, &html]() { page = HtmlExtractor::extract(html); }));
    worker->setStackSize(256 * 1024);
    worker->start();
    QVERIFY(worker->wait(QDeadlineTimer(120000)));
    QVERIFY2(timer.elapsed() < 60000, "deep nesting must not make extraction quadratic");
    QVERIFY2(page.text.contains(u"garrison commander"_s), qPrintable(page.text.left(200)));
}

void TestHtmlExtractor::concurrentExtractionGivesTheSameResult()
{
    const QStringList files = QDir(QStringLiteral(ENTENTE_TEST_DATA_DIR) + u"/html"_s)
                                  .entryList({u"*.html"_s}, QDir::Files, QDir::Name);
    QVERIFY(files.size() >= 20);
    std::vector<QByteArray> inputs;
    QStringList expected;
    for (const QString &f : files) {
        inputs.push_back(readFile(fixturePath(f)));
        expected << HtmlExtractor::extract(inputs.back()).text;
    }
    std::vector<QStringList> results(4);
    std::vector<std::unique_ptr<QThread>> threads;
    for (size_t t = 0; t < results.size(); ++t) {
        threads.emplace_back(QThread::create([&inputs, &results, t]() {
            for (int round = 0; round < 3; ++round) {
                QStringList texts;
                for (const QByteArray &in : inputs) {
                    texts << HtmlExtractor::extract(in).text;
                }
                results[t] = texts;
            }
        }));
        threads.back()->start();
    }
    for (auto &thread : threads) {
        QVERIFY(thread->wait(QDeadlineTimer(120000)));
    }
    for (const QStringList &r : results) {
        QCOMPARE(r, expected);
    }
}

void TestHtmlExtractor::pagesDevCorpus()
{
    const QString root = QStringLiteral(ENTENTE_SHARED_DIR) + u"/corpus/pages-dev"_s;
    const QByteArray truthJson = readFile(root + u"/ground-truth.json"_s);
    if (truthJson.isEmpty() || !QFileInfo::exists(root + u"/html"_s)) {
        QSKIP("pages-dev corpus not present");
    }
    const QJsonObject truth = QJsonDocument::fromJson(truthJson).object();
    QVERIFY(!truth.isEmpty());

    double precisionSum = 0.0;
    double recallSum = 0.0;
    int pages = 0;
    QStringList empty;
    for (auto it = truth.begin(); it != truth.end(); ++it) {
        const QByteArray html = readFile(root + u"/html/"_s + it.key() + u".html"_s);
        QVERIFY2(!html.isEmpty(), qPrintable(it.key()));
        const QString text = HtmlExtractor::extract(html, it.key() + u".html"_s).text;
        if (text.trimmed().isEmpty()) {
            empty << it.key();
        }
        const QSet<QString> predicted = wordSet(text);
        const QSet<QString> expected = wordSet(it.value().toObject().value(u"articleBody"_s).toString());
        const qsizetype common = QSet<QString>(predicted).intersect(expected).size();
        precisionSum += predicted.isEmpty() ? 0.0 : double(common) / double(predicted.size());
        recallSum += expected.isEmpty() ? 1.0 : double(common) / double(expected.size());
        ++pages;
    }
    QVERIFY2(empty.isEmpty(), qPrintable(u"empty text for "_s + empty.join(u", "_s)));
    const double precision = precisionSum / pages;
    const double recall = recallSum / pages;
    const double f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0.0;
    qInfo("pages-dev word-set overlap over %d pages: precision %.3f recall %.3f F1 %.3f", pages, precision, recall, f1);
    QVERIFY2(f1 >= 0.90, qPrintable(u"F1 %1 below 0.90"_s.arg(f1)));
}

QTEST_GUILESS_MAIN(TestHtmlExtractor)

#include "tst_htmlextractor.moc"
