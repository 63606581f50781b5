#include <corpusgenerator.h>

#include <core/extract/extractionservice.h>
#include <core/graph/graphexport.h>
#include <core/ingest/importer.h>
#include <core/models/articlelistmodel.h>
#include <core/models/eventtablemodel.h>
#include <core/storage/articlerepository.h>
#include <core/storage/eventrepository.h>
#include <core/storage/store.h>

#include <QAbstractItemModelTester>
#include <QDir>
#include <QHash>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Entente::Core;
using Entente::Tools::CorpusGenerator;
using Entente::Tools::GeneratedArticle;

/// Correctness at size, at a size the test suite can afford (the benchmark runs the same pipeline on
/// 100,000 articles and a million events): a generated corpus whose every event is known goes through
/// the real import, and the store must hold each article once, each event it should yield exactly once,
/// and nothing more; a second import of the same files stores nothing; the views' queries agree with
/// the counts.
class TestScale final : public QObject
{
    Q_OBJECT

private:
    // A thousand articles (about 4,000 events): enough for every chunk boundary, page and join to be
    // crossed many times, small enough for the AddressSanitizer build of the suite (a minute there).
    static constexpr qint64 kArticles = 1000;
    static constexpr quint64 kSeed = 4242;

    QTemporaryDir m_dir;
    QString m_corpus;
    std::shared_ptr<const Coder> m_coder;
    QHash<QString, GeneratedArticle> m_byPath; ///< absolute file path → what was generated
    qint64 m_goldEvents = 0;
    QHash<QString, qint64> m_goldByType;

    std::shared_ptr<Database> freshDb(const QString &name)
    {
        auto db = Database::open(m_dir.filePath(name));
        return db.ok() ? *db : nullptr;
    }

    ImportSummary import(const std::shared_ptr<Database> &db, ImportOptions options, QList<ImportItemResult> *items)
    {
        Importer importer(db, options, options.extract ? m_coder : nullptr);
        return importer.run({m_corpus}, [items](const ImportItemResult &r) { items->append(r); });
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const auto coder = ExtractionService(nullptr).coder();
        QVERIFY2(coder.ok(), coder.ok() ? "" : qPrintable(coder.error().message));
        m_coder = *coder;
        m_corpus = m_dir.filePath(QStringLiteral("corpus"));
        const CorpusGenerator gen({kSeed, 0.2});
        QCOMPARE(gen.write(m_corpus, kArticles), QString());
        // The index and gold files are not articles: keep them out of the imported folder.
        QVERIFY(QFile::rename(QDir(m_corpus).filePath(QStringLiteral("index.jsonl")), m_dir.filePath(QStringLiteral("index.jsonl"))));
        QVERIFY(QFile::rename(QDir(m_corpus).filePath(QStringLiteral("gold.jsonl")), m_dir.filePath(QStringLiteral("gold.jsonl"))));
        QVERIFY(QFile::rename(QDir(m_corpus).filePath(QStringLiteral("manifest.json")),
                              m_dir.filePath(QStringLiteral("manifest.json"))));
        for (qint64 i = 0; i < kArticles; ++i) {
            const GeneratedArticle a = gen.article(i);
            m_byPath.insert(QFileInfo(QDir(m_corpus).filePath(a.file)).absoluteFilePath(), a);
            m_goldEvents += a.events.size();
            for (const auto &e : a.events) {
                ++m_goldByType[e.type];
            }
        }
    }

    void generatorIsDeterministic()
    {
        const CorpusGenerator a({kSeed, 0.2});
        const CorpusGenerator b({kSeed, 0.2});
        for (qint64 i : {0, 1, 17, 999, 123456}) {
            QCOMPARE(a.article(i).text, b.article(i).text);
            QCOMPARE(a.event(i).sentence, b.event(i).sentence);
        }
        QVERIFY(a.article(3).text != CorpusGenerator({kSeed + 1, 0.2}).article(3).text);
        // Articles are news-length, carry events of every type, and a share carries junk.
        QSet<QString> types;
        int junk = 0;
        for (qint64 i = 0; i < 400; ++i) {
            const GeneratedArticle g = a.article(i);
            QVERIFY2(g.words >= 300 && g.words <= 1400, qPrintable(QString::number(g.words)));
            QVERIFY(!g.events.isEmpty());
            for (const auto &e : g.events) {
                types.insert(e.type);
            }
            junk += g.junk ? 1 : 0;
        }
        QCOMPARE(types.size(), 12);
        QVERIFY(junk > 40 && junk < 130);
    }

