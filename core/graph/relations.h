#pragma once

#include <core/domain/event.h>

#include <QDate>
#include <QHash>
#include <QList>
#include <QString>

namespace Entente::Core {

enum class RelationKind { Alliance, Basing, Hostility, Diplomacy, Cooperation };
QString relationKindName(RelationKind k);
RelationKind relationKindOf(EventType t);

/// What the relation derivation needs of an event (kept small: a million of them stay in memory).
struct RelationEvent
{
    qint64 id = 0;
    EventType type = EventType::MeetingVisit;
    QString source;
    QString target;
    QDate start;
    QDate end;
    Polarity polarity = Polarity::Asserted;
    Modality modality = Modality::Actual;
    double confidence = 0.5;
    static RelationEvent from(const Event &e);
    /// Only asserted, actual events open or close a relation.
    bool firm() const { return polarity == Polarity::Asserted && modality == Modality::Actual; }
};

/// A relation between two actors: an edge of the actor graph.
struct RelationEdge
{
    QString a;              ///< source (guest for basing); for undirected kinds the smaller code
    QString b;
    RelationKind kind = RelationKind::Diplomacy;
    bool directed = false;
    int supporting = 0;     ///< events supporting it in the period
    bool tentative = false; ///< only negated or merely possible events: drawn dashed
    QDate since;            ///< start of the active interval (alliance, basing)
    QList<qint64> eventIds;
};

/// An active interval of an alliance or basing relation, from its opening event to its closing one.
struct RelationInterval
{
    QString a;
    QString b;
    RelationKind kind = RelationKind::Alliance;
    QDate start;
    QDate end; ///< invalid while still open
    qint64 openingEvent = 0;
    qint64 closingEvent = 0;
};

/// Derives relations from events by the rules of product.md ("Relations"): alliance and basing are
/// active between an opening event (alliance_formed, alliance_membership or alliance_strengthened;
/// basing_granted or basing_deployed) and a closing event (alliance_ended; basing_ended); negated and
/// merely possible or planned events never open or close one, and show as tentative edges. Hostility,
/// diplomacy and cooperation edges count the events inside a time window.
///
/// Build once per event set (O(n log n)); `asOf` and `window` then answer without rescanning every
/// event. Immutable after `setEvents`; safe to query from several threads.
class RelationModel final
{
public:
    void setEvents(QList<RelationEvent> events, double minConfidence = 0.0);

    const QList<RelationInterval> &intervals() const { return m_intervals; }
    /// The graph as of `date`: active alliance and basing relations, and hostility/diplomacy/cooperation
    /// events of the `windowDays` before it.
    QList<RelationEdge> asOf(QDate date, int windowDays = 365) const;
    /// Every relation with support inside [from, to] (alliance and basing active at any time in it).
    QList<RelationEdge> window(QDate from, QDate to) const;
    QDate firstDate() const;
    QDate lastDate() const;
    int eventCount() const { return static_cast<int>(m_events.size()); }

private:
    QList<RelationEdge> collect(QDate from, QDate to, bool activeAtEnd) const;

    QList<RelationEvent> m_events; ///< sorted by start date
    QList<RelationInterval> m_intervals;
};

} // namespace Entente::Core
