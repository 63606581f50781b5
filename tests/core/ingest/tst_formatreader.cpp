#include <core/ingest/formatreader.h>
#include <core/ingest/htmltext.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Entente::Core;
using namespace Qt::StringLiterals;

namespace {

QString dataPath(const QString &name)
{
    return QStringLiteral(ENTENTE_TEST_DATA_DIR) + u"/ingest/"_s + name;
}

QString codeName(Error::Code code)
{
    switch (code) {
    case Error::Code::Io:
        return u"Io"_s;
    case Error::Code::Parse:
        return u"Parse"_s;
    case Error::Code::TooLarge:
        return u"TooLarge"_s;
    case Error::Code::Unsupported:
        return u"Unsupported"_s;
    default:
        return u"other"_s;
    }
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

} // namespace

class TestFormatReader final : public QObject
{
    Q_OBJECT

private slots:
    void readFile_data();
    void readFile();
    void detectFormat_data();
    void detectFormat();
    void textHeadline_data();
    void textHeadline();
    void dates_data();
    void dates();
    void htmlFragment_data();
    void htmlFragment();
    void rssItems();
    void atomEntries();
    void jsonItems();
    void jsonLinesKeepGoodLines();
    void deepNestingInFeed();
    void readBytesNamesTheFile();
    void collectFilesTree();
    void collectFilesSymlinkLoop();
    void collectFilesReportsMissing();
    void sparseFileRefusedQuickly();
};

// Each row reads one fixture. For a good file: document count, format, and the first document's
// title, date, source, a phrase of its text and (optionally) a phrase of its warnings. For a bad
// file: the error code and a phrase of the message.
void TestFormatReader::readFile_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("published");
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("phrase");
    QTest::addColumn<QString>("message"); // a warning phrase for good files, the error phrase for bad ones
    QTest::addColumn<QString>("code");

    auto good = [](const char *name, const QString &file, int count, const QString &format,
                   const QString &title, const QString &published, const QString &source,
                   const QString &phrase, const QString &warning = {}) {
        QTest::newRow(name) << file << true << count << format << title << published << source << phrase
                            << warning << QString();
    };
    auto bad = [](const char *name, const QString &file, const QString &code, const QString &message) {
        QTest::newRow(name) << file << false << 0 << QString() << QString() << QString() << QString()
                            << QString() << message << code;
    };

    // Plain text and Markdown
    good("text with headline", u"text_headline.txt"_s, 1, u"text"_s, u"Finland becomes NATO's 31st member"_s,
         {}, {}, u"foreign minister handed the accession documents"_s);
    good("text without headline", u"text_no_headline.txt"_s, 1, u"text"_s, {}, {}, {},
         u"only permanent military base in Africa at Camp Lemonnier"_s);
    good("headline followed directly by text, CRLF", u"text_crlf_direct.txt"_s, 1, u"text"_s,
         u"Japan and the Philippines sign reciprocal access deal"_s, {}, {},
         u"Reciprocal Access Agreement"_s);
    good("hard-wrapped first line is no headline", u"text_wrapped.txt"_s, 1, u"text"_s, {}, {}, {},
         u"Sweden completed its accession"_s);
    good("markdown ATX heading", u"article.md"_s, 1, u"text"_s, u"The US base at Camp Lemonnier"_s, {}, {},
         u"main hub for US forces"_s);
    good("markdown setext heading", u"aukus_setext.md"_s, 1, u"text"_s,
         u"AUKUS partners set out submarine pathway"_s, {}, {}, u"nuclear-powered submarines"_s);
    good("text named .html", u"text_named.html"_s, 1, u"text"_s, u"Souda Bay remains a key US naval hub"_s,
         {}, {}, u"deep-water port"_s);
    good("text without extension", u"djibouti_note"_s, 1, u"text"_s,
         u"Djibouti hosts several foreign bases"_s, {}, {}, u"France, Japan and Italy"_s);
    good("UTF-16LE with BOM", u"utf16le_bom.txt"_s, 1, u"text"_s, u"Greenland base gets a new name"_s, {}, {},
         u"renamed Pituffik Space Base"_s);
    good("UTF-16LE without BOM", u"utf16le_nobom.txt"_s, 1, u"text"_s,
         u"Bahrain remains home of the Fifth Fleet"_s, {}, {}, u"Naval Support Activity Bahrain"_s,
         u"UTF-16LE without byte-order mark decoded"_s);
    good("invalid UTF-8 replaced", u"invalid_utf8.txt"_s, 1, u"text"_s, u"Baltic air policing goes on"_s, {},
         {}, u"policed the airspace"_s, u"invalid UTF-8 replaced"_s);
    good("stray NUL bytes removed", u"nul_bytes.txt"_s, 1, u"text"_s,
         u"Spain agrees to host two more US destroyers"_s, {}, {}, u"Naval Station Rota will rise"_s,
         u"NUL bytes removed"_s);

