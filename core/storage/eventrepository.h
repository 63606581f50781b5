#pragma once

#include <core/domain/event.h>
#include <core/domain/result.h>
#include <core/storage/statementcache.h>

#include <QSqlDatabase>

#include <functional>

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

/// What the timeline and the actor graph need of an event: no texts, so that a million of them load
/// quickly and stay small in memory.
struct EventBrief
{
    qint64 id = 0;
    EventType type = EventType::MeetingVisit;
    QString source; ///< shared between briefs: one string per distinct actor code
    QString target;
    DatePoint date;
    Polarity polarity = Polarity::Asserted;
    Modality modality = Modality::Actual;
    double confidence = 0.5;
    ReviewStatus status = ReviewStatus::Auto;
};

/// All SQL on events. No transactions here: callers wrap writes. Use from the owning thread.
class EventRepository final
{
public:
    explicit EventRepository(QSqlDatabase db) : m_db(db), m_statements(std::move(db)) {}

    Result<qint64> insert(const Event &e);
    /// Inserts many events with one prepared statement (the caller wraps them in a Transaction; a
    /// million events go in as fast as SQLite can index them). Writes each new id into `events`.
    /// Stops at the first failure, whose error names the event.
    Status insertMany(QList<Event> &events);
    Status update(const Event &e);
    Status setStatus(qint64 id, ReviewStatus status);
    Status remove(qint64 id);
    Result<std::optional<Event>> get(qint64 id);
    Result<QList<Event>> forArticle(qint64 articleId);
    Result<QList<Event>> query(const EventFilter &filter, qint64 offset = 0, qint64 limit = -1);
    /// The next `limit` events of `filter` after `last` (an event of the previous page) in the same
    /// order: a page costs the same at the millionth event as at the first, where an offset would make
    /// each page read every event before it.
    Result<QList<Event>> queryAfter(const EventFilter &filter, const Event &last, qint64 limit);
    Result<qint64> count(const EventFilter &filter = {});

    /// Replaces the automatic events of an article with `fresh`, keeping every human decision:
    /// confirmed, edited, manual and rejected events stay, and a fresh event with the fingerprint of
    /// any of them is dropped (so a rejected event does not come back). Returns how many were added.
    Result<int> replaceAutoEvents(qint64 articleId, const QList<Event> &fresh);

    /// Events with every column, streamed in id order in pages (for exports).
    Result<QList<Event>> page(qint64 afterId, int limit);

    /// Every event as a brief, in id order, handed to `sink` one by one (rejected and undated events
    /// included: the caller filters). One read statement through SQLite's own interface, without a
    /// QVariant per value: a million events stream in about a second.
    Status scanBriefs(const std::function<void(const EventBrief &)> &sink);

private:
    struct Cursor
    {
        bool undated = false;
        QString date;
        qint64 id = 0;
    };
    Result<QList<Event>> pageOf(const EventFilter &filter, const Cursor *after, qint64 offset, qint64 limit);
    QSqlQuery *insertQuery(Error *error);

    QSqlDatabase m_db;
    /// The INSERT statement, prepared on first use and reused for every later insert through this
    /// repository (preparing costs more than inserting a small row).
    StatementCache m_statements;
};

} // namespace Entente::Core
