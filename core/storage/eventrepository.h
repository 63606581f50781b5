#pragma once

#include <core/domain/event.h>
#include <core/domain/result.h>

#include <QSqlDatabase>

#include <optional>

namespace Entente::Core {

/// Filter for event queries. Empty fields do not filter. An event matches the date range when its
/// date span overlaps [from, to].
struct EventFilter
{
    QString actor;   ///< source or target
    QString actor2;  ///< with actor: events between the two (either direction)
    QList<EventType> types;
    QDate from;
    QDate to;
    QString status;  ///< a review status, or "unreviewed" (= auto)
    double minConfidence = 0.0;
    qint64 articleId = 0;
    bool includeRejected = true;
    bool includeUndated = true;
};

/// All SQL on events. No transactions here: callers wrap writes. Use from the owning thread.
class EventRepository final
{
public:
    explicit EventRepository(QSqlDatabase db) : m_db(std::move(db)) {}

    Result<qint64> insert(const Event &e);
    Status update(const Event &e);
    Status setStatus(qint64 id, ReviewStatus status);
    Status remove(qint64 id);
    Result<std::optional<Event>> get(qint64 id);
    Result<QList<Event>> forArticle(qint64 articleId);
    Result<QList<Event>> query(const EventFilter &filter, qint64 offset = 0, qint64 limit = -1);
    Result<qint64> count(const EventFilter &filter = {});

    /// Replaces the automatic events of an article with `fresh`, keeping every human decision:
    /// confirmed, edited, manual and rejected events stay, and a fresh event with the fingerprint of
    /// any of them is dropped (so a rejected event does not come back). Returns how many were added.
    Result<int> replaceAutoEvents(qint64 articleId, const QList<Event> &fresh);

    /// Events with every column, streamed in id order in pages (for exports and the timeline).
    Result<QList<Event>> page(qint64 afterId, int limit);

private:
    QSqlDatabase m_db;
};

} // namespace Entente::Core
