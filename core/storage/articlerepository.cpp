#include "articlerepository.h"

#include <core/ingest/fingerprint.h>
#include <core/storage/database.h>

#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

namespace Entente::Core {

namespace {
QString iso(const QDate &d)
{
    return d.isValid() ? d.toString(Qt::ISODate) : QString();
}

QVariant nullable(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}

DatePoint readDate(const QSqlQuery &q, int startCol)
{
    DatePoint d;
    d.start = QDate::fromString(q.value(startCol).toString(), Qt::ISODate);
    d.end = QDate::fromString(q.value(startCol + 1).toString(), Qt::ISODate);
    d.precision = static_cast<DatePrecision>(q.value(startCol + 2).toInt());
    d.interval = q.value(startCol + 3).toBool();
    if (!d.start.isValid()) {
        d = {};
    }
    return d;
}

// SimHash values are unsigned; SQLite integers are signed 64-bit. Store the bit pattern.
qint64 toSql(quint64 v)
{
    return static_cast<qint64>(v);
}
} // namespace

Result<qint64> ArticleRepository::sourceId(const QString &name)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO sources(name) VALUES (?) ON CONFLICT(name) DO NOTHING"));
    q.addBindValue(name);
    if (!q.exec()) {
        return Database::sqlError(QStringLiteral("Could not store the source"), q.lastError());
    }
    q.prepare(QStringLiteral("SELECT id FROM sources WHERE name = ?"));
    q.addBindValue(name);
    if (!q.exec() || !q.next()) {
        return Database::sqlError(QStringLiteral("Could not read the source"), q.lastError());
    }
    return q.value(0).toLongLong();
}

Result<qint64> ArticleRepository::insert(const Article &a)
{
    QVariant source(QMetaType::fromType<qint64>());
    if (!a.source.isEmpty()) {
        const auto sid = sourceId(a.source);
        if (!sid) {
            return sid.error();
        }
        source = *sid;
    }
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "INSERT INTO articles(source_id, title, url, file_path, published_start, published_end, "
        "published_precision, published_interval, raw_text, clean_text, content_hash, simhash, story_cluster, "
        "language, imported_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
    q.addBindValue(source);
    q.addBindValue(a.title);
    q.addBindValue(nullable(a.url));
    q.addBindValue(nullable(a.filePath));
    q.addBindValue(a.published.isValid() ? QVariant(iso(a.published.start)) : QVariant(QMetaType::fromType<QString>()));
    q.addBindValue(a.published.isValid() ? QVariant(iso(a.published.end)) : QVariant(QMetaType::fromType<QString>()));
    q.addBindValue(static_cast<int>(a.published.precision));
    q.addBindValue(a.published.interval ? 1 : 0);
    q.addBindValue(a.rawText);
    q.addBindValue(a.cleanText);
    q.addBindValue(a.contentHash);
    q.addBindValue(toSql(a.simhash));
    q.addBindValue(a.storyCluster > 0 ? QVariant(a.storyCluster) : QVariant(QMetaType::fromType<qint64>()));
    q.addBindValue(nullable(a.language));
    q.addBindValue((a.importedAt.isValid() ? a.importedAt : QDateTime::currentDateTimeUtc()).toString(Qt::ISODate));
    if (!q.exec()) {
        return Database::sqlError(QStringLiteral("Could not store the article"), q.lastError());
    }
    const qint64 id = q.lastInsertId().toLongLong();
    if (a.simhash != 0) {
        q.prepare(QStringLiteral("INSERT OR IGNORE INTO simhash_bands(article_id, band, value) VALUES (?,?,?)"));
        const QList<int> bands = Fingerprint::bands(a.simhash);
        for (int band = 0; band < bands.size(); ++band) {
            q.addBindValue(id);
            q.addBindValue(band);
            q.addBindValue(bands.at(band));
            if (!q.exec()) {
                return Database::sqlError(QStringLiteral("Could not store the duplicate fingerprint"), q.lastError());
            }
        }
    }
    return id;
}

Status ArticleRepository::setStoryCluster(qint64 articleId, qint64 cluster)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE articles SET story_cluster = ? WHERE id = ?"));
    q.addBindValue(cluster);
    q.addBindValue(articleId);
    if (!q.exec()) {
        return Database::sqlError(QStringLiteral("Could not link the story copies"), q.lastError());
    }
    return {};
}

Status ArticleRepository::setExtractedNow(qint64 articleId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE articles SET extracted_at = ? WHERE id = ?"));
    q.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    q.addBindValue(articleId);
    if (!q.exec()) {
        return Database::sqlError(QStringLiteral("Could not mark the article extracted"), q.lastError());
    }
    return {};
}