    void importStoresEveryArticleAndEventOnce()
    {
        auto db = freshDb(QStringLiteral("scale.sqlite"));
        QVERIFY(db);
        QList<ImportItemResult> items;
        const ImportSummary s = import(db, {}, &items);
        QVERIFY2(s.fatalError.isEmpty(), qPrintable(s.fatalError));
        QCOMPARE(s.errors, 0);
        QCOMPARE(s.nearDuplicates, 0); // generated articles are distinct stories
        QCOMPARE(s.duplicates, 0);
        QCOMPARE(s.imported, int(kArticles));
        QCOMPARE(qint64(s.events), m_goldEvents);
        QCOMPARE(items.size(), qsizetype(kArticles));

        // Each file reported once, with its own article and the number of events it should yield.
        QSet<qint64> ids;
        QSet<QString> files;
        for (const ImportItemResult &r : std::as_const(items)) {
            QVERIFY(!files.contains(r.file));
            files.insert(r.file);
            QVERIFY(r.articleId > 0 && !ids.contains(r.articleId));
            ids.insert(r.articleId);
            const auto it = m_byPath.constFind(QFileInfo(r.file).absoluteFilePath());
            QVERIFY2(it != m_byPath.constEnd(), qPrintable(r.file));
            QCOMPARE(r.events, int(it->events.size()));
        }

        // The store holds exactly that: no lost or duplicated rows.
        ArticleRepository articles(db->connection());
        EventRepository events(db->connection());
        QCOMPARE(*articles.count(), kArticles);
        const auto all = articles.allIds();
        QVERIFY(all.ok());
        QCOMPARE(QSet<qint64>(all->begin(), all->end()), ids);
        QCOMPARE(*events.count(), m_goldEvents);
        const auto stats = Store(db).stats();
        QVERIFY(stats.ok());
        QCOMPARE(stats->articles, kArticles);
        QCOMPARE(stats->events, m_goldEvents);
        QCOMPARE(stats->unreviewed, m_goldEvents);
        for (auto it = m_goldByType.cbegin(); it != m_goldByType.cend(); ++it) {
            QCOMPARE(stats->byType.value(it.key()), it.value());
        }
        // Per article, the stored events are the gold ones (type and actors).
        for (const ImportItemResult &r : std::as_const(items)) {
            const GeneratedArticle &g = m_byPath.value(QFileInfo(r.file).absoluteFilePath());
            const auto stored = events.forArticle(r.articleId);
            QVERIFY(stored.ok());
            QStringList want;
            QStringList got;
            for (const auto &e : g.events) {
                want << e.type + QLatin1Char(' ') + e.source + QLatin1Char(' ') + e.target;
            }
            for (const Event &e : *stored) {
                got << eventTypeName(e.type) + QLatin1Char(' ') + e.source + QLatin1Char(' ') + e.target;
            }
            want.sort();
            got.sort();
            QCOMPARE(got, want);
        }

        // The views' queries agree with the counts.
        QList<RelationEvent> loaded = *GraphExport::loadEvents(*db);
        QCOMPARE(qint64(loaded.size()), m_goldEvents);
        qint64 byActor = 0;
        for (const RelationEvent &e : std::as_const(loaded)) {
            byActor += (e.source == QLatin1String("USA") || e.target == QLatin1String("USA")) &&
                               e.end >= QDate(2010, 1, 1) && e.start <= QDate(2015, 12, 31)
                           ? 1
                           : 0;
        }
        EventFilter f;
        f.actor = QStringLiteral("USA");
        f.from = QDate(2010, 1, 1);
        f.to = QDate(2015, 12, 31);
        QCOMPARE(*events.count(f), byActor);
        const auto page = events.query(f, 0, 100000);
        QVERIFY(page.ok());
        QCOMPARE(qint64(page->size()), byActor);
        for (qsizetype i = 1; i < page->size(); ++i) {
            QVERIFY(page->at(i - 1).date.start <= page->at(i).date.start);
        }
        ArticleListModel library;
        QAbstractItemModelTester libraryTester(&library);
        library.setDatabase(db);
        QCOMPARE(library.totalCount(), kArticles);
        while (library.canFetchMore({})) {
            library.fetchMore({});
        }
        QCOMPARE(library.rowCount(), int(kArticles));
        QSet<qint64> listed;
        for (int row = 0; row < library.rowCount(); ++row) {
            listed.insert(library.articleId(row));
        }
        QCOMPARE(listed, ids);
        EventTableModel table;
        QAbstractItemModelTester tableTester(&table);
        table.setDatabase(db);
        QCOMPARE(table.totalCount(), m_goldEvents);
        // Paging through every event gives the same events in the same order as one query for all.
        while (table.canFetchMore({})) {
            table.fetchMore({});
        }
        const auto everything = events.query({}, 0, -1);
        QVERIFY(everything.ok());
        QCOMPARE(qint64(table.rowCount()), m_goldEvents);
        for (int row = 0; row < table.rowCount(); ++row) {
            QCOMPARE(table.eventAt(row)->id, everything->at(row).id);
        }
        // And so does paging through one actor's events in a time range.
        EventTableModel usa;
        usa.setDatabase(db);
        usa.setFilter(f);
        while (usa.canFetchMore({})) {
            usa.fetchMore({});
        }
        QCOMPARE(qint64(usa.rowCount()), byActor);
        for (int row = 0; row < usa.rowCount(); ++row) {
            QCOMPARE(usa.eventAt(row)->id, page->at(row).id);
        }

        // Importing the same files again stores nothing and reports every one as a duplicate.
        QList<ImportItemResult> again;
        const ImportSummary s2 = import(db, {}, &again);
        QCOMPARE(s2.imported, 0);
        QCOMPARE(s2.errors, 0);
        QCOMPARE(s2.duplicates, int(kArticles));
        QCOMPARE(*articles.count(), kArticles);
        QCOMPARE(*events.count(), m_goldEvents);
        for (const ImportItemResult &r : std::as_const(again)) {
            QCOMPARE(r.status, ImportItemResult::Status::Duplicate);
            QVERIFY(ids.contains(r.articleId));
        }
    }

