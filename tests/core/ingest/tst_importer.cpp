#include <core/extract/extractionservice.h>
#include <core/ingest/fingerprint.h>
#include <core/ingest/importer.h>
#include <core/storage/articlerepository.h>
#include <core/storage/eventrepository.h>
#include <core/storage/store.h>

#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Entente::Core;

/// The import pipeline end to end on a temporary database: statuses per file, duplicates and
/// near-duplicates, per-file errors that do not stop a batch, and re-extraction that keeps every
/// human decision.
class TestImporter final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_n = 0;

    std::shared_ptr<Database> freshDb()
    {
        auto db = Database::open(m_dir.filePath(QStringLiteral("imp%1.sqlite").arg(++m_n)));
        return db.ok() ? *db : nullptr;
    }

    static std::shared_ptr<const Coder> coder()
    {
        const auto c = ExtractionService(nullptr).coder();
        return c.ok() ? *c : nullptr;
    }

    static QString data(const QString &rel) { return QStringLiteral(ENTENTE_TEST_DATA_DIR) + QLatin1Char('/') + rel; }

    struct Run
    {
        ImportSummary summary;
        QList<ImportItemResult> items;
    };
    static Run import(const std::shared_ptr<Database> &db, const QStringList &paths, ImportOptions o = {})
    {
        Run r;
        Importer imp(db, o, o.extract ? coder() : nullptr);
        r.summary = imp.run(paths, [&r](const ImportItemResult &i) { r.items.append(i); });
        return r;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void importsFolderOnceThenReportsDuplicates()
    {
        auto db = freshDb();
        QVERIFY(db);
        const QString folder = data(QStringLiteral("cleaning"));
        const Run first = import(db, {folder});
        QCOMPARE(first.summary.errors, 0);
        QCOMPARE(first.summary.imported, 3);
        const Run second = import(db, {folder});
        QCOMPARE(second.summary.imported, 0);
        QCOMPARE(second.summary.duplicates, 3);
        for (const ImportItemResult &r : second.items) {
            QCOMPARE(r.status, ImportItemResult::Status::Duplicate);
            QVERIFY(r.articleId > 0);
        }
        QCOMPARE(*ArticleRepository(db->connection()).count(), qint64(3));
    }

    void linksSyndicatedCopiesAsNearDuplicates()
    {
        auto db = freshDb();
        const Run a = import(db, {data(QStringLiteral("neardup/copy-a.txt"))});
        QCOMPARE(a.summary.imported, 1);
        QVERIFY(a.summary.events > 0);
        const Run b = import(db, {data(QStringLiteral("neardup/copy-b.txt"))});
        QCOMPARE(b.summary.nearDuplicates, 1);
        ArticleRepository repo(db->connection());
        const auto first = repo.get(a.items.first().articleId);
        const auto copy = repo.get(b.items.first().articleId);
        QVERIFY(first->has_value() && copy->has_value());
        QCOMPARE((*copy)->storyCluster, (*first)->id);
        QCOMPARE((*first)->storyCluster, (*first)->id);
        // The copy corroborates the story; its events are not counted twice.
        EventFilter f;
        f.articleId = (*copy)->id;
        QCOMPARE(*EventRepository(db->connection()).count(f), qint64(0));
        // Different junk and headlines, one story.
        QVERIFY((*first)->title != (*copy)->title);
        QVERIFY(!(*copy)->cleanText.contains(QLatin1String("Must Read")));
    }

    void nearDuplicateThreshold_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<bool>("near");
        const QString base = QStringLiteral(
            "Russia will keep its warplanes at the Hmeimim air base in western Syria for at least the next 49 years "
            "under an agreement that the two governments ratified this week, the Russian defence ministry said on "
            "Friday. The agreement also allows the Russian navy to expand its logistics facility at the port of "
            "Tartus so that it can berth as many as eleven warships at once. Syrian officials described the accord "
            "as a guarantee of stability on the Mediterranean coast, while Western diplomats said it cemented "
            "Moscow's military presence in the region for a generation. The deal can be extended automatically for "
            "further 25-year periods unless either side gives notice a year before it expires, according to the "
            "text published by the Russian government. Russian jets have used the base to launch air strikes against "
            "rebels in Syria since September 2015 in support of President Bashar al-Assad.");
        QTest::newRow("identical") << base << base << true;
        QTest::newRow("case and spacing") << base << base.toUpper().replace(QLatin1String(" "), QLatin1String("  ")) << true;
        QTest::newRow("one word changed") << base << QString(base).replace(QLatin1String("eleven"), QLatin1String("twelve")) << true;
        QTest::newRow("other story")
            << base
            << QStringLiteral("Finland joined NATO on Tuesday, ending decades of military non-alignment after the "
                              "invasion of Ukraine changed opinion in the Nordic country, and its foreign minister "
                              "handed the documents to the United States at a ceremony in Brussels attended by the "
                              "alliance's secretary general and ministers from the thirty other member states.")
            << false;
    }
    void nearDuplicateThreshold()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(bool, near);
        const int d = Fingerprint::distance(Fingerprint::simhash(a), Fingerprint::simhash(b));
        QVERIFY2(Fingerprint::isNearDuplicate(Fingerprint::simhash(a), Fingerprint::simhash(b)) == near,
                 qPrintable(QStringLiteral("distance %1").arg(d)));
    }

    void badFilesGetErrorsAndTheBatchGoesOn()
    {
        auto db = freshDb();
        QTemporaryDir dir;
        QFile empty(dir.filePath(QStringLiteral("empty.txt")));
        QVERIFY(empty.open(QIODevice::WriteOnly));
        empty.close();
        QFile binary(dir.filePath(QStringLiteral("image.html")));
        QVERIFY(binary.open(QIODevice::WriteOnly));
        binary.write(QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10", 20));
        binary.close();
        QVERIFY(QFile::copy(data(QStringLiteral("cleaning/clean-plain.txt")), dir.filePath(QStringLiteral("good.txt"))));
        const Run r = import(db, {dir.path(), dir.filePath(QStringLiteral("missing.txt"))});
        QCOMPARE(r.summary.imported, 1);
        QCOMPARE(r.summary.errors, 3);
        for (const ImportItemResult &i : r.items) {
            if (i.status == ImportItemResult::Status::Error) {
                QVERIFY2(!i.error.isEmpty(), qPrintable(i.file));
            }
        }
    }

    void publishedDateGivenByUserWins()
    {
        auto db = freshDb();
        ImportOptions o;
        o.published = DatePoint::day(QDate(2017, 1, 20));
        o.source = QStringLiteral("Analyst upload");
        const Run r = import(db, {data(QStringLiteral("neardup/copy-a.txt"))}, o);
        const auto a = ArticleRepository(db->connection()).get(r.items.first().articleId);
        QCOMPARE((*a)->published.toString(), QStringLiteral("2017-01-20"));
        QCOMPARE((*a)->source, QStringLiteral("Analyst upload"));
    }

    void reextractionKeepsHumanDecisions()
    {
        auto db = freshDb();
        ImportOptions o;
        o.published = DatePoint::day(QDate(2017, 1, 20));
        const Run r = import(db, {data(QStringLiteral("neardup/copy-a.txt"))}, o);
        const qint64 article = r.items.first().articleId;
        EventRepository events(db->connection());
        const QList<Event> before = *events.forArticle(article);
        QVERIFY2(before.size() >= 2, qPrintable(QString::number(before.size())));
        Store store(db);
        QVERIFY(store.setEventStatus(before.at(0).id, ReviewStatus::Confirmed).ok());
        QVERIFY(store.setEventStatus(before.at(1).id, ReviewStatus::Rejected).ok());
        Event manual = before.at(0);
        manual.type = EventType::MeetingVisit;
        manual.source = QStringLiteral("SYR");
        manual.target = QStringLiteral("RUS");
        QVERIFY(store.addManualEvent(manual).ok());

        const auto s = ExtractionService(db).reextract({article});
        QVERIFY(s.ok());
        const QList<Event> after = *events.forArticle(article);
        const auto find = [&after](qint64 id) -> const Event * {
            for (const Event &e : after) {
                if (e.id == id) {
                    return &e;
                }
            }
            return nullptr;
        };
        QVERIFY(find(before.at(0).id) != nullptr);
        QCOMPARE(find(before.at(0).id)->status, ReviewStatus::Confirmed);
        QVERIFY(find(before.at(1).id) != nullptr);
        QCOMPARE(find(before.at(1).id)->status, ReviewStatus::Rejected);
        // The rejected event is not re-created as a new automatic one, the confirmed one not doubled.
        int sameAsRejected = 0;
        int sameAsConfirmed = 0;
        for (const Event &e : after) {
            if (e.fingerprint() == before.at(1).fingerprint()) {
                ++sameAsRejected;
            }
            if (e.fingerprint() == before.at(0).fingerprint()) {
                ++sameAsConfirmed;
            }
        }
        QCOMPARE(sameAsRejected, 1);
        QCOMPARE(sameAsConfirmed, 1);
        int manualCount = 0;
        for (const Event &e : after) {
            manualCount += e.status == ReviewStatus::Manual ? 1 : 0;
        }
        QCOMPARE(manualCount, 1);
        QCOMPARE(after.size(), before.size() + 1);
    }

    void readOnlyDatabaseImportsNothing()
    {
        const QString path = m_dir.filePath(QStringLiteral("ro-import.sqlite"));
        {
            auto db = Database::open(path);
            QVERIFY(db.ok());
        }
        Database::Options o;
        o.readOnly = true;
        auto db = Database::open(path, o);
        QVERIFY(db.ok());
        const Run r = import(*db, {data(QStringLiteral("cleaning"))});
        QVERIFY(r.summary.fatalError.contains(QLatin1String("read-only")));
        QCOMPARE(r.summary.imported, 0);
    }
};

QTEST_GUILESS_MAIN(TestImporter)
#include "tst_importer.moc"
