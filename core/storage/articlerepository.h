#pragma once

#include <core/domain/article.h>
#include <core/domain/result.h>
#include <core/storage/statementcache.h>

#include <QSqlDatabase>

#include <optional>

namespace Entente::Core {

/// Filter for article lists. Empty fields do not filter.
struct ArticleFilter
{
    QString search;       ///< FTS5 query text (user words; quoted safely by the repository)
    QString tag;
    QString source;
    QDate from;
    QDate to;
    QString review;       ///< "", "unreviewed" (has auto events), "reviewed" (no auto events)
};

/// All SQL on articles, sources, near-duplicate bands and the full-text index. No transactions
/// here: callers wrap writes in a Transaction. Use from the thread that owns `db`.
class ArticleRepository final
{
public:
    explicit ArticleRepository(QSqlDatabase db) : m_db(db), m_statements(std::move(db)) {}

    /// Stores an article with its fingerprint bands; `extractedAt`, when valid, marks it extracted at
    /// that time (cheaper than setExtractedNow() afterwards, which rewrites the whole row).
    Result<qint64> insert(const Article &a, const QDateTime &extractedAt = {});
    Status setStoryCluster(qint64 articleId, qint64 cluster);
    Status setExtractedNow(qint64 articleId);
    Result<std::optional<Article>> get(qint64 id);
    Result<std::optional<qint64>> idByHash(const QString &hash);
    Result<std::optional<qint64>> idByUrl(const QString &url);
    /// Articles whose SimHash shares a band with `simhash`: (id, simhash, story cluster). Candidates
    /// more than `maxDistance` bits away are dropped before their story cluster is read, so a lookup
    /// touches no article row but those of real near-duplicates (the band index holds the SimHashes).
    struct Candidate
    {
        qint64 id;
        quint64 simhash;
        qint64 cluster;
    };
    Result<QList<Candidate>> nearDuplicateCandidates(quint64 simhash, int maxDistance = 64);

    Result<qint64> count(const ArticleFilter &filter = {});
    /// One page of the article list, newest first; with a search, ranked by relevance and with a
    /// highlighted snippet (matches wrapped in [ and ]).
    Result<QList<ArticleSummary>> list(const ArticleFilter &filter, qint64 offset, qint64 limit);
    /// Every article matching a search (and the filter's other conditions), best match first. The
    /// ranking visits every match once; paging through `summaries()` then costs only the page.
    Result<QList<qint64>> rankedIds(const ArticleFilter &filter);
    /// The list rows of `ids`, in that order (ids that no longer exist are skipped); with a search in
    /// `filter`, each with its highlighted snippet.
    Result<QList<ArticleSummary>> summaries(const ArticleFilter &filter, const QList<qint64> &ids);
    Result<QList<qint64>> allIds();
    Result<QStringList> sources();
    Status remove(qint64 id);

    /// Turns what a person types into a safe FTS5 query: each word quoted, prefix match on the last.
    static QString ftsQuery(const QString &userText);

private:
    QString whereClause(const ArticleFilter &f, QVariantList &binds) const;
    Result<QList<qint64>> rankedIds(const ArticleFilter &filter, qint64 offset, qint64 limit);
    Result<qint64> sourceId(const QString &name);

    QSqlDatabase m_db;
    /// The write and lookup statements of an import, prepared once per repository (per batch).
    StatementCache m_statements;
};

} // namespace Entente::Core
