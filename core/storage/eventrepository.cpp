#include "eventrepository.h"

#include <core/storage/database.h>

#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

namespace Entente::Core {

namespace {
const QString kColumns = QStringLiteral(
    "id, article_id, span_start, span_end, sentence, type, source_actor, source_role, target_actor, target_role, "
    "location, date_start, date_end, date_precision, date_interval, polarity, modality, attributed_to, confidence, "
    "status, pattern, dictionary_entries, created_at, updated_at");

QVariant nullable(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}

Event readEvent(const QSqlQuery &q)
{
    Event e;
    e.id = q.value(0).toLongLong();
    e.articleId = q.value(1).toLongLong();
    e.spanStart = q.value(2).toLongLong();
    e.spanEnd = q.value(3).toLongLong();
    e.sentence = q.value(4).toString();
    e.type = eventTypeFromName(q.value(5).toString()).value_or(EventType::MeetingVisit);
    e.source = q.value(6).toString();
    e.sourceRole = q.value(7).toString();
    e.target = q.value(8).toString();
    e.targetRole = q.value(9).toString();
    e.location = q.value(10).toString();
    e.date.start = QDate::fromString(q.value(11).toString(), Qt::ISODate);
    e.date.end = QDate::fromString(q.value(12).toString(), Qt::ISODate);
    e.date.precision = static_cast<DatePrecision>(q.value(13).toInt());
    e.date.interval = q.value(14).toBool();
    if (!e.date.start.isValid()) {
        e.date = {};
    }
    e.polarity = polarityFromName(q.value(15).toString());
    e.modality = modalityFromName(q.value(16).toString());
    e.attributedTo = q.value(17).toString();
    e.confidence = q.value(18).toDouble();
    e.status = reviewStatusFromName(q.value(19).toString()).value_or(ReviewStatus::Auto);
    e.pattern = q.value(20).toString();
    const QString entries = q.value(21).toString();
    if (!entries.isEmpty()) {
        e.dictionaryEntries = entries.split(QLatin1Char('\n'));
    }
    e.createdAt = QDateTime::fromString(q.value(22).toString(), Qt::ISODate);
    e.updatedAt = QDateTime::fromString(q.value(23).toString(), Qt::ISODate);
    return e;
}

void bindEventValues(QSqlQuery &q, const Event &e)
{
    q.addBindValue(e.spanStart);
    q.addBindValue(e.spanEnd);
    q.addBindValue(e.sentence);
    q.addBindValue(eventTypeName(e.type));
    q.addBindValue(nullable(e.source));
    q.addBindValue(nullable(e.sourceRole));
    q.addBindValue(nullable(e.target));
    q.addBindValue(nullable(e.targetRole));
    q.addBindValue(nullable(e.location));
    q.addBindValue(e.date.isValid() ? QVariant(e.date.start.toString(Qt::ISODate))
                                    : QVariant(QMetaType::fromType<QString>()));
    q.addBindValue(e.date.isValid() ? QVariant(e.date.end.toString(Qt::ISODate))
                                    : QVariant(QMetaType::fromType<QString>()));
    q.addBindValue(static_cast<int>(e.date.precision));
    q.addBindValue(e.date.interval ? 1 : 0);
    q.addBindValue(polarityName(e.polarity));
    q.addBindValue(modalityName(e.modality));
    q.addBindValue(nullable(e.attributedTo));
    q.addBindValue(qBound(0.0, e.confidence, 1.0));
    q.addBindValue(reviewStatusName(e.status));
    q.addBindValue(nullable(e.pattern));
    q.addBindValue(nullable(e.dictionaryEntries.join(QLatin1Char('\n'))));
    q.addBindValue(e.fingerprint());
}

QString whereClause(const EventFilter &f, QVariantList &binds)
{
    QStringList conds;
    if (!f.actor.isEmpty() && !f.actor2.isEmpty()) {
        conds << QStringLiteral("((source_actor = ? AND target_actor = ?) OR (source_actor = ? AND target_actor = ?))");
        binds << f.actor << f.actor2 << f.actor2 << f.actor;
    } else if (!f.actor.isEmpty()) {
        // Two indexed lookups instead of an OR over two columns.
        conds << QStringLiteral(
            "id IN (SELECT id FROM events WHERE source_actor = ? UNION SELECT id FROM events WHERE target_actor = ?)");
        binds << f.actor << f.actor;
    }
    if (!f.types.isEmpty()) {
        QStringList marks;
        for (EventType t : f.types) {
            marks << QStringLiteral("?");
            binds << eventTypeName(t);
        }
        conds << QStringLiteral("type IN (") + marks.join(QLatin1Char(',')) + QLatin1Char(')');
    }
    if (f.from.isValid() || f.to.isValid()) {
        QStringList dc;
        if (f.from.isValid()) {
            dc << QStringLiteral("date_end >= ?");
            binds << f.from.toString(Qt::ISODate);
        }
        if (f.to.isValid()) {
            dc << QStringLiteral("date_start <= ?");
            binds << f.to.toString(Qt::ISODate);
        }
        QString c = QLatin1Char('(') + dc.join(QStringLiteral(" AND ")) + QLatin1Char(')');
        if (!f.includeUndated) {
            conds << c;
        } else {
            conds << c;
        }
    } else if (!f.includeUndated) {
        conds << QStringLiteral("date_start IS NOT NULL");
    }
    if (!f.status.isEmpty()) {
        conds << QStringLiteral("status = ?");
        binds << (f.status == QLatin1String("unreviewed") ? QStringLiteral("auto") : f.status);
    } else if (!f.includeRejected) {
        conds << QStringLiteral("status <> 'rejected'");
    }
    if (f.minConfidence > 0.0) {
        conds << QStringLiteral("confidence >= ?");
        binds << f.minConfidence;
    }
    if (f.articleId > 0) {
        conds << QStringLiteral("article_id = ?");
        binds << f.articleId;
    }
    return conds.isEmpty() ? QString() : QStringLiteral(" WHERE ") + conds.join(QStringLiteral(" AND "));
}
} // namespace

Result<qint64> EventRepository::insert(const Event &e)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "INSERT INTO events(article_id, span_start, span_end, sentence, type, source_actor, source_role, "
        "target_actor, target_role, location, date_start, date_end, date_precision, date_interval, polarity, "
        "modality, attributed_to, confidence, status, pattern, dictionary_entries, fingerprint, created_at, "
        "updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
    q.addBindValue(e.articleId);
    bindEventValues(q, e);
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    q.addBindValue(now);
    q.addBindValue(now);
    if (!q.exec()) {
        return Database::sqlError(QStringLiteral("Could not store the event"), q.lastError());
    }
    return q.lastInsertId().toLongLong();
}

