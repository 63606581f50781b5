#include "eventrepository.h"

#include <core/storage/database.h>

#include <QSet>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <tuple>
#include <vector>

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

/// Events whose date span lasts longer than a year. They are few, kept in partial indexes, and are the
/// only events that can overlap a range while starting more than a year before it.
const QString kLongSpan = QStringLiteral("date_end > date(date_start, '+366 days')");

/// One part of an event query: a condition answerable from one index in date order. A filter is the
/// union of a few disjoint parts (source or target actor; events starting in the range or the year
/// before it, and longer ones; dated, then undated), so that each part reads its index in order and
/// stops at the page it needs, instead of sorting every matching event of a million.
struct Part
{
    QString where;
    QVariantList binds;
    QString indexedBy; ///< forces the partial index of long events, which SQLite's planner would not pick
    bool undated = false;
};

/// The conditions on everything but actors and dates, applied in every part.
QString otherConditions(const EventFilter &f, QVariantList &binds)
{
    QStringList conds;
    if (!f.types.isEmpty()) {
        QStringList marks;
        for (EventType t : f.types) {
            marks << QStringLiteral("?");
            binds << eventTypeName(t);
        }
        conds << QStringLiteral("type IN (") + marks.join(QLatin1Char(',')) + QLatin1Char(')');
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
    return conds.join(QStringLiteral(" AND "));
}

QList<Part> partsOf(const EventFilter &f)
{
    struct ActorCond
    {
        QString where;
        QVariantList binds;
        QString longIndex;
    };
    QList<ActorCond> actors;
    if (!f.actor.isEmpty() && !f.actor2.isEmpty()) {
        actors.append({QStringLiteral("source_actor = ? AND target_actor = ?"), {f.actor, f.actor2},
                       QStringLiteral("events_long_source")});
        if (f.actor2 != f.actor) {
            actors.append({QStringLiteral("source_actor = ? AND target_actor = ?"), {f.actor2, f.actor},
                           QStringLiteral("events_long_source")});
        }
    } else if (!f.actor.isEmpty()) {
        actors.append({QStringLiteral("source_actor = ?"), {f.actor}, QStringLiteral("events_long_source")});
        actors.append({QStringLiteral("target_actor = ? AND (source_actor IS NULL OR source_actor <> ?)"),
                       {f.actor, f.actor}, QStringLiteral("events_long_target")});
    } else {
        actors.append({QString(), {}, QStringLiteral("events_long")});
    }
    QVariantList otherBinds;
    const QString other = otherConditions(f, otherBinds);
    QList<Part> parts;
    const auto add = [&](const ActorCond &a, const QString &dates, const QVariantList &dateBinds, const QString &index,
                         bool undated) {
        QStringList conds;
        Part p;
        if (!a.where.isEmpty()) {
            conds << a.where;
            p.binds << a.binds;
        }
        conds << dates;
        p.binds << dateBinds;
        if (!other.isEmpty()) {
            conds << other;
            p.binds << otherBinds;
        }
        p.where = conds.join(QStringLiteral(" AND "));
        p.indexedBy = index;
        p.undated = undated;
        parts.append(p);
    };
    if (f.from.isValid() || f.to.isValid()) {
        // An event matches when its span overlaps [from, to]. Events of up to a year start at most a
        // year before `from`: one index range. Longer ones come from their partial index.
        const QString to = f.to.isValid() ? f.to.toString(Qt::ISODate) : QStringLiteral("9999-12-31");
        for (const ActorCond &a : std::as_const(actors)) {
            if (!f.from.isValid()) {
                add(a, QStringLiteral("date_start <= ?"), {to}, {}, false);
                continue;
            }
            const QString from = f.from.toString(Qt::ISODate);
            const QString yearBefore = f.from.addDays(-366).toString(Qt::ISODate);
            add(a, QStringLiteral("date_start BETWEEN ? AND ? AND date_end >= ?"), {yearBefore, to, from}, {}, false);
            add(a, kLongSpan + QStringLiteral(" AND date_start < ? AND date_end >= ?"), {yearBefore, from}, a.longIndex,
                false);
        }
    } else {
        for (const ActorCond &a : std::as_const(actors)) {
            add(a, QStringLiteral("date_start IS NOT NULL"), {}, {}, false);
            if (f.includeUndated) {
                add(a, QStringLiteral("date_start IS NULL"), {}, {}, true);
            }
        }
    }
    return parts;
}

QString fromClause(const Part &p)
{
    return p.indexedBy.isEmpty() ? QStringLiteral(" FROM events WHERE ")
                                 : QStringLiteral(" FROM events INDEXED BY ") + p.indexedBy + QStringLiteral(" WHERE ");
}
} // namespace

