#include <core/models/eventtablemodel.h>
#include <core/storage/articlerepository.h>
#include <core/storage/eventrepository.h>
#include <core/storage/store.h>
#include <core/storage/transaction.h>

#include <QAbstractItemModelTester>
#include <QTemporaryDir>
#include <QTest>

using namespace Entente::Core;

/// The events table: paging, filters by status, type, actor and dates, and in-place refresh after
/// a review decision, under QAbstractItemModelTester.
class TestEventTableModel final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::shared_ptr<Database> m_db;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto db = Database::open(m_dir.filePath(QStringLiteral("events.sqlite")));
        QVERIFY(db.ok());
        m_db = *db;
        Article a;
        a.title = QStringLiteral("Many events");
        a.cleanText = QStringLiteral("A sentence.");
        a.contentHash = QStringLiteral("h");
        const auto id = ArticleRepository(m_db->connection()).insert(a);
        QVERIFY(id.ok());
        EventRepository repo(m_db->connection());
        Transaction tx(m_db->connection());
        for (int i = 0; i < 1200; ++i) {
            Event e;
            e.articleId = *id;
            e.type = i % 3 == 0 ? EventType::Strike : EventType::MeetingVisit;
            e.source = i % 2 ? QStringLiteral("RUS") : QStringLiteral("USA");
            e.target = QStringLiteral("SYR");
            e.date = DatePoint::day(QDate(2015, 1, 1).addDays(i));
            e.sentence = QStringLiteral("A sentence.");
            e.spanEnd = 11;
            e.confidence = (i % 100) / 100.0;
            QVERIFY(repo.insert(e).ok());
        }
        QVERIFY(tx.commit().ok());
    }

    void filters_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<int>("type");
        QTest::addColumn<QString>("actor");
        QTest::addColumn<QDate>("from");
        QTest::addColumn<QDate>("to");
        QTest::addColumn<int>("expected");
        QTest::newRow("all") << QString() << -1 << QString() << QDate() << QDate() << 1200;
        QTest::newRow("unreviewed") << QStringLiteral("unreviewed") << -1 << QString() << QDate() << QDate() << 1200;
        QTest::newRow("strikes") << QString() << int(EventType::Strike) << QString() << QDate() << QDate() << 400;
        QTest::newRow("actor") << QString() << -1 << QStringLiteral("RUS") << QDate() << QDate() << 600;
        QTest::newRow("target actor") << QString() << -1 << QStringLiteral("SYR") << QDate() << QDate() << 1200;
        QTest::newRow("dates") << QString() << -1 << QString() << QDate(2015, 1, 1) << QDate(2015, 1, 31) << 31;
    }
    void filters()
    {
        QFETCH(QString, status);
        QFETCH(int, type);
        QFETCH(QString, actor);
        QFETCH(QDate, from);
        QFETCH(QDate, to);
        QFETCH(int, expected);
        EventTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setDatabase(m_db);
        EventFilter f;
        f.status = status;
        if (type >= 0) {
            f.types << static_cast<EventType>(type);
        }
        f.actor = actor;
        f.from = from;
        f.to = to;
        model.setFilter(f);
        QCOMPARE(model.totalCount(), qint64(expected));
        QVERIFY(model.rowCount() <= expected);
        while (model.canFetchMore({})) {
            model.fetchMore({});
        }
        QCOMPARE(model.rowCount(), expected);
    }

    void refreshesAfterReview()
    {
        EventTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setDatabase(m_db);
        const qint64 id = model.data(model.index(3, 0), EventTableModel::IdRole).toLongLong();
        QVERIFY(Store(m_db).setEventStatus(id, ReviewStatus::Confirmed).ok());
        model.refreshEvent(id);
        QCOMPARE(model.data(model.index(3, EventTableModel::StatusColumn), Qt::DisplayRole).toString(),
                 QStringLiteral("confirmed"));
        QCOMPARE(model.data(model.index(3, 0), EventTableModel::StatusRole).toString(), QStringLiteral("confirmed"));
        QVERIFY(Store(m_db).setEventStatus(id, ReviewStatus::Auto).ok());
    }
};

QTEST_GUILESS_MAIN(TestEventTableModel)
#include "tst_eventtablemodel.moc"
