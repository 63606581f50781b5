#include <core/storage/articlerepository.h>
#include <core/storage/database.h>
#include <core/storage/eventrepository.h>
#include <core/storage/tagrepository.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Entente::Core;

/// The entente-cli contract, end to end: the real binary on a temporary database.
class TestCli final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_db;

    struct Run
    {
        int code = -1;
        QByteArray out;
        QByteArray err;
    };

    Run cli(const QStringList &args, const QByteArray &stdinData = {})
    {
        QProcess p;
        p.start(QStringLiteral(ENTENTE_CLI_PATH), args);
        if (!stdinData.isEmpty()) {
            p.write(stdinData);
        }
        p.closeWriteChannel();
        if (!p.waitForFinished(120000)) {
            p.kill();
        }
        return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath(QStringLiteral("cli.sqlite"));
        auto db = Database::open(m_db);
        QVERIFY(db.ok());
        ArticleRepository articles((*db)->connection());
        Article a;
        a.title = QStringLiteral("Russian jets used an Iranian air base");
        a.source = QStringLiteral("Wire");
        a.cleanText = QStringLiteral("Russian jets used an air base in Iran to launch strikes in Syria.");
        a.contentHash = QStringLiteral("h1");
        a.published = DatePoint::day(QDate(2016, 8, 16));
        const auto id1 = articles.insert(a);
        QVERIFY(id1.ok());
        a.title = QStringLiteral("Finland joins NATO");
        a.cleanText = QStringLiteral("Finland became the alliance's 31st member on Tuesday.");
        a.contentHash = QStringLiteral("h2");
        a.published = DatePoint::day(QDate(2023, 4, 4));
        const auto id2 = articles.insert(a);
        QVERIFY(id2.ok());
        EventRepository events((*db)->connection());
        Event e;
        e.articleId = *id1;
        e.type = EventType::BasingDeployed;
        e.source = QStringLiteral("RUS");
        e.sourceRole = QStringLiteral("MIL");
        e.target = QStringLiteral("IRN");
        e.location = QStringLiteral("IRN");
        e.date = DatePoint::month(2016, 8);
        e.sentence = a.cleanText;
        e.spanEnd = 10;
        QVERIFY(events.insert(e).ok());
        e.articleId = *id2;
        e.type = EventType::AllianceMembership;
        e.source = QStringLiteral("FIN");
        e.sourceRole.clear();
        e.target = QStringLiteral("NATO");
        e.location.clear();
        e.date = DatePoint::day(QDate(2023, 4, 4));
        e.sentence = QStringLiteral("Finland became the alliance's 31st member, \"formally\", on Tuesday.");
        QVERIFY(events.insert(e).ok());
    }

    void stats()
    {
        const Run r = cli({QStringLiteral("--db"), m_db, QStringLiteral("stats")});
        QCOMPARE(r.code, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(QStringLiteral("articles")).toInt(), 2);
        QCOMPARE(o.value(QStringLiteral("events")).toInt(), 2);
        QCOMPARE(o.value(QStringLiteral("events_by_type")).toObject().value(QStringLiteral("basing_deployed")).toInt(),
                 1);
    }

    void articlesSearchAndTag()
    {
        Run r = cli({QStringLiteral("--db"), m_db, QStringLiteral("articles"), QStringLiteral("--format"),
                     QStringLiteral("json"), QStringLiteral("--search"), QStringLiteral("iran")});
        QCOMPARE(r.code, 0);
        QJsonArray arr = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(arr.size(), 1);
        const int id = arr.first().toObject().value(QStringLiteral("id")).toInt();
        QVERIFY(arr.first().toObject().value(QStringLiteral("snippet")).toString().contains(QLatin1String("[Iran]")));

        r = cli({QStringLiteral("--db"), m_db, QStringLiteral("tag"), QString::number(id), QStringLiteral("basing"),
                 QStringLiteral("iran")});
        QCOMPARE(r.code, 0);
        r = cli({QStringLiteral("--db"), m_db, QStringLiteral("articles"), QStringLiteral("--format"),
                 QStringLiteral("json"), QStringLiteral("--tag"), QStringLiteral("basing")});
        arr = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(arr.size(), 1);
        QCOMPARE(arr.first().toObject().value(QStringLiteral("tags")).toArray().size(), 2);

        r = cli({QStringLiteral("--db"), m_db, QStringLiteral("untag"), QString::number(id), QStringLiteral("basing")});
        QCOMPARE(r.code, 0);
        r = cli({QStringLiteral("--db"), m_db, QStringLiteral("articles"), QStringLiteral("--format"),
                 QStringLiteral("json"), QStringLiteral("--tag"), QStringLiteral("basing")});
        QCOMPARE(QJsonDocument::fromJson(r.out).array().size(), 0);
    }

    void eventsAsJsonAndCsv_data()
    {
        QTest::addColumn<QStringList>("filter");
        QTest::addColumn<int>("expected");
        QTest::newRow("all") << QStringList{} << 2;
        QTest::newRow("by actor") << QStringList{QStringLiteral("--actor"), QStringLiteral("irn")} << 1;
        QTest::newRow("by type") << QStringList{QStringLiteral("--type"), QStringLiteral("alliance_membership")} << 1;
        QTest::newRow("from") << QStringList{QStringLiteral("--from"), QStringLiteral("2020")} << 1;
        QTest::newRow("to") << QStringList{QStringLiteral("--to"), QStringLiteral("2016-08")} << 1;
        QTest::newRow("status") << QStringList{QStringLiteral("--status"), QStringLiteral("confirmed")} << 0;
    }
    void eventsAsJsonAndCsv()
    {
        QFETCH(QStringList, filter);
        QFETCH(int, expected);
        Run r = cli(QStringList{QStringLiteral("--db"), m_db, QStringLiteral("events"), QStringLiteral("--format"),
                                QStringLiteral("json")} +
                    filter);
        QCOMPARE(r.code, 0);
        const QJsonArray arr = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(arr.size(), expected);
        for (const QJsonValue &v : arr) {
            const QJsonObject o = v.toObject();
            for (const char *key : {"id", "article_id", "type", "cameo", "source", "source_role", "target",
                                    "target_role", "location", "date", "date_precision", "date_end", "polarity",
                                    "modality", "attributed_to", "confidence", "sentence", "span", "status"}) {
                QVERIFY2(o.contains(QLatin1String(key)), key);
            }
        }
        r = cli(QStringList{QStringLiteral("--db"), m_db, QStringLiteral("events"), QStringLiteral("--format"),
                            QStringLiteral("csv")} +
                filter);
        QCOMPARE(r.code, 0);
        // Header plus one line per event; the quoted sentence with a comma stays one field.
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        QCOMPARE(lines.size(), expected + 1);
        QVERIFY(lines.first().startsWith("GlobalEventID,Day,"));
    }

    void exitCodes_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        QTest::newRow("no command") << QStringList{} << 1;
        QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")} << 1;
        QTest::newRow("unknown option") << QStringList{QStringLiteral("events"), QStringLiteral("--colour")} << 1;
        QTest::newRow("bad type") << QStringList{QStringLiteral("events"), QStringLiteral("--type"),
                                                 QStringLiteral("war")}
                                  << 1;
        QTest::newRow("bad date") << QStringList{QStringLiteral("events"), QStringLiteral("--from"),
                                                 QStringLiteral("yesterday")}
                                  << 1;
        QTest::newRow("tag without tags") << QStringList{QStringLiteral("tag"), QStringLiteral("1")} << 1;
        QTest::newRow("tag missing article") << QStringList{QStringLiteral("tag"), QStringLiteral("999"),
                                                            QStringLiteral("x")}
                                             << 2;
    }
    void exitCodes()
    {
        QFETCH(QStringList, args);
        QFETCH(int, code);
        const Run r = cli(QStringList{QStringLiteral("--db"), m_db} + args);
        QCOMPARE(r.code, code);
        QVERIFY(!r.err.isEmpty());
    }

    void databaseErrorsExitWithThree()
    {
        const QString notDb = m_dir.filePath(QStringLiteral("notes.txt"));
        QFile f(notDb);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("hello\n");
        f.close();
        const Run r = cli({QStringLiteral("--db"), notDb, QStringLiteral("stats")});
        QCOMPARE(r.code, 3);
        QVERIFY(r.err.contains("not an Entente database"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("hello\n"));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