QSqlQuery *EventRepository::insertQuery(Error *error)
{
    return m_statements.get(
        QStringLiteral("INSERT INTO events(article_id, span_start, span_end, sentence, type, source_actor, source_role, "
                       "target_actor, target_role, location, date_start, date_end, date_precision, date_interval, "
                       "polarity, modality, attributed_to, confidence, status, pattern, dictionary_entries, "
                       "fingerprint, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"),
        QStringLiteral("Could not store the event"), error);
}

Result<qint64> EventRepository::insert(const Event &e)
{
    Error error;
    QSqlQuery *q = insertQuery(&error);
    if (q == nullptr) {
        return error;
    }
    q->addBindValue(e.articleId);
    bindEventValues(*q, e);
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    q->addBindValue(now);
    q->addBindValue(now);
    if (!q->exec()) {
        return Database::sqlError(QStringLiteral("Could not store the event"), q->lastError());
    }
    return q->lastInsertId().toLongLong();
}

Status EventRepository::insertMany(QList<Event> &events)
{
    Error error;
    QSqlQuery *q = insertQuery(&error);
    if (q == nullptr) {
        return error;
    }
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    for (Event &e : events) {
        q->addBindValue(e.articleId);
        bindEventValues(*q, e);
        q->addBindValue(now);
        q->addBindValue(now);
        if (!q->exec()) {
            return Database::sqlError(
                QStringLiteral("Could not store the event of article %1 (%2)").arg(e.articleId).arg(eventTypeName(e.type)),
                q->lastError());
        }
        e.id = q->lastInsertId().toLongLong();
    }
    return {};
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
    return pageOf(filter, nullptr, offset, limit);
}

Result<QList<Event>> EventRepository::queryAfter(const EventFilter &filter, const Event &last, qint64 limit)
{
    Cursor c;
    c.undated = !last.date.isValid();
    c.date = c.undated ? QString() : last.date.start.toString(Qt::ISODate);
    c.id = last.id;
    return pageOf(filter, &c, 0, limit);
}