    // HTML
    good("HTML named .txt", u"html_named.txt"_s, 1, u"html"_s,
         u"US Marines begin annual rotation through Darwin"_s, u"2023-04-18"_s, u"Pacific Ledger"_s,
         u"twelfth Marine Rotational Force"_s);

    // Feeds
    good("RSS with content:encoded", u"feed_rss.rss"_s, 3, u"rss"_s, u"Finland joins NATO"_s, u"2023-04-04"_s,
         u"Northern Security Monitor"_s, u"31st member of NATO"_s);
    good("Atom", u"feed_atom.atom"_s, 3, u"atom"_s, u"China\u2019s base in Djibouti"_s, u"2017-08-01"_s,
         u"Horn of Africa Basing Notes"_s, u"first military facility the country runs abroad"_s);
    good("RSS named .xml", u"feed_named.xml"_s, 2, u"rss"_s, u"US Army garrison in Poland made permanent"_s,
         u"2023-03-21"_s, u"Central Europe Defence Brief"_s, u"permanent garrison in Poznan"_s);
    good("RSS 1.0 (RDF)", u"rss1.rdf"_s, 1, u"rss"_s, u"AUKUS announced"_s, u"2021-09-15"_s,
         u"Pacific Alliances Digest"_s, u"AUKUS security partnership"_s);
    good("Atom without extension", u"alliance_updates"_s, 1, u"atom"_s, u"Greenland base renamed"_s,
         u"2023-04-06"_s, u"Alliance Updates"_s, u"renamed Pituffik Space Base"_s);
    good("XML declared windows-1252", u"windows1252.xml"_s, 1, u"rss"_s,
         u"France and Djibouti renew defence treaty"_s, u"2011-12-21"_s, u"Revue de d\u00e9fense"_s,
         u"France\u2019s forces in Djibouti"_s, u"declared charset windows-1252 decoded"_s);
    good("feed with invalid UTF-8", u"feed_bad_utf8.rss"_s, 1, u"rss"_s, u"Qatar hosts Al Udeid"_s,
         u"2023-05-15"_s, u"Gulf Basing Review"_s, u"forward headquarters of US Central Command"_s,
         u"invalid UTF-8 replaced"_s);

    // JSON and JSON Lines
    good("JSON array", u"articles.json"_s, 2, u"json"_s, u"Turkey ratifies Finland's NATO membership"_s,
         u"2023-03-30"_s, u"Example Wire"_s, u"last step before Helsinki"_s);
    good("JSON object with articles", u"articles_object.json"_s, 2, u"json"_s,
         u"Norway and the US update basing agreement"_s, u"2022-02-02"_s, u"Example Daily"_s,
         u"Evenes, Ramsund and Osmarka"_s, u"item 2 is not a JSON object; skipped"_s);
    good("JSON single object", u"single_object.json"_s, 1, u"json"_s,
         u"US to station troops in Lithuania on rotation"_s, u"2019"_s, u"Baltic Notes"_s,
         u"Pabrade range"_s);
    good("JSON in UTF-16BE with BOM", u"utf16be_bom.json"_s, 1, u"json"_s, u"Kuwait hosts Camp Arifjan"_s,
         u"2022-06-01"_s, u"Gulf Notes"_s, u"forward headquarters of US Army Central"_s);
    good("JSON Lines with one bad line", u"items.jsonl"_s, 3, u"jsonl"_s,
         u"Armenia freezes CSTO participation"_s, u"2024-02-23"_s, u"Caucasus Desk"_s,
         u"frozen its participation"_s, u"line 2: invalid JSON"_s);
    good("JSON Lines named .json", u"lines_named.json"_s, 2, u"jsonl"_s, u"Serbia keeps neutrality"_s,
         u"2023-05-10"_s, {}, u"will not join NATO"_s);

