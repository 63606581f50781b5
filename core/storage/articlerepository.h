#pragma once

#include <core/domain/article.h>
#include <core/domain/result.h>

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
    explicit ArticleRepository(QSqlDatabase db) : m_db(std::move(db)) {}

    Result<qint64> insert(const Article &a);
    Status setStoryCluster(qint64 articleId, qint64 cluster);
    Status setExtractedNow(qint64 articleId);
    Result<std::optional<Article>> get(qint64 id);
    Result<std::optional<qint64>> idByHash(const QString &hash);
    Result<std::optional<qint64>> idByUrl(const QString &url);
    /// Articles whose SimHash shares a 16-bit band with `simhash`: (id, simhash, story cluster).
    struct Candidate
    {
        qint64 id;
        quint64 simhash;
        qint64 cluster;
    };
    Result<QList<Candidate>> nearDuplicateCandidates(quint64 simhash);

    Result<qint64> count(const ArticleFilter &filter = {});
    /// One page of the article list, newest first; with a search, ranked by relevance and with a
    /// highlighted snippet (matches wrapped in [ and ]).
    Result<QList<ArticleSummary>> list(const ArticleFilter &filter, qint64 offset, qint64 limit);
    Result<QList<qint64>> allIds();
    Result<QStringList> sources();
    Status remove(qint64 id);

    /// Turns what a person types into a safe FTS5 query: each word quoted, prefix match on the last.
    static QString ftsQuery(const QString &userText);

private:
    QString whereClause(const ArticleFilter &f, QVariantList &binds) const;
    Result<qint64> sourceId(const QString &name);

    QSqlDatabase m_db;
};

} // namespace Entente::Core
