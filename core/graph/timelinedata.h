#pragma once

#include <core/graph/relations.h>

#include <QHash>
#include <QList>
#include <QString>

namespace Entente::Core {

/// The timeline's data: events grouped into lanes (by type, by actor or by actor pair), each lane
/// sorted by date so that a visible range is found by binary search and dense stretches are counted
/// into bins without touching every event. Built off the UI thread; read-only afterwards.
class TimelineData final
{
public:
    enum class LaneMode { ByType, ByActor, ByPair };

    struct Item
    {
        qint64 id = 0;
        double start = 0; ///< days since 1970-01-01
        double end = 0;   ///< last day covered (start for a day-precise event)
        quint8 type = 0;  ///< EventType
        bool tentative = false; ///< negated or not actual: drawn hollow or dashed
    };
    struct Lane
    {
        QString key;      ///< "basing_deployed", "RUS" or "RUS→IRN"
        QList<Item> items; ///< sorted by start
        QList<RelationInterval> intervals; ///< active alliance or basing spans (pair lanes)
    };
    struct Bin
    {
        double start = 0;
        double end = 0;
        int count = 0;
        int dominantType = 0;
    };

    void build(const QList<RelationEvent> &events, LaneMode mode, const QList<RelationInterval> &intervals = {},
               int maxLanes = 400);

    LaneMode mode() const { return m_mode; }
    const QList<Lane> &lanes() const { return m_lanes; }
    qsizetype eventCount() const { return m_count; }
    double firstDay() const { return m_first; }
    double lastDay() const { return m_last; }

    /// Index range [first, last) of the lane's items that can be visible in [fromDay, toDay].
    QPair<qsizetype, qsizetype> visibleRange(int lane, double fromDay, double toDay) const;
    /// Counts of the lane's events in bins of `binDays` across [fromDay, toDay].
    QList<Bin> bins(int lane, double fromDay, double toDay, double binDays) const;
    /// The event nearest to `day` in a lane within `toleranceDays`, or 0.
    qint64 eventAt(int lane, double day, double toleranceDays) const;

private:
    LaneMode m_mode = LaneMode::ByType;
    QList<Lane> m_lanes;
    qsizetype m_count = 0;
    double m_first = 0;
    double m_last = 0;
    double m_maxSpan = 0; ///< longest event span, so range queries include events that started earlier
};

} // namespace Entente::Core