    // Bad input
    bad("binary data", u"random_binary.dat"_s, u"Unsupported"_s,
        u"binary file (NUL bytes and control characters)"_s);
    bad("gzip named .html", u"gzip_named.html"_s, u"Unsupported"_s, u"binary file (gzip archive)"_s);
    bad("PNG named .txt", u"png_named.txt"_s, u"Unsupported"_s, u"binary file (PNG image)"_s);
    bad("empty file", u"empty.txt"_s, u"Parse"_s, u"empty file"_s);
    bad("whitespace only", u"whitespace_only.txt"_s, u"Parse"_s, u"empty file"_s);
    bad("billion laughs", u"billion_laughs.xml"_s, u"Unsupported"_s,
        u"XML with a DTD is not accepted (entity declarations are never expanded)"_s);
    bad("external entity", u"xxe.rss"_s, u"Unsupported"_s, u"XML with a DTD is not accepted"_s);
    bad("truncated XML", u"truncated.rss"_s, u"Parse"_s, u"truncated XML at line 12"_s);
    bad("XML that is no feed", u"unknown_root.xml"_s, u"Unsupported"_s,
        u"root element <catalog> is neither an RSS nor an Atom feed"_s);
    bad("broken JSON", u"broken.json"_s, u"Parse"_s, u"invalid JSON at line 3"_s);
    bad("JSON Lines without a good line", u"all_bad.jsonl"_s, u"Parse"_s, u"no readable JSON line (line 1"_s);
    bad("missing file", u"does_not_exist.txt"_s, u"Io"_s, u"file not found"_s);
    bad("folder", u"tree"_s, u"Unsupported"_s, u"is a folder"_s);
}

void TestFormatReader::readFile()
{
    QFETCH(QString, file);
    QFETCH(bool, ok);
    QFETCH(int, count);
    QFETCH(QString, format);
    QFETCH(QString, title);
    QFETCH(QString, published);
    QFETCH(QString, source);
    QFETCH(QString, phrase);
    QFETCH(QString, message);
    QFETCH(QString, code);

    const QString path = dataPath(file);
    const auto result = FormatReader::readFile(path);
    if (!ok) {
        QVERIFY2(!result.ok(), qPrintable(u"expected an error for "_s + file));
        QCOMPARE(codeName(result.error().code), code);
        QVERIFY2(result.error().message.contains(message), qPrintable(result.error().message));
        return;
    }
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
    const QList<RawDocument> &docs = *result;
    QCOMPARE(docs.size(), count);
    const RawDocument &doc = docs.first();
    QCOMPARE(doc.title, title);
    QCOMPARE(doc.published.toString(), published);
    QCOMPARE(doc.source, source);
    QVERIFY2(doc.text.contains(phrase), qPrintable(doc.text));
    if (!message.isEmpty()) {
        QVERIFY2(doc.warnings.join(u" | "_s).contains(message), qPrintable(doc.warnings.join(u" | "_s)));
    }
    if (format == u"text"_s && !title.isEmpty()) {
        QVERIFY2(!doc.text.contains(title), "the headline stays out of the text");
    }
    int lastIndex = -1;
    for (const RawDocument &each : docs) {
        QCOMPARE(each.format, format);
        QCOMPARE(each.filePath, path);
        QVERIFY(!each.text.isEmpty() || !each.title.isEmpty());
        QVERIFY(!each.text.contains(u'\r'));
        QVERIFY(!each.text.contains(QChar(0)));
        QVERIFY(!each.rawText.isEmpty());
        QVERIFY(each.itemIndex > lastIndex);
        lastIndex = each.itemIndex;
    }
}

