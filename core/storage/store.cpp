#include "store.h"

#include <core/storage/articlerepository.h>
#include <core/storage/eventrepository.h>
#include <core/storage/tagrepository.h>
#include <core/storage/transaction.h>

#include <QRegularExpression>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

namespace Entente::Core {

namespace {
Status readOnlyError(const Database &db)
{
    return Error{Error::Code::ReadOnly,
                 QStringLiteral("The database is read-only (%1); nothing was changed.").arg(db.readOnlyReason())};
}
} // namespace

QString Store::eventSummary(const Event &e)
{
    return QStringLiteral("%1 %2%3 → %4%5 %6 %7/%8 [%9]")
        .arg(eventTypeName(e.type), e.source, e.sourceRole.isEmpty() ? QString() : QLatin1Char(' ') + e.sourceRole,
             e.target, e.targetRole.isEmpty() ? QString() : QLatin1Char(' ') + e.targetRole, e.date.toString(),
             polarityName(e.polarity), modalityName(e.modality), reviewStatusName(e.status));
}

Status Store::tagArticles(const QList<qint64> &articleIds, const QStringList &tags)
{
    if (m_db->isReadOnly()) {
        return readOnlyError(*m_db);
    }
    QSqlDatabase c = m_db->connection();
    Transaction tx(c);
    if (!tx.isActive()) {
        return tx.error();
    }
    TagRepository repo(c);
    AuditRepository audit(c);
    for (qint64 id : articleIds) {
        for (const QString &t : tags) {
            const auto added = repo.addTag(id, t);
            if (!added) {
                return added.error();
            }
            if (*added) {
                const Status st = audit.record(QStringLiteral("article"), id, QStringLiteral("tag"), {},
                                               TagRepository::normalise(t));
                if (!st) {
                    return st;
                }
            }
        }
    }
    return tx.commit();
}

Status Store::untagArticles(const QList<qint64> &articleIds, const QStringList &tags)
{
    if (m_db->isReadOnly()) {
        return readOnlyError(*m_db);
    }
    QSqlDatabase c = m_db->connection();
    Transaction tx(c);
    if (!tx.isActive()) {
        return tx.error();
    }
    TagRepository repo(c);
    AuditRepository audit(c);
    for (qint64 id : articleIds) {
        for (const QString &t : tags) {
            const auto removed = repo.removeTag(id, t);
            if (!removed) {
                return removed.error();
            }
            if (*removed) {
                const Status st = audit.record(QStringLiteral("article"), id, QStringLiteral("untag"),
                                               TagRepository::normalise(t), {});
                if (!st) {
                    return st;
                }
            }
        }
    }
    return tx.commit();
}

Status Store::setEventStatus(qint64 eventId, ReviewStatus status)
{
    if (m_db->isReadOnly()) {
        return readOnlyError(*m_db);
    }
    QSqlDatabase c = m_db->connection();
    Transaction tx(c);
    if (!tx.isActive()) {
        return tx.error();
    }
    EventRepository events(c);
    const auto before = events.get(eventId);
    if (!before) {
        return before.error();
    }
    if (!before->has_value()) {
        return Error{Error::Code::NotFound, QStringLiteral("Event %1 does not exist.").arg(eventId)};
    }
    Status st = events.setStatus(eventId, status);
    if (!st) {
        return st;
    }
    st = AuditRepository(c).record(QStringLiteral("event"), eventId, QStringLiteral("status"),
                                   reviewStatusName((*before)->status), reviewStatusName(status));
    if (!st) {
        return st;
    }
    return tx.commit();
}

Status Store::updateEvent(const Event &edited)
{
    if (m_db->isReadOnly()) {
        return readOnlyError(*m_db);
    }
    QSqlDatabase c = m_db->connection();
    Transaction tx(c);
    if (!tx.isActive()) {
        return tx.error();
    }
    EventRepository events(c);
    const auto before = events.get(edited.id);
    if (!before) {
        return before.error();
    }
    if (!before->has_value()) {
        return Error{Error::Code::NotFound, QStringLiteral("Event %1 does not exist.").arg(edited.id)};
    }
    Event e = edited;
    if (e.status == ReviewStatus::Auto || e.status == ReviewStatus::Confirmed) {
        e.status = ReviewStatus::Edited;
    }
    Status st = events.update(e);
    if (!st) {
        return st;
    }
    st = AuditRepository(c).record(QStringLiteral("event"), e.id, QStringLiteral("edit"),
                                   eventSummary(**before), eventSummary(e));
    if (!st) {
        return st;
    }
    return tx.commit();
}

Result<qint64> Store::addManualEvent(Event e)
{
    if (m_db->isReadOnly()) {
        return readOnlyError(*m_db).error();
    }
    QSqlDatabase c = m_db->connection();
    Transaction tx(c);
    if (!tx.isActive()) {
        return tx.error();
    }
    e.status = ReviewStatus::Manual;
    if (e.pattern.isEmpty()) {
        e.pattern = QStringLiteral("manual");
    }
    const auto id = EventRepository(c).insert(e);
    if (!id) {
        return id.error();
    }
    const Status st = AuditRepository(c).record(QStringLiteral("event"), *id, QStringLiteral("create"), {},
                                                eventSummary(e));
    if (!st) {
        return st.error();
    }
    const Status cst = tx.commit();
    if (!cst) {
        return cst.error();
    }
    return id;
}

Status Store::deleteEvent(qint64 eventId)
{
    if (m_db->isReadOnly()) {
        return readOnlyError(*m_db);
    }
    QSqlDatabase c = m_db->connection();
    Transaction tx(c);
    if (!tx.isActive()) {
        return tx.error();
    }
    EventRepository events(c);
    const auto before = events.get(eventId);
    if (!before) {
        return before.error();
    }
    if (!before->has_value()) {
        return Error{Error::Code::NotFound, QStringLiteral("Event %1 does not exist.").arg(eventId)};
    }
    Status st = events.remove(eventId);
    if (!st) {
        return st;
    }
    st = AuditRepository(c).record(QStringLiteral("event"), eventId, QStringLiteral("delete"),
                                   eventSummary(**before), {});
    if (!st) {
        return st;
    }
    return tx.commit();
}

Result<qint64> Store::addAlias(const Alias &alias)
{
    if (m_db->isReadOnly()) {
        return readOnlyError(*m_db).error();
    }
    QSqlDatabase c = m_db->connection();
    Transaction tx(c);
    if (!tx.isActive()) {
        return tx.error();
    }
    const auto id = ActorRepository(c).addAlias(alias);
    if (!id) {
        return id.error();
    }
    const Status st = AuditRepository(c).record(
        QStringLiteral("alias"), *id, QStringLiteral("create"), {},
        alias.alias + QStringLiteral(" → ") + alias.actorCode +
            (alias.role.isEmpty() ? QString() : QLatin1Char(' ') + alias.role));
    if (!st) {
        return st.error();
    }
    const Status cst = tx.commit();
    if (!cst) {
        return cst.error();
    }
    return id;
}

Status Store::removeAlias(qint64 aliasId)
{
    if (m_db->isReadOnly()) {
        return readOnlyError(*m_db);
    }
    QSqlDatabase c = m_db->connection();
    Transaction tx(c);
    if (!tx.isActive()) {
        return tx.error();
    }
    Status st = ActorRepository(c).removeAlias(aliasId);
    if (!st) {
        return st;
    }
    st = AuditRepository(c).record(QStringLiteral("alias"), aliasId, QStringLiteral("delete"), {}, {});
    if (!st) {
        return st;
    }
    return tx.commit();
}

Result<int> Store::mergeActors(const QString &from, const QString &into)
{
    if (m_db->isReadOnly()) {
        return readOnlyError(*m_db).error();
    }
    QSqlDatabase c = m_db->connection();
    Transaction tx(c);
    if (!tx.isActive()) {
        return tx.error();
    }
    const auto n = ActorRepository(c).merge(from, into);
    if (!n) {
        return n.error();
    }
    const Status st = AuditRepository(c).record(QStringLiteral("actor"), 0, QStringLiteral("merge"), from, into);
    if (!st) {
        return st.error();
    }
    const Status cst = tx.commit();
    if (!cst) {
        return cst.error();
    }
    return n;
}

Status Store::setTagColor(const QString &tag, const QString &color)
{
    if (m_db->isReadOnly()) {
        return readOnlyError(*m_db);
    }
    static const QRegularExpression hex(QStringLiteral("^(#[0-9a-fA-F]{6})?$"));
    if (!hex.match(color).hasMatch()) {
        return Error{Error::Code::Usage, QStringLiteral("A colour is written #rrggbb.")};
    }
    QSqlDatabase c = m_db->connection();
    Transaction tx(c);
    if (!tx.isActive()) {
        return tx.error();
    }
    Status st = TagRepository(c).setColor(tag, color);
    if (!st) {
        return st;
    }
    st = AuditRepository(c).record(QStringLiteral("tag"), 0, QStringLiteral("color"), TagRepository::normalise(tag), color);
    if (!st) {
        return st;
    }
    return tx.commit();
}

Result<Store::Stats> Store::stats() const
{
    // Shaped for a million events: every count is read from an index, one pass per index, and the
    // distinct actors by seeking from one code to the next instead of visiting every event.
    QSqlQuery q(m_db->connection());
    q.setForwardOnly(true);
    Stats s;
    const auto scalar = [&q](const QString &sql, qint64 &out) -> bool {
        if (!q.exec(sql) || !q.next()) {
            return false;
        }
        out = q.value(0).toLongLong();
        return true;
    };
    const bool ok =
        scalar(QStringLiteral("SELECT count(*) FROM articles"), s.articles) &&
        scalar(QStringLiteral("SELECT count(*) FROM tags"), s.tags) &&
        scalar(QStringLiteral("SELECT count(*) FROM sources"), s.sources) &&
        scalar(QStringLiteral("SELECT count(DISTINCT story_cluster) FROM articles WHERE story_cluster IS NOT NULL"),
               s.storyClusters);
    if (!ok) {
        return Database::sqlError(QStringLiteral("Could not count"), q.lastError());
    }
    if (!q.exec(QStringLiteral("SELECT status, count(*) FROM events GROUP BY status"))) {
        return Database::sqlError(QStringLiteral("Could not count"), q.lastError());
    }
    while (q.next()) {
        const QString status = q.value(0).toString();
        const qint64 n = q.value(1).toLongLong();
        s.events += n;
        if (status == QLatin1String("auto")) {
            s.unreviewed = n;
        } else if (status == QLatin1String("confirmed")) {
            s.confirmed = n;
        } else if (status == QLatin1String("rejected")) {
            s.rejected = n;
        } else if (status == QLatin1String("edited")) {
            s.edited = n;
        } else if (status == QLatin1String("manual")) {
            s.manual = n;
        }
    }
    QSet<QString> actors;
    for (const QString &column : {QStringLiteral("source_actor"), QStringLiteral("target_actor")}) {
        const QString sql = QStringLiteral("WITH RECURSIVE codes(code) AS (SELECT min(%1) FROM events UNION ALL "
                                           "SELECT (SELECT min(%1) FROM events WHERE %1 > codes.code) FROM codes "
                                           "WHERE codes.code IS NOT NULL) SELECT code FROM codes WHERE code IS NOT NULL")
                                .arg(column);
        if (!q.exec(sql)) {
            return Database::sqlError(QStringLiteral("Could not count"), q.lastError());
        }
        while (q.next()) {
            actors.insert(q.value(0).toString());
        }
    }
    actors.remove(QString());
    s.actors = actors.size();
    // Non-rejected events by type: all of them by type, less the rejected ones (few, and found by status).
    if (!q.exec(QStringLiteral("SELECT type, count(*) FROM events GROUP BY type"))) {
        return Database::sqlError(QStringLiteral("Could not count"), q.lastError());
    }
    while (q.next()) {
        s.byType.insert(q.value(0).toString(), q.value(1).toLongLong());
    }
    if (s.rejected > 0) {
        if (!q.exec(QStringLiteral("SELECT type, count(*) FROM events WHERE status = 'rejected' GROUP BY type"))) {
            return Database::sqlError(QStringLiteral("Could not count"), q.lastError());
        }
        while (q.next()) {
            const QString type = q.value(0).toString();
            const qint64 left = s.byType.value(type) - q.value(1).toLongLong();
            if (left > 0) {
                s.byType.insert(type, left);
            } else {
                s.byType.remove(type);
            }
        }
    }
    return s;
}

} // namespace Entente::Core
