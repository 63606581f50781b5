#include "tagrepository.h"

#include <core/storage/database.h>

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>

namespace Entente::Core {

namespace {
QVariant nullable(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}
QVariant nullableDate(const QDate &d)
{
    return d.isValid() ? QVariant(d.toString(Qt::ISODate)) : QVariant(QMetaType::fromType<QString>());
}
} // namespace

QString TagRepository::normalise(const QString &name)
{
    QString out;
    out.reserve(name.size());
    for (const QChar c : name) {
        // Tabs and line breaks are control characters too, but they separate words.
        if (c.isSpace()) {
            out.append(QChar(u' '));
        } else if (c.category() != QChar::Other_Control && c.category() != QChar::Other_Format) {
            out.append(c);
        }
    }
    out = out.simplified();
    if (out.size() > 100) {
        out.truncate(100);
    }
    return out;
}

Result<qint64> TagRepository::ensureTag(const QString &raw)
{
    const QString name = normalise(raw);
    if (name.isEmpty()) {
        return Error{Error::Code::Usage, QStringLiteral("A tag needs at least one printable character.")};
    }
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO tags(name) VALUES (?) ON CONFLICT(name) DO NOTHING"));
    q.addBindValue(name);
    if (!q.exec()) {
        return Database::sqlError(QStringLiteral("Could not create the tag"), q.lastError());
    }
    q.prepare(QStringLiteral("SELECT id FROM tags WHERE name = ?"));
    q.addBindValue(name);
    if (!q.exec() || !q.next()) {
        return Database::sqlError(QStringLiteral("Could not read the tag"), q.lastError());
    }
    return q.value(0).toLongLong();
}

Result<bool> TagRepository::addTag(qint64 articleId, const QString &name)
{
    const auto tag = ensureTag(name);
    if (!tag) {
        return tag.error();
    }
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT OR IGNORE INTO article_tags(article_id, tag_id) VALUES (?, ?)"));
    q.addBindValue(articleId);
    q.addBindValue(*tag);
    if (!q.exec()) {
        return Database::sqlError(QStringLiteral("Could not tag the article"), q.lastError());
    }
    return q.numRowsAffected() > 0;
}

Result<bool> TagRepository::removeTag(qint64 articleId, const QString &name)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "DELETE FROM article_tags WHERE article_id = ? AND tag_id = (SELECT id FROM tags WHERE name = ?)"));
    q.addBindValue(articleId);
    q.addBindValue(normalise(name));
    if (!q.exec()) {
        return Database::sqlError(QStringLiteral("Could not untag the article"), q.lastError());
    }
    return q.numRowsAffected() > 0;
}

Result<QStringList> TagRepository::tagsOf(qint64 articleId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id "
                             "WHERE at.article_id = ? ORDER BY t.name COLLATE NOCASE"));
    q.addBindValue(articleId);
    if (!q.exec()) {
        return Database::sqlError(QStringLiteral("Could not read tags"), q.lastError());
    }
    QStringList out;
    while (q.next()) {
        out << q.value(0).toString();
    }
    return out;
}

Result<QList<Tag>> TagRepository::allTags()
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT t.id, t.name, t.color, (SELECT count(*) FROM article_tags at WHERE "
                               "at.tag_id = t.id) FROM tags t ORDER BY t.name COLLATE NOCASE"))) {
        return Database::sqlError(QStringLiteral("Could not list tags"), q.lastError());
    }
    QList<Tag> out;
    while (q.next()) {
        out.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toInt()});
    }
    return out;
}

Status TagRepository::setColor(const QString &name, const QString &color)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE tags SET color = ? WHERE name = ?"));
    q.addBindValue(nullable(color));
    q.addBindValue(normalise(name));
    if (!q.exec()) {
        return Database::sqlError(QStringLiteral("Could not set the tag colour"), q.lastError());
    }
    return {};
}

Status ActorRepository::upsertActor(const Actor &a)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO actors(code, name, kind, origin) VALUES (?,?,?,?) "
                             "ON CONFLICT(code) DO UPDATE SET name = excluded.name, kind = excluded.kind"));
    q.addBindValue(a.code);
    q.addBindValue(a.name);
    q.addBindValue(a.kind);
    q.addBindValue(a.origin);
    if (!q.exec()) {
        return Database::sqlError(QStringLiteral("Could not store the actor"), q.lastError());
    }
    return {};
}

Result<QList<Actor>> ActorRepository::actors()
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT code, name, kind, origin FROM actors WHERE merged_into IS NULL ORDER BY code"))) {
        return Database::sqlError(QStringLiteral("Could not list actors"), q.lastError());
    }
    QList<Actor> out;
    while (q.next()) {
        Actor a;
        a.code = q.value(0).toString();
        a.name = q.value(1).toString();
        a.kind = q.value(2).toString();
        a.origin = q.value(3).toString();
        out.append(a);
    }
    return out;
}

Result<qint64> ActorRepository::addAlias(const Alias &a)
{
    QString text;
    for (const QChar c : a.alias) {
        if (c.isSpace()) {
            text.append(QChar(u' '));
        } else if (c.category() != QChar::Other_Control && c.category() != QChar::Other_Format) {
            text.append(c);
        }
    }
    text = text.simplified();
    if (text.isEmpty() || a.actorCode.isEmpty()) {
        return Error{Error::Code::Usage, QStringLiteral("An alias needs a name and an actor.")};
    }
    if (a.validFrom.isValid() && a.validTo.isValid() && a.validFrom > a.validTo) {
        return Error{Error::Code::Usage, QStringLiteral("The alias's validity ends before it starts.")};
    }
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO aliases(alias, actor_code, role, valid_from, valid_to, origin, created_at) "
                             "VALUES (?,?,?,?,?,?,?)"));
    q.addBindValue(text);
    q.addBindValue(a.actorCode);
    q.addBindValue(nullable(a.role));
    q.addBindValue(nullableDate(a.validFrom));
    q.addBindValue(nullableDate(a.validTo));
    q.addBindValue(a.origin);
    q.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    if (!q.exec()) {
        return Database::sqlError(QStringLiteral("Could not store the alias"), q.lastError());
    }
    return q.lastInsertId().toLongLong();
}

