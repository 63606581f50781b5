#include "reliabilitysupport.h"

#include <core/extract/extractionservice.h>
#include <core/ingest/importer.h>
#include <core/storage/articlerepository.h>
#include <core/storage/database.h>
#include <core/storage/eventrepository.h>
#include <core/storage/store.h>
#include <core/storage/tagrepository.h>

#include <QElapsedTimer>
#include <QSemaphore>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>

using namespace Entente::Core;
using namespace ReliabilitySupport;

/// Writes that fail: a full disk and a locked database, during an import and during the manual edits
/// an analyst makes. Each must end in a clear error (or, for a short lock, a wait and success), with
/// nothing half-written, the change not silently dropped, and the database usable afterwards.
///
/// A full disk is simulated with `PRAGMA max_page_count` on the connection that writes: SQLite then
/// refuses to grow the file beyond that many pages with SQLITE_FULL ("database or disk is full"),
/// the very error and code path of a real ENOSPC. A small tmpfs or a loop device would be closer to
/// the metal but needs root or mount privileges that CI and developer machines may not give; the
/// pragma needs nothing and is exact about where the limit falls.
class TestWriteErrors final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_corpus;
    QStringList m_files;
    int m_n = 0;

    std::shared_ptr<Database> freshDb()
    {
        auto db = Database::open(m_dir.filePath(QStringLiteral("w%1.sqlite").arg(++m_n)));
        return db.ok() ? *db : nullptr;
    }

    struct Run
    {
        ImportSummary summary;
        QList<ImportItemResult> items;
    };
    static Run import(const std::shared_ptr<Database> &db, const QStringList &paths, bool extract)
    {
        ImportOptions o;
        o.extract = extract;
        o.batchSize = 10;
        o.threads = 2;
        std::shared_ptr<const Coder> coder;
        if (extract) {
            coder = *ExtractionService(nullptr).coder();
        }
        Run r;
        Importer imp(db, o, coder);
        r.summary = imp.run(paths, [&r](const ImportItemResult &i) { r.items.append(i); });
        return r;
    }

    static bool exec(const QSqlDatabase &c, const QString &sql)
    {
        QSqlQuery q(c);
        return q.exec(sql);
    }

    static void setPageLimit(const std::shared_ptr<Database> &db, qint64 extraPages)
    {
        const QSqlDatabase c = db->connection();
        const qint64 pages = scalar(c, QStringLiteral("PRAGMA page_count"));
        QVERIFY(pages > 0);
        QVERIFY(exec(c, QStringLiteral("PRAGMA max_page_count = %1").arg(pages + extraPages)));
    }

    static void liftPageLimit(const std::shared_ptr<Database> &db)
    {
        QVERIFY(exec(db->connection(), QStringLiteral("PRAGMA max_page_count = 1073741823")));
    }

    /// Counts of every table an edit can touch, to prove a failed edit changed nothing.
    static QList<qint64> tableCounts(const QSqlDatabase &c)
    {
        QList<qint64> out;
        for (const char *t : {"articles", "events", "tags", "article_tags", "aliases", "audit_log", "sources"}) {
            out << scalar(c, QStringLiteral("SELECT count(*) FROM ") + QLatin1String(t));
        }
        out << scalar(c, QStringLiteral("SELECT count(*) FROM events WHERE status <> 'auto'"));
        return out;
    }

    static void expectSound(const std::shared_ptr<Database> &db)
    {
        const QStringList problems = consistencyProblems(db->connection());
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    /// Holds a write lock on the database file from another thread and connection, as another
    /// process or the app's own import would, until `release` is signalled.
    class LockHolder final
    {
    public:
        explicit LockHolder(const QString &path) : m_path(path)
        {
            m_thread.reset(QThread::create([this] { hold(); }));
            m_thread->start();
            m_locked.acquire();
        }
        ~LockHolder()
        {
            release();
            m_thread->wait();
        }
        void release()
        {
            if (!m_released) {
                m_released = true;
                m_release.release();
            }
        }
        /// Releases after `ms` without blocking the caller.
        void releaseAfter(int ms)
        {
            m_delay = ms;
            release();
        }
        bool ok() const { return m_ok; }

    private:
        void hold()
        {
            const QString name = QStringLiteral("lock-holder-%1").arg(reinterpret_cast<quintptr>(this));
            {
                QSqlDatabase c = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
                c.setDatabaseName(m_path);
                m_ok = c.open();
                QSqlQuery q(c);
                m_ok = m_ok && q.exec(QStringLiteral("BEGIN EXCLUSIVE")) &&
                       q.exec(QStringLiteral("INSERT INTO tags(name) VALUES ('held by the lock holder')"));
                m_locked.release();
                m_release.acquire();
                if (m_delay > 0) {
                    QThread::msleep(static_cast<unsigned long>(m_delay));
                }
                // Roll back: the holder itself leaves no trace.
                q.exec(QStringLiteral("ROLLBACK"));
                q.finish();
                c.close();
            }
            QSqlDatabase::removeDatabase(name);
        }

        QString m_path;
        std::unique_ptr<QThread> m_thread;
        QSemaphore m_locked;
        QSemaphore m_release;
        bool m_released = false;
        bool m_ok = false;
        int m_delay = 0;
    };

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_corpus = m_dir.filePath(QStringLiteral("corpus"));
        QVERIFY(QDir().mkpath(m_corpus));
        m_files = writeCorpus(m_corpus, 120, 3003, true);
        QCOMPARE(m_files.size(), 120);
    }

    void fullDiskDuringImport()
    {
        auto db = freshDb();
        QVERIFY(db);
        const Run first = import(db, m_files.mid(0, 20), false);
        QCOMPARE(first.summary.imported, 20);
        setPageLimit(db, 25);
        if (QTest::currentTestFailed()) {
            return;
        }

        const Run full = import(db, {m_corpus}, false);
        // Some batches fit, then the disk is "full": clear errors naming the cause.
        QVERIFY2(full.summary.errors > 0, "the import never hit the size limit");
        QVERIFY(full.summary.imported > 0);
        QSet<QString> reportedStored;
        QSet<QString> reportedFailed;
        for (const ImportItemResult &r : full.items) {
            if (r.status == ImportItemResult::Status::Error) {
                QVERIFY2(r.error.contains(QLatin1String("full"), Qt::CaseInsensitive), qPrintable(r.error));
                reportedFailed.insert(r.file);
            } else if (r.status == ImportItemResult::Status::Imported) {
                reportedStored.insert(r.file);
            }
        }
        QVERIFY(!reportedFailed.isEmpty());
        // What was reported is exactly what is stored: no half-written article, none reported
        // stored that is not, none reported failed that is there.
        QSqlQuery q(db->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT file_path FROM articles")));
        QSet<QString> inDb;
        while (q.next()) {
            inDb.insert(q.value(0).toString());
        }
        q.finish();
        for (const QString &f : std::as_const(reportedStored)) {
            QVERIFY2(inDb.contains(f), qPrintable(f + QStringLiteral(" was reported stored but is missing")));
        }
        for (const QString &f : std::as_const(reportedFailed)) {
            QVERIFY2(!inDb.contains(f), qPrintable(f + QStringLiteral(" was reported failed but is stored")));
        }
        QCOMPARE(inDb.size(), 20 + reportedStored.size());
        expectSound(db);

        // Space again: the database is usable and a rerun completes the import.
        liftPageLimit(db);
        const Run again = import(db, {m_corpus}, false);
        QCOMPARE(again.summary.errors, 0);
        QVERIFY(again.summary.fatalError.isEmpty());
        QCOMPARE(scalar(db->connection(), QStringLiteral("SELECT count(*) FROM articles")), qint64(m_files.size()));
        expectSound(db);
    }

    void fullDiskDuringImportWithExtraction()
    {
        auto db = freshDb();
        QVERIFY(db);
        setPageLimit(db, 40);
        const Run full = import(db, {m_corpus}, true);
        QVERIFY(full.summary.errors > 0);
        // Every stored article has exactly the events it was reported with.
        for (const ImportItemResult &r : full.items) {
            if (r.status == ImportItemResult::Status::Imported) {
                EventFilter f;
                f.articleId = r.articleId;
                QCOMPARE(*EventRepository(db->connection()).count(f), qint64(r.events));
            } else if (r.status == ImportItemResult::Status::Error) {
                QVERIFY2(r.error.contains(QLatin1String("full"), Qt::CaseInsensitive), qPrintable(r.error));
            }
        }
        expectSound(db);
        liftPageLimit(db);
        const Run again = import(db, {m_corpus}, true);
        QCOMPARE(again.summary.errors, 0);
        expectSound(db);
    }

    void fullDiskDuringManualEdits()
    {
        auto db = freshDb();
        QVERIFY(db);
        const Run seeded = import(db, m_files.mid(0, 30), true);
        QCOMPARE(seeded.summary.imported, 30);
        QVERIFY(seeded.summary.events > 0);
        const QList<qint64> articleIds = *ArticleRepository(db->connection()).allIds();
        const QList<Event> events = *EventRepository(db->connection()).query({});
        QVERIFY(!events.isEmpty());
        Store store(db);
        setPageLimit(db, 0);
        const QList<qint64> before = tableCounts(db->connection());

        // Edits that need new pages fail with SQLite's own words and leave no trace.
        QStringList manyTags;
        for (int i = 0; i < 60; ++i) {
            manyTags << QStringLiteral("tag %1 ").arg(i) + QString(80, QLatin1Char('x'));
        }
        const Status tagged = store.tagArticles(articleIds, manyTags);
        QVERIFY(!tagged.ok());
        QVERIFY2(tagged.error().message.contains(QLatin1String("full"), Qt::CaseInsensitive),
                 qPrintable(tagged.error().message));
        QCOMPARE(tableCounts(db->connection()), before);

        Event manual = events.first();
        manual.id = 0;
        manual.sentence = QString(300000, QLatin1Char('s'));
        const auto added = store.addManualEvent(manual);
        QVERIFY(!added.ok());
        QVERIFY2(added.error().message.contains(QLatin1String("full"), Qt::CaseInsensitive),
                 qPrintable(added.error().message));
        QCOMPARE(tableCounts(db->connection()), before);
        expectSound(db);

        // The database is usable at once: reading works, and with space the same changes succeed,
        // so the caller that kept them (the GUI's undo command) can apply them.
        QCOMPARE(*ArticleRepository(db->connection()).count(), qint64(30));
        liftPageLimit(db);
        QVERIFY(store.tagArticles(articleIds, manyTags).ok());
        QVERIFY(store.addManualEvent(manual).ok());
        QCOMPARE(TagRepository(db->connection()).tagsOf(articleIds.first())->size(), manyTags.size());
        QVERIFY(store.setEventStatus(events.first().id, ReviewStatus::Confirmed).ok());
        expectSound(db);
    }

    void briefLockIsWaitedFor()
    {
        auto db = freshDb();
        QVERIFY(db);
        QCOMPARE(import(db, m_files.mid(0, 10), true).summary.imported, 10);
        const QList<qint64> ids = *ArticleRepository(db->connection()).allIds();
        Store store(db);
        {
            LockHolder lock(db->path());
            QVERIFY(lock.ok());
            lock.releaseAfter(600);
            QElapsedTimer t;
            t.start();
            const Status st = store.tagArticles(ids, {QStringLiteral("waited")});
            QVERIFY2(st.ok(), qPrintable(st.ok() ? QString() : st.error().message));
            // It really waited for the holder (which sleeps 600 ms before releasing).
            QVERIFY(t.elapsed() >= 300);
        }
        {
            LockHolder lock(db->path());
            QVERIFY(lock.ok());
            lock.releaseAfter(600);
            const Run r = import(db, m_files.mid(10, 20), true);
            QCOMPARE(r.summary.imported, 20);
            QCOMPARE(r.summary.errors, 0);
        }
        QCOMPARE(*TagRepository(db->connection()).tagsOf(ids.last()), QStringList{QStringLiteral("waited")});
        QCOMPARE(scalar(db->connection(), QStringLiteral("SELECT count(*) FROM tags WHERE name LIKE 'held%'")),
                 qint64(0));
        expectSound(db);
    }

    void lockLongerThanTimeoutFailsCleanly()
    {
        auto db = freshDb();
        QVERIFY(db);
        QCOMPARE(import(db, m_files.mid(0, 10), true).summary.imported, 10);
        const QList<qint64> ids = *ArticleRepository(db->connection()).allIds();
        const QList<Event> events = *EventRepository(db->connection()).query({});
        QVERIFY(!events.isEmpty());
        Store store(db);
        const QList<qint64> before = tableCounts(db->connection());
        // The real timeout is 10 s; a short one keeps the test quick and exercises the same path.
        QVERIFY(exec(db->connection(), QStringLiteral("PRAGMA busy_timeout = 200")));
        {
            LockHolder lock(db->path());
            QVERIFY(lock.ok());
            const Status tagged = store.tagArticles(ids, {QStringLiteral("blocked")});
            QVERIFY(!tagged.ok());
            QVERIFY2(tagged.error().message.contains(QLatin1String("locked")), qPrintable(tagged.error().message));
            const Status status = store.setEventStatus(events.first().id, ReviewStatus::Rejected);
            QVERIFY(!status.ok());
            QVERIFY(status.error().message.contains(QLatin1String("locked")));
            const Run r = import(db, m_files.mid(10, 20), true);
            QCOMPARE(r.summary.imported, 0);
            QVERIFY(r.summary.fatalError.contains(QLatin1String("locked")));
            for (const ImportItemResult &item : r.items) {
                QCOMPARE(item.status, ImportItemResult::Status::Error);
                QVERIFY(item.error.contains(QLatin1String("locked")));
            }
            // Reading goes on while another connection writes (WAL).
            QCOMPARE(*ArticleRepository(db->connection()).count(), qint64(10));
        }
        QCOMPARE(tableCounts(db->connection()), before);
        QVERIFY(exec(db->connection(), QStringLiteral("PRAGMA busy_timeout = 10000")));
        // Retried after the lock is gone, the same changes go through.
        QVERIFY(store.tagArticles(ids, {QStringLiteral("blocked")}).ok());
        QVERIFY(store.setEventStatus(events.first().id, ReviewStatus::Rejected).ok());
        QCOMPARE(import(db, m_files.mid(10, 20), true).summary.imported, 20);
        expectSound(db);
    }
};

QTEST_GUILESS_MAIN(TestWriteErrors)
#include "tst_writeerrors.moc"