void TestFormatReader::detectFormat_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QString>("expected");

    QTest::newRow("html doctype named .txt")
        << QByteArray("<!DOCTYPE html>\n<html><body><p>x</p></body></html>") << u"a.txt"_s << u"html"_s;
    QTest::newRow("html after saved-from comment")
        << QByteArray("\n<!-- saved from url=(0031)https://news.example.com/a -->\n<html><head>") << u"a"_s
        << u"html"_s;
    QTest::newRow("xhtml with declaration")
        << QByteArray("<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>")
        << u"a.xml"_s << u"html"_s;
    QTest::newRow("html without html element")
        << QByteArray("<div class=\"story\"><p>Text</p></div>") << u"a.dat"_s << u"html"_s;
    QTest::newRow("rss named .txt") << QByteArray(
                                           "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel/></rss>")
                                    << u"feed.txt"_s << u"rss"_s;
    QTest::newRow("rss behind doctype")
        << QByteArray("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY a \"b\">]>\n<rss/>") << u"f.xml"_s
        << u"rss"_s;
    QTest::newRow("atom with prefix")
        << QByteArray("<atom:feed xmlns:atom=\"http://www.w3.org/2005/Atom\"/>") << u"f"_s << u"atom"_s;
    QTest::newRow("html led by a custom element")
        << QByteArray("<app-root>\n<body><p>Greece extends the agreement.</p></body>") << u"page"_s
        << u"html"_s;
    QTest::newRow("other xml") << QByteArray("<?xml version=\"1.0\"?>\n<catalog/>") << u"c.xml"_s << u"xml"_s;
    QTest::newRow("json array") << QByteArray("  [\n {\"title\": \"t\"}\n]") << u"a.txt"_s << u"json"_s;
    QTest::newRow("pretty json object")
        << QByteArray("{\n  \"title\": \"t\",\n  \"text\": \"x\"\n}\n") << u"a"_s << u"json"_s;
    QTest::newRow("json lines by content")
        << QByteArray("{\"title\": \"a\"}\n{\"title\": \"b\"}\n") << u"a.json"_s << u"jsonl"_s;
    QTest::newRow("json lines by extension")
        << QByteArray("{\"title\": \"a\"}\n") << u"a.jsonl"_s << u"jsonl"_s;
    QTest::newRow("text starting with a bracket")
        << QByteArray("[Reuters] Finland joined NATO on Tuesday.") << u"a.json"_s << u"text"_s;
    QTest::newRow("text starting with a brace")
        << QByteArray("{Updated} Sweden joined NATO in March 2024.") << u"a.txt"_s << u"text"_s;
    QTest::newRow("text with angle brackets")
        << QByteArray("<<< Breaking >>> Finland joins NATO") << u"a.txt"_s << u"text"_s;
    QTest::newRow("markdown behind a comment")
        << QByteArray("<!-- draft -->\n# Title\n\nBody text.") << u"a.md"_s << u"text"_s;
    QTest::newRow("html fragment named .html")
        << QByteArray("Statement\n<p>Greece extends the agreement.</p>") << u"a.html"_s << u"html"_s;
    QTest::newRow("plain text named .html")
        << QByteArray("Greece extends the agreement.") << u"a.html"_s << u"text"_s;
    QTest::newRow("plain text") << QByteArray("Finland joins NATO\n\nText.") << u"a.txt"_s << u"text"_s;
    QTest::newRow("utf-16le html without BOM")
        << QByteArray("<\0h\0t\0m\0l\0>\0<\0b\0o\0d\0y\0>\0T\0e\0x\0t\0", 26) << u"a"_s << u"html"_s;
    QTest::newRow("utf-8 BOM json") << QByteArray("\xEF\xBB\xBF[{\"title\":\"t\"}]") << u"a"_s << u"json"_s;
    QTest::newRow("empty") << QByteArray() << u"a.txt"_s << u"empty"_s;
    QTest::newRow("whitespace") << QByteArray(" \n\t\r\n ") << u"a.txt"_s << u"empty"_s;
    QTest::newRow("utf-16 whitespace") << QByteArray("\xFF\xFE \0\n\0", 6) << u"a.txt"_s << u"empty"_s;
    QTest::newRow("gzip") << QByteArray("\x1F\x8B\x08\x00\x00\x00\x00\x00", 8) << u"a.html"_s << u"binary"_s;
    QTest::newRow("zip") << QByteArray("PK\x03\x04\x14\x00", 6) << u"a.txt"_s << u"binary"_s;
    QTest::newRow("pdf") << QByteArray("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n") << u"a.txt"_s << u"binary"_s;
    QTest::newRow("png") << QByteArray("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16) << u"a.html"_s << u"binary"_s;
    QTest::newRow("jpeg") << QByteArray("\xFF\xD8\xFF\xE0\0\x10JFIF", 10) << u"a.txt"_s << u"binary"_s;
    QTest::newRow("elf") << QByteArray("\x7F"
                                       "ELF\x02\x01\x01\0",
                                       8)
                         << u"a"_s << u"binary"_s;
    QTest::newRow("many NUL bytes") << QByteArray("text\0\0\0\0\0\0more\0\0\0\0", 18) << u"a.txt"_s
                                    << u"binary"_s;
}

