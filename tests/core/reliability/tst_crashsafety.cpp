#include "reliabilitysupport.h"

#include <core/storage/database.h>

#include <QElapsedTimer>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/types.h>

using namespace Entente::Core;
using namespace ReliabilitySupport;

/// Crash safety of a bulk import: the real entente-cli imports a folder of generated articles in a
/// child process and is killed with SIGKILL at random moments (a fixed seed, so a failure replays).
/// After every kill the database must open, pass SQLite's and our own consistency checks, and hold
/// every article the child had reported as stored (with its events); rerunning the import must then
/// finish the job without duplicates. SIGKILL cannot be caught, so nothing in the child gets a chance
/// to tidy up: what survives is exactly what SQLite's atomic commit made durable.
class TestCrashSafety final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_plain;  ///< 200 articles without events
    QString m_coded;  ///< 80 articles with one coded event sentence each
    int m_plainCount = 200;
    int m_codedCount = 80;

    struct ChildRun
    {
        bool killed = false;
        int exitCode = -1;
        qint64 elapsedMs = 0;
        QList<QJsonObject> reports; ///< complete JSON lines printed before the end
        QByteArray err;
    };

    /// Runs `entente-cli --db db import ... folder`; kills it with SIGKILL after `killAfterMs`
    /// (negative: let it finish).
    static ChildRun runImport(const QString &db, const QString &folder, bool extract, int killAfterMs)
    {
        QStringList args{QStringLiteral("--db"), db, QStringLiteral("import"), QStringLiteral("--batch"),
                         QStringLiteral("5"), QStringLiteral("--threads"), QStringLiteral("2")};
        if (!extract) {
            args << QStringLiteral("--no-extract");
        }
        args << folder;
        QProcess p;
        QElapsedTimer timer;
        timer.start();
        p.start(QStringLiteral(ENTENTE_CLI_PATH), args);
        ChildRun run;
        if (!p.waitForStarted(30000)) {
            run.err = "could not start entente-cli";
            return run;
        }
        if (killAfterMs >= 0) {
            if (!p.waitForFinished(killAfterMs) && p.state() == QProcess::Running) {
                ::kill(static_cast<pid_t>(p.processId()), SIGKILL);
                run.killed = true;
            }
        }
        if (!p.waitForFinished(300000)) {
            p.kill();
            p.waitForFinished();
        }
        run.elapsedMs = timer.elapsed();
        run.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        run.reports = completeJsonLines(p.readAllStandardOutput());
        run.err = p.readAllStandardError();
        return run;
    }

    /// Everything a kill must leave intact; `stored` maps each article the child reported as stored
    /// (across all runs on this database) to its report.
    static void verifyAfterKill(const QString &path, const QHash<qint64, QJsonObject> &stored, bool extract)
    {
        auto opened = Database::open(path);
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message));
        const auto db = *opened;
        const auto integrity = db->integrityCheck();
        QVERIFY(integrity.ok());
        QCOMPARE(*integrity, QStringLiteral("ok"));
        const QStringList problems = consistencyProblems(db->connection());
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));

        QSqlQuery q(db->connection());
        for (auto it = stored.cbegin(); it != stored.cend(); ++it) {
            const QJsonObject &r = it.value();
            q.prepare(QStringLiteral("SELECT file_path, extracted_at IS NOT NULL, "
                                     "(SELECT count(*) FROM events e WHERE e.article_id = a.id) "
                                     "FROM articles a WHERE a.id = ?"));
            q.addBindValue(it.key());
            QVERIFY(q.exec());
            QVERIFY2(q.next(), qPrintable(QStringLiteral("reported article %1 (%2) is missing")
                                              .arg(it.key())
                                              .arg(r.value(QStringLiteral("file")).toString())));
            QCOMPARE(q.value(0).toString(), r.value(QStringLiteral("file")).toString());
            if (extract && r.value(QStringLiteral("status")).toString() == QLatin1String("imported")) {
                QVERIFY2(q.value(1).toBool(), "an article reported as coded has no extraction time");
                QCOMPARE(q.value(2).toInt(), r.value(QStringLiteral("events")).toInt());
            }
        }
    }

    /// `kills` cycles of start + SIGKILL at a random moment; every `perDatabase` kills a new database
    /// is started, so that kills land early in an import as often as late; each database is then
    /// completed by a rerun that must add exactly the missing articles.
    void killRepeatedly(const QString &folder, int files, bool extract, int kills, int perDatabase, quint32 seed)
    {
        // A first, complete run measures how long an import takes here (ASan, a busy CI machine):
        // kill moments are drawn from [0, 1.1 × that], so they cover start-up, schema creation,
        // every batch and the end.
        const QString calibration = m_dir.filePath(QStringLiteral("calibration-%1.sqlite").arg(seed));
        const ChildRun full = runImport(calibration, folder, extract, -1);
        QCOMPARE(full.exitCode, 0);
        int imported = 0;
        for (const QJsonObject &r : full.reports) {
            imported += r.value(QStringLiteral("status")).toString() == QLatin1String("imported") ? 1 : 0;
        }
        QCOMPARE(imported, files);
        const int span = std::max<int>(200, int(full.elapsedMs * 11 / 10));

        QRandomGenerator rng(seed);
        QString db;
        QHash<qint64, QJsonObject> stored;
        QStringList databases;
        int killedMidway = 0;
        for (int k = 0; k < kills; ++k) {
            if (k % perDatabase == 0) {
                db = m_dir.filePath(QStringLiteral("crash-%1-%2.sqlite").arg(seed).arg(k));
                databases << db;
                stored.clear();
            }
            const int delay = int(rng.bounded(span));
            const ChildRun run = runImport(db, folder, extract, delay);
            for (const QJsonObject &r : run.reports) {
                const QString status = r.value(QStringLiteral("status")).toString();
                if (status == QLatin1String("imported") || status == QLatin1String("duplicate") ||
                    status == QLatin1String("near_duplicate")) {
                    const qint64 id = r.value(QStringLiteral("article_id")).toInteger();
                    QVERIFY2(id > 0, "a stored article was reported without its id");
                    if (status != QLatin1String("duplicate")) {
                        stored.insert(id, r);
                    }
                }
                QVERIFY2(status != QLatin1String("error") || r.contains(QStringLiteral("summary")),
                         qPrintable(QStringLiteral("kill %1: an import error before the kill: %2")
                                        .arg(k)
                                        .arg(r.value(QStringLiteral("error")).toString())));
            }
            if (run.killed && !run.reports.isEmpty()) {
                ++killedMidway;
            }
            qInfo("kill %d after %d ms: %s, %lld articles reported so far on this database", k, delay,
                  run.killed ? "killed" : "had finished", qint64(stored.size()));
            verifyAfterKill(db, stored, extract);
            if (QTest::currentTestFailed()) {
                qWarning("failed after kill %d (delay %d ms, seed %u); child stderr: %s", k, delay, seed,
                         run.err.constData());
                return;
            }
        }
        // The seed is fixed, but the machine's speed is not: at least a few kills must have landed
        // in the middle of an import for the test to mean anything.
        QVERIFY2(killedMidway >= kills / 3,
                 qPrintable(QStringLiteral("only %1 of %2 kills landed mid-import").arg(killedMidway).arg(kills)));

        for (const QString &path : std::as_const(databases)) {
            const ChildRun rerun = runImport(path, folder, extract, -1);
            QCOMPARE(rerun.exitCode, 0);
            QVERIFY(!rerun.reports.isEmpty());
            const QJsonObject summary = rerun.reports.last();
            QVERIFY(summary.value(QStringLiteral("summary")).toBool());
            QCOMPARE(summary.value(QStringLiteral("error")).toInt(), 0);
            auto opened = Database::open(path);
            QVERIFY(opened.ok());
            const QSqlDatabase c = (*opened)->connection();
            QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM articles")), qint64(files));
            QCOMPARE(scalar(c, QStringLiteral("SELECT count(DISTINCT file_path) FROM articles")), qint64(files));
            const QStringList problems = consistencyProblems(c);
            QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
            if (extract) {
                QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM articles WHERE extracted_at IS NULL")),
                         qint64(0));
                // The same events as the uninterrupted run: nothing coded twice, nothing lost.
                auto reference = Database::open(calibration);
                QVERIFY(reference.ok());
                QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM events")),
                         scalar((*reference)->connection(), QStringLiteral("SELECT count(*) FROM events")));
            }
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_plain = m_dir.filePath(QStringLiteral("plain"));
        m_coded = m_dir.filePath(QStringLiteral("coded"));
        QVERIFY(QDir().mkpath(m_plain));
        QVERIFY(QDir().mkpath(m_coded));
        QCOMPARE(writeCorpus(m_plain, m_plainCount, 1001, false).size(), m_plainCount);
        QCOMPARE(writeCorpus(m_coded, m_codedCount, 2002, true).size(), m_codedCount);
    }

    void killedImportLosesNothingReported() { killRepeatedly(m_plain, m_plainCount, false, 15, 3, 0x5eed01); }

    void killedImportWithExtractionKeepsEvents() { killRepeatedly(m_coded, m_codedCount, true, 8, 4, 0x5eed02); }
};

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "tst_crashsafety.moc"
