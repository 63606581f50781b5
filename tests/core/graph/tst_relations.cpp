#include <core/graph/relations.h>

#include <QTest>

using namespace Entente::Core;

namespace {
RelationEvent ev(qint64 id, EventType t, const char *src, const char *tgt, QDate d,
                 Polarity p = Polarity::Asserted, Modality m = Modality::Actual)
{
    RelationEvent e;
    e.id = id;
    e.type = t;
    e.source = QString::fromLatin1(src);
    e.target = QString::fromLatin1(tgt);
    e.start = d;
    e.end = d;
    e.polarity = p;
    e.modality = m;
    e.confidence = 0.8;
    return e;
}
} // namespace

/// Relation derivation: openings, closings, negated and possible events, as-of queries.
class TestRelations final : public QObject
{
    Q_OBJECT

private:
    static RelationModel model()
    {
        QList<RelationEvent> events{
            // Russia deploys to Iran in August 2016, the deployment ends in late August.
            ev(1, EventType::BasingDeployed, "RUS", "IRN", QDate(2016, 8, 16)),
            ev(2, EventType::BasingEnded, "RUS", "IRN", QDate(2016, 8, 22)),
            // A denial and a possibility never open a relation.
            ev(3, EventType::BasingDeployed, "RUS", "IRN", QDate(2017, 3, 28), Polarity::Negated),
            ev(4, EventType::BasingGranted, "RUS", "IRN", QDate(2017, 3, 28), Polarity::Asserted, Modality::Possible),
            // Finland joins NATO (alliance, undirected), never leaves.
            ev(5, EventType::AllianceMembership, "FIN", "NATO", QDate(2023, 4, 4)),
            // Uzbekistan joins then leaves the CSTO.
            ev(6, EventType::AllianceMembership, "UZB", "CSTO", QDate(2006, 6, 23)),
            ev(7, EventType::AllianceEnded, "CSTO", "UZB", QDate(2012, 6, 28)),
            // A closing with no opening closes nothing.
            ev(8, EventType::BasingEnded, "USA", "UZB", QDate(2005, 11, 21)),
            // Strikes make a hostility edge inside the window only.
            ev(9, EventType::Strike, "RUS", "SYR", QDate(2016, 8, 16)),
            ev(10, EventType::MeetingVisit, "IRN", "RUS", QDate(2017, 3, 27)),
        };
        RelationModel m;
        m.setEvents(events);
        return m;
    }

    static const RelationEdge *find(const QList<RelationEdge> &edges, const char *a, const char *b, RelationKind k)
    {
        for (const RelationEdge &e : edges) {
            if (e.kind == k && ((e.a == QLatin1String(a) && e.b == QLatin1String(b)) ||
                                (!e.directed && e.a == QLatin1String(b) && e.b == QLatin1String(a)))) {
                return &e;
            }
        }
        return nullptr;
    }

private Q_SLOTS:
    void intervals()
    {
        const RelationModel m = model();
        const auto &iv = m.intervals();
        QCOMPARE(iv.size(), 3);
        bool basing = false;
        bool cstoClosed = false;
        for (const RelationInterval &i : iv) {
            if (i.kind == RelationKind::Basing) {
                basing = true;
                QCOMPARE(i.a, QStringLiteral("RUS")); // guest → host
                QCOMPARE(i.b, QStringLiteral("IRN"));
                QCOMPARE(i.end, QDate(2016, 8, 22));
                QCOMPARE(i.openingEvent, qint64(1));
                QCOMPARE(i.closingEvent, qint64(2));
            }
            if (i.kind == RelationKind::Alliance && (i.a == QLatin1String("UZB") || i.b == QLatin1String("UZB"))) {
                cstoClosed = i.end == QDate(2012, 6, 28);
            }
        }
        QVERIFY(basing);
        QVERIFY(cstoClosed);
    }

    void asOf_data()
    {
        QTest::addColumn<QDate>("date");
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<int>("kind");
        QTest::addColumn<bool>("present");
        QTest::addColumn<bool>("tentative");
        const int basing = static_cast<int>(RelationKind::Basing);
        const int alliance = static_cast<int>(RelationKind::Alliance);
        const int hostility = static_cast<int>(RelationKind::Hostility);
        QTest::newRow("basing active mid-deployment") << QDate(2016, 8, 18) << "RUS" << "IRN" << basing << true << false;
        QTest::newRow("basing closed after the end") << QDate(2016, 12, 1) << "RUS" << "IRN" << basing << false << false;
        QTest::newRow("denied and possible basing: tentative only")
            << QDate(2017, 4, 1) << "RUS" << "IRN" << basing << true << true;
        QTest::newRow("membership active years later") << QDate(2026, 1, 1) << "FIN" << "NATO" << alliance << true << false;
        QTest::newRow("membership not before joining") << QDate(2022, 1, 1) << "FIN" << "NATO" << alliance << false << false;
        QTest::newRow("left alliance is gone") << QDate(2013, 1, 1) << "UZB" << "CSTO" << alliance << false << false;
        QTest::newRow("alliance active before leaving") << QDate(2010, 1, 1) << "UZB" << "CSTO" << alliance << true << false;
        QTest::newRow("strike inside the window") << QDate(2016, 9, 1) << "RUS" << "SYR" << hostility << true << false;
        QTest::newRow("strike outside the window") << QDate(2019, 1, 1) << "RUS" << "SYR" << hostility << false << false;
    }
    void asOf()
    {
        QFETCH(QDate, date);
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(int, kind);
        QFETCH(bool, present);
        QFETCH(bool, tentative);
        const RelationModel m = model();
        const auto edges = m.asOf(date, 365);
        const RelationEdge *e = find(edges, a.toLatin1().constData(), b.toLatin1().constData(),
                                     static_cast<RelationKind>(kind));
        QCOMPARE(e != nullptr, present);
        if (e != nullptr) {
            QCOMPARE(e->tentative, tentative);
            if (static_cast<RelationKind>(kind) == RelationKind::Basing) {
                QVERIFY(e->directed);
            }
        }
    }

    void windowCollectsSupport()
    {
        const RelationModel m = model();
        const auto edges = m.window(QDate(2016, 1, 1), QDate(2017, 12, 31));
        const RelationEdge *basing = find(edges, "RUS", "IRN", RelationKind::Basing);
        QVERIFY(basing != nullptr);
        QCOMPARE(basing->supporting, 4);
        QVERIFY(!basing->tentative);
        QVERIFY(basing->eventIds.contains(3));
        QVERIFY(find(edges, "IRN", "RUS", RelationKind::Diplomacy) != nullptr);
        QVERIFY(find(edges, "USA", "UZB", RelationKind::Basing) == nullptr);
    }

    void ignoresUndatedAndSelfEvents()
    {
        RelationModel m;
        RelationEvent undated = ev(1, EventType::Strike, "RUS", "SYR", QDate());
        RelationEvent self = ev(2, EventType::Strike, "RUS", "RUS", QDate(2016, 1, 1));
        m.setEvents({undated, self});
        QCOMPARE(m.eventCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestRelations)
#include "tst_relations.moc"
