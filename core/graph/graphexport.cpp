#include "graphexport.h"

#include <core/storage/eventrepository.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QXmlStreamWriter>

#include <algorithm>

namespace Entente::Core {

Result<QList<RelationEvent>> GraphExport::loadEvents(const Database &db)
{
    // Briefs instead of whole events (no sentences, patterns or timestamps), with one string per actor
    // code shared by every event: a million events load in about a second and take a fraction of the
    // memory. The list is sized up front so that it is never copied while growing.
    EventRepository repo(db.connection());
    const auto total = repo.count();
    if (!total) {
        return total.error();
    }
    QList<RelationEvent> out;
    out.reserve(*total);
    const Status st = repo.scanBriefs([&out](const EventBrief &b) {
        if (b.status == ReviewStatus::Rejected || !b.date.isValid()) {
            return;
        }
        RelationEvent r;
        r.id = b.id;
        r.type = b.type;
        r.source = b.source;
        r.target = b.target;
        r.start = b.date.start;
        r.end = b.date.end.isValid() ? b.date.end : b.date.start;
        r.polarity = b.polarity;
        r.modality = b.modality;
        r.confidence = b.confidence;
        out.append(std::move(r));
    });
    if (!st) {
        return st.error();
    }
    out.squeeze();
    // In date order (ties by id), the order RelationModel keeps them in: it can then share this list
    // instead of sorting a copy.
    std::sort(out.begin(), out.end(), [](const RelationEvent &a, const RelationEvent &b) {
        return a.start < b.start || (a.start == b.start && a.id < b.id);
    });
    return out;
}

QList<RelationEdge> GraphExport::edgesFor(const RelationModel &model, const Options &o)
{
    if (o.asOf.isValid()) {
        return model.asOf(o.asOf, o.windowDays);
    }
    if (o.from.isValid() || o.to.isValid()) {
        return model.window(o.from.isValid() ? o.from : QDate(1, 1, 1), o.to.isValid() ? o.to : QDate(9999, 12, 31));
    }
    return model.window(QDate(1, 1, 1), QDate(9999, 12, 31));
}

namespace {
QStringList nodesOf(const QList<RelationEdge> &edges)
{
    QSet<QString> set;
    for (const RelationEdge &e : edges) {
        set.insert(e.a);
        set.insert(e.b);
    }
    QStringList nodes(set.begin(), set.end());
    nodes.sort();
    return nodes;
}
} // namespace

QString GraphExport::graphml(const RelationModel &model, const Options &o)
{
    const QList<RelationEdge> edges = edgesFor(model, o);
    QString out;
    QXmlStreamWriter w(&out);
    w.setAutoFormatting(true);
    w.writeStartDocument();
    w.writeStartElement(QStringLiteral("graphml"));
    w.writeDefaultNamespace(QStringLiteral("http://graphml.graphdrawing.org/xmlns"));
    const auto key = [&w](const char *id, const char *forWhat, const char *name, const char *type) {
        w.writeStartElement(QStringLiteral("key"));
        w.writeAttribute(QStringLiteral("id"), QString::fromLatin1(id));
        w.writeAttribute(QStringLiteral("for"), QString::fromLatin1(forWhat));
        w.writeAttribute(QStringLiteral("attr.name"), QString::fromLatin1(name));
        w.writeAttribute(QStringLiteral("attr.type"), QString::fromLatin1(type));
        w.writeEndElement();
    };
    key("label", "node", "label", "string");
    key("kind", "edge", "kind", "string");
    key("weight", "edge", "weight", "double");
    key("tentative", "edge", "tentative", "boolean");
    key("since", "edge", "since", "string");
    key("directed", "edge", "directed", "boolean");
    w.writeStartElement(QStringLiteral("graph"));
    w.writeAttribute(QStringLiteral("id"), QStringLiteral("entente"));
    w.writeAttribute(QStringLiteral("edgedefault"), QStringLiteral("directed"));
    for (const QString &n : nodesOf(edges)) {
        w.writeStartElement(QStringLiteral("node"));
        w.writeAttribute(QStringLiteral("id"), n);
        w.writeStartElement(QStringLiteral("data"));
        w.writeAttribute(QStringLiteral("key"), QStringLiteral("label"));
        w.writeCharacters(o.names.value(n, n));
        w.writeEndElement();
        w.writeEndElement();
    }
    int i = 0;
    for (const RelationEdge &e : edges) {
        w.writeStartElement(QStringLiteral("edge"));
        w.writeAttribute(QStringLiteral("id"), QStringLiteral("e%1").arg(i++));
        w.writeAttribute(QStringLiteral("source"), e.a);
        w.writeAttribute(QStringLiteral("target"), e.b);
        const auto data = [&w](const char *k, const QString &v) {
            w.writeStartElement(QStringLiteral("data"));
            w.writeAttribute(QStringLiteral("key"), QString::fromLatin1(k));
            w.writeCharacters(v);
            w.writeEndElement();
        };
        data("kind", relationKindName(e.kind));
        data("directed", e.directed ? QStringLiteral("true") : QStringLiteral("false"));
        data("weight", QString::number(std::max(1, e.supporting)));
        data("tentative", e.tentative ? QStringLiteral("true") : QStringLiteral("false"));
        if (e.since.isValid()) {
            data("since", e.since.toString(Qt::ISODate));
        }
        w.writeEndElement();
    }
    w.writeEndElement();
    w.writeEndElement();
    w.writeEndDocument();
    return out;
}

QString GraphExport::gexf(const RelationModel &model, const QList<RelationEvent> &events, const Options &o)
{
    // Dynamic GEXF: alliance and basing edges carry their active intervals as spells; the other kinds
    // one spell per supporting event's day, so Gephi's timeline shows them when they happen.
    Q_UNUSED(events)
    struct DynEdge
    {
        QString a;
        QString b;
        RelationKind kind;
        bool directed;
        QList<QPair<QDate, QDate>> spells;
        int weight = 0;
    };
    QHash<QString, DynEdge> dyn;
    const auto keyOf = [](const QString &a, const QString &b, RelationKind k) -> QString {
        return a + QLatin1Char('|') + b + QLatin1Char('|') + relationKindName(k);
    };
    const QDate from = o.from.isValid() ? o.from : QDate(1, 1, 1);
    const QDate to = o.to.isValid() ? o.to : (o.asOf.isValid() ? o.asOf : QDate(9999, 12, 31));
    for (const RelationInterval &iv : model.intervals()) {
        if (iv.start > to || (iv.end.isValid() && iv.end < from)) {
            continue;
        }
        DynEdge &d = dyn[keyOf(iv.a, iv.b, iv.kind)];
        d.a = iv.a;
        d.b = iv.b;
        d.kind = iv.kind;
        d.directed = iv.kind == RelationKind::Basing;
        d.spells.append({iv.start, iv.end});
        ++d.weight;
    }
    for (const RelationEdge &e : model.window(from, to)) {
        if (e.kind == RelationKind::Alliance || e.kind == RelationKind::Basing) {
            if (DynEdge *d = dyn.contains(keyOf(e.a, e.b, e.kind)) ? &dyn[keyOf(e.a, e.b, e.kind)] : nullptr) {
                d->weight = std::max(d->weight, e.supporting);
            }
            continue;
        }
        DynEdge &d = dyn[keyOf(e.a, e.b, e.kind)];
        d.a = e.a;
        d.b = e.b;
        d.kind = e.kind;
        d.directed = e.directed;
        d.weight = e.supporting;
    }
    // Spells of event-counted kinds come from the events themselves.
    QHash<qint64, const RelationEvent *> byId;
    for (const RelationEvent &ev : events) {
        byId.insert(ev.id, &ev);
    }
    for (const RelationEdge &e : model.window(from, to)) {
        if (e.kind == RelationKind::Alliance || e.kind == RelationKind::Basing) {
            continue;
        }
        DynEdge &d = dyn[keyOf(e.a, e.b, e.kind)];
        for (qint64 id : e.eventIds) {
            if (const RelationEvent *ev = byId.value(id)) {
                d.spells.append({ev->start, ev->end});
            }
        }
    }
    QHash<QString, QDate> nodeStart;
    for (const DynEdge &d : std::as_const(dyn)) {
        for (const auto &s : d.spells) {
            for (const QString &n : {d.a, d.b}) {
                if (!nodeStart.contains(n) || s.first < nodeStart.value(n)) {
                    nodeStart.insert(n, s.first);
                }
            }
        }
    }
    QString out;
    QXmlStreamWriter w(&out);
    w.setAutoFormatting(true);
    w.writeStartDocument();
    w.writeStartElement(QStringLiteral("gexf"));
    w.writeDefaultNamespace(QStringLiteral("http://gexf.net/1.3"));
    w.writeAttribute(QStringLiteral("version"), QStringLiteral("1.3"));
    w.writeStartElement(QStringLiteral("meta"));
    w.writeTextElement(QStringLiteral("creator"), QStringLiteral("Entente"));
    w.writeTextElement(QStringLiteral("description"), QStringLiteral("Actor relations derived from coded events"));
    w.writeEndElement();
    w.writeStartElement(QStringLiteral("graph"));
    w.writeAttribute(QStringLiteral("mode"), QStringLiteral("dynamic"));
    w.writeAttribute(QStringLiteral("defaultedgetype"), QStringLiteral("directed"));
    w.writeAttribute(QStringLiteral("timeformat"), QStringLiteral("date"));
    w.writeStartElement(QStringLiteral("attributes"));
    w.writeAttribute(QStringLiteral("class"), QStringLiteral("edge"));
    w.writeAttribute(QStringLiteral("mode"), QStringLiteral("static"));
    w.writeStartElement(QStringLiteral("attribute"));
    w.writeAttribute(QStringLiteral("id"), QStringLiteral("kind"));
    w.writeAttribute(QStringLiteral("title"), QStringLiteral("kind"));
    w.writeAttribute(QStringLiteral("type"), QStringLiteral("string"));
    w.writeEndElement();
    w.writeEndElement();
    QStringList nodes = nodeStart.keys();
    nodes.sort();
    w.writeStartElement(QStringLiteral("nodes"));
    for (const QString &n : nodes) {
        w.writeStartElement(QStringLiteral("node"));
        w.writeAttribute(QStringLiteral("id"), n);
        w.writeAttribute(QStringLiteral("label"), o.names.value(n, n));
        w.writeAttribute(QStringLiteral("start"), nodeStart.value(n).toString(Qt::ISODate));
        w.writeEndElement();
    }
    w.writeEndElement();
    w.writeStartElement(QStringLiteral("edges"));
    QStringList keys = dyn.keys();
    keys.sort();
    int i = 0;
    for (const QString &k : keys) {
        const DynEdge &d = dyn.value(k);
        if (d.spells.isEmpty()) {
            continue;
        }
        w.writeStartElement(QStringLiteral("edge"));
        w.writeAttribute(QStringLiteral("id"), QStringLiteral("e%1").arg(i++));
        w.writeAttribute(QStringLiteral("source"), d.a);
        w.writeAttribute(QStringLiteral("target"), d.b);
        w.writeAttribute(QStringLiteral("type"), d.directed ? QStringLiteral("directed") : QStringLiteral("undirected"));
        w.writeAttribute(QStringLiteral("weight"), QString::number(std::max(1, d.weight)));
        w.writeStartElement(QStringLiteral("attvalues"));
        w.writeStartElement(QStringLiteral("attvalue"));
        w.writeAttribute(QStringLiteral("for"), QStringLiteral("kind"));
        w.writeAttribute(QStringLiteral("value"), relationKindName(d.kind));
        w.writeEndElement();
        w.writeEndElement();
        w.writeStartElement(QStringLiteral("spells"));
        for (const auto &s : d.spells) {
            w.writeStartElement(QStringLiteral("spell"));
            w.writeAttribute(QStringLiteral("start"), s.first.toString(Qt::ISODate));
            if (s.second.isValid()) {
                w.writeAttribute(QStringLiteral("end"), s.second.toString(Qt::ISODate));
            }
            w.writeEndElement();
        }
        w.writeEndElement();
        w.writeEndElement();
    }
    w.writeEndElement();
    w.writeEndElement();
    w.writeEndElement();
    w.writeEndDocument();
    return out;
}

QString GraphExport::json(const RelationModel &model, const Options &o)
{
    const QList<RelationEdge> edges = edgesFor(model, o);
    QJsonArray nodes;
    for (const QString &n : nodesOf(edges)) {
        nodes.append(QJsonObject{{QStringLiteral("id"), n}, {QStringLiteral("label"), o.names.value(n, n)}});
    }
    QJsonArray links;
    for (const RelationEdge &e : edges) {
        QJsonObject l{{QStringLiteral("source"), e.a},
                      {QStringLiteral("target"), e.b},
                      {QStringLiteral("kind"), relationKindName(e.kind)},
                      {QStringLiteral("directed"), e.directed},
                      {QStringLiteral("weight"), e.supporting},
                      {QStringLiteral("tentative"), e.tentative}};
        if (e.since.isValid()) {
            l.insert(QStringLiteral("since"), e.since.toString(Qt::ISODate));
        }
        QJsonArray ids;
        for (qint64 id : e.eventIds) {
            ids.append(id);
        }
        l.insert(QStringLiteral("events"), ids);
        links.append(l);
    }
    QJsonObject root{{QStringLiteral("nodes"), nodes}, {QStringLiteral("edges"), links}};
    if (o.asOf.isValid()) {
        root.insert(QStringLiteral("as_of"), o.asOf.toString(Qt::ISODate));
    }
    return QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Indented));
}

} // namespace Entente::Core