    void smallBatchesAndOneThreadGiveTheSameStore()
    {
        // Chunk boundaries that fall anywhere, one preparing thread: the pipelined importer still stores
        // every article once, in the same order of ids as the files.
        auto db = freshDb(QStringLiteral("batches.sqlite"));
        QVERIFY(db);
        ImportOptions o;
        o.extract = false;
        o.batchSize = 37;
        o.threads = 1;
        QList<ImportItemResult> items;
        const ImportSummary s = import(db, o, &items);
        QCOMPARE(s.errors, 0);
        QCOMPARE(s.imported, int(kArticles));
        QCOMPARE(*ArticleRepository(db->connection()).count(), kArticles);
        qint64 previous = 0;
        for (const ImportItemResult &r : std::as_const(items)) {
            QVERIFY(r.articleId > previous);
            previous = r.articleId;
        }
        // Full-text search finds an article by words of its own text.
        const GeneratedArticle g = m_byPath.value(QFileInfo(items.at(123).file).absoluteFilePath());
        ArticleFilter f;
        f.search = g.events.first().sentence.section(QLatin1Char(' '), 0, 5);
        const auto hits = ArticleRepository(db->connection()).list(f, 0, 500);
        QVERIFY(hits.ok());
        bool found = false;
        for (const ArticleSummary &a : *hits) {
            found = found || a.id == items.at(123).articleId;
        }
        QVERIFY2(found, qPrintable(f.search));
        // Scrolling through a search with many matches shows each match once, best first.
        ArticleFilter common;
        common.search = QStringLiteral("troops");
        ArticleListModel model;
        QAbstractItemModelTester tester(&model);
        model.setDatabase(db);
        model.setFilter(common);
        QVERIFY(model.totalCount() > 100);
        while (model.canFetchMore({})) {
            model.fetchMore({});
        }
        QCOMPARE(qint64(model.rowCount()), model.totalCount());
        QSet<qint64> shown;
        for (int row = 0; row < model.rowCount(); ++row) {
            QVERIFY(!shown.contains(model.articleId(row)));
            shown.insert(model.articleId(row));
            QVERIFY(model.data(model.index(row, 0), ArticleListModel::SnippetRole).toString().contains(QLatin1Char('[')));
        }
        const auto ranked = ArticleRepository(db->connection()).rankedIds(common);
        QVERIFY(ranked.ok());
        QCOMPARE(shown, QSet<qint64>(ranked->begin(), ranked->end()));
    }
};

QTEST_GUILESS_MAIN(TestScale)
#include "tst_scale.moc"