void TestFormatReader::detectFormat()
{
    QFETCH(QByteArray, head);
    QFETCH(QString, fileName);
    QFETCH(QString, expected);
    QCOMPARE(FormatReader::detectFormat(head, fileName), expected);
}

void TestFormatReader::textHeadline_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("text");

    QTest::newRow("sentence first") << u"The allies met in Vilnius in July 2023.\n\nLeaders agreed a plan."_s
                                    << QString()
                                    << u"The allies met in Vilnius in July 2023.\n\nLeaders agreed a plan."_s;
    QTest::newRow("question headline") << u"Will Sweden join NATO?\n\nSweden applied in May 2022."_s
                                       << u"Will Sweden join NATO?"_s << u"Sweden applied in May 2022."_s;
    QTest::newRow("single line only") << u"Finland joins NATO\n"_s << QString() << u"Finland joins NATO"_s;
    QTest::newRow("leading blank lines") << u"\n\n  Finland joins NATO  \n\nIt did so in 2023.\n"_s
                                         << u"Finland joins NATO"_s << u"It did so in 2023."_s;
    QTest::newRow("too long for a headline") << QString(u"word "_s.repeated(45) + u"\n\nMore."_s) << QString()
                                             << QString(u"word "_s.repeated(45) + u"\n\nMore."_s);
    QTest::newRow("ends with a colon")
        << u"Key points:\n\nFinland joined."_s << QString() << u"Key points:\n\nFinland joined."_s;
    QTest::newRow("old Mac line endings")
        << u"Pact signed\r\rThe pact was signed."_s << u"Pact signed"_s << u"The pact was signed."_s;
}

void TestFormatReader::textHeadline()
{
    QFETCH(QString, input);
    QFETCH(QString, title);
    QFETCH(QString, text);
    const auto result = FormatReader::readBytes(input.toUtf8(), u"note.txt"_s);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
    QCOMPARE(result->size(), 1);
    QCOMPARE(result->first().title, title);
    QCOMPARE(result->first().text, text);
}

void TestFormatReader::dates_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QString>("expected");

    QTest::newRow("ISO day") << QByteArray("\"2017-03-28\"") << u"2017-03-28"_s;
    QTest::newRow("ISO UTC time") << QByteArray("\"2017-03-28T10:00:00Z\"") << u"2017-03-28"_s;
    QTest::newRow("ISO late evening with offset keeps the written day")
        << QByteArray("\"2017-03-28T23:30:00-05:00\"") << u"2017-03-28"_s;
    QTest::newRow("ISO fractional seconds")
        << QByteArray("\"2017-03-28T10:00:00.123+02:00\"") << u"2017-03-28"_s;
    QTest::newRow("ISO basic") << QByteArray("\"20170328\"") << u"2017-03-28"_s;
    QTest::newRow("month") << QByteArray("\"2017-03\"") << u"2017-03"_s;
    QTest::newRow("year") << QByteArray("\"2017\"") << u"2017"_s;
    QTest::newRow("RFC 822 GMT") << QByteArray("\"Tue, 28 Mar 2017 10:15:00 GMT\"") << u"2017-03-28"_s;
    QTest::newRow("RFC 822 +0000") << QByteArray("\"Tue, 28 Mar 2017 10:15:00 +0000\"") << u"2017-03-28"_s;
    QTest::newRow("RFC 822 -0500 no weekday") << QByteArray("\"28 Mar 2017 10:15 -0500\"") << u"2017-03-28"_s;
    QTest::newRow("RFC 822 two-digit year")
        << QByteArray("\"Tue, 28 Mar 17 10:15:00 EST\"") << u"2017-03-28"_s;
    QTest::newRow("month name first") << QByteArray("\"March 28, 2017\"") << u"2017-03-28"_s;
    QTest::newRow("month name and year") << QByteArray("\"March 2017\"") << u"2017-03"_s;
    QTest::newRow("unix seconds") << QByteArray("1490696100") << u"2017-03-28"_s;
    QTest::newRow("unix milliseconds") << QByteArray("1490696100000") << u"2017-03-28"_s;
    QTest::newRow("impossible day") << QByteArray("\"2017-02-30\"") << QString();
    QTest::newRow("not a date") << QByteArray("\"last Tuesday\"") << QString();
}