Result<std::optional<Article>> ArticleRepository::get(qint64 id)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "SELECT a.id, a.title, s.name, a.url, a.file_path, a.published_start, a.published_end, "
        "a.published_precision, a.published_interval, a.raw_text, a.clean_text, a.content_hash, a.simhash, "
        "a.story_cluster, a.language, a.imported_at, "
        "(SELECT group_concat(t.name, char(31)) FROM article_tags at JOIN tags t ON t.id = at.tag_id "
        " WHERE at.article_id = a.id), "
        "(SELECT count(*) FROM events e WHERE e.article_id = a.id AND e.status <> 'rejected') "
        "FROM articles a LEFT JOIN sources s ON s.id = a.source_id WHERE a.id = ?"));
    q.addBindValue(id);
    if (!q.exec()) {
        return Database::sqlError(QStringLiteral("Could not read the article"), q.lastError());
    }
    if (!q.next()) {
        return std::optional<Article>{};
    }
    Article a;
    a.id = q.value(0).toLongLong();
    a.title = q.value(1).toString();
    a.source = q.value(2).toString();
    a.url = q.value(3).toString();
    a.filePath = q.value(4).toString();
    a.published = readDate(q, 5);
    a.rawText = q.value(9).toString();
    a.cleanText = q.value(10).toString();
    a.contentHash = q.value(11).toString();
    a.simhash = static_cast<quint64>(q.value(12).toLongLong());
    a.storyCluster = q.value(13).toLongLong();
    a.language = q.value(14).toString();
    a.importedAt = QDateTime::fromString(q.value(15).toString(), Qt::ISODate);
    const QString tags = q.value(16).toString();
    if (!tags.isEmpty()) {
        a.tags = tags.split(QChar(31));
        a.tags.sort(Qt::CaseInsensitive);
    }
    a.eventCount = q.value(17).toInt();
    return std::optional<Article>(a);
}

Result<std::optional<qint64>> ArticleRepository::idByHash(const QString &hash)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id FROM articles WHERE content_hash = ?"));
    q.addBindValue(hash);
    if (!q.exec()) {
        return Database::sqlError(QStringLiteral("Could not look up the article"), q.lastError());
    }
    if (q.next()) {
        return std::optional<qint64>(q.value(0).toLongLong());
    }
    return std::optional<qint64>{};
}

Result<std::optional<qint64>> ArticleRepository::idByUrl(const QString &url)
{
    if (url.isEmpty()) {
        return std::optional<qint64>{};
    }
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id FROM articles WHERE url = ?"));
    q.addBindValue(url);
    if (!q.exec()) {
        return Database::sqlError(QStringLiteral("Could not look up the article"), q.lastError());
    }
    if (q.next()) {
        return std::optional<qint64>(q.value(0).toLongLong());
    }
    return std::optional<qint64>{};
}

Result<QList<ArticleRepository::Candidate>> ArticleRepository::nearDuplicateCandidates(quint64 simhash)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "SELECT DISTINCT a.id, a.simhash, IFNULL(a.story_cluster, a.id) FROM simhash_bands b "
        "JOIN articles a ON a.id = b.article_id "
        "WHERE (b.band = 0 AND b.value = ?) OR (b.band = 1 AND b.value = ?) OR (b.band = 2 AND b.value = ?) "
        "OR (b.band = 3 AND b.value = ?) OR (b.band = 4 AND b.value = ?) OR (b.band = 5 AND b.value = ?) LIMIT 500"));
    for (int v : Fingerprint::bands(simhash)) {
        q.addBindValue(v);
    }
    if (!q.exec()) {
        return Database::sqlError(QStringLiteral("Could not look up near-duplicates"), q.lastError());
    }
    QList<Candidate> out;
    while (q.next()) {
        out.append({q.value(0).toLongLong(), static_cast<quint64>(q.value(1).toLongLong()), q.value(2).toLongLong()});
    }
    return out;
}

QString ArticleRepository::ftsQuery(const QString &userText)
{
    // Every word becomes a quoted FTS5 string, so operators, quotes and column filters typed by the
    // user are searched as text instead of being parsed as query syntax.
    static const QRegularExpression word(QStringLiteral("[\\p{L}\\p{N}_]+"));
    QStringList parts;
    auto it = word.globalMatch(userText);
    while (it.hasNext()) {
        parts << QLatin1Char('"') + it.next().captured(0) + QLatin1Char('"');
    }
    if (parts.isEmpty()) {
        return {};
    }
    parts.last() += QLatin1Char('*');
    return parts.join(QLatin1Char(' '));
}

QString ArticleRepository::whereClause(const ArticleFilter &f, QVariantList &binds) const
{
    QStringList conds;
    if (!f.search.trimmed().isEmpty()) {
        conds << QStringLiteral("a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)");
        binds << ftsQuery(f.search);
    }
    if (!f.tag.isEmpty()) {
        conds << QStringLiteral(
            "a.id IN (SELECT at.article_id FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE t.name = ?)");
        binds << f.tag;
    }
    if (!f.source.isEmpty()) {
        conds << QStringLiteral("a.source_id = (SELECT id FROM sources WHERE name = ?)");
        binds << f.source;
    }
    if (f.from.isValid()) {
        conds << QStringLiteral("a.published_end >= ?");
        binds << iso(f.from);
    }
    if (f.to.isValid()) {
        conds << QStringLiteral("a.published_start <= ?");
        binds << iso(f.to);
    }
    if (f.review == QLatin1String("unreviewed")) {
        conds << QStringLiteral("EXISTS (SELECT 1 FROM events e WHERE e.article_id = a.id AND e.status = 'auto')");
    } else if (f.review == QLatin1String("reviewed")) {
        conds << QStringLiteral(
            "NOT EXISTS (SELECT 1 FROM events e WHERE e.article_id = a.id AND e.status = 'auto')");
    }
    return conds.isEmpty() ? QString() : QStringLiteral(" WHERE ") + conds.join(QStringLiteral(" AND "));
}

