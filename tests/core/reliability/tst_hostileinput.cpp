#include "reliabilitysupport.h"

#include <core/extract/dictionaries.h>
#include <core/extract/extractionservice.h>
#include <core/ingest/importer.h>
#include <core/storage/articlerepository.h>
#include <core/storage/database.h>
#include <core/storage/eventrepository.h>
#include <core/storage/store.h>
#include <core/storage/tagrepository.h>

#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

#include <sys/resource.h>

using namespace Entente::Core;
using namespace ReliabilitySupport;

namespace {

/// A generous bound for one hostile file under ASan on a loaded two-core CI machine; the real cost
/// is well under a second for most rows (the test prints it).
constexpr qint64 kMaxMillis = 20000;

quint32 crc32(const QByteArray &data)
{
    static quint32 table[256];
    static const bool ready = [] {
        for (quint32 i = 0; i < 256; ++i) {
            quint32 c = i;
            for (int k = 0; k < 8; ++k) {
                c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }
            table[i] = c;
        }
        return true;
    }();
    Q_UNUSED(ready);
    quint32 c = 0xFFFFFFFFu;
    for (const char ch : data) {
        c = table[(c ^ static_cast<quint8>(ch)) & 0xFF] ^ (c >> 8);
    }
    return c ^ 0xFFFFFFFFu;
}

void putLe(QByteArray &out, quint32 v, int bytes)
{
    for (int i = 0; i < bytes; ++i) {
        out.append(static_cast<char>((v >> (8 * i)) & 0xFF));
    }
}

/// Raw deflate of `data` (qCompress gives a 4-byte length and a zlib stream around it).
QByteArray rawDeflate(const QByteArray &data)
{
    const QByteArray z = qCompress(data, 9);
    return z.mid(4 + 2, z.size() - 4 - 2 - 4);
}

/// A gzip file that expands to `size` zero bytes: the classic decompression bomb.
QByteArray gzipBomb(qsizetype size)
{
    const QByteArray zeros(size, '\0');
    QByteArray out("\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\x03", 10);
    out += rawDeflate(zeros);
    putLe(out, crc32(zeros), 4);
    putLe(out, static_cast<quint32>(size), 4);
    return out;
}

/// A zip archive with one deflated member of `size` repeated bytes.
QByteArray zipBomb(qsizetype size)
{
    const QByteArray content(size, 'a');
    const QByteArray packed = rawDeflate(content);
    const QByteArray name("index.html");
    const quint32 crc = crc32(content);
    QByteArray local("PK\x03\x04", 4);
    putLe(local, 20, 2);
    putLe(local, 0, 2);
    putLe(local, 8, 2);
    putLe(local, 0, 4);
    putLe(local, crc, 4);
    putLe(local, static_cast<quint32>(packed.size()), 4);
    putLe(local, static_cast<quint32>(size), 4);
    putLe(local, static_cast<quint32>(name.size()), 2);
    putLe(local, 0, 2);
    local += name + packed;
    QByteArray central("PK\x01\x02", 4);
    putLe(central, 20, 2);
    putLe(central, 20, 2);
    putLe(central, 0, 2);
    putLe(central, 8, 2);
    putLe(central, 0, 4);
    putLe(central, crc, 4);
    putLe(central, static_cast<quint32>(packed.size()), 4);
    putLe(central, static_cast<quint32>(size), 4);
    putLe(central, static_cast<quint32>(name.size()), 2);
    putLe(central, 0, 2);
    putLe(central, 0, 2);
    putLe(central, 0, 2);
    putLe(central, 0, 2);
    putLe(central, 0, 4);
    putLe(central, 0, 4);
    central += name;
    QByteArray end("PK\x05\x06", 4);
    putLe(end, 0, 2);
    putLe(end, 0, 2);
    putLe(end, 1, 2);
    putLe(end, 1, 2);
    putLe(end, static_cast<quint32>(central.size()), 4);
    putLe(end, static_cast<quint32>(local.size()), 4);
    putLe(end, 0, 2);
    return local + central + end;
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

qint64 peakRssMb()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss / 1024;
}

} // namespace

