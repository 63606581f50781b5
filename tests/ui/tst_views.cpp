#include <core/graph/relations.h>
#include <core/graph/timelinedata.h>
#include <ui/graphview.h>
#include <ui/mainwindow.h>
#include <ui/palette.h>
#include <ui/timelineview.h>

#include <QImage>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QTemporaryDir>
#include <QTest>

#include <core/storage/articlerepository.h>
#include <core/storage/eventrepository.h>
#include <core/models/eventtablemodel.h>

using namespace Entente;
using namespace Entente::Core;

namespace {
RelationEvent ev(qint64 id, EventType t, const char *src, const char *tgt, QDate d, bool firm = true)
{
    RelationEvent e;
    e.id = id;
    e.type = t;
    e.source = QString::fromLatin1(src);
    e.target = QString::fromLatin1(tgt);
    e.start = d;
    e.end = d;
    e.confidence = 0.8;
    if (!firm) {
        e.polarity = Polarity::Negated;
    }
    return e;
}

/// Pixels within `r` of `p` that are close to `c`.
int pixelsNear(const QImage &img, QPointF p, int r, const QColor &c)
{
    int n = 0;
    for (int y = int(p.y()) - r; y <= int(p.y()) + r; ++y) {
        for (int x = int(p.x()) - r; x <= int(p.x()) + r; ++x) {
            if (x < 0 || y < 0 || x >= img.width() || y >= img.height()) {
                continue;
            }
            const QColor px = img.pixelColor(x, y);
            if (std::abs(px.red() - c.red()) + std::abs(px.green() - c.green()) + std::abs(px.blue() - c.blue()) < 60) {
                ++n;
            }
        }
    }
    return n;
}
} // namespace