void TestFormatReader::dates()
{
    QFETCH(QByteArray, value);
    QFETCH(QString, expected);
    const QByteArray json = "{\"title\": \"Pact\", \"text\": \"Signed.\", \"published\": " + value + "}";
    const auto result = FormatReader::readBytes(json, u"a.json"_s);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
    QCOMPARE(result->first().published.toString(), expected);
    if (expected.isEmpty()) {
        QVERIFY(result->first().warnings.join(u' ').contains(u"unreadable date"_s));
    }
}

void TestFormatReader::htmlFragment_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<QString>("expected");

    QTest::newRow("paragraphs") << u"<p>One.</p><p>Two.</p>"_s << u"One.\n\nTwo."_s;
    QTest::newRow("entities") << u"Tom &amp; Jerry&#8217;s &lt;b&gt;"_s << u"Tom & Jerry\u2019s <b>"_s;
    QTest::newRow("script and style dropped")
        << u"<style>p{color:red}</style><p>Text</p><script>x()</script>"_s << u"Text"_s;
    QTest::newRow("line breaks") << u"Line one<br>Line two<br><br>Second paragraph"_s
                                 << u"Line one\nLine two\n\nSecond paragraph"_s;
    QTest::newRow("list items") << u"<ul><li>NATO</li><li>CSTO</li></ul>"_s << u"NATO\n\nCSTO"_s;
    QTest::newRow("whitespace collapsed")
        << u"<p>  Finland\n   joined <b>NATO</b> </p>"_s << u"Finland joined NATO"_s;
    QTest::newRow("table cells") << u"<table><tr><td>Finland</td><td>2023</td></tr></table>"_s
                                 << u"Finland 2023"_s;
    QTest::newRow("pre keeps lines") << u"<pre>line a\nline b</pre>"_s << u"line a\nline b"_s;
    QTest::newRow("broken markup") << u"<p>Open <b>bold <i>both</p><div>Next"_s
                                   << u"Open bold both\n\nNext"_s;
    QTest::newRow("plain text") << u"Just text"_s << u"Just text"_s;
    QTest::newRow("empty") << QString() << QString();
}

void TestFormatReader::htmlFragment()
{
    QFETCH(QString, html);
    QFETCH(QString, expected);
    QCOMPARE(htmlFragmentToText(html), expected);
}

void TestFormatReader::rssItems()
{
    const auto result = FormatReader::readFile(dataPath(u"feed_rss.rss"_s));
    QVERIFY(result.ok());
    const QList<RawDocument> &docs = *result;
    QCOMPARE(docs.size(), 3);

    QCOMPARE(docs[0].url, u"https://monitor.example.org/2023/04/finland-joins-nato"_s);
    QCOMPARE(docs[0].language, u"en"_s);
    QCOMPARE(docs[0].text,
             u"Finland became the 31st member of NATO on 4 April 2023.\n\n"
             "Its flag was raised at the alliance headquarters in Brussels the same afternoon."_s);
    QVERIFY(docs[0].rawText.startsWith(u"<item>"_s));
    QVERIFY(docs[0].rawText.contains(u"<content:encoded><![CDATA[<p>Finland"_s));
    QVERIFY(docs[0].rawText.endsWith(u"</item>"_s));

    QCOMPARE(docs[1].title, u"Sweden\u2019s accession completed"_s);
    QCOMPARE(docs[1].text, u"Sweden deposited its instrument of accession in Washington on 7 March 2024.\n\n"
                           "It is the 32nd member of the alliance."_s);
    // 21:45 at -0500 is already the next day in UTC; the day as published is kept.
    QCOMPARE(docs[1].published.toString(), u"2024-03-07"_s);
    QCOMPARE(docs[1].itemIndex, 1);

    QCOMPARE(docs[2].url, u"https://monitor.example.org/2014/05/djibouti-lease"_s);
    QCOMPARE(docs[2].published.toString(), u"2014-05-05"_s);
    QCOMPARE(docs[2].text, u"The United States renewed its lease on Camp Lemonnier for twenty years."_s);
    QCOMPARE(docs[2].source, u"Northern Security Monitor"_s);
    QCOMPARE(docs[2].itemIndex, 2);
}

