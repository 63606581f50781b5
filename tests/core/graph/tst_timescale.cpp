#include <core/graph/timelinedata.h>
#include <core/graph/timescale.h>

#include <QTest>

using namespace Entente::Core;

/// The timeline's maths: date ↔ position, ticks per zoom level, zoom around the cursor, binning.
class TestTimeScale final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mapsDatesToPositions_data()
    {
        QTest::addColumn<QDate>("date");
        QTest::addColumn<double>("x");
        // 2000-01-01 .. 2000-12-31 inclusive across 366 px: one pixel per day.
        QTest::newRow("first day") << QDate(2000, 1, 1) << 0.0;
        QTest::newRow("second day") << QDate(2000, 1, 2) << 1.0;
        QTest::newRow("leap day") << QDate(2000, 2, 29) << 59.0;
        QTest::newRow("last day") << QDate(2000, 12, 31) << 365.0;
        QTest::newRow("before the range") << QDate(1999, 12, 31) << -1.0;
    }
    void mapsDatesToPositions()
    {
        QFETCH(QDate, date);
        QFETCH(double, x);
        const TimeScale s(QDate(2000, 1, 1), QDate(2000, 12, 31), 366);
        QCOMPARE(s.x(date), x);
        QCOMPARE(s.dateAt(x + 0.5), date);
    }

    void picksTicksForZoom_data()
    {
        QTest::addColumn<QDate>("from");
        QTest::addColumn<QDate>("to");
        QTest::addColumn<int>("unit");
        QTest::addColumn<QString>("firstLabel");
        QTest::newRow("a century: decades") << QDate(1900, 1, 1) << QDate(1999, 12, 31)
                                            << static_cast<int>(TimeScale::Unit::Decade) << QStringLiteral("1900s");
        QTest::newRow("thirty years: years") << QDate(1990, 1, 1) << QDate(2019, 12, 31)
                                             << static_cast<int>(TimeScale::Unit::Year) << QStringLiteral("1990");
        QTest::newRow("three years: quarters") << QDate(2015, 1, 1) << QDate(2017, 12, 31)
                                               << static_cast<int>(TimeScale::Unit::Quarter) << QStringLiteral("Q1 2015");
        QTest::newRow("one year: months") << QDate(2016, 1, 1) << QDate(2016, 12, 31)
                                          << static_cast<int>(TimeScale::Unit::Month) << QStringLiteral("Jan 2016");
        QTest::newRow("two months: weeks") << QDate(2016, 8, 1) << QDate(2016, 9, 30)
                                           << static_cast<int>(TimeScale::Unit::Week) << QStringLiteral("1 Aug");
        QTest::newRow("ten days: days") << QDate(2016, 8, 10) << QDate(2016, 8, 19)
                                        << static_cast<int>(TimeScale::Unit::Day) << QStringLiteral("10 Aug");
    }
    void picksTicksForZoom()
    {
        QFETCH(QDate, from);
        QFETCH(QDate, to);
        QFETCH(int, unit);
        QFETCH(QString, firstLabel);
        const TimeScale s(from, to, 1000);
        QCOMPARE(static_cast<int>(s.tickUnit(30)), unit);
        const auto ticks = s.ticks(30);
        QVERIFY(!ticks.isEmpty());
        QCOMPARE(ticks.first().label, firstLabel);
        for (int i = 1; i < ticks.size(); ++i) {
            QVERIFY(ticks.at(i).x - ticks.at(i - 1).x >= 30 * 0.85); // months are not all equal
        }
    }

    void zoomKeepsTheDateUnderTheCursor()
    {
        TimeScale s(QDate(2000, 1, 1), QDate(2009, 12, 31), 1000);
        const QDate under = s.dateAt(250);
        s.zoom(4.0, 250);
        QCOMPARE(s.dateAt(250), under);
        QVERIFY(s.endDays() - s.startDays() < 3653.0 / 3.9);
        s.zoom(1e9, 250); // never narrower than a day
        QVERIFY(s.endDays() - s.startDays() >= 1.0);
        s.pan(100);
        QVERIFY(s.dateAt(250) < under);
    }

    void binsCountEveryEventOnce_data()
    {
        QTest::addColumn<double>("binDays");
        QTest::newRow("weekly") << 7.0;
        QTest::newRow("monthly") << 30.0;
        QTest::newRow("yearly") << 365.0;
    }
    void binsCountEveryEventOnce()
    {
        QFETCH(double, binDays);
        QList<RelationEvent> events;
        for (int i = 0; i < 1000; ++i) {
            RelationEvent e;
            e.id = i + 1;
            e.type = i % 2 ? EventType::Strike : EventType::MeetingVisit;
            e.source = QStringLiteral("RUS");
            e.target = QStringLiteral("SYR");
            e.start = QDate(2015, 1, 1).addDays(i);
            e.end = e.start;
            events.append(e);
        }
        TimelineData d;
        d.build(events, TimelineData::LaneMode::ByType);
        QCOMPARE(d.lanes().size(), 2);
        int total = 0;
        for (int lane = 0; lane < d.lanes().size(); ++lane) {
            for (const auto &b : d.bins(lane, TimeScale::toDays(QDate(2014, 1, 1)), TimeScale::toDays(QDate(2018, 1, 1)),
                                        binDays)) {
                total += b.count;
                QCOMPARE(b.end - b.start, binDays);
            }
        }
        QCOMPARE(total, 1000);
        const auto range = d.visibleRange(0, TimeScale::toDays(QDate(2015, 6, 1)), TimeScale::toDays(QDate(2015, 6, 30)));
        QVERIFY(range.second - range.first >= 15 && range.second - range.first <= 16);
    }

    void lanesByActorAndPair()
    {
        QList<RelationEvent> events;
        RelationEvent e;
        e.id = 1;
        e.type = EventType::BasingDeployed;
        e.source = QStringLiteral("RUS");
        e.target = QStringLiteral("IRN");
        e.start = e.end = QDate(2016, 8, 16);
        events.append(e);
        e.id = 2;
        e.type = EventType::AllianceStrengthened;
        e.source = QStringLiteral("SYR");
        e.target = QStringLiteral("RUS");
        events.append(e);
        TimelineData byActor;
        byActor.build(events, TimelineData::LaneMode::ByActor);
        QCOMPARE(byActor.lanes().size(), 3);
        QCOMPARE(byActor.lanes().first().key, QStringLiteral("RUS")); // busiest first
        TimelineData byPair;
        byPair.build(events, TimelineData::LaneMode::ByPair);
        QStringList keys;
        for (const auto &l : byPair.lanes()) {
            keys << l.key;
        }
        QVERIFY(keys.contains(QStringLiteral("RUS→IRN")));   // basing is directed
        QVERIFY(keys.contains(QStringLiteral("RUS–SYR")));   // alliance is not
    }
};

QTEST_GUILESS_MAIN(TestTimeScale)
#include "tst_timescale.moc"
