#pragma once

#include <core/domain/actor.h>
#include <core/domain/event.h>
#include <core/domain/result.h>
#include <core/storage/database.h>

#include <memory>

namespace Entente::Core {

/// The manual changes an analyst makes, each one transaction with its audit-log entry, so that a
/// failed write changes nothing and every change can be traced. Used by the GUI (through undo
/// commands) and the CLI alike. Call from the thread whose connection should do the work.
class Store final
{
public:
    explicit Store(std::shared_ptr<Database> db) : m_db(std::move(db)) {}

    std::shared_ptr<Database> database() const { return m_db; }

    Status tagArticles(const QList<qint64> &articleIds, const QStringList &tags);
    Status untagArticles(const QList<qint64> &articleIds, const QStringList &tags);
    Status setEventStatus(qint64 eventId, ReviewStatus status);
    /// Saves an edited event (status becomes edited unless it is manual).
    Status updateEvent(const Event &edited);
    /// Stores a manual event; returns its id.
    Result<qint64> addManualEvent(Event e);
    Status deleteEvent(qint64 eventId);
    Result<qint64> addAlias(const Alias &alias);
    Status removeAlias(qint64 aliasId);
    Result<int> mergeActors(const QString &from, const QString &into);
    /// Sets a tag's colour (#rrggbb, or empty for none).
    Status setTagColor(const QString &tag, const QString &color);

    struct Stats
    {
        qint64 articles = 0;
        qint64 events = 0;
        qint64 unreviewed = 0;
        qint64 confirmed = 0;
        qint64 rejected = 0;
        qint64 edited = 0;
        qint64 manual = 0;
        qint64 tags = 0;
        qint64 sources = 0;
        qint64 actors = 0;
        qint64 storyClusters = 0;
        QMap<QString, qint64> byType;
    };
    Result<Stats> stats() const;

    static QString eventSummary(const Event &e);

private:
    std::shared_ptr<Database> m_db;
};

} // namespace Entente::Core
