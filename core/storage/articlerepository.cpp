#include "articlerepository.h"

#include <core/ingest/fingerprint.h>
#include <core/storage/database.h>

#include <QHash>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

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
    Error error;
    QSqlQuery *ins = m_statements.get(QStringLiteral("INSERT INTO sources(name) VALUES (?) ON CONFLICT(name) DO NOTHING"),
                                      QStringLiteral("Could not store the source"), &error);
    if (ins == nullptr) {
        return error;
    }
    ins->bindValue(0, name);
    if (!ins->exec()) {
        return Database::sqlError(QStringLiteral("Could not store the source"), ins->lastError());
    }
    QSqlQuery *q = m_statements.get(QStringLiteral("SELECT id FROM sources WHERE name = ?"),
                                    QStringLiteral("Could not read the source"), &error);
    if (q == nullptr) {
        return error;
    }
    const StatementCache::Finish done{q};
    q->bindValue(0, name);
    if (!q->exec() || !q->next()) {
        return Database::sqlError(QStringLiteral("Could not read the source"), q->lastError());
    }
    return q->value(0).toLongLong();
}

Result<qint64> ArticleRepository::insert(const Article &a, const QDateTime &extractedAt)
{
    QVariant source(QMetaType::fromType<qint64>());
    if (!a.source.isEmpty()) {
        const auto sid = sourceId(a.source);
        if (!sid) {
            return sid.error();
        }
        source = *sid;
    }
    Error error;
    QSqlQuery *q = m_statements.get(
        QStringLiteral("INSERT INTO articles(source_id, title, url, file_path, published_start, published_end, "
                       "published_precision, published_interval, raw_text, clean_text, content_hash, simhash, "
                       "story_cluster, language, imported_at, extracted_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"),
        QStringLiteral("Could not store the article"), &error);
    if (q == nullptr) {
        return error;
    }
    q->bindValue(0, source);
    q->bindValue(1, a.title);
    q->bindValue(2, nullable(a.url));
    q->bindValue(3, nullable(a.filePath));
    q->bindValue(4, a.published.isValid() ? QVariant(iso(a.published.start)) : QVariant(QMetaType::fromType<QString>()));
    q->bindValue(5, a.published.isValid() ? QVariant(iso(a.published.end)) : QVariant(QMetaType::fromType<QString>()));
    q->bindValue(6, static_cast<int>(a.published.precision));
    q->bindValue(7, a.published.interval ? 1 : 0);
    q->bindValue(8, a.rawText);
    q->bindValue(9, a.cleanText);
    q->bindValue(10, a.contentHash);
    q->bindValue(11, toSql(a.simhash));
    q->bindValue(12, a.storyCluster > 0 ? QVariant(a.storyCluster) : QVariant(QMetaType::fromType<qint64>()));
    q->bindValue(13, nullable(a.language));
    q->bindValue(14, (a.importedAt.isValid() ? a.importedAt : QDateTime::currentDateTimeUtc()).toString(Qt::ISODate));
    q->bindValue(15, extractedAt.isValid() ? QVariant(extractedAt.toUTC().toString(Qt::ISODate))
                                           : QVariant(QMetaType::fromType<QString>()));
    if (!q->exec()) {
        return Database::sqlError(QStringLiteral("Could not store the article"), q->lastError());
    }
    const qint64 id = q->lastInsertId().toLongLong();
    if (a.simhash != 0) {
        QSqlQuery *b = m_statements.get(
            QStringLiteral("INSERT OR IGNORE INTO simhash_bands(article_id, band, value, simhash) VALUES (?,?,?,?)"),
            QStringLiteral("Could not store the duplicate fingerprint"), &error);
        if (b == nullptr) {
            return error;
        }
        const QList<int> bands = Fingerprint::bands(a.simhash);
        for (int band = 0; band < bands.size(); ++band) {
            b->bindValue(0, id);
            b->bindValue(1, band);
            b->bindValue(2, bands.at(band));
            b->bindValue(3, toSql(a.simhash));
            if (!b->exec()) {
                return Database::sqlError(QStringLiteral("Could not store the duplicate fingerprint"), b->lastError());
            }
        }
    }
    return id;
}

