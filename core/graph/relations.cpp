#include "relations.h"

#include <algorithm>

namespace Entente::Core {

QString relationKindName(RelationKind k)
{
    switch (k) {
    case RelationKind::Alliance:
        return QStringLiteral("alliance");
    case RelationKind::Basing:
        return QStringLiteral("basing");
    case RelationKind::Hostility:
        return QStringLiteral("hostility");
    case RelationKind::Diplomacy:
        return QStringLiteral("diplomacy");
    case RelationKind::Cooperation:
        return QStringLiteral("cooperation");
    }
    return {};
}

RelationKind relationKindOf(EventType t)
{
    switch (eventFamily(t)) {
    case EventFamily::Alliance:
        return RelationKind::Alliance;
    case EventFamily::Basing:
        return RelationKind::Basing;
    case EventFamily::Conflict:
        return RelationKind::Hostility;
    case EventFamily::Cooperation:
        return RelationKind::Cooperation;
    case EventFamily::Diplomacy:
        break;
    }
    return RelationKind::Diplomacy;
}

RelationEvent RelationEvent::from(const Event &e)
{
    RelationEvent r;
    r.id = e.id;
    r.type = e.type;
    r.source = e.source;
    r.target = e.target;
    r.start = e.date.start;
    r.end = e.date.end.isValid() ? e.date.end : e.date.start;
    r.polarity = e.polarity;
    r.modality = e.modality;
    r.confidence = e.confidence;
    return r;
}

namespace {
bool directedKind(RelationKind k)
{
    return k == RelationKind::Basing || k == RelationKind::Hostility || k == RelationKind::Cooperation;
}

QString key(const QString &a, const QString &b, RelationKind k)
{
    if (!directedKind(k) && b < a) {
        return b + QLatin1Char('|') + a + QLatin1Char('|') + QString::number(static_cast<int>(k));
    }
    return a + QLatin1Char('|') + b + QLatin1Char('|') + QString::number(static_cast<int>(k));
}

bool opens(EventType t)
{
    return t == EventType::AllianceFormed || t == EventType::AllianceMembership ||
           t == EventType::AllianceStrengthened || t == EventType::BasingGranted || t == EventType::BasingDeployed;
}

bool closes(EventType t)
{
    return t == EventType::AllianceEnded || t == EventType::BasingEnded;
}
} // namespace

void RelationModel::setEvents(QList<RelationEvent> events, double minConfidence)
{
    m_events.clear();
    m_intervals.clear();
    const auto keep = [minConfidence](const RelationEvent &e) {
        return e.start.isValid() && !e.source.isEmpty() && !e.target.isEmpty() && e.source != e.target &&
               e.confidence >= minConfidence;
    };
    const auto byStart = [](const RelationEvent &a, const RelationEvent &b) { return a.start < b.start; };
    if (std::all_of(events.cbegin(), events.cend(), keep) && std::is_sorted(events.cbegin(), events.cend(), byStart)) {
        // Already in date order with nothing to drop (as GraphExport::loadEvents delivers them): share the
        // caller's list instead of copying a million events.
        m_events = std::move(events);
    } else {
        // Read-only iteration: the caller's list is not detached; the kept events are copied once into a
        // list sized for them.
        m_events.reserve(events.size());
        for (const RelationEvent &e : std::as_const(events)) {
            if (keep(e)) {
                m_events.append(e);
            }
        }
        events = {};
        m_events.squeeze();
        std::stable_sort(m_events.begin(), m_events.end(), byStart);
    }
    QHash<QString, int> open; // key → index into m_intervals
    for (const RelationEvent &e : std::as_const(m_events)) {
        const RelationKind k = relationKindOf(e.type);
        if ((k != RelationKind::Alliance && k != RelationKind::Basing) || !e.firm()) {
            continue;
        }
        const QString kk = key(e.source, e.target, k);
        if (opens(e.type) && !open.contains(kk)) {
            RelationInterval iv;
            iv.a = e.source;
            iv.b = e.target;
            if (!directedKind(k) && iv.b < iv.a) {
                std::swap(iv.a, iv.b);
            }
            iv.kind = k;
            iv.start = e.start;
            iv.openingEvent = e.id;
            open.insert(kk, static_cast<int>(m_intervals.size()));
            m_intervals.append(iv);
        } else if (closes(e.type)) {
            const auto it = open.find(kk);
            if (it != open.end()) {
                m_intervals[*it].end = e.end;
                m_intervals[*it].closingEvent = e.id;
                open.erase(it);
            }
        }
    }
}

QDate RelationModel::firstDate() const
{
    return m_events.isEmpty() ? QDate() : m_events.first().start;
}

QDate RelationModel::lastDate() const
{
    QDate last;
    for (const RelationEvent &e : m_events) {
        if (!last.isValid() || e.end > last) {
            last = e.end;
        }
    }
    return last;
}

QList<RelationEdge> RelationModel::collect(QDate from, QDate to, bool activeAtEnd) const
{
    QHash<QString, RelationEdge> edges;
    // Alliance and basing: intervals overlapping the period (or containing its end for as-of).
    for (const RelationInterval &iv : m_intervals) {
        const bool active = activeAtEnd ? (iv.start <= to && (!iv.end.isValid() || iv.end >= to))
                                        : (iv.start <= to && (!iv.end.isValid() || iv.end >= from));
        if (!active) {
            continue;
        }
        const QString kk = key(iv.a, iv.b, iv.kind);
        RelationEdge &e = edges[kk];
        e.a = iv.a;
        e.b = iv.b;
        e.kind = iv.kind;
        e.directed = directedKind(iv.kind);
        e.since = iv.start;
    }
    // Events in the period: support for active relations, edges for the event-counted kinds, and
    // tentative edges from negated or possible events.
    const auto first = std::lower_bound(m_events.begin(), m_events.end(), from,
                                        [](const RelationEvent &e, const QDate &d) { return e.start < d; });
    for (auto it = first; it != m_events.end() && it->start <= to; ++it) {
        const RelationEvent &ev = *it;
        if (ev.end < from) {
            continue;
        }
        const RelationKind k = relationKindOf(ev.type);
        const QString kk = key(ev.source, ev.target, k);
        auto found = edges.find(kk);
        const bool intervalKind = k == RelationKind::Alliance || k == RelationKind::Basing;
        if (found == edges.end()) {
            if (intervalKind && ev.firm() && !closes(ev.type)) {
                continue; // a firm opening outside any active interval was closed before the period
            }
            if (intervalKind && closes(ev.type)) {
                continue;
            }
            RelationEdge e;
            e.a = ev.source;
            e.b = ev.target;
            if (!directedKind(k) && e.b < e.a) {
                std::swap(e.a, e.b);
            }
            e.kind = k;
            e.directed = directedKind(k);
            e.tentative = !ev.firm();
            found = edges.insert(kk, e);
        } else if (ev.firm()) {
            found->tentative = false;
        }
        ++found->supporting;
        if (found->eventIds.size() < 500) {
            found->eventIds.append(ev.id);
        }
    }
    QList<RelationEdge> out = edges.values();
    std::sort(out.begin(), out.end(), [](const RelationEdge &x, const RelationEdge &y) {
        return std::tie(x.a, x.b, x.kind) < std::tie(y.a, y.b, y.kind);
    });
    return out;
}

QList<RelationEdge> RelationModel::asOf(QDate date, int windowDays) const
{
    return collect(date.addDays(-windowDays), date, true);
}

QList<RelationEdge> RelationModel::window(QDate from, QDate to) const
{
    return collect(from, to, false);
}

} // namespace Entente::Core
