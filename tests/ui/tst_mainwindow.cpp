#include <core/models/articlelistmodel.h>
#include <core/models/eventtablemodel.h>
#include <core/storage/articlerepository.h>
#include <core/storage/eventrepository.h>
#include <core/storage/tagrepository.h>
#include <ui/graphview.h>
#include <ui/mainwindow.h>
#include <ui/timelineview.h>

#include <QAbstractItemModelTester>
#include <QLabel>
#include <core/storage/store.h>
#include <QFile>
#include <QLineEdit>
#include <QSettings>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTextDocument>
#include <QUndoStack>

using namespace Entente;
using namespace Entente::Core;

/// The analyst's day, driven through the real widgets: import, search, read, tag, review, add an
/// event and an alias, undo and redo — checking the database after each step.
class TestMainWindow final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    static QString articlePath()
    {
        const QString seed = QStringLiteral(ENTENTE_SHARED_DIR) + QStringLiteral("/corpus/seed/seed-article.txt");
        return QFile::exists(seed) ? seed : QStringLiteral(ENTENTE_TEST_DATA_DIR) + QStringLiteral("/articles/hamadan.txt");
    }

    static int count(const Database &db, const QString &sql)
    {
        QSqlQuery q(db.connection());
        if (!q.exec(sql) || !q.next()) {
            return -1;
        }
        return q.value(0).toInt();
    }

    static bool selectInReader(Ui::MainWindow &w, const QString &text)
    {
        const QTextCursor found = w.reader()->document()->find(text);
        if (found.isNull()) {
            return false;
        }
        w.reader()->setTextCursor(found);
        return true;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QCoreApplication::setOrganizationName(QStringLiteral("EntenteTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
        QSettings().clear();
    }

    void analystWorkflow()
    {
        Ui::MainWindow w;
        w.setQuiet(true);
        w.setOfferSamples(false);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const QString dbPath = m_dir.filePath(QStringLiteral("gui.sqlite"));
        QVERIFY(w.openDatabase(dbPath));
        QAbstractItemModelTester articlesTester(w.articleModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester eventsTester(w.eventModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        const Database &db = *w.database();

        // Import.
        QVERIFY(w.importPaths({articlePath()}));
        QVERIFY(w.waitForIdle());
        QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM articles")), 1);
        const int events = count(db, QStringLiteral("SELECT count(*) FROM events"));
        QVERIFY2(events >= 3, qPrintable(QString::number(events)));

        // Full-text search finds it; a word that is not there finds nothing.
        QTest::keyClicks(w.searchBox(), QStringLiteral("nothingofthekind"));
        QTRY_COMPARE(w.articleModel()->rowCount(), 0);
        w.searchBox()->clear();
        QTest::keyClicks(w.searchBox(), QStringLiteral("Zarif"));
        QTRY_COMPARE(w.articleModel()->rowCount(), 1);

        // Open it: the reader shows its text with event sentences highlighted.
        const QRect cell = w.libraryView()->visualRect(w.articleModel()->index(0, 0));
        QTest::mouseClick(w.libraryView()->viewport(), Qt::LeftButton, {}, cell.center());
        const qint64 articleId = w.articleModel()->articleId(0);
        QTRY_COMPARE(w.currentArticleId(), articleId);
        QVERIFY(w.reader()->toPlainText().contains(QLatin1String("Zarif")));
        QVERIFY(!w.readerHighlights().isEmpty());
        QVERIFY(w.reader()->toHtml().contains(QLatin1String("event:")));

        // Tag it from the tag editor.
        QTest::keyClicks(w.tagEditor(), QStringLiteral("basing"));
        QTest::keyClick(w.tagEditor(), Qt::Key_Return);
        QCOMPARE(*TagRepository(db.connection()).tagsOf(articleId), QStringList{QStringLiteral("basing")});

        // Confirm one event and reject another with the review keys in the events table.
        QVERIFY(w.eventModel()->rowCount() >= 2);
        QTableView *ev = w.eventsView();
        ev->setFocus();
        QTest::mouseClick(ev->viewport(), Qt::LeftButton, {}, ev->visualRect(ev->model()->index(0, 0)).center());
        const qint64 first = w.currentEventId();
        QVERIFY(first > 0);
        QTest::keyClick(ev, Qt::Key_A);
        QTRY_COMPARE((*EventRepository(db.connection()).get(first))->status, ReviewStatus::Confirmed);
        QTest::mouseClick(ev->viewport(), Qt::LeftButton, {}, ev->visualRect(ev->model()->index(1, 0)).center());
        const qint64 second = w.currentEventId();
        QVERIFY(second > 0 && second != first);
        QTest::keyClick(ev, Qt::Key_R);
        QTRY_COMPARE((*EventRepository(db.connection()).get(second))->status, ReviewStatus::Rejected);
        QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'status'")), 2);

        // New event from a selection in the reader, prefilled by the extractor.
        w.selectArticle(articleId);
        QVERIFY(selectInReader(w, QStringLiteral("Russian jets used an air base in Iran")) ||
                selectInReader(w, QStringLiteral("Russian long-range bombers flew from an air base in Iran")));
        const qint64 manual = w.newEventFromSelection(false);
        QVERIFY(manual > 0);
        const auto stored = EventRepository(db.connection()).get(manual);
        QVERIFY(stored->has_value());
        QCOMPARE((*stored)->status, ReviewStatus::Manual);
        QCOMPARE((*stored)->source, QStringLiteral("RUS"));
        QCOMPARE((*stored)->target, QStringLiteral("IRN"));
        const QString article = (*ArticleRepository(db.connection()).get(articleId))->cleanText;
        QCOMPARE(article.mid((*stored)->spanStart, (*stored)->spanEnd - (*stored)->spanStart), (*stored)->sentence);

        // Treat a name as an actor.
        QVERIFY(selectInReader(w, QStringLiteral("Zarif")));
        const qint64 alias = w.treatSelectionAs(QStringLiteral("IRN"), QStringLiteral("GOV"));
        QVERIFY(alias > 0);
        QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM aliases WHERE alias = 'Zarif' AND actor_code = 'IRN'")), 1);

        // Undo the alias and the manual event; redo the event.
        w.undoStack()->undo();
        QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM aliases")), 0);
        w.undoStack()->undo();
        QVERIFY(!EventRepository(db.connection()).get(manual)->has_value());
        w.undoStack()->redo();
        QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM events WHERE status = 'manual'")), 1);
        // Undo the rejection: the event is automatic again.
        w.undoStack()->undo();
        w.undoStack()->undo();
        QCOMPARE((*EventRepository(db.connection()).get(second))->status, ReviewStatus::Auto);
        QVERIFY(count(db, QStringLiteral("SELECT count(*) FROM audit_log")) >= 8);
    }

    void emptyDatabaseSaysWhatToDo()
    {
        Ui::MainWindow w;
        w.setQuiet(true);
        w.setOfferSamples(false);
        QVERIFY(w.openDatabase(m_dir.filePath(QStringLiteral("empty.sqlite"))));
        w.show();
        QVERIFY(w.findChild<QLabel *>(QStringLiteral("libraryEmpty"))->text().contains(QLatin1String("Import")));
    }

    void notADatabaseShowsErrorAndKeepsFile()
    {
        const QString path = m_dir.filePath(QStringLiteral("notes.sqlite"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("my notes\n");
        f.close();
        Ui::MainWindow w;
        w.setQuiet(true);
        QVERIFY(!w.openDatabase(path));
        QVERIFY(w.lastError().contains(QLatin1String("not an Entente database")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("my notes\n"));
    }

    void readOnlyDatabaseDisablesEditing()
    {
        const QString path = m_dir.filePath(QStringLiteral("ro.sqlite"));
        {
            auto db = Database::open(path);
            QVERIFY(db.ok());
        }
        Ui::MainWindow w;
        w.setQuiet(true);
        w.setOfferSamples(false);
        QVERIFY(w.openDatabase(path));
        QVERIFY(w.tagEditor()->isEnabled());
        Database::Options o;
        o.readOnly = true;
        // A read-only copy opened directly: the store refuses writes with a reason.
        auto ro = Database::open(path, o);
        QVERIFY(ro.ok());
        QVERIFY(!Store(*ro).tagArticles({1}, {QStringLiteral("x")}).ok());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