/// The hostile input corpus (tests/data/hostile/, plus what is too big to commit, generated here):
/// every file gives a clear error or a safe result, in bounded time, and changes nothing already
/// stored. Also hostile text where a person types (search boxes, tags, aliases) and malformed
/// dictionary files, which must be refused with a file:line message.
class TestHostileInput final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_generated;
    QString m_baselineFile;
    int m_n = 0;

    static QString hostile(const QString &name)
    {
        return QStringLiteral(ENTENTE_TEST_DATA_DIR "/hostile/") + name;
    }

    /// A database holding one article with its events, a tag and a reviewed event: what a hostile
    /// import must leave exactly as it was.
    std::shared_ptr<Database> baselineDb()
    {
        auto opened = Database::open(m_dir.filePath(QStringLiteral("h%1.sqlite").arg(++m_n)));
        if (!opened) {
            return nullptr;
        }
        auto db = *opened;
        Importer imp(db, ImportOptions{}, *ExtractionService(db).coder());
        const ImportSummary s = imp.run({m_baselineFile}, [](const ImportItemResult &) {});
        if (s.imported != 1) {
            return nullptr;
        }
        Store store(db);
        const auto events = EventRepository(db->connection()).query({});
        if (!store.tagArticles({1}, {QStringLiteral("baseline")}) || events->isEmpty() ||
            !store.setEventStatus(events->first().id, ReviewStatus::Confirmed)) {
            return nullptr;
        }
        return db;
    }

    /// Every stored value of the baseline article, its events and tags, and the audit log.
    static QString snapshot(const QSqlDatabase &c)
    {
        QStringList out;
        QSqlQuery q(c);
        for (const char *sql : {"SELECT * FROM articles WHERE id = 1", "SELECT * FROM events WHERE article_id = 1",
                                "SELECT * FROM article_tags WHERE article_id = 1", "SELECT * FROM tags",
                                "SELECT * FROM audit_log", "SELECT * FROM aliases"}) {
            if (!q.exec(QString::fromLatin1(sql))) {
                return QStringLiteral("query failed: ") + QString::fromLatin1(sql);
            }
            while (q.next()) {
                QStringList row;
                for (int i = 0; i < q.record().count(); ++i) {
                    row << q.value(i).toString();
                }
                out << row.join(QLatin1Char('|'));
            }
        }
        return out.join(QLatin1Char('\n'));
    }

    void generateBigFiles()
    {
        const QString g = m_generated;
        const auto prose = [](int words, bool periods) -> QString {
            static const char *const w[] = {"the",  "council", "of",      "Poland", "met", "with", "Kenya",
                                            "over", "grain",   "harbour", "tariffs", "and", "ferries", "in"};
            QString s;
            s.reserve(words * 7);
            for (int i = 0; i < words; ++i) {
                s += QString::fromLatin1(w[i % 14]);
                s += (periods && i % 14 == 13) ? QStringLiteral(". ") : QStringLiteral(" ");
            }
            return s;
        };
        // 100,000-deep nesting in three shapes gumbo treats differently.
        QByteArray divs = "<html><body>" + QByteArray("<div>").repeated(100000) +
                          "<p>Poland and Kenya held talks on grain in Warsaw on Monday, officials said.</p>" +
                          QByteArray("</div>").repeated(100000) + "</body></html>";
        QVERIFY(writeFile(g + QStringLiteral("/deep-divs.html"), divs));
        QVERIFY(writeFile(g + QStringLiteral("/deep-inline.html"),
                          "<html><body><p>" + QByteArray("<b><i>").repeated(50000) +
                              "Chile and Brazil signed a trade pact.</p></body></html>"));
        QVERIFY(writeFile(g + QStringLiteral("/deep-tables.html"),
                          "<html><body>" + QByteArray("<table><tr><td>").repeated(30000) + "cell</body></html>"));
        QVERIFY(writeFile(g + QStringLiteral("/deep-nested.json"),
                          "[{\"title\": \"deep\", \"text\": " + QByteArray("[").repeated(100000) +
                              QByteArray("]").repeated(100000) + "}]"));
        QVERIFY(writeFile(g + QStringLiteral("/deep-nested.rss"),
                          "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><item><title>Deep</title><description>" +
                              QByteArray("<x>").repeated(100000) + "text" + QByteArray("</x>").repeated(100000) +
                              "</description></item></channel></rss>"));
        // 200 MB, sparse: it costs no disk, and its size alone must get it refused.
        for (const QString &name : {QStringLiteral("/huge-200mb.html"), QStringLiteral("/huge-200mb.txt")}) {
            QFile f(g + name);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("Headline\n\nThe start of a very large file.\n");
            QVERIFY(f.resize(qint64(200) * 1024 * 1024));
        }
        // Decompression bombs named as pages: 64 MB of zeros in about 64 KB.
        QVERIFY(writeFile(g + QStringLiteral("/gzip-bomb.html"), gzipBomb(qsizetype(64) * 1024 * 1024)));
        QVERIFY(writeFile(g + QStringLiteral("/zip-bomb.html"), zipBomb(qsizetype(64) * 1024 * 1024)));
        // Extremely long lines and words.
        QVERIFY(writeFile(g + QStringLiteral("/long-line.txt"),
                          QStringLiteral("A headline over one long line\n\n").toUtf8() + prose(100000, false).toUtf8()));
        QVERIFY(writeFile(g + QStringLiteral("/long-line-sentences.txt"),
                          QStringLiteral("Many sentences on one line\n\n").toUtf8() + prose(100000, true).toUtf8()));
        QVERIFY(writeFile(g + QStringLiteral("/long-word.txt"), "A headline\n\nThe word " +
                                                                     QByteArray(4 * 1024 * 1024, 'a') +
                                                                     " ends the first sentence of this article."));
        QVERIFY(writeFile(g + QStringLiteral("/long-word.html"),
                          "<html><head><title>" + QByteArray(1024 * 1024, 't') + "</title></head><body><p>" +
                              QByteArray(4 * 1024 * 1024, 'w') + "</p><p>" + prose(200, true).toUtf8() +
                              "</p></body></html>"));
        QVERIFY(writeFile(g + QStringLiteral("/long-url.html"),
                          "<html><head><link rel=\"canonical\" href=\"https://example.org/" +
                              QByteArray(2 * 1024 * 1024, 'u') + "\"></head><body><article><p>" +
                              prose(200, true).toUtf8() + "</p></article></body></html>"));
        // A folder with link loops: to itself, back to its parent, and two links pointing at each other.
        const QString loop = g + QStringLiteral("/link-loop");
        QVERIFY(QDir().mkpath(loop + QStringLiteral("/sub")));
        QVERIFY(writeFile(loop + QStringLiteral("/article.txt"),
                          "Inside a loop\n\nChile and Brazil signed a trade pact in Santiago on Monday, officials said.\n"));
        QVERIFY(QFile::link(QStringLiteral("."), loop + QStringLiteral("/self")));
        QVERIFY(QFile::link(QStringLiteral(".."), loop + QStringLiteral("/sub/back")));
        QVERIFY(QFile::link(QStringLiteral("b"), loop + QStringLiteral("/a")));
        QVERIFY(QFile::link(QStringLiteral("a"), loop + QStringLiteral("/b")));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_generated = m_dir.filePath(QStringLiteral("generated"));
        QVERIFY(QDir().mkpath(m_generated));
        m_baselineFile = m_dir.filePath(QStringLiteral("baseline.txt"));
        QVERIFY(writeFile(m_baselineFile,
                          "Russia and Iran sign a pact\n\nRussia signed a defence agreement with Iran on Tuesday, "
                          "officials in Moscow said. The agreement was described as a milestone.\n"));
        generateBigFiles();
    }

    void importFile_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("expect");  ///< "error", "stored" or "either"
        QTest::addColumn<QString>("message"); ///< for errors: words the message must contain
        QTest::addColumn<QString>("mustNotStore"); ///< text that must not appear in anything stored

        const auto file = [](const char *row, const QString &path, const char *expect, const char *message,
                             const char *forbidden = "") {
            QTest::newRow(row) << path << QString::fromLatin1(expect) << QString::fromLatin1(message)
                               << QString::fromLatin1(forbidden);
        };
        const QString g = m_generated + QLatin1Char('/');
        file("billion laughs rss", hostile(QStringLiteral("billion-laughs.rss")), "error", "DTD", "lollol");
        file("billion laughs atom", hostile(QStringLiteral("billion-laughs.atom")), "error", "DTD", "lollol");
        file("external entity rss", hostile(QStringLiteral("external-entity.rss")), "error", "DTD", "root:");
        file("external entity atom", hostile(QStringLiteral("external-entity.atom")), "error", "DTD");
        file("parameter entity rss", hostile(QStringLiteral("parameter-entity.rss")), "error", "DTD");
        file("truncated atom", hostile(QStringLiteral("truncated.atom")), "error", "truncated");
        file("NUL bytes", hostile(QStringLiteral("nul-bytes.txt")), "error", "binary");
        file("invalid UTF-8", hostile(QStringLiteral("invalid-utf8.txt")), "stored", "");
        file("overlong UTF-8", hostile(QStringLiteral("overlong-utf8.txt")), "stored", "", "<script");
        file("UTF-16LE without BOM", hostile(QStringLiteral("utf16le-nobom.txt")), "stored", "");
        file("UTF-16BE without BOM", hostile(QStringLiteral("utf16be-nobom.txt")), "stored", "");
        file("control characters in HTML", hostile(QStringLiteral("control-chars.html")), "either", "", "\x1b");
        file("unclosed comment", hostile(QStringLiteral("unclosed-comment.html")), "stored", "", "hidden");
        file("scripts only", hostile(QStringLiteral("script-only.html")), "error", "no article text", "var a");
        file("entity flood", hostile(QStringLiteral("entity-flood.html")), "stored", "");
        file("unknown charset", hostile(QStringLiteral("unknown-charset.html")), "stored", "");
        file("scripts in a feed", hostile(QStringLiteral("rss-script.rss")), "stored", "", "onerror");
        file("hostile JSON values", hostile(QStringLiteral("json-hostile-values.json")), "stored", "");
        file("huge JSON number", hostile(QStringLiteral("json-huge-number.json")), "error", "JSON");
        file("100,000-deep divs", g + QStringLiteral("deep-divs.html"), "stored", "");
        file("100,000-deep inline tags", g + QStringLiteral("deep-inline.html"), "either", "");
        file("30,000-deep tables", g + QStringLiteral("deep-tables.html"), "either", "");
        file("100,000-deep JSON", g + QStringLiteral("deep-nested.json"), "error", "deeply nested");
        file("100,000-deep XML", g + QStringLiteral("deep-nested.rss"), "either", "");
        file("200 MB page", g + QStringLiteral("huge-200mb.html"), "error", "limit");
        file("200 MB text", g + QStringLiteral("huge-200mb.txt"), "error", "limit");
        file("gzip bomb named .html", g + QStringLiteral("gzip-bomb.html"), "error", "gzip");
        file("zip bomb named .html", g + QStringLiteral("zip-bomb.html"), "error", "zip");
        file("long line", g + QStringLiteral("long-line.txt"), "stored", "");
        file("long line of sentences", g + QStringLiteral("long-line-sentences.txt"), "stored", "");
        file("long word in text", g + QStringLiteral("long-word.txt"), "either", "");
        file("long word in HTML", g + QStringLiteral("long-word.html"), "either", "");
        file("long URL", g + QStringLiteral("long-url.html"), "stored", "");
        file("symlink loop folder", g + QStringLiteral("link-loop"), "stored", "");
    }

    void importFile()
    {
        QFETCH(QString, path);
        QFETCH(QString, expect);
        QFETCH(QString, message);
        QFETCH(QString, mustNotStore);
        auto db = baselineDb();
        QVERIFY(db);
        const QString before = snapshot(db->connection());

        QList<ImportItemResult> items;
        QElapsedTimer timer;
        timer.start();
        Importer imp(db, ImportOptions{}, *ExtractionService(db).coder());
        const ImportSummary s = imp.run({path}, [&items](const ImportItemResult &r) { items.append(r); });
        const qint64 ms = timer.elapsed();
        qInfo("%lld ms, %d imported, %d errors, peak memory %lld MB", ms, s.imported + s.nearDuplicates, s.errors,
              peakRssMb());
        QVERIFY2(ms < kMaxMillis, qPrintable(QStringLiteral("took %1 ms").arg(ms)));
        QVERIFY2(s.fatalError.isEmpty(), qPrintable(s.fatalError));
        QVERIFY(!items.isEmpty());
        for (const ImportItemResult &r : std::as_const(items)) {
            if (r.status == ImportItemResult::Status::Error) {
                // A clear error: a sentence, bounded, naming what is wrong.
                QVERIFY2(!r.error.trimmed().isEmpty(), qPrintable(r.file));
                QVERIFY2(r.error.size() < 400, qPrintable(r.error.left(400)));
            }
        }
        const int stored = s.imported + s.nearDuplicates;
        const qint64 articles = scalar(db->connection(), QStringLiteral("SELECT count(*) FROM articles"));
        QCOMPARE(articles, qint64(1 + stored));
        if (expect == QLatin1String("error")) {
            QCOMPARE(stored, 0);
            for (const ImportItemResult &r : std::as_const(items)) {
                QCOMPARE(r.status, ImportItemResult::Status::Error);
                QVERIFY2(r.error.contains(message, Qt::CaseInsensitive), qPrintable(r.error));
            }
        } else if (expect == QLatin1String("stored")) {
            QVERIFY2(stored > 0, qPrintable(items.first().error));
        }
        if (!mustNotStore.isEmpty()) {
            QSqlQuery q(db->connection());
            q.prepare(QStringLiteral("SELECT count(*) FROM articles WHERE instr(title, ?) OR instr(clean_text, ?)"));
            q.addBindValue(mustNotStore);
            q.addBindValue(mustNotStore);
            QVERIFY(q.exec() && q.next());
            QCOMPARE(q.value(0).toInt(), 0);
        }
        // What was there before is untouched, and the file is sound.
        QCOMPARE(snapshot(db->connection()), before);
        const QStringList problems = consistencyProblems(db->connection());
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        // The database is usable afterwards: searching and tagging work.
        ArticleFilter f;
        f.search = QStringLiteral("Iran");
        QVERIFY(ArticleRepository(db->connection()).count(f).ok());
        QVERIFY(Store(db).tagArticles({1}, {QStringLiteral("after")}).ok());
    }

    void searchText_data()
    {
        QTest::addColumn<QString>("text");
        const QStringList texts{
            QStringLiteral("\""),
            QStringLiteral("\"unterminated phrase"),
            QStringLiteral("title:alliance"),
            QStringLiteral("clean_text:iran OR title:russia"),
            QStringLiteral("{title clean_text}: iran"),
            QStringLiteral("NEAR(russia iran, 2)"),
            QStringLiteral("russia AND NOT iran"),
            QStringLiteral("russia OR"),
            QStringLiteral("AND"),
            QStringLiteral("*"),
            QStringLiteral("^russia"),
            QStringLiteral("-russia +iran"),
            QStringLiteral("(((((("),
            QStringLiteral("))))"),
            QStringLiteral("russia*"),
            QStringLiteral("rank:bm25"),
            QStringLiteral("'; DROP TABLE articles; --"),
            QStringLiteral("\") OR 1=1 --"),
            QStringLiteral("articles_fts MATCH 'x'"),
            QStringLiteral("%_%"),
            QStringLiteral("\\"),
            QString(QChar(0)) + QStringLiteral("nul"),
            QStringLiteral("\x1b[31mred\x07"),
            QStringLiteral("\u202eevil\u200b"),
            QStringLiteral("\U0001F680 base"),
            QStringLiteral("a ").repeated(5000),
            QString(100000, QLatin1Char('a')),
            QStringLiteral("\xef\xbf\xbd"),
        };
        for (int i = 0; i < texts.size(); ++i) {
            QTest::newRow(qPrintable(QStringLiteral("%1: %2").arg(i).arg(texts.at(i).left(24).toHtmlEscaped())))
                << texts.at(i);
        }
    }

    void searchText()
    {
        QFETCH(QString, text);
        auto db = baselineDb();
        QVERIFY(db);
        const QString before = snapshot(db->connection());
        ArticleRepository repo(db->connection());
        QElapsedTimer timer;
        timer.start();
        for (const bool asTag : {false, true}) {
            ArticleFilter f;
            (asTag ? f.tag : f.search) = text;
            const auto n = repo.count(f);
            QVERIFY2(n.ok(), qPrintable(n.ok() ? QString() : n.error().message));
            const auto page = repo.list(f, 0, 50);
            QVERIFY2(page.ok(), qPrintable(page.ok() ? QString() : page.error().message));
            QCOMPARE(qint64(page->size()), *n);
            QVERIFY(*n <= 1);
        }
        QVERIFY(timer.elapsed() < kMaxMillis);
        QCOMPARE(snapshot(db->connection()), before);
        QCOMPARE(*repo.count(), qint64(1));
    }

    void tagText_data()
    {
        QTest::addColumn<QString>("raw");
        QTest::addColumn<QString>("stored"); ///< empty: refused with a clear error
        QTest::newRow("control characters") << QStringLiteral("alliance\x01\x02") << QStringLiteral("alliance");
        QTest::newRow("terminal escapes") << QStringLiteral("\x1b[31mred\x1b[0m") << QStringLiteral("[31mred[0m");
        QTest::newRow("SQL") << QStringLiteral("'); DROP TABLE tags; --") << QStringLiteral("'); DROP TABLE tags; --");
        QTest::newRow("tab and newline") << QStringLiteral("tab\tand\nnewline") << QStringLiteral("tab and newline");
        QTest::newRow("format characters") << QStringLiteral("\u200bzero\u200dwidth\u202e")
                                           << QStringLiteral("zerowidth");
        QTest::newRow("NUL") << QString(QChar(0)) + QStringLiteral("nul") << QStringLiteral("nul");
        QTest::newRow("only controls") << QStringLiteral("\x01\x02\x03\x7f") << QString();
        QTest::newRow("only spaces") << QStringLiteral(" \t \n ") << QString();
        QTest::newRow("very long") << QString(10000, QLatin1Char('x')) << QString(100, QLatin1Char('x'));
        QTest::newRow("LIKE wildcards") << QStringLiteral("%_") << QStringLiteral("%_");
        QTest::newRow("FTS syntax") << QStringLiteral("NEAR(\"a\" b)*") << QStringLiteral("NEAR(\"a\" b)*");
    }

    void tagText()
    {
        QFETCH(QString, raw);
        QFETCH(QString, stored);
        auto db = baselineDb();
        QVERIFY(db);
        Store store(db);
        const Status st = store.tagArticles({1}, {raw});
        if (stored.isEmpty()) {
            QVERIFY(!st.ok());
            QCOMPARE(st.error().code, Error::Code::Usage);
            QCOMPARE(*TagRepository(db->connection()).tagsOf(1), QStringList{QStringLiteral("baseline")});
        } else {
            QVERIFY2(st.ok(), qPrintable(st.ok() ? QString() : st.error().message));
            QVERIFY(TagRepository(db->connection()).tagsOf(1)->contains(stored));
            ArticleFilter f;
            f.tag = stored;
            QCOMPARE(*ArticleRepository(db->connection()).count(f), qint64(1));
            // Untagging with the same raw text finds it again.
            QVERIFY(store.untagArticles({1}, {raw}).ok());
            QVERIFY(!TagRepository(db->connection()).tagsOf(1)->contains(stored));
        }
        // No stored tag holds a control or format character.
        const auto allTags = TagRepository(db->connection()).allTags();
        QVERIFY(allTags.ok());
        for (const Tag &t : *allTags) {
            for (const QChar c : t.name) {
                QVERIFY(c.category() != QChar::Other_Control && c.category() != QChar::Other_Format);
            }
        }
        const QStringList problems = consistencyProblems(db->connection());
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    void aliasText_data()
    {
        QTest::addColumn<QString>("alias");
        QTest::addColumn<QString>("actor");
        QTest::addColumn<QString>("stored"); ///< empty: refused with a clear error
        QTest::newRow("control characters") << QStringLiteral("\x01Red Square\x7f") << QStringLiteral("RUS")
                                            << QStringLiteral("Red Square");
        QTest::newRow("tab and newline") << QStringLiteral("Red\tSquare\n") << QStringLiteral("RUS")
                                         << QStringLiteral("Red Square");
        QTest::newRow("format characters") << QStringLiteral("\u202eWhite\u200b Hall") << QStringLiteral("GBR")
                                           << QStringLiteral("White Hall");
        QTest::newRow("only controls") << QStringLiteral("\x01\x02") << QStringLiteral("RUS") << QString();
        QTest::newRow("SQL") << QStringLiteral("'; DELETE FROM aliases; --") << QStringLiteral("RUS")
                             << QStringLiteral("'; DELETE FROM aliases; --");
        QTest::newRow("unknown actor code") << QStringLiteral("Nowhere Land") << QStringLiteral("ZZ'--")
                                            << QStringLiteral("Nowhere Land");
        QTest::newRow("very long") << QStringLiteral("w ").repeated(5000) << QStringLiteral("RUS")
                                   << QStringLiteral("w ").repeated(5000).trimmed();
    }

    void aliasText()
    {
        QFETCH(QString, alias);
        QFETCH(QString, actor);
        QFETCH(QString, stored);
        auto db = baselineDb();
        QVERIFY(db);
        Alias a;
        a.alias = alias;
        a.actorCode = actor;
        const auto id = Store(db).addAlias(a);
        if (stored.isEmpty()) {
            QVERIFY(!id.ok());
            QCOMPARE(id.error().code, Error::Code::Usage);
        } else {
            QVERIFY2(id.ok(), qPrintable(id.ok() ? QString() : id.error().message));
            const auto all = ActorRepository(db->connection()).aliases();
            QVERIFY(all.ok());
            QCOMPARE(all->size(), 1);
            QCOMPARE(all->first().alias, stored);
        }
        // Extraction with the analyst's aliases applied still works.
        QElapsedTimer timer;
        timer.start();
        const auto coder = ExtractionService(db).coder();
        QVERIFY2(coder.ok(), qPrintable(coder.ok() ? QString() : coder.error().message));
        const QList<Event> events = (*coder)->code(
            QStringLiteral("Red Square and White Hall said Russia signed a defence agreement with Iran. ") + stored,
            DatePoint::day(QDate(2020, 1, 1)));
        Q_UNUSED(events);
        QVERIFY(timer.elapsed() < kMaxMillis);
    }

    void dictionaryFile_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("installAs");
        QTest::addColumn<QString>("error"); ///< a regular expression the message must match; empty: loads
        const auto row = [](const char *file, const char *as, const char *error) {
            QTest::newRow(file) << QString::fromLatin1(file) << QString::fromLatin1(as) << QString::fromLatin1(error);
        };
        row("actors-unknown-key.dict", "zz-hostile.dict", "^zz-hostile\\.dict:3: unknown key 'adjs'$");
        row("actors-key-before-header.dict", "zz-hostile.dict", "^zz-hostile\\.dict:2: 'names:' before any");
        row("actors-duplicate.dict", "zz-hostile.dict", "^zz-hostile\\.dict:2: actor RUS defined twice$");
        row("actors-bad-period.dict", "zz-hostile.dict", "^zz-hostile\\.dict:2: bad date");
        row("actors-reversed-period.dict", "zz-hostile.dict", "^zz-hostile\\.dict:3: .*ends before it starts");
        row("actors-seat-no-role.dict", "zz-hostile.dict", "^zz-hostile\\.dict:3: seat 'the Palace' needs '=ROLE'$");
        row("actors-control-garbage.dict", "zz-hostile.dict", "^zz-hostile\\.dict:2: expected");
        row("actors-binary.dict", "zz-hostile.dict", "^zz-hostile\\.dict:\\d+: ");
        row("people-no-term.dict", "people-hostile.dict", "^people-hostile\\.dict:1: Nobody Atall has no term$");
        row("people-unknown-office.dict", "people-hostile.dict", "^people-hostile\\.dict:3: unknown office 'emperor'$");
        row("people-reversed-term.dict", "people-hostile.dict", "^people-hostile\\.dict:3: term ends before it starts$");
        row("people-unknown-actor.dict", "people-hostile.dict",
            "^people-hostile\\.dict:2: Some Three holds an office of unknown actor ZZZ$");
        row("roles-unknown-role.dict", "roles.dict", "^roles\\.dict:2: unknown role 'XYZ'$");
        row("patterns-bad-slot.dict", "patterns-hostile.dict", "^patterns-hostile\\.dict:1: bad slot '\\{X\\}'");
        row("patterns-gap-first.dict", "patterns-hostile.dict", "^patterns-hostile\\.dict:2: a pattern cannot start with a gap$");
        row("patterns-bad-gap.dict", "patterns-hostile.dict", "^patterns-hostile\\.dict:2: bad gap '\\*99'");
        row("patterns-unknown-type.dict", "patterns-hostile.dict", "^patterns-hostile\\.dict:1: unknown event type 'invasion'$");
        row("patterns-no-word.dict", "patterns-hostile.dict", "^patterns-hostile\\.dict:1: a pattern needs at least one required word$");
        row("patterns-bad-option.dict", "patterns-hostile.dict", "^patterns-hostile\\.dict:1: bad location rule 'loc=moon'$");
        row("patterns-too-many-pipes.dict", "patterns-hostile.dict", "^patterns-hostile\\.dict:1: expected 'type confidence");
        row("discard-no-context.dict", "discard.dict", "^discard\\.dict:2: expected 'context: word, word'");
        row("empty.dict", "zz-hostile.dict", "");
        row("comments-only.dict", "zz-hostile.dict", "");
    }

    void dictionaryFile()
    {
        QFETCH(QString, file);
        QFETCH(QString, installAs);
        QFETCH(QString, error);
        // The bundled dictionaries with one file added or replaced, loaded the way a user's folder is.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QDirIterator it(QStringLiteral(":/dictionaries"), {QStringLiteral("*.dict")}, QDir::Files);
        while (it.hasNext()) {
            const QString src = it.next();
            QVERIFY(QFile::copy(src, dir.filePath(QFileInfo(src).fileName())));
        }
        const QString target = dir.filePath(installAs);
        QFile::remove(target);
        QVERIFY(QFile::copy(hostile(QStringLiteral("dictionaries/")) + file, target));
        QElapsedTimer timer;
        timer.start();
        const auto loaded = Dictionaries::loadDirectory(dir.path());
        QVERIFY(timer.elapsed() < kMaxMillis);
        if (error.isEmpty()) {
            QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().message));
            return;
        }
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().code, Error::Code::Dictionary);
        const QString message = loaded.error().message;
        QVERIFY2(QRegularExpression(error).match(message).hasMatch(), qPrintable(message));
        QVERIFY2(message.size() < 300, qPrintable(message));
    }

    void cleanupTestCase() { qInfo("peak memory of the whole run: %lld MB", peakRssMb()); }
};

QTEST_GUILESS_MAIN(TestHostileInput)
#include "tst_hostileinput.moc"