Result<qint64> ArticleRepository::count(const ArticleFilter &filter)
{
    if (!filter.search.trimmed().isEmpty() && ftsQuery(filter.search).isEmpty()) {
        return qint64(0);
    }
    QVariantList binds;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT count(*) FROM articles a") + whereClause(filter, binds));
    for (const QVariant &b : std::as_const(binds)) {
        q.addBindValue(b);
    }
    if (!q.exec() || !q.next()) {
        return Database::sqlError(QStringLiteral("Could not count articles"), q.lastError());
    }
    return q.value(0).toLongLong();
}

Result<QList<ArticleSummary>> ArticleRepository::list(const ArticleFilter &filter, qint64 offset, qint64 limit)
{
    const bool searching = !filter.search.trimmed().isEmpty();
    if (searching && ftsQuery(filter.search).isEmpty()) {
        return QList<ArticleSummary>{};
    }
    QVariantList binds;
    QString sql;
    const QString cols = QStringLiteral(
        "a.id, a.title, s.name, a.published_start, a.published_end, a.published_precision, a.published_interval, "
        "(SELECT group_concat(t.name, char(31)) FROM article_tags at JOIN tags t ON t.id = at.tag_id "
        " WHERE at.article_id = a.id), "
        "(SELECT count(*) FROM events e WHERE e.article_id = a.id AND e.status <> 'rejected'), "
        "(SELECT count(*) FROM events e WHERE e.article_id = a.id AND e.status = 'auto')");
    if (searching) {
        // Rank and snippet come from the FTS table; the other filters apply to the joined article.
        QVariantList rest;
        ArticleFilter other = filter;
        other.search.clear();
        QString where = whereClause(other, rest);
        where = where.isEmpty() ? QStringLiteral(" WHERE articles_fts MATCH ?")
                                : where + QStringLiteral(" AND articles_fts MATCH ?");
        sql = QStringLiteral("SELECT ") + cols +
              QStringLiteral(", snippet(articles_fts, 1, '[', ']', '…', 12) FROM articles_fts "
                             "JOIN articles a ON a.id = articles_fts.rowid LEFT JOIN sources s ON s.id = a.source_id") +
              where + QStringLiteral(" ORDER BY rank LIMIT ? OFFSET ?");
        binds = rest;
        binds << ftsQuery(filter.search);
    } else {
        sql = QStringLiteral("SELECT ") + cols +
              QStringLiteral(", NULL FROM articles a LEFT JOIN sources s ON s.id = a.source_id") +
              whereClause(filter, binds) +
              QStringLiteral(" ORDER BY a.published_start IS NULL, a.published_start DESC, a.id DESC LIMIT ? OFFSET ?");
    }
    binds << limit << offset;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(sql);
    for (const QVariant &b : std::as_const(binds)) {
        q.addBindValue(b);
    }
    if (!q.exec()) {
        return Database::sqlError(QStringLiteral("Could not list articles"), q.lastError());
    }
    QList<ArticleSummary> out;
    while (q.next()) {
        ArticleSummary s;
        s.id = q.value(0).toLongLong();
        s.title = q.value(1).toString();
        s.source = q.value(2).toString();
        s.published = readDate(q, 3);
        const QString tags = q.value(7).toString();
        if (!tags.isEmpty()) {
            s.tags = tags.split(QChar(31));
            s.tags.sort(Qt::CaseInsensitive);
        }
        s.eventCount = q.value(8).toInt();
        s.unreviewedCount = q.value(9).toInt();
        s.snippet = q.value(10).toString();
        out.append(s);
    }
    return out;
}

Result<QList<qint64>> ArticleRepository::allIds()
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT id FROM articles ORDER BY id"))) {
        return Database::sqlError(QStringLiteral("Could not list articles"), q.lastError());
    }
    QList<qint64> out;
    while (q.next()) {
        out.append(q.value(0).toLongLong());
    }
    return out;
}

Result<QStringList> ArticleRepository::sources()
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT name FROM sources ORDER BY name COLLATE NOCASE"))) {
        return Database::sqlError(QStringLiteral("Could not list sources"), q.lastError());
    }
    QStringList out;
    while (q.next()) {
        out << q.value(0).toString();
    }
    return out;
}

Status ArticleRepository::remove(qint64 id)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM articles WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec()) {
        return Database::sqlError(QStringLiteral("Could not delete the article"), q.lastError());
    }
    return {};
}

} // namespace Entente::Core