/// The timeline and graph rendered offscreen for a known small data set: glyphs where the dates
/// are, an arrow from guest to host, the brushed range filtering the graph.
class TestViews final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void timelineDrawsGlyphsAtTheirDates()
    {
        QList<RelationEvent> events{ev(1, EventType::Strike, "RUS", "SYR", QDate(2016, 8, 16)),
                                    ev(2, EventType::Strike, "RUS", "SYR", QDate(2016, 11, 1))};
        auto data = std::make_shared<TimelineData>();
        data->build(events, TimelineData::LaneMode::ByType);
        Ui::TimelineView view;
        view.resize(900, 200);
        view.setData(data);
        view.scale().setWidth(900 - Ui::TimelineView::kLabelWidth);
        view.scale().setRange(TimeScale::toDays(QDate(2016, 1, 1)), TimeScale::toDays(QDate(2017, 1, 1)));
        QImage img(900, 200, QImage::Format_ARGB32);
        view.renderTo(&img, img.size());
        const double y = Ui::TimelineView::kAxisHeight + Ui::TimelineView::kLaneHeight / 2.0;
        const QColor strike = Ui::typeColor(EventType::Strike);
        for (const QDate d : {QDate(2016, 8, 16), QDate(2016, 11, 1)}) {
            const double x = Ui::TimelineView::kLabelWidth + view.scale().x(d);
            QVERIFY2(pixelsNear(img, QPointF(x, y), 3, strike) > 5, qPrintable(d.toString(Qt::ISODate)));
        }
        // Nothing drawn where there is no event.
        const double empty = Ui::TimelineView::kLabelWidth + view.scale().x(QDate(2016, 3, 1));
        QCOMPARE(pixelsNear(img, QPointF(empty, y), 3, strike), 0);
    }

    void timelineClickSelectsAndBrushEmitsRange()
    {
        auto data = std::make_shared<TimelineData>();
        data->build({ev(7, EventType::MeetingVisit, "IRN", "RUS", QDate(2017, 3, 27))}, TimelineData::LaneMode::ByType);
        Ui::TimelineView view;
        view.resize(800, 150);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setData(data);
        view.scale().setRange(TimeScale::toDays(QDate(2017, 1, 1)), TimeScale::toDays(QDate(2018, 1, 1)));
        QSignalSpy clicked(&view, &Ui::TimelineView::eventClicked);
        const QPoint at(int(Ui::TimelineView::kLabelWidth + view.scale().x(QDate(2017, 3, 27))),
                        Ui::TimelineView::kAxisHeight + Ui::TimelineView::kLaneHeight / 2);
        QTest::mouseClick(&view, Qt::LeftButton, {}, at);
        QCOMPARE(clicked.count(), 1);
        QCOMPARE(clicked.first().first().toLongLong(), qint64(7));
        QSignalSpy brushed(&view, &Ui::TimelineView::rangeBrushed);
        const int x0 = int(Ui::TimelineView::kLabelWidth + view.scale().x(QDate(2017, 6, 1)));
        const int x1 = int(Ui::TimelineView::kLabelWidth + view.scale().x(QDate(2017, 9, 1)));
        QTest::mousePress(&view, Qt::LeftButton, Qt::ShiftModifier, QPoint(x0, 80));
        QTest::mouseMove(&view, QPoint(x1, 80));
        QTest::mouseRelease(&view, Qt::LeftButton, Qt::ShiftModifier, QPoint(x1, 80));
        QCOMPARE(brushed.count(), 1);
        const QDate from = brushed.first().at(0).toDate();
        const QDate to = brushed.first().at(1).toDate();
        QVERIFY(std::abs(from.daysTo(QDate(2017, 6, 1))) <= 2);
        QVERIFY(std::abs(to.daysTo(QDate(2017, 9, 1))) <= 2);
    }

    void graphDrawsArrowFromGuestToHost()
    {
        RelationModel m;
        m.setEvents({ev(1, EventType::BasingDeployed, "RUS", "IRN", QDate(2016, 8, 16))});
        Ui::GraphView view;
        view.resize(600, 400);
        QSignalSpy done(&view, &Ui::GraphView::layoutFinished);
        view.setEdges(m.asOf(QDate(2016, 8, 20)));
        QVERIFY(done.wait(20000));
        QImage img(600, 400, QImage::Format_ARGB32);
        view.renderTo(&img, img.size());
        const QPointF guest = view.screenPos(QStringLiteral("RUS"), img.size());
        const QPointF host = view.screenPos(QStringLiteral("IRN"), img.size());
        const QPointF dir = (host - guest) / std::hypot((host - guest).x(), (host - guest).y());
        const QColor basing = Ui::relationColor(RelationKind::Basing);
        // The arrow head sits at the host's rim, not at the guest's.
        const QPointF nearHost = host - dir * (view.nodeRadius(QStringLiteral("IRN")) + 5);
        const QPointF nearGuest = guest + dir * (view.nodeRadius(QStringLiteral("RUS")) + 5);
        const int atHost = pixelsNear(img, nearHost, 6, basing);
        const int atGuest = pixelsNear(img, nearGuest, 6, basing);
        QVERIFY2(atHost >= 6 && atHost > atGuest + 4, qPrintable(QStringLiteral("%1 vs %2").arg(atHost).arg(atGuest)));
    }

    void brushedRangeFiltersGraphAndEvents()
    {
        QTemporaryDir dir;
        QCoreApplication::setOrganizationName(QStringLiteral("EntenteTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_views"));
        QSettings().clear();
        const QString path = dir.filePath(QStringLiteral("views.sqlite"));
        {
            auto db = Database::open(path);
            QVERIFY(db.ok());
            Article a;
            a.title = QStringLiteral("Two events years apart");
            a.cleanText = QStringLiteral("Russian jets used an air base in Iran. Turkey opened a base in Qatar.");
            a.contentHash = QStringLiteral("x");
            const auto id = ArticleRepository((*db)->connection()).insert(a);
            Event e;
            e.articleId = *id;
            e.type = EventType::BasingDeployed;
            e.source = QStringLiteral("RUS");
            e.target = QStringLiteral("IRN");
            e.date = DatePoint::day(QDate(2016, 8, 16));
            e.sentence = QStringLiteral("Russian jets used an air base in Iran.");
            e.spanEnd = 38;
            QVERIFY(EventRepository((*db)->connection()).insert(e).ok());
            e.type = EventType::Strike;
            e.source = QStringLiteral("TUR");
            e.target = QStringLiteral("QAT");
            e.date = DatePoint::day(QDate(2015, 12, 2));
            e.spanStart = 39;
            e.spanEnd = 70;
            QVERIFY(EventRepository((*db)->connection()).insert(e).ok());
        }
        Ui::MainWindow w;
        w.setQuiet(true);
        w.setOfferSamples(false);
        QVERIFY(w.openDatabase(path));
        QVERIFY(w.waitForIdle());
        w.setTimeFilter(QDate(2016, 6, 1), QDate(2016, 12, 31));
        QVERIFY(w.waitForIdle());
        QCOMPARE(w.graph()->nodes(), (QStringList{QStringLiteral("IRN"), QStringLiteral("RUS")}));
        QCOMPARE(w.eventModel()->rowCount(), 1);
        w.setTimeFilter({}, {});
        QVERIFY(w.waitForIdle());
        QCOMPARE(w.eventModel()->rowCount(), 2);
        // The as-of slider moves the graph through time: before the Russian deployment only Turkey–Qatar.
        w.setGraphDate(QDate(2016, 1, 1));
        QVERIFY(w.waitForIdle());
        QCOMPARE(w.graph()->nodes(), (QStringList{QStringLiteral("QAT"), QStringLiteral("TUR")}));
    }
};

QTEST_MAIN(TestViews)
#include "tst_views.moc"
