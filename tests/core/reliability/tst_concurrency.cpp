#include "reliabilitysupport.h"

#include <core/extract/extractionservice.h>
#include <core/ingest/importer.h>
#include <core/storage/articlerepository.h>
#include <core/storage/database.h>
#include <core/storage/eventrepository.h>
#include <core/storage/store.h>
#include <core/storage/tagrepository.h>

#include <QElapsedTimer>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>

using namespace Entente::Core;
using namespace ReliabilitySupport;

/// The analyst tags and reviews while an import with extraction writes in the background and
/// another process (entente-cli tag) writes too: real threads, each with its own connection, and a
/// real second process. No "database is locked" may reach anyone, and every change must be there
/// afterwards, in order (no lost update). Run it under ThreadSanitizer as well (docs/reliability.md).
class TestConcurrency final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void taggingAndReviewWhileImporting()
    {
        const QString seedDir = m_dir.filePath(QStringLiteral("seed"));
        const QString newDir = m_dir.filePath(QStringLiteral("incoming"));
        QVERIFY(QDir().mkpath(seedDir));
        QVERIFY(QDir().mkpath(newDir));
        QCOMPARE(writeCorpus(seedDir, 40, 4004, true).size(), 40);
        QCOMPARE(writeCorpus(newDir, 150, 5005, true).size(), 150);

        const QString path = m_dir.filePath(QStringLiteral("shared.sqlite"));
        auto opened = Database::open(path);
        QVERIFY(opened.ok());
        const std::shared_ptr<Database> db = *opened;
        const auto coder = ExtractionService(db).coder();
        QVERIFY(coder.ok());
        {
            ImportOptions o;
            o.batchSize = 20;
            const ImportSummary s = Importer(db, o, *coder).run({seedDir}, [](const ImportItemResult &) {});
            QCOMPARE(s.imported, 40);
        }
        const QList<qint64> articleIds = *ArticleRepository(db->connection()).allIds();
        const QList<Event> events = *EventRepository(db->connection()).query({});
        QVERIFY(events.size() >= 5);

        // 1. The background import, on its own thread and connection, as the GUI's ImportJob runs it.
        ImportSummary importSummary;
        QStringList importErrors;
        std::atomic_bool importDone{false};
        std::unique_ptr<QThread> importer(QThread::create([&] {
            ImportOptions o;
            o.batchSize = 10;
            o.threads = 2;
            importSummary = Importer(db, o, *coder).run({newDir}, [&](const ImportItemResult &r) {
                if (r.status == ImportItemResult::Status::Error) {
                    importErrors << r.file + QStringLiteral(": ") + r.error;
                }
            });
            db->releaseThreadConnection();
            importDone = true;
        }));

        // 2. A second process tagging, one command after another.
        struct CliTag
        {
            qint64 article;
            QString tag;
        };
        QList<CliTag> cliTags;
        for (int i = 0; i < 12; ++i) {
            cliTags.append({articleIds.at((i * 7) % articleIds.size()), QStringLiteral("cli-%1").arg(i)});
        }
        QStringList cliFailures;
        std::atomic_bool cliDone{false};
        std::unique_ptr<QThread> cli(QThread::create([&] {
            for (const CliTag &t : std::as_const(cliTags)) {
                QProcess p;
                p.start(QStringLiteral(ENTENTE_CLI_PATH),
                        {QStringLiteral("--db"), path, QStringLiteral("tag"), QString::number(t.article), t.tag});
                if (!p.waitForFinished(120000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0 ||
                    !p.readAllStandardError().trimmed().isEmpty()) {
                    cliFailures << QStringLiteral("tag %1 %2: exit %3, %4")
                                       .arg(t.article)
                                       .arg(t.tag)
                                       .arg(p.exitCode())
                                       .arg(QString::fromUtf8(p.readAllStandardError()));
                }
            }
            cliDone = true;
        }));

        importer->start();
        cli->start();

        // 3. The analyst on the main thread: browse, tag, review, in a loop until both are done.
        Store store(db);
        ArticleRepository browse(db->connection());
        QStringList failures;
        QHash<qint64, ReviewStatus> lastStatus;
        QList<QPair<qint64, QString>> mainTags;
        const ReviewStatus cycle[] = {ReviewStatus::Confirmed, ReviewStatus::Rejected, ReviewStatus::Auto,
                                      ReviewStatus::Confirmed};
        int statusChanges = 0;
        QElapsedTimer timer;
        timer.start();
        int i = 0;
        for (; (!importDone || !cliDone || i < 40) && timer.elapsed() < 240000; ++i) {
            const qint64 article = articleIds.at(i % articleIds.size());
            const QString tag = QStringLiteral("main-%1").arg(i);
            const Status tagged = store.tagArticles({article}, {tag});
            if (!tagged) {
                failures << QStringLiteral("tag %1: %2").arg(tag, tagged.error().message);
            } else {
                mainTags.append({article, tag});
            }
            const Event &e = events.at(i % events.size());
            const ReviewStatus status = cycle[(i / int(events.size())) % 4];
            const Status reviewed = store.setEventStatus(e.id, status);
            if (!reviewed) {
                failures << QStringLiteral("status of event %1: %2").arg(e.id).arg(reviewed.error().message);
            } else {
                lastStatus.insert(e.id, status);
                statusChanges += 1;
            }
            ArticleFilter f;
            f.search = QStringLiteral("report");
            const auto page = browse.list(f, 0, 50);
            if (!page) {
                failures << QStringLiteral("browse: ") + page.error().message;
            }
            if (i % 10 == 9) {
                // Undoing a tag is a write too.
                const Status untagged = store.untagArticles({article}, {tag});
                if (!untagged) {
                    failures << QStringLiteral("untag %1: %2").arg(tag, untagged.error().message);
                } else {
                    mainTags.removeLast();
                }
            }
        }
        QVERIFY(importer->wait(240000));
        QVERIFY(cli->wait(240000));
        qInfo("%d rounds of tagging and review while importing", i);

        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
        QVERIFY2(cliFailures.isEmpty(), qPrintable(cliFailures.join(QLatin1Char('\n'))));
        QVERIFY2(importErrors.isEmpty(), qPrintable(importErrors.join(QLatin1Char('\n'))));
        QVERIFY2(importSummary.fatalError.isEmpty(), qPrintable(importSummary.fatalError));
        QCOMPARE(importSummary.imported, 150);

        // No lost update: every tag and every last status is there.
        TagRepository tags(db->connection());
        for (const auto &t : std::as_const(mainTags)) {
            QVERIFY2(tags.tagsOf(t.first)->contains(t.second), qPrintable(t.second));
        }
        for (const CliTag &t : std::as_const(cliTags)) {
            QVERIFY2(tags.tagsOf(t.article)->contains(t.tag), qPrintable(t.tag));
        }
        EventRepository eventRepo(db->connection());
        for (auto it = lastStatus.cbegin(); it != lastStatus.cend(); ++it) {
            const auto e = eventRepo.get(it.key());
            QVERIFY(e.ok() && e->has_value());
            QCOMPARE(reviewStatusName((*e)->status), reviewStatusName(it.value()));
        }
        // The audit log holds every change once, and each status change starts from the one before.
        const QSqlDatabase c = db->connection();
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'status'")),
                 qint64(statusChanges));
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'tag' AND after_value "
                                          "LIKE 'cli-%'")),
                 qint64(cliTags.size()));
        QSqlQuery q(c);
        QVERIFY(q.exec(QStringLiteral("SELECT entity_id, before_value, after_value FROM audit_log "
                                      "WHERE action = 'status' ORDER BY id")));
        QHash<qint64, QString> chain;
        while (q.next()) {
            const qint64 id = q.value(0).toLongLong();
            const QString before = chain.value(id, QStringLiteral("auto"));
            QCOMPARE(q.value(1).toString(), before);
            chain.insert(id, q.value(2).toString());
        }
        q.finish();
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM articles")), qint64(190));
        const QStringList problems = consistencyProblems(c);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestConcurrency)
#include "tst_concurrency.moc"
