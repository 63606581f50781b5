#include <core/graph/graphexport.h>
#include <core/graph/graphlayout.h>

#include <QDomDocument>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace Entente::Core;

namespace {
RelationEvent ev(qint64 id, EventType t, const char *src, const char *tgt, QDate d)
{
    RelationEvent e;
    e.id = id;
    e.type = t;
    e.source = QString::fromLatin1(src);
    e.target = QString::fromLatin1(tgt);
    e.start = d;
    e.end = d;
    e.confidence = 0.8;
    return e;
}
} // namespace

/// Graph exports that other tools read: GraphML (loaded by networkx when present), GEXF in
/// dynamic mode with spells for Gephi's timeline, and the igraph layout and blocs behind the view.
class TestGraphExport final : public QObject
{
    Q_OBJECT

private:
    QList<RelationEvent> m_events;
    RelationModel m_model;

private Q_SLOTS:
    void initTestCase()
    {
        m_events = {ev(1, EventType::BasingDeployed, "RUS", "IRN", QDate(2016, 8, 16)),
                    ev(2, EventType::BasingEnded, "RUS", "IRN", QDate(2016, 8, 22)),
                    ev(3, EventType::AllianceStrengthened, "RUS", "SYR", QDate(2017, 3, 28)),
                    ev(4, EventType::Strike, "RUS", "SYR", QDate(2016, 8, 16)),
                    ev(5, EventType::MeetingVisit, "IRN", "RUS", QDate(2017, 3, 27))};
        m_model.setEvents(m_events);
    }

    void graphmlLoadsInNetworkx()
    {
        GraphExport::Options o;
        const QString xml = GraphExport::graphml(m_model, o);
        QDomDocument doc;
        QVERIFY(doc.setContent(xml));
        QCOMPARE(doc.documentElement().tagName(), QStringLiteral("graphml"));
        QCOMPARE(doc.elementsByTagName(QStringLiteral("node")).size(), 3);
        const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
        if (python.isEmpty()) {
            QSKIP("python3 is not installed");
        }
        QProcess check;
        check.start(python, {QStringLiteral("-c"), QStringLiteral("import networkx")});
        check.waitForFinished(60000);
        if (check.exitCode() != 0) {
            QSKIP("python3-networkx is not installed");
        }
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("g.graphml"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(xml.toUtf8());
        f.close();
        QProcess p;
        p.start(python, {QStringLiteral("-c"),
                         QStringLiteral("import sys, networkx as nx\n"
                                        "g = nx.read_graphml(sys.argv[1])\n"
                                        "kinds = sorted(d['kind'] for _, _, d in g.edges(data=True))\n"
                                        "print(g.number_of_nodes(), g.number_of_edges(), ','.join(kinds))\n"),
                         path});
        QVERIFY(p.waitForFinished(60000));
        const QString out = QString::fromUtf8(p.readAllStandardOutput()).trimmed();
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        QCOMPARE(out, QStringLiteral("3 4 alliance,basing,diplomacy,hostility"));
    }

    void gexfIsDynamicWithSpells()
    {
        GraphExport::Options o;
        const QString xml = GraphExport::gexf(m_model, m_events, o);
        QDomDocument doc;
        QVERIFY(doc.setContent(xml));
        const QDomElement root = doc.documentElement();
        QCOMPARE(root.tagName(), QStringLiteral("gexf"));
        QCOMPARE(root.attribute(QStringLiteral("version")), QStringLiteral("1.3"));
        const QDomElement graph = root.firstChildElement(QStringLiteral("graph"));
        QCOMPARE(graph.attribute(QStringLiteral("mode")), QStringLiteral("dynamic"));
        QCOMPARE(graph.attribute(QStringLiteral("timeformat")), QStringLiteral("date"));
        // Every node has a start; every edge has source, target and at least one spell with a start.
        const QDomNodeList nodes = graph.firstChildElement(QStringLiteral("nodes")).elementsByTagName(QStringLiteral("node"));
        QCOMPARE(nodes.size(), 3);
        for (int i = 0; i < nodes.size(); ++i) {
            QVERIFY(!nodes.at(i).toElement().attribute(QStringLiteral("start")).isEmpty());
        }
        const QDomNodeList edges = graph.firstChildElement(QStringLiteral("edges")).elementsByTagName(QStringLiteral("edge"));
        QVERIFY(edges.size() >= 4);
        bool basingSpell = false;
        for (int i = 0; i < edges.size(); ++i) {
            const QDomElement e = edges.at(i).toElement();
            QVERIFY(!e.attribute(QStringLiteral("source")).isEmpty());
            QVERIFY(!e.attribute(QStringLiteral("target")).isEmpty());
            const QDomNodeList spells = e.elementsByTagName(QStringLiteral("spell"));
            QVERIFY(spells.size() >= 1);
            const QDomElement s = spells.at(0).toElement();
            QVERIFY(!s.attribute(QStringLiteral("start")).isEmpty());
            if (e.attribute(QStringLiteral("source")) == QLatin1String("RUS") &&
                e.attribute(QStringLiteral("target")) == QLatin1String("IRN") &&
                s.attribute(QStringLiteral("start")) == QLatin1String("2016-08-16")) {
                basingSpell = s.attribute(QStringLiteral("end")) == QLatin1String("2016-08-22");
            }
        }
        QVERIFY(basingSpell);
    }

    void jsonAsOf()
    {
        GraphExport::Options o;
        o.asOf = QDate(2016, 8, 20);
        const QString json = GraphExport::json(m_model, o);
        QVERIFY(json.contains(QLatin1String("\"basing\"")));
        o.asOf = QDate(2016, 9, 30);
        QVERIFY(!GraphExport::json(m_model, o).contains(QLatin1String("\"basing\"")));
    }

    void layoutSeparatesBlocs()
    {
        // Two tight triangles joined by one weak edge: two blocs, each kept together.
        GraphLayout::Input in;
        in.nodes = {QStringLiteral("A1"), QStringLiteral("A2"), QStringLiteral("A3"), QStringLiteral("B1"),
                    QStringLiteral("B2"), QStringLiteral("B3")};
        in.edges = {{0, 1, 5}, {1, 2, 5}, {0, 2, 5}, {3, 4, 5}, {4, 5, 5}, {3, 5, 5}, {2, 3, 0.1}};
        const auto out = GraphLayout::compute(in);
        QVERIFY(out.error.isEmpty());
        QCOMPARE(out.positions.size(), 6);
        QCOMPARE(out.community.value(QStringLiteral("A1")), out.community.value(QStringLiteral("A2")));
        QCOMPARE(out.community.value(QStringLiteral("B1")), out.community.value(QStringLiteral("B3")));
        QVERIFY(out.community.value(QStringLiteral("A1")) != out.community.value(QStringLiteral("B1")));
        QVERIFY(out.modularity > 0.3);
        // Seeded and pinned: a pinned node stays where the analyst put it.
        in.seed = out.positions;
        in.pinned.insert(QStringLiteral("A1"), QPointF(123, -45));
        const auto again = GraphLayout::compute(in);
        QCOMPARE(again.positions.value(QStringLiteral("A1")), QPointF(123, -45));
    }
};

QTEST_GUILESS_MAIN(TestGraphExport)
#include "tst_graphexport.moc"