void TestFormatReader::atomEntries()
{
    const auto result = FormatReader::readFile(dataPath(u"feed_atom.atom"_s));
    QVERIFY(result.ok());
    const QList<RawDocument> &docs = *result;
    QCOMPARE(docs.size(), 3);

    QCOMPARE(docs[0].url, u"https://basing.example.net/2017/08/china-djibouti"_s);
    QCOMPARE(docs[0].language, u"en"_s);
    QCOMPARE(docs[0].text,
             u"China formally opened a support base for its navy in Djibouti on 1 August 2017.\n\n"
             "It is the first military facility the country runs abroad."_s);

    QCOMPARE(docs[1].title, u"Japan's facility in Djibouti"_s);
    QCOMPARE(docs[1].url, u"https://basing.example.net/2011/07/japan-djibouti"_s);
    QCOMPARE(docs[1].published.toString(), u"2011-07-07"_s);
    QCOMPARE(docs[1].text,
             u"Japan's Self-Defense Forces opened a facility in Djibouti in July 2011 to support "
             "anti-piracy patrols.\n\nIt is the only overseas base of Japan."_s);

    QCOMPARE(docs[2].url, u"https://basing.example.net/2013/italy-djibouti"_s);
    QCOMPARE(docs[2].published.toString(), u"2013-12-03"_s);
    QCOMPARE(docs[2].text, u"Italy opened a small military support base in Djibouti in 2013."_s);
}

void TestFormatReader::jsonItems()
{
    const auto array = FormatReader::readFile(dataPath(u"articles.json"_s));
    QVERIFY(array.ok());
    QCOMPARE(array->size(), 2);
    const RawDocument &second = array->at(1);
    QCOMPARE(second.title, u"Hungary approves Sweden"_s);
    QCOMPARE(second.text,
             u"The Hungarian parliament approved the accession of Sweden on 26 February 2024.\n\n"
             "It was the last ally to do so."_s);
    QCOMPARE(second.url, u"https://wire.example.com/2024/02/26/hungary-sweden"_s);
    QCOMPARE(second.source, u"Example Wire"_s);
    QCOMPARE(second.published.toString(), u"2024-02-26"_s);
    QCOMPARE(second.itemIndex, 1);
    QCOMPARE(array->at(0).url, u"https://wire.example.com/2023/03/30/turkey-finland"_s);

    const auto object = FormatReader::readFile(dataPath(u"articles_object.json"_s));
    QVERIFY(object.ok());
    QCOMPARE(object->size(), 2);
    QCOMPARE(object->at(1).title, u"Denmark signs defence cooperation agreement"_s);
    QCOMPARE(object->at(1).published.toString(), u"2023-12"_s);
    QCOMPARE(object->at(1).itemIndex, 2);
    // File-level warnings travel with the first document only.
    QVERIFY(object->at(1).warnings.isEmpty());
}

void TestFormatReader::jsonLinesKeepGoodLines()
{
    const auto result = FormatReader::readFile(dataPath(u"items.jsonl"_s));
    QVERIFY(result.ok());
    const QList<RawDocument> &docs = *result;
    QCOMPARE(docs.size(), 3);
    QCOMPARE(docs[0].itemIndex, 0);
    QCOMPARE(docs[1].itemIndex, 2);
    QCOMPARE(docs[2].itemIndex, 4);
    QCOMPARE(docs[1].text, u"CSTO forces held a joint exercise in Kazakhstan."_s);
    QCOMPARE(docs[1].published.toString(), u"2017"_s);
    QCOMPARE(docs[2].published.toString(), u"2017-03-28"_s);
    QCOMPARE(docs[0].warnings.size(), 1);
    QVERIFY(docs[0].warnings.first().startsWith(u"line 2: invalid JSON"_s));
    QVERIFY(docs[0].rawText.startsWith(u"{\"title\": \"Armenia"_s));
}

