#include "reliabilitysupport.h"

#include <core/ingest/importer.h>
#include <core/storage/database.h>

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <sqlite3.h>

#include <atomic>
#include <memory>

using namespace Entente::Core;
using namespace ReliabilitySupport;

/// Backups: File → Save a copy (Database::saveCopy, VACUUM INTO) gives a consistent database even
/// while an import writes, and a schema upgrade first writes a copy of the old file.
class TestBackups final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void saveCopyWhileImporting()
    {
        const QString corpus = m_dir.filePath(QStringLiteral("corpus"));
        QVERIFY(QDir().mkpath(corpus));
        QCOMPARE(writeCorpus(corpus, 150, 6006, false).size(), 150);
        auto opened = Database::open(m_dir.filePath(QStringLiteral("live.sqlite")));
        QVERIFY(opened.ok());
        const auto db = *opened;
        std::atomic_bool done{false};
        ImportSummary summary;
        std::unique_ptr<QThread> worker(QThread::create([&] {
            ImportOptions o;
            o.extract = false;
            o.batchSize = 5;
            summary = Importer(db, o, nullptr).run({corpus}, [](const ImportItemResult &) {});
            db->releaseThreadConnection();
            done = true;
        }));
        worker->start();
        int copies = 0;
        qint64 previous = 0;
        while (!done || copies < 3) {
            const QString copy = m_dir.filePath(QStringLiteral("copy-%1.sqlite").arg(copies++));
            const Status st = db->saveCopy(copy);
            QVERIFY2(st.ok(), qPrintable(st.ok() ? QString() : st.error().message));
            auto c = Database::open(copy);
            QVERIFY(c.ok());
            const QStringList problems = consistencyProblems((*c)->connection());
            QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
            // Whole batches only, and never fewer articles than an earlier copy.
            const qint64 n = scalar((*c)->connection(), QStringLiteral("SELECT count(*) FROM articles"));
            QVERIFY(n >= previous);
            QCOMPARE(n % 5, qint64(0));
            previous = n;
        }
        QVERIFY(worker->wait(120000));
        QCOMPARE(summary.imported, 150);
        qInfo("%d consistent copies taken during the import", copies);
    }

    void upgradeWritesABackupFirst()
    {
        if (Database::kSchemaVersion < 2) {
            QSKIP("Schema 1 is the first: there is no older schema to upgrade from yet.");
        }
        // A database at the previous schema, built from the migrations before the current one.
        const QString path = m_dir.filePath(QStringLiteral("old.sqlite"));
        sqlite3 *h = nullptr;
        QCOMPARE(sqlite3_open(QFile::encodeName(path).constData(), &h), SQLITE_OK);
        const QDir migrations(QStringLiteral(":/migrations"));
        for (const QString &f : migrations.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name)) {
            if (f.left(f.indexOf(QLatin1Char('_'))).toInt() >= Database::kSchemaVersion) {
                continue;
            }
            QFile sql(migrations.filePath(f));
            QVERIFY(sql.open(QIODevice::ReadOnly));
            QCOMPARE(sqlite3_exec(h, sql.readAll().constData(), nullptr, nullptr, nullptr), SQLITE_OK);
        }
        const QByteArray version = "PRAGMA user_version=" + QByteArray::number(Database::kSchemaVersion - 1);
        QCOMPARE(sqlite3_exec(h, version.constData(), nullptr, nullptr, nullptr), SQLITE_OK);
        sqlite3_close(h);

        auto opened = Database::open(path);
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message));
        QCOMPARE((*opened)->schemaVersion(), Database::kSchemaVersion);
        const QStringList backups = QDir(m_dir.path()).entryList({QStringLiteral("old.sqlite.before-migration-*")});
        QCOMPARE(backups.size(), 1);
        sqlite3 *b = nullptr;
        QCOMPARE(sqlite3_open(QFile::encodeName(m_dir.filePath(backups.first())).constData(), &b), SQLITE_OK);
        sqlite3_stmt *st = nullptr;
        QCOMPARE(sqlite3_prepare_v2(b, "PRAGMA user_version", -1, &st, nullptr), SQLITE_OK);
        QCOMPARE(sqlite3_step(st), SQLITE_ROW);
        QCOMPARE(sqlite3_column_int(st, 0), Database::kSchemaVersion - 1);
        sqlite3_finalize(st);
        sqlite3_close(b);
    }
};

QTEST_GUILESS_MAIN(TestBackups)
#include "tst_backups.moc"
