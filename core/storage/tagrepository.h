#pragma once

#include <core/domain/actor.h>
#include <core/domain/result.h>

#include <QSqlDatabase>

namespace Entente::Core {

/// All SQL on tags and article tags. Tag names are trimmed, stripped of control characters and
/// compared without case. No transactions here. Use from the owning thread.
class TagRepository final
{
public:
    explicit TagRepository(QSqlDatabase db) : m_db(std::move(db)) {}

    /// The cleaned form of a tag name; empty when nothing printable is left.
    static QString normalise(const QString &name);

    Result<qint64> ensureTag(const QString &name);
    /// Returns true when the tag was newly added to the article.
    Result<bool> addTag(qint64 articleId, const QString &name);
    Result<bool> removeTag(qint64 articleId, const QString &name);
    Result<QStringList> tagsOf(qint64 articleId);
    Result<QList<Tag>> allTags();
    Status setColor(const QString &name, const QString &color);

private:
    QSqlDatabase m_db;
};

/// All SQL on actors and aliases (the analyst's own, applied on top of the dictionaries).
class ActorRepository final
{
public:
    explicit ActorRepository(QSqlDatabase db) : m_db(std::move(db)) {}

    Status upsertActor(const Actor &a);
    Result<QList<Actor>> actors();
    Result<qint64> addAlias(const Alias &a);
    Status removeAlias(qint64 id);
    Result<QList<Alias>> aliases(const QString &actorCode = {});
    /// Rewrites events and aliases of `from` to `into` and marks `from` merged. Returns events changed.
    Result<int> merge(const QString &from, const QString &into);
    /// Actor codes seen in events with their event counts.
    Result<QList<Actor>> eventActors();

private:
    QSqlDatabase m_db;
};

/// The audit log: every manual change with what, before, after and when.
class AuditRepository final
{
public:
    explicit AuditRepository(QSqlDatabase db) : m_db(std::move(db)) {}

    Status record(const QString &entity, qint64 entityId, const QString &action, const QString &before,
                  const QString &after);
    struct Entry
    {
        qint64 id;
        QString at;
        QString entity;
        qint64 entityId;
        QString action;
        QString before;
        QString after;
    };
    Result<QList<Entry>> entries(int limit = 1000);

private:
    QSqlDatabase m_db;
};

} // namespace Entente::Core