Status EventRepository::update(const Event &e)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "UPDATE events SET span_start=?, span_end=?, sentence=?, type=?, source_actor=?, source_role=?, "
        "target_actor=?, target_role=?, location=?, date_start=?, date_end=?, date_precision=?, date_interval=?, "
        "polarity=?, modality=?, attributed_to=?, confidence=?, status=?, pattern=?, dictionary_entries=?, "
        "fingerprint=?, updated_at=? WHERE id=?"));
    bindEventValues(q, e);
    q.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    q.addBindValue(e.id);
    if (!q.exec()) {
        return Database::sqlError(QStringLiteral("Could not update the event"), q.lastError());
    }
    if (q.numRowsAffected() == 0) {
        return Error{Error::Code::NotFound, QStringLiteral("Event %1 does not exist.").arg(e.id)};
    }
    return {};
}

Status EventRepository::setStatus(qint64 id, ReviewStatus status)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE events SET status = ?, updated_at = ? WHERE id = ?"));
    q.addBindValue(reviewStatusName(status));
    q.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    q.addBindValue(id);
    if (!q.exec()) {
        return Database::sqlError(QStringLiteral("Could not change the event's status"), q.lastError());
    }
    if (q.numRowsAffected() == 0) {
        return Error{Error::Code::NotFound, QStringLiteral("Event %1 does not exist.").arg(id)};
    }
    return {};
}

Status EventRepository::remove(qint64 id)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM events WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec()) {
        return Database::sqlError(QStringLiteral("Could not delete the event"), q.lastError());
    }
    return {};
}

Result<std::optional<Event>> EventRepository::get(qint64 id)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM events WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec()) {
        return Database::sqlError(QStringLiteral("Could not read the event"), q.lastError());
    }
    if (!q.next()) {
        return std::optional<Event>{};
    }
    return std::optional<Event>(readEvent(q));
}

Result<QList<Event>> EventRepository::forArticle(qint64 articleId)
{
    EventFilter f;
    f.articleId = articleId;
    return query(f);
}

Result<QList<Event>> EventRepository::query(const EventFilter &filter, qint64 offset, qint64 limit)
{
    QVariantList binds;
    QString sql = QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM events") + whereClause(filter, binds) +
                  QStringLiteral(" ORDER BY date_start IS NULL, date_start, id");
    if (limit >= 0) {
        sql += QStringLiteral(" LIMIT ? OFFSET ?");
        binds << limit << offset;
    }
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(sql);
    for (const QVariant &b : std::as_const(binds)) {
        q.addBindValue(b);
    }
    if (!q.exec()) {
        return Database::sqlError(QStringLiteral("Could not list events"), q.lastError());
    }
    QList<Event> out;
    while (q.next()) {
        out.append(readEvent(q));
    }
    return out;
}

Result<qint64> EventRepository::count(const EventFilter &filter)
{
    QVariantList binds;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT count(*) FROM events") + whereClause(filter, binds));
    for (const QVariant &b : std::as_const(binds)) {
        q.addBindValue(b);
    }
    if (!q.exec() || !q.next()) {
        return Database::sqlError(QStringLiteral("Could not count events"), q.lastError());
    }
    return q.value(0).toLongLong();
}

Result<int> EventRepository::replaceAutoEvents(qint64 articleId, const QList<Event> &fresh)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM events WHERE article_id = ? AND status = 'auto'"));
    q.addBindValue(articleId);
    if (!q.exec()) {
        return Database::sqlError(QStringLiteral("Could not clear the automatic events"), q.lastError());
    }
    q.prepare(QStringLiteral("SELECT fingerprint FROM events WHERE article_id = ?"));
    q.addBindValue(articleId);
    if (!q.exec()) {
        return Database::sqlError(QStringLiteral("Could not read the reviewed events"), q.lastError());
    }
    QSet<QString> kept;
    while (q.next()) {
        kept.insert(q.value(0).toString());
    }
    int added = 0;
    for (Event e : fresh) {
        e.articleId = articleId;
        e.status = ReviewStatus::Auto;
        if (kept.contains(e.fingerprint())) {
            continue;
        }
        const auto id = insert(e);
        if (!id) {
            return id.error();
        }
        kept.insert(e.fingerprint());
        ++added;
    }
    return added;
}

Result<QList<Event>> EventRepository::page(qint64 afterId, int limit)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM events WHERE id > ? ORDER BY id LIMIT ?"));
    q.addBindValue(afterId);
    q.addBindValue(limit);
    if (!q.exec()) {
        return Database::sqlError(QStringLiteral("Could not read events"), q.lastError());
    }
    QList<Event> out;
    while (q.next()) {
        out.append(readEvent(q));
    }
    return out;
}

} // namespace Entente::Core