Status ArticleRepository::setStoryCluster(qint64 articleId, qint64 cluster)
{
    Error error;
    QSqlQuery *q = m_statements.get(QStringLiteral("UPDATE articles SET story_cluster = ? WHERE id = ?"),
                                    QStringLiteral("Could not link the story copies"), &error);
    if (q == nullptr) {
        return error;
    }
    q->bindValue(0, cluster);
    q->bindValue(1, articleId);
    if (!q->exec()) {
        return Database::sqlError(QStringLiteral("Could not link the story copies"), q->lastError());
    }
    return {};
}

Status ArticleRepository::setExtractedNow(qint64 articleId)
{
    Error error;
    QSqlQuery *q = m_statements.get(QStringLiteral("UPDATE articles SET extracted_at = ? WHERE id = ?"),
                                    QStringLiteral("Could not mark the article extracted"), &error);
    if (q == nullptr) {
        return error;
    }
    q->bindValue(0, QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    q->bindValue(1, articleId);
    if (!q->exec()) {
        return Database::sqlError(QStringLiteral("Could not mark the article extracted"), q->lastError());
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
    Error error;
    QSqlQuery *q = m_statements.get(QStringLiteral("SELECT id FROM articles WHERE content_hash = ?"),
                                    QStringLiteral("Could not look up the article"), &error);
    if (q == nullptr) {
        return error;
    }
    const StatementCache::Finish done{q};
    q->bindValue(0, hash);
    if (!q->exec()) {
        return Database::sqlError(QStringLiteral("Could not look up the article"), q->lastError());
    }
    if (q->next()) {
        return std::optional<qint64>(q->value(0).toLongLong());
    }
    return std::optional<qint64>{};
}

Result<std::optional<qint64>> ArticleRepository::idByUrl(const QString &url)
{
    if (url.isEmpty()) {
        return std::optional<qint64>{};
    }
    Error error;
    QSqlQuery *q = m_statements.get(QStringLiteral("SELECT id FROM articles WHERE url = ?"),
                                    QStringLiteral("Could not look up the article"), &error);
    if (q == nullptr) {
        return error;
    }
    const StatementCache::Finish done{q};
    q->bindValue(0, url);
    if (!q->exec()) {
        return Database::sqlError(QStringLiteral("Could not look up the article"), q->lastError());
    }
    if (q->next()) {
        return std::optional<qint64>(q->value(0).toLongLong());
    }
    return std::optional<qint64>{};
}

Result<QList<ArticleRepository::Candidate>> ArticleRepository::nearDuplicateCandidates(quint64 simhash,
                                                                                      int maxDistance)
{
    Error error;
    QSqlQuery *q = m_statements.get(
        QStringLiteral(
            "SELECT DISTINCT b.article_id, b.simhash FROM simhash_bands b "
            "WHERE (b.band = 0 AND b.value = ?) OR (b.band = 1 AND b.value = ?) OR (b.band = 2 AND b.value = ?) "
            "OR (b.band = 3 AND b.value = ?) OR (b.band = 4 AND b.value = ?) OR (b.band = 5 AND b.value = ?) LIMIT 500"),
        QStringLiteral("Could not look up near-duplicates"), &error);
    if (q == nullptr) {
        return error;
    }
    QList<Candidate> out;
    {
        const StatementCache::Finish done{q};
        const QList<int> bands = Fingerprint::bands(simhash);
        for (int i = 0; i < bands.size(); ++i) {
            q->bindValue(i, bands.at(i));
        }
        if (!q->exec()) {
            return Database::sqlError(QStringLiteral("Could not look up near-duplicates"), q->lastError());
        }
        while (q->next()) {
            const auto candidate = static_cast<quint64>(q->value(1).toLongLong());
            if (Fingerprint::distance(candidate, simhash) <= maxDistance) {
                out.append({q->value(0).toLongLong(), candidate, 0});
            }
        }
    }
    if (out.isEmpty()) {
        return out;
    }
    QSqlQuery *c = m_statements.get(QStringLiteral("SELECT IFNULL(story_cluster, id) FROM articles WHERE id = ?"),
                                    QStringLiteral("Could not look up near-duplicates"), &error);
    if (c == nullptr) {
        return error;
    }
    const StatementCache::Finish done{c};
    for (Candidate &cand : out) {
        c->bindValue(0, cand.id);
        if (!c->exec()) {
            return Database::sqlError(QStringLiteral("Could not look up near-duplicates"), c->lastError());
        }
        cand.cluster = c->next() ? c->value(0).toLongLong() : cand.id;
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
    ArticleFilter other = filter;
    other.search.clear();
    if (!filter.search.trimmed().isEmpty() && whereClause(other, binds).isEmpty()) {
        // A search alone is counted from the full-text index, without visiting the articles.
        binds = {ftsQuery(filter.search)};
        q.prepare(QStringLiteral("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?"));
    } else {
        binds.clear();
        q.prepare(QStringLiteral("SELECT count(*) FROM articles a") + whereClause(filter, binds));
    }
    for (const QVariant &b : std::as_const(binds)) {
        q.addBindValue(b);
    }
    if (!q.exec() || !q.next()) {
        return Database::sqlError(QStringLiteral("Could not count articles"), q.lastError());
    }
    return q.value(0).toLongLong();
}

namespace {
const QString kSummaryColumns = QStringLiteral(
    "a.id, a.title, s.name, a.published_start, a.published_end, a.published_precision, a.published_interval, "
    "(SELECT group_concat(t.name, char(31)) FROM article_tags at JOIN tags t ON t.id = at.tag_id "
    " WHERE at.article_id = a.id), "
    "(SELECT count(*) FROM events e WHERE e.article_id = a.id AND e.status <> 'rejected'), "
    "(SELECT count(*) FROM events e WHERE e.article_id = a.id AND e.status = 'auto')");

ArticleSummary readSummary(const QSqlQuery &q)
{
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
    return s;
}
} // namespace

Result<QList<qint64>> ArticleRepository::rankedIds(const ArticleFilter &filter)
{
    return rankedIds(filter, 0, -1);
}

Result<QList<qint64>> ArticleRepository::rankedIds(const ArticleFilter &filter, qint64 offset, qint64 limit)
{
    if (filter.search.trimmed().isEmpty() || ftsQuery(filter.search).isEmpty()) {
        return QList<qint64>{};
    }
    // Only the ranking touches every match: no article row, count or snippet is read here.
    QVariantList binds;
    ArticleFilter other = filter;
    other.search.clear();
    const QString where = whereClause(other, binds);
    QString sql = where.isEmpty()
                      ? QStringLiteral("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rank")
                      : QStringLiteral("SELECT articles_fts.rowid FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid") +
                            where + QStringLiteral(" AND articles_fts MATCH ? ORDER BY rank");
    binds << ftsQuery(filter.search);
    if (limit >= 0) {
        sql += QStringLiteral(" LIMIT ? OFFSET ?");
        binds << limit << offset;
    }
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.prepare(sql)) {
        return Database::sqlError(QStringLiteral("Could not search articles"), q.lastError());
    }
    for (int i = 0; i < binds.size(); ++i) {
        q.bindValue(i, binds.at(i));
    }
    if (!q.exec()) {
        return Database::sqlError(QStringLiteral("Could not search articles"), q.lastError());
    }
    QList<qint64> out;
    while (q.next()) {
        out.append(q.value(0).toLongLong());
    }
    return out;
}

Result<QList<ArticleSummary>> ArticleRepository::summaries(const ArticleFilter &filter, const QList<qint64> &ids)
{
    QList<ArticleSummary> out;
    if (ids.isEmpty()) {
        return out;
    }
    const bool searching = !filter.search.trimmed().isEmpty() && !ftsQuery(filter.search).isEmpty();
    QHash<qint64, ArticleSummary> found;
    constexpr qsizetype kChunk = 500;
    for (qsizetype from = 0; from < ids.size(); from += kChunk) {
        const QList<qint64> part = ids.mid(from, kChunk);
        QStringList marks;
        QVariantList binds;
        for (qint64 id : part) {
            marks << QStringLiteral("?");
            binds << id;
        }
        QString sql;
        if (searching) {
            // The snippet needs the search's full-text cursor. The unary + keeps the id list from being
            // handed to FTS5 as one lookup per id, each of which would expand a prefix search again (1 ms
            // apiece for "defen*" at 100,000 articles): the matches are read once and filtered.
            sql = QStringLiteral("SELECT ") + kSummaryColumns +
                  QStringLiteral(", snippet(articles_fts, 1, '[', ']', '…', 12) FROM articles_fts "
                                 "JOIN articles a ON a.id = articles_fts.rowid LEFT JOIN sources s ON s.id = a.source_id "
                                 "WHERE articles_fts MATCH ? AND +articles_fts.rowid IN (") +
                  marks.join(QLatin1Char(',')) + QLatin1Char(')');
            binds.prepend(ftsQuery(filter.search));
        } else {
            sql = QStringLiteral("SELECT ") + kSummaryColumns +
                  QStringLiteral(", NULL FROM articles a LEFT JOIN sources s ON s.id = a.source_id WHERE a.id IN (") +
                  marks.join(QLatin1Char(',')) + QLatin1Char(')');
        }
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        if (!q.prepare(sql)) {
            return Database::sqlError(QStringLiteral("Could not list articles"), q.lastError());
        }
        for (int i = 0; i < binds.size(); ++i) {
            q.bindValue(i, binds.at(i));
        }
        if (!q.exec()) {
            return Database::sqlError(QStringLiteral("Could not list articles"), q.lastError());
        }
        while (q.next()) {
            ArticleSummary s = readSummary(q);
            found.insert(s.id, std::move(s));
        }
    }
    out.reserve(ids.size());
    for (qint64 id : ids) {
        const auto it = found.constFind(id);
        if (it != found.constEnd()) {
            out.append(*it);
        }
    }
    return out;
}

Result<QList<ArticleSummary>> ArticleRepository::list(const ArticleFilter &filter, qint64 offset, qint64 limit)
{
    const bool searching = !filter.search.trimmed().isEmpty();
    if (searching) {
        // The page's ids in rank order first, then their rows, counts and snippets: computing those for
        // every match before sorting took seconds for a common word in 100,000 articles.
        const auto ids = rankedIds(filter, offset, limit);
        if (!ids) {
            return ids.error();
        }
        return summaries(filter, *ids);
    }
    QVariantList binds;
    const QString sql = QStringLiteral("SELECT ") + kSummaryColumns +
                        QStringLiteral(", NULL FROM articles a LEFT JOIN sources s ON s.id = a.source_id") +
                        whereClause(filter, binds) +
                        // Newest first with undated articles last: SQLite sorts NULL lowest, so descending
                        // order puts them last by itself, and the order is the index's (read backwards): a
                        // page costs its rows, not a sort of every article.
                        QStringLiteral(" ORDER BY a.published_start DESC, a.id DESC LIMIT ? OFFSET ?");
    binds << limit << offset;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.prepare(sql)) {
        return Database::sqlError(QStringLiteral("Could not list articles"), q.lastError());
    }
    for (int i = 0; i < binds.size(); ++i) {
        q.bindValue(i, binds.at(i));
    }
    if (!q.exec()) {
        return Database::sqlError(QStringLiteral("Could not list articles"), q.lastError());
    }
    QList<ArticleSummary> out;
    while (q.next()) {
        out.append(readSummary(q));
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