Status ActorRepository::removeAlias(qint64 id)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM aliases WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec()) {
        return Database::sqlError(QStringLiteral("Could not delete the alias"), q.lastError());
    }
    return {};
}

Result<QList<Alias>> ActorRepository::aliases(const QString &actorCode)
{
    QSqlQuery q(m_db);
    QString sql = QStringLiteral("SELECT id, alias, actor_code, role, valid_from, valid_to, origin FROM aliases");
    if (!actorCode.isEmpty()) {
        sql += QStringLiteral(" WHERE actor_code = ?");
    }
    q.prepare(sql + QStringLiteral(" ORDER BY alias COLLATE NOCASE"));
    if (!actorCode.isEmpty()) {
        q.addBindValue(actorCode);
    }
    if (!q.exec()) {
        return Database::sqlError(QStringLiteral("Could not list aliases"), q.lastError());
    }
    QList<Alias> out;
    while (q.next()) {
        Alias a;
        a.id = q.value(0).toLongLong();
        a.alias = q.value(1).toString();
        a.actorCode = q.value(2).toString();
        a.role = q.value(3).toString();
        a.validFrom = QDate::fromString(q.value(4).toString(), Qt::ISODate);
        a.validTo = QDate::fromString(q.value(5).toString(), Qt::ISODate);
        a.origin = q.value(6).toString();
        out.append(a);
    }
    return out;
}

Result<int> ActorRepository::merge(const QString &from, const QString &into)
{
    if (from == into || from.isEmpty() || into.isEmpty()) {
        return Error{Error::Code::Usage, QStringLiteral("Pick two different actors to merge.")};
    }
    QSqlQuery q(m_db);
    int changed = 0;
    for (const QString &col : {QStringLiteral("source_actor"), QStringLiteral("target_actor"),
                               QStringLiteral("location"), QStringLiteral("attributed_to")}) {
        q.prepare(QStringLiteral("UPDATE events SET ") + col + QStringLiteral(" = ? WHERE ") + col +
                  QStringLiteral(" = ?"));
        q.addBindValue(into);
        q.addBindValue(from);
        if (!q.exec()) {
            return Database::sqlError(QStringLiteral("Could not merge the actors"), q.lastError());
        }
        changed += q.numRowsAffected();
    }
    q.prepare(QStringLiteral("UPDATE aliases SET actor_code = ? WHERE actor_code = ?"));
    q.addBindValue(into);
    q.addBindValue(from);
    if (!q.exec()) {
        return Database::sqlError(QStringLiteral("Could not merge the aliases"), q.lastError());
    }
    q.prepare(QStringLiteral("INSERT INTO actors(code, name, kind, origin, merged_into) VALUES (?, ?, 'state', 'user', ?) "
                             "ON CONFLICT(code) DO UPDATE SET merged_into = excluded.merged_into"));
    q.addBindValue(from);
    q.addBindValue(from);
    q.addBindValue(into);
    if (!q.exec()) {
        return Database::sqlError(QStringLiteral("Could not mark the actor merged"), q.lastError());
    }
    return changed;
}

Result<QList<Actor>> ActorRepository::eventActors()
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral(
            "SELECT code, count(*) FROM (SELECT source_actor AS code FROM events WHERE source_actor IS NOT NULL "
            "AND status <> 'rejected' UNION ALL SELECT target_actor FROM events WHERE target_actor IS NOT NULL "
            "AND status <> 'rejected') GROUP BY code ORDER BY count(*) DESC"))) {
        return Database::sqlError(QStringLiteral("Could not count actors"), q.lastError());
    }
    QList<Actor> out;
    while (q.next()) {
        Actor a;
        a.code = q.value(0).toString();
        a.eventCount = q.value(1).toInt();
        out.append(a);
    }
    return out;
}

Status AuditRepository::record(const QString &entity, qint64 entityId, const QString &action, const QString &before,
                               const QString &after)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO audit_log(at, entity, entity_id, action, before_value, after_value) "
                             "VALUES (?,?,?,?,?,?)"));
    q.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    q.addBindValue(entity);
    q.addBindValue(entityId);
    q.addBindValue(action);
    q.addBindValue(nullable(before));
    q.addBindValue(nullable(after));
    if (!q.exec()) {
        return Database::sqlError(QStringLiteral("Could not write the audit log"), q.lastError());
    }
    return {};
}

Result<QList<AuditRepository::Entry>> AuditRepository::entries(int limit)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id, at, entity, entity_id, action, before_value, after_value FROM audit_log "
                             "ORDER BY id DESC LIMIT ?"));
    q.addBindValue(limit);
    if (!q.exec()) {
        return Database::sqlError(QStringLiteral("Could not read the audit log"), q.lastError());
    }
    QList<Entry> out;
    while (q.next()) {
        out.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toLongLong(),
                    q.value(4).toString(), q.value(5).toString(), q.value(6).toString()});
    }
    return out;
}

} // namespace Entente::Core
