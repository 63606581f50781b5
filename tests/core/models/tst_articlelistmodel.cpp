#include <core/models/articlelistmodel.h>
#include <core/storage/articlerepository.h>
#include <core/storage/store.h>
#include <core/storage/transaction.h>

#include <QAbstractItemModelTester>
#include <QTemporaryDir>
#include <QTest>

using namespace Entente::Core;

/// The library's lazy article list: pages in as the view scrolls, filters by search, tag and date,
/// and behaves as a well-formed Qt model throughout.
class TestArticleListModel final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::shared_ptr<Database> m_db;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto db = Database::open(m_dir.filePath(QStringLiteral("list.sqlite")));
        QVERIFY(db.ok());
        m_db = *db;
        ArticleRepository repo(m_db->connection());
        Transaction tx(m_db->connection());
        for (int i = 0; i < 1234; ++i) {
            Article a;
            a.title = QStringLiteral("Article %1").arg(i);
            a.source = i % 2 ? QStringLiteral("Wire") : QStringLiteral("Daily");
            a.cleanText = i == 700 ? QStringLiteral("Russian jets used the Hamadan air base.")
                                   : QStringLiteral("Routine report number %1 on regional security.").arg(i);
            a.contentHash = QString::number(i);
            a.published = DatePoint::day(QDate(2000, 1, 1).addDays(i));
            QVERIFY(repo.insert(a).ok());
        }
        QVERIFY(tx.commit().ok());
        QVERIFY(Store(m_db).tagArticles({1, 2, 3}, {QStringLiteral("basing")}).ok());
    }

    void pagesInLazily()
    {
        ArticleListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setDatabase(m_db);
        QCOMPARE(model.totalCount(), qint64(1234));
        QVERIFY(model.rowCount() < 1234); // pages, not everything at once
        QVERIFY(model.canFetchMore({}));
        while (model.canFetchMore({})) {
            model.fetchMore({});
        }
        QCOMPARE(model.rowCount(), 1234);
        // Newest first.
        QCOMPARE(model.data(model.index(0, ArticleListModel::PublishedColumn), Qt::DisplayRole).toString(),
                 QDate(2000, 1, 1).addDays(1233).toString(Qt::ISODate));
        QCOMPARE(model.rowOf(model.articleId(5)), 5);
    }

    void filters_data()
    {
        QTest::addColumn<QString>("search");
        QTest::addColumn<QString>("tag");
        QTest::addColumn<QString>("source");
        QTest::addColumn<QDate>("from");
        QTest::addColumn<QDate>("to");
        QTest::addColumn<int>("expected");
        QTest::newRow("search") << QStringLiteral("hamadan") << QString() << QString() << QDate() << QDate() << 1;
        QTest::newRow("search prefix") << QStringLiteral("hamad") << QString() << QString() << QDate() << QDate() << 1;
        QTest::newRow("no hit") << QStringLiteral("zanzibar") << QString() << QString() << QDate() << QDate() << 0;
        QTest::newRow("tag") << QString() << QStringLiteral("basing") << QString() << QDate() << QDate() << 3;
        QTest::newRow("source") << QString() << QString() << QStringLiteral("Wire") << QDate() << QDate() << 617;
        QTest::newRow("date range") << QString() << QString() << QString() << QDate(2000, 1, 1) << QDate(2000, 1, 10) << 10;
        QTest::newRow("combined") << QStringLiteral("routine") << QString() << QStringLiteral("Daily")
                                  << QDate(2000, 1, 1) << QDate(2000, 1, 10) << 5;
    }
    void filters()
    {
        QFETCH(QString, search);
        QFETCH(QString, tag);
        QFETCH(QString, source);
        QFETCH(QDate, from);
        QFETCH(QDate, to);
        QFETCH(int, expected);
        ArticleListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setDatabase(m_db);
        ArticleFilter f;
        f.search = search;
        f.tag = tag;
        f.source = source;
        f.from = from;
        f.to = to;
        model.setFilter(f);
        QCOMPARE(model.totalCount(), qint64(expected));
        while (model.canFetchMore({})) {
            model.fetchMore({});
        }
        QCOMPARE(model.rowCount(), expected);
        if (!search.isEmpty() && expected > 0) {
            QVERIFY(model.data(model.index(0, 0), ArticleListModel::SnippetRole).toString().contains(QLatin1Char('[')));
        }
    }

    void headersAndColumns()
    {
        ArticleListModel model;
        model.setDatabase(m_db);
        QCOMPARE(model.columnCount(), int(ArticleListModel::ColumnCount));
        QCOMPARE(model.headerData(ArticleListModel::TitleColumn, Qt::Horizontal, Qt::DisplayRole).toString(),
                 QStringLiteral("Title"));
        QCOMPARE(model.headerData(ArticleListModel::TagsColumn, Qt::Horizontal, Qt::DisplayRole).toString(),
                 QStringLiteral("Tags"));
    }
};

QTEST_GUILESS_MAIN(TestArticleListModel)
#include "tst_articlelistmodel.moc"
