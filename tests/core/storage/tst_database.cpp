#include <core/storage/articlerepository.h>
#include <core/storage/database.h>
#include <core/storage/eventrepository.h>
#include <core/storage/store.h>
#include <core/storage/tagrepository.h>
#include <core/storage/transaction.h>

#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace Entente::Core;

class TestDatabase final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_n = 0;
    QString freshPath() { return m_dir.filePath(QStringLiteral("db%1.sqlite").arg(++m_n)); }

    static Article sampleArticle(const QString &text, const QString &url = {})
    {
        Article a;
        a.title = QStringLiteral("Russia may use Iranian bases");
        a.source = QStringLiteral("Wire");
        a.url = url;
        a.published = DatePoint::day(QDate(2017, 3, 28));
        a.rawText = text;
        a.cleanText = text;
        a.contentHash = QString::number(qHash(text));
        a.simhash = 0x1234567890abcdefULL;
        return a;
    }

    static Event sampleEvent(qint64 articleId)
    {
        Event e;
        e.articleId = articleId;
        e.type = EventType::BasingGranted;
        e.source = QStringLiteral("RUS");
        e.target = QStringLiteral("IRN");
        e.location = QStringLiteral("IRN");
        e.date = DatePoint::season(2016, 1);
        e.modality = Modality::Possible;
        e.sentence = QStringLiteral("Russia could use Iranian bases.");
        e.spanStart = 0;
        e.spanEnd = 31;
        e.confidence = 0.8;
        e.pattern = QStringLiteral("basing_granted:use-bases");
        e.dictionaryEntries = {QStringLiteral("Russia→RUS"), QStringLiteral("Iranian→IRN")};
        return e;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void migratesEmptyFileToCurrentSchema()
    {
        const QString path = freshPath();
        auto db = Database::open(path);
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().message));
        QCOMPARE((*db)->schemaVersion(), Database::kSchemaVersion);
        QSqlQuery q((*db)->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type IN ('table') ORDER BY name")));
        QStringList tables;
        while (q.next()) {
            tables << q.value(0).toString();
        }
        for (const char *t : {"articles", "sources", "actors", "aliases", "events", "tags", "article_tags",
                              "audit_log", "articles_fts", "simhash_bands"}) {
            QVERIFY2(tables.contains(QLatin1String(t)), t);
        }
        QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
        QVERIFY(q.exec(QStringLiteral("PRAGMA foreign_keys")) && q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        QCOMPARE(*(*db)->integrityCheck(), QStringLiteral("ok"));
    }

    void reopeningDoesNotMigrateAgain()
    {
        const QString path = freshPath();
        {
            auto db = Database::open(path);
            QVERIFY(db.ok());
            ArticleRepository repo((*db)->connection());
            QVERIFY(repo.insert(sampleArticle(QStringLiteral("one"))).ok());
        }
        auto db = Database::open(path);
        QVERIFY(db.ok());
        QCOMPARE(*ArticleRepository((*db)->connection()).count(), qint64(1));
    }

    void refusesFileThatIsNotADatabase_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("text") << QByteArray("just some notes, not a database\n");
        QTest::newRow("binary") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
        QTest::newRow("truncated header") << QByteArray("SQLite");
    }
    void refusesFileThatIsNotADatabase()
    {
        QFETCH(QByteArray, content);
        const QString path = freshPath();
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
        f.close();
        auto db = Database::open(path);
        QVERIFY(!db.ok());
        QCOMPARE(db.error().code, Error::Code::NotADatabase);
        QVERIFY(db.error().message.contains(path));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), content); // untouched
    }

    void refusesNewerSchema()
    {
        const QString path = freshPath();
        {
            auto db = Database::open(path);
            QVERIFY(db.ok());
            QSqlQuery q((*db)->connection());
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 99")));
        }
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray before = f.readAll();
        f.close();
        auto db = Database::open(path);
        QVERIFY(!db.ok());
        QCOMPARE(db.error().code, Error::Code::SchemaTooNew);
        QVERIFY(db.error().message.contains(QLatin1String("newer")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), before);
    }

    void readOnlyFileOpensReadOnlyAndRefusesWrites()
    {
        if (geteuid() == 0) {
            QSKIP("root ignores file permissions");
        }
        const QString path = freshPath();
        {
            auto db = Database::open(path);
            QVERIFY(db.ok());
            QVERIFY(ArticleRepository((*db)->connection()).insert(sampleArticle(QStringLiteral("ro"))).ok());
            QVERIFY((*db)->connection().exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")).lastError().type() ==
                    QSqlError::NoError);
        }
        QFile::setPermissions(path, QFile::ReadOwner);
        auto db = Database::open(path);
        QVERIFY(db.ok());
        QVERIFY((*db)->isReadOnly());
        Store store(*db);
        const Status st = store.tagArticles({1}, {QStringLiteral("x")});
        QVERIFY(!st.ok());
        QCOMPARE(st.error().code, Error::Code::ReadOnly);
        QCOMPARE(*ArticleRepository((*db)->connection()).count(), qint64(1));
    }

    void requestedReadOnlyRefusesWrites()
    {
        const QString path = freshPath();
        {
            auto db = Database::open(path);
            QVERIFY(db.ok());
            QVERIFY(ArticleRepository((*db)->connection()).insert(sampleArticle(QStringLiteral("ro2"))).ok());
        }
        Database::Options o;
        o.readOnly = true;
        auto db = Database::open(path, o);
        QVERIFY(db.ok());
        QVERIFY((*db)->isReadOnly());
        const Status st = Store(*db).tagArticles({1}, {QStringLiteral("x")});
        QVERIFY(!st.ok());
        QVERIFY(st.error().message.contains(QLatin1String("read-only")));
        // Even a write that bypasses the store fails cleanly with SQLite's message.
        Transaction tx((*db)->connection());
        if (tx.isActive()) {
            const auto r = ArticleRepository((*db)->connection()).insert(sampleArticle(QStringLiteral("ro3")));
            QVERIFY(!r.ok());
            QVERIFY(r.error().message.contains(QLatin1String("readonly"), Qt::CaseInsensitive));
        } else {
            QVERIFY(!tx.error().message.isEmpty());
        }
    }

    void articleRoundTripAndDuplicates()
    {
        auto db = Database::open(freshPath());
        QVERIFY(db.ok());
        ArticleRepository repo((*db)->connection());
        const Article in = sampleArticle(QStringLiteral("Russia could use Iranian bases."),
                                         QStringLiteral("https://example.org/a"));
        const auto id = repo.insert(in);
        QVERIFY(id.ok());
        const auto out = repo.get(*id);
        QVERIFY(out.ok() && out->has_value());
        const Article &a = **out;
        QCOMPARE(a.title, in.title);
        QCOMPARE(a.source, in.source);
        QCOMPARE(a.url, in.url);
        QCOMPARE(a.published, in.published);
        QCOMPARE(a.cleanText, in.cleanText);
        QCOMPARE(a.simhash, in.simhash);
        QCOMPARE(**repo.idByHash(in.contentHash), *id);
        QCOMPARE(**repo.idByUrl(in.url), *id);
        // The same text again violates the unique hash: the error carries SQLite's message.
        const auto dup = repo.insert(in);
        QVERIFY(!dup.ok());
        QVERIFY(dup.error().message.contains(QLatin1String("UNIQUE")));
        const auto cands = repo.nearDuplicateCandidates(in.simhash ^ 0x3ULL);
        QVERIFY(cands.ok());
        QCOMPARE(cands->size(), 1);
    }

    void eventRoundTripKeepsEveryField()
    {
        auto db = Database::open(freshPath());
        QVERIFY(db.ok());
        const auto aid = ArticleRepository((*db)->connection()).insert(sampleArticle(QStringLiteral("ev")));
        QVERIFY(aid.ok());
        EventRepository repo((*db)->connection());
        Event in = sampleEvent(*aid);
        in.attributedTo = QStringLiteral("IRN");
        in.sourceRole = QStringLiteral("MIL");
        in.polarity = Polarity::Negated;
        const auto id = repo.insert(in);
        QVERIFY(id.ok());
        const auto out = repo.get(*id);
        QVERIFY(out.ok() && out->has_value());
        const Event &e = **out;
        QCOMPARE(e.type, in.type);
        QCOMPARE(e.source, in.source);
        QCOMPARE(e.sourceRole, in.sourceRole);
        QCOMPARE(e.target, in.target);
        QCOMPARE(e.location, in.location);
        QCOMPARE(e.date, in.date);
        QCOMPARE(e.polarity, in.polarity);
        QCOMPARE(e.modality, in.modality);
        QCOMPARE(e.attributedTo, in.attributedTo);
        QCOMPARE(e.spanStart, in.spanStart);
        QCOMPARE(e.spanEnd, in.spanEnd);
        QCOMPARE(e.pattern, in.pattern);
        QCOMPARE(e.dictionaryEntries, in.dictionaryEntries);
        QCOMPARE(e.status, ReviewStatus::Auto);
    }

    void eventQueriesByActorAndTime_data()
    {
        QTest::addColumn<QString>("actor");
        QTest::addColumn<QDate>("from");
        QTest::addColumn<QDate>("to");
        QTest::addColumn<int>("expected");
        QTest::newRow("actor as source") << QStringLiteral("RUS") << QDate() << QDate() << 2;
        QTest::newRow("actor as target") << QStringLiteral("IRN") << QDate() << QDate() << 2;
        QTest::newRow("other actor") << QStringLiteral("SYR") << QDate() << QDate() << 1;
        QTest::newRow("range covering summer 2016") << QString() << QDate(2016, 7, 1) << QDate(2016, 7, 31) << 1;
        QTest::newRow("range before everything") << QString() << QDate(1990, 1, 1) << QDate(1999, 1, 1) << 0;
        QTest::newRow("actor and range") << QStringLiteral("RUS") << QDate(2017, 1, 1) << QDate(2017, 12, 31) << 1;
    }
    void eventQueriesByActorAndTime()
    {
        QFETCH(QString, actor);
        QFETCH(QDate, from);
        QFETCH(QDate, to);
        QFETCH(int, expected);
        auto db = Database::open(freshPath());
        QVERIFY(db.ok());
        const auto aid = ArticleRepository((*db)->connection()).insert(sampleArticle(QStringLiteral("q")));
        EventRepository repo((*db)->connection());
        Event a = sampleEvent(*aid);
        QVERIFY(repo.insert(a).ok());
        Event b = sampleEvent(*aid);
        b.type = EventType::Strike;
        b.target = QStringLiteral("SYR");
        b.date = DatePoint::day(QDate(2017, 3, 28));
        QVERIFY(repo.insert(b).ok());
        Event c = sampleEvent(*aid);
        c.type = EventType::MeetingVisit;
        c.source = QStringLiteral("TUR");
        c.date = DatePoint::year(2019);
        QVERIFY(repo.insert(c).ok());
        EventFilter f;
        f.actor = actor;
        f.from = from;
        f.to = to;
        QCOMPARE(*repo.count(f), qint64(expected));
        QCOMPARE(repo.query(f)->size(), expected);
    }

    void fullTextSearchWithSnippets()
    {
        auto db = Database::open(freshPath());
        QVERIFY(db.ok());
        ArticleRepository repo((*db)->connection());
        QVERIFY(repo.insert(sampleArticle(QStringLiteral("Russian jets used the Hamadan air base in Iran."))).ok());
        QVERIFY(repo.insert(sampleArticle(QStringLiteral("Finland joined NATO after a long debate."))).ok());
        ArticleFilter f;
        f.search = QStringLiteral("hamadan");
        const auto hits = repo.list(f, 0, 10);
        QVERIFY(hits.ok());
        QCOMPARE(hits->size(), 1);
        QVERIFY2(hits->first().snippet.contains(QLatin1String("[Hamadan]")), qPrintable(hits->first().snippet));
        QCOMPARE(*repo.count(f), qint64(1));
        // Query syntax typed by a user is searched as words, never an FTS5 syntax error.
        for (const char *hostile : {"\"unbalanced", "NEAR(", "title:x OR", "*", "AND AND", "'; DROP TABLE articles;--"}) {
            f.search = QString::fromLatin1(hostile);
            QVERIFY2(repo.list(f, 0, 10).ok(), hostile);
        }
        QCOMPARE(*repo.count(), qint64(2));
    }

    void ftsStaysInSyncOnDelete()
    {
        auto db = Database::open(freshPath());
        QVERIFY(db.ok());
        ArticleRepository repo((*db)->connection());
        const auto id = repo.insert(sampleArticle(QStringLiteral("Djibouti hosts several foreign bases.")));
        QVERIFY(id.ok());
        QVERIFY(repo.remove(*id).ok());
        ArticleFilter f;
        f.search = QStringLiteral("djibouti");
        QCOMPARE(repo.list(f, 0, 10)->size(), 0);
    }

    void tagsRoundTripAndAudit()
    {
        auto db = Database::open(freshPath());
        QVERIFY(db.ok());
        const auto id = ArticleRepository((*db)->connection()).insert(sampleArticle(QStringLiteral("t")));
        Store store(*db);
        QVERIFY(store.tagArticles({*id}, {QStringLiteral("basing"), QStringLiteral("  Iran\t\x01 ")}).ok());
        TagRepository tags((*db)->connection());
        QCOMPARE(*tags.tagsOf(*id), (QStringList{QStringLiteral("basing"), QStringLiteral("Iran")}));
        QVERIFY(store.untagArticles({*id}, {QStringLiteral("BASING")}).ok());
        QCOMPARE(*tags.tagsOf(*id), QStringList{QStringLiteral("Iran")});
        const auto log = AuditRepository((*db)->connection()).entries();
        QCOMPARE(log->size(), 3);
        QCOMPARE(log->first().action, QStringLiteral("untag"));
        QCOMPARE(log->first().before.toLower(), QStringLiteral("basing"));
        QVERIFY(!store.tagArticles({*id}, {QStringLiteral("\x02\x03")}).ok());
    }

    void actorsAndAliasesRoundTrip()
    {
        auto db = Database::open(freshPath());
        QVERIFY(db.ok());
        ActorRepository repo((*db)->connection());
        QVERIFY(repo.upsertActor({QStringLiteral("XKX"), QStringLiteral("Kosovo"), QStringLiteral("territory")}).ok());
        Alias al;
        al.alias = QStringLiteral("Pristina");
        al.actorCode = QStringLiteral("XKX");
        al.role = QStringLiteral("GOV");
        al.validFrom = QDate(2008, 2, 17);
        const auto id = Store(*db).addAlias(al);
        QVERIFY(id.ok());
        const auto list = repo.aliases(QStringLiteral("XKX"));
        QCOMPARE(list->size(), 1);
        QCOMPARE(list->first().role, QStringLiteral("GOV"));
        QCOMPARE(list->first().validFrom, al.validFrom);
        QCOMPARE(repo.actors()->size(), 1);
        Alias bad = al;
        bad.validTo = QDate(2000, 1, 1);
        QVERIFY(!Store(*db).addAlias(bad).ok());
    }

    void failingWriteRollsBackEverything()
    {
        auto db = Database::open(freshPath());
        QVERIFY(db.ok());
        QSqlDatabase c = (*db)->connection();
        ArticleRepository repo(c);
        {
            Transaction tx(c);
            QVERIFY(tx.isActive());
            QVERIFY(repo.insert(sampleArticle(QStringLiteral("first"))).ok());
            // The second insert breaks a constraint (same hash); the guard must undo the first too.
            const auto r = repo.insert(sampleArticle(QStringLiteral("first")));
            QVERIFY(!r.ok());
            QVERIFY(r.error().message.contains(QLatin1String("UNIQUE")));
        }
        QCOMPARE(*repo.count(), qint64(0));
        ArticleFilter f;
        f.search = QStringLiteral("first");
        QCOMPARE(*repo.count(f), qint64(0));
        // An event pointing to a missing article fails on the foreign key with SQLite's message.
        EventRepository events(c);
        Transaction tx(c);
        const auto bad = events.insert(sampleEvent(999));
        QVERIFY(!bad.ok());
        QVERIFY(bad.error().message.contains(QLatin1String("FOREIGN KEY")));
    }

    void statusChangesAreAudited()
    {
        auto db = Database::open(freshPath());
        QVERIFY(db.ok());
        const auto aid = ArticleRepository((*db)->connection()).insert(sampleArticle(QStringLiteral("s")));
        const auto eid = EventRepository((*db)->connection()).insert(sampleEvent(*aid));
        Store store(*db);
        QVERIFY(store.setEventStatus(*eid, ReviewStatus::Rejected).ok());
        QCOMPARE((*EventRepository((*db)->connection()).get(*eid))->status, ReviewStatus::Rejected);
        const auto log = AuditRepository((*db)->connection()).entries();
        QCOMPARE(log->first().before, QStringLiteral("auto"));
        QCOMPARE(log->first().after, QStringLiteral("rejected"));
        QVERIFY(!store.setEventStatus(424242, ReviewStatus::Confirmed).ok());
    }

    void saveCopyWritesAConsistentDatabase()
    {
        auto db = Database::open(freshPath());
        QVERIFY(db.ok());
        QVERIFY(ArticleRepository((*db)->connection()).insert(sampleArticle(QStringLiteral("copy me"))).ok());
        const QString copy = freshPath();
        QVERIFY((*db)->saveCopy(copy).ok());
        auto other = Database::open(copy);
        QVERIFY(other.ok());
        QCOMPARE(*ArticleRepository((*other)->connection()).count(), qint64(1));
        QVERIFY(!(*db)->saveCopy(copy).ok()); // never overwrites
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