void TestFormatReader::deepNestingInFeed()
{
    // A hostile item: deeply nested markup must neither overflow the stack nor take long.
    constexpr int depth = 100000;
    QByteArray html = QByteArray("<div>").repeated(depth) + QByteArray("<b>").repeated(depth) + "Deep text" +
                      QByteArray("</b>").repeated(depth) + QByteArray("</div>").repeated(depth);
    const QByteArray feed = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Deep</title><item>"
                            "<title>Nested</title><description><![CDATA[" +
                            html + "]]></description></item></channel></rss>";
    QElapsedTimer timer;
    timer.start();
    const auto result = FormatReader::readBytes(feed, u"deep.rss"_s);
    QVERIFY(result.ok());
    QCOMPARE(result->first().text, u"Deep text"_s);
    QVERIFY2(timer.elapsed() < 20000, qPrintable(QString::number(timer.elapsed())));
}

void TestFormatReader::readBytesNamesTheFile()
{
    const auto result = FormatReader::readBytes(QByteArray("Pact signed\n\nThe pact was signed."), u"memo"_s);
    QVERIFY(result.ok());
    QCOMPARE(result->first().filePath, u"memo"_s);
    QCOMPARE(result->first().format, u"text"_s);
    QCOMPARE(result->first().rawText, u"Pact signed\n\nThe pact was signed."_s);
}

void TestFormatReader::collectFilesTree()
{
    const QString tree = dataPath(u"tree"_s);
    QList<QPair<QString, QString>> errors;
    // The tree twice and one of its files again: every file is listed once.
    const QStringList files =
        FormatReader::collectFiles({tree, tree + u"/sub/c_items.json"_s, tree + u"/"_s}, &errors);
    QVERIFY(errors.isEmpty());
    const QStringList expected = {
        tree + u"/a_finland.txt"_s,
        tree + u"/b_notes.md"_s,
        tree + u"/sub/c_items.json"_s,
        tree + u"/sub/nested/d_feed.rss"_s,
    };
    QCOMPARE(files, expected);

    // A hidden file named on its own is taken: the user asked for it.
    const QStringList hidden = FormatReader::collectFiles({tree + u"/.hidden_draft.txt"_s}, nullptr);
    QCOMPARE(hidden, QStringList{tree + u"/.hidden_draft.txt"_s});
}

void TestFormatReader::collectFilesSymlinkLoop()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString root = QDir(dir.path()).canonicalPath();
    QVERIFY(QDir(root).mkpath(u"x/y"_s));
    QVERIFY(writeFile(root + u"/x/a.txt"_s, "Finland joins NATO\n\nIn April 2023.\n"));
    QVERIFY(writeFile(root + u"/x/y/b.txt"_s, "Sweden joins NATO\n\nIn March 2024.\n"));
    // Links back up the tree, a link to a file already listed, and a link that points to itself.
    QVERIFY(QFile::link(root, root + u"/x/y/up"_s));
    QVERIFY(QFile::link(root + u"/x"_s, root + u"/x/again"_s));
    QVERIFY(QFile::link(root + u"/x/a.txt"_s, root + u"/x/z_link.txt"_s));
    QVERIFY(QFile::link(root + u"/x/self"_s, root + u"/x/self"_s));

    QList<QPair<QString, QString>> errors;
    QElapsedTimer timer;
    timer.start();
    const QStringList files = FormatReader::collectFiles({root}, &errors);
    QVERIFY(timer.elapsed() < 5000);
    QVERIFY(errors.isEmpty());
    QCOMPARE(files, (QStringList{root + u"/x/a.txt"_s, root + u"/x/y/b.txt"_s}));
}

void TestFormatReader::collectFilesReportsMissing()
{
    QList<QPair<QString, QString>> errors;
    const QString missing = dataPath(u"no_such_folder"_s);
    const QStringList files = FormatReader::collectFiles({missing, dataPath(u"article.md"_s)}, &errors);
    QCOMPARE(files, QStringList{dataPath(u"article.md"_s)});
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().first, missing);
    QVERIFY(errors.first().second.contains(u"no such file"_s));
}

void TestFormatReader::sparseFileRefusedQuickly()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"huge.txt"_s);
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        // Sparse: takes no disk space and no time to create, but reports 65 MB.
        QVERIFY(file.resize(65LL * 1024 * 1024));
    }
    QElapsedTimer timer;
    timer.start();
    const auto result = FormatReader::readFile(path);
    QVERIFY(timer.elapsed() < 1000);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, Error::Code::TooLarge);
    QCOMPARE(result.error().message, u"file is 65 MB; the limit is 64 MB"_s);
}

QTEST_GUILESS_MAIN(TestFormatReader)
#include "tst_formatreader.moc"