Result<QList<Event>> EventRepository::pageOf(const EventFilter &filter, const Cursor *after, qint64 offset, qint64 limit)
{
    // The page's ids from each part in date order (undated events last, by id), merged; then the rows.
    struct Key
    {
        bool undated;
        QString date;
        qint64 id;
    };
    const qint64 want = limit >= 0 ? offset + limit : -1;
    std::vector<Key> keys;
    for (Part p : partsOf(filter)) {
        if (after != nullptr) {
            // Dated events come before undated ones; within each, the order of (date, id).
            if (!p.undated && after->undated) {
                continue;
            }
            if (!p.undated) {
                p.where += QStringLiteral(" AND date_start >= ? AND (date_start > ? OR id > ?)");
                p.binds << after->date << after->date << after->id;
            } else if (after->undated) {
                p.where += QStringLiteral(" AND id > ?");
                p.binds << after->id;
            }
        }
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        QString sql = QStringLiteral("SELECT id, date_start") + fromClause(p) + p.where +
                      (p.undated ? QStringLiteral(" ORDER BY id") : QStringLiteral(" ORDER BY date_start, id"));
        if (want >= 0) {
            sql += QStringLiteral(" LIMIT ") + QString::number(want);
        }
        if (!q.prepare(sql)) {
            return Database::sqlError(QStringLiteral("Could not list events"), q.lastError());
        }
        for (int i = 0; i < p.binds.size(); ++i) {
            q.bindValue(i, p.binds.at(i));
        }
        if (!q.exec()) {
            return Database::sqlError(QStringLiteral("Could not list events"), q.lastError());
        }
        while (q.next()) {
            keys.push_back({p.undated, q.value(1).toString(), q.value(0).toLongLong()});
        }
    }
    std::sort(keys.begin(), keys.end(), [](const Key &a, const Key &b) {
        return std::tie(a.undated, a.date, a.id) < std::tie(b.undated, b.date, b.id);
    });
    const qsizetype first = std::min<qsizetype>(static_cast<qsizetype>(keys.size()), std::max<qint64>(0, offset));
    const qsizetype last = want >= 0 ? std::min<qsizetype>(static_cast<qsizetype>(keys.size()), want)
                                     : static_cast<qsizetype>(keys.size());
    QList<Event> out;
    out.reserve(std::max<qsizetype>(0, last - first));
    QHash<qint64, qsizetype> position;
    for (qsizetype i = first; i < last; ++i) {
        position.insert(keys[static_cast<size_t>(i)].id, i - first);
        out.append(Event{});
    }
    // The rows, a few hundred ids at a time.
    constexpr qsizetype kChunk = 500;
    for (qsizetype from = first; from < last; from += kChunk) {
        const qsizetype to = std::min(last, from + kChunk);
        QStringList marks;
        for (qsizetype i = from; i < to; ++i) {
            marks << QStringLiteral("?");
        }
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        if (!q.prepare(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM events WHERE id IN (") +
                       marks.join(QLatin1Char(',')) + QLatin1Char(')'))) {
            return Database::sqlError(QStringLiteral("Could not list events"), q.lastError());
        }
        for (qsizetype i = from; i < to; ++i) {
            q.bindValue(static_cast<int>(i - from), keys[static_cast<size_t>(i)].id);
        }
        if (!q.exec()) {
            return Database::sqlError(QStringLiteral("Could not list events"), q.lastError());
        }
        while (q.next()) {
            Event e = readEvent(q);
            out[position.value(e.id)] = std::move(e);
        }
    }
    // An event deleted between the two reads leaves an empty slot.
    out.removeIf([](const Event &e) { return e.id == 0; });
    return out;
}

Result<qint64> EventRepository::count(const EventFilter &filter)
{
    qint64 total = 0;
    for (const Part &p : partsOf(filter)) {
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        if (!q.prepare(QStringLiteral("SELECT count(*)") + fromClause(p) + p.where)) {
            return Database::sqlError(QStringLiteral("Could not count events"), q.lastError());
        }
        for (int i = 0; i < p.binds.size(); ++i) {
            q.bindValue(i, p.binds.at(i));
        }
        if (!q.exec() || !q.next()) {
            return Database::sqlError(QStringLiteral("Could not count events"), q.lastError());
        }
        total += q.value(0).toLongLong();
    }
    return total;
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

namespace {
sqlite3 *nativeHandle(const QSqlDatabase &db)
{
    const QVariant v = db.driver()->handle();
    if (v.isValid() && qstrcmp(v.typeName(), "sqlite3*") == 0) {
        return *static_cast<sqlite3 *const *>(v.constData());
    }
    return nullptr;
}

/// "YYYY-MM-DD" as stored; anything else is an invalid date.
QDate isoDate(const unsigned char *t, int n)
{
    if (t == nullptr || n != 10 || t[4] != '-' || t[7] != '-') {
        return {};
    }
    const auto digits = [t](int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; ++i) {
            if (t[i] < '0' || t[i] > '9') {
                return -1;
            }
            v = v * 10 + (t[i] - '0');
        }
        return v;
    };
    return QDate(digits(0, 4), digits(5, 2), digits(8, 2));
}

QString sharedCode(QHash<QByteArray, QString> &codes, const unsigned char *t, int n)
{
    if (t == nullptr || n == 0) {
        return {};
    }
    const QByteArray key = QByteArray::fromRawData(reinterpret_cast<const char *>(t), n);
    const auto it = codes.constFind(key);
    if (it != codes.constEnd()) {
        return *it;
    }
    const QString code = QString::fromUtf8(key);
    codes.insert(QByteArray(key.constData(), key.size()), code); // a deep copy: the raw data belongs to SQLite
    return code;
}
} // namespace

Status EventRepository::scanBriefs(const std::function<void(const EventBrief &)> &sink)
{
    sqlite3 *h = nativeHandle(m_db);
    if (h == nullptr) {
        return Error{Error::Code::Database, QStringLiteral("The SQLite driver gave no native handle.")};
    }
    sqlite3_stmt *stmt = nullptr;
    const char *sql = "SELECT id, type, source_actor, target_actor, date_start, date_end, date_precision, "
                      "date_interval, polarity, modality, confidence, status FROM events ORDER BY id";
    if (sqlite3_prepare_v2(h, sql, -1, &stmt, nullptr) != SQLITE_OK) {
        return Error{Error::Code::Database,
                     QStringLiteral("Could not read events: %1").arg(QString::fromUtf8(sqlite3_errmsg(h)))};
    }
    // Types, polarities, modalities and statuses are a handful of short strings: parse each once.
    QHash<QByteArray, QString> codes;
    std::array<QHash<QByteArray, int>, 4> enums;
    const auto enumValue = [&enums](int which, const unsigned char *t, int n, int (*parse)(const QString &)) {
        const QByteArray key = QByteArray::fromRawData(reinterpret_cast<const char *>(t), n);
        const auto it = enums[which].constFind(key);
        if (it != enums[which].constEnd()) {
            return *it;
        }
        const int v = parse(QString::fromUtf8(key));
        enums[which].insert(QByteArray(key.constData(), key.size()), v); // a deep copy, as above
        return v;
    };
    int rc = SQLITE_ROW;
    EventBrief b;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        const auto text = [stmt](int col) { return sqlite3_column_text(stmt, col); };
        const auto bytes = [stmt](int col) { return sqlite3_column_bytes(stmt, col); };
        b.id = sqlite3_column_int64(stmt, 0);
        b.type = static_cast<EventType>(enumValue(0, text(1), bytes(1), [](const QString &v) {
            return static_cast<int>(eventTypeFromName(v).value_or(EventType::MeetingVisit));
        }));
        b.source = sharedCode(codes, text(2), bytes(2));
        b.target = sharedCode(codes, text(3), bytes(3));
        b.date.start = isoDate(text(4), bytes(4));
        b.date.end = isoDate(text(5), bytes(5));
        b.date.precision = static_cast<DatePrecision>(sqlite3_column_int(stmt, 6));
        b.date.interval = sqlite3_column_int(stmt, 7) != 0;
        if (!b.date.start.isValid()) {
            b.date = {};
        }
        b.polarity = static_cast<Polarity>(
            enumValue(1, text(8), bytes(8), [](const QString &v) { return static_cast<int>(polarityFromName(v)); }));
        b.modality = static_cast<Modality>(
            enumValue(2, text(9), bytes(9), [](const QString &v) { return static_cast<int>(modalityFromName(v)); }));
        b.confidence = sqlite3_column_double(stmt, 10);
        b.status = static_cast<ReviewStatus>(enumValue(3, text(11), bytes(11), [](const QString &v) {
            return static_cast<int>(reviewStatusFromName(v).value_or(ReviewStatus::Auto));
        }));
        sink(b);
    }
    const QString message = QString::fromUtf8(sqlite3_errmsg(h));
    sqlite3_finalize(stmt);
    if (rc != SQLITE_DONE) {
        return Error{Error::Code::Database, QStringLiteral("Could not read events: %1").arg(message)};
    }
    return {};
}

} // namespace Entente::Core
