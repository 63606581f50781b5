#include "articlelistmodel.h"

#include <QSet>

#include <algorithm>

namespace Entente::Core {

ArticleListModel::ArticleListModel(QObject *parent) : QAbstractTableModel(parent) {}

void ArticleListModel::setDatabase(std::shared_ptr<Database> db)
{
    m_db = std::move(db);
    reload();
}

void ArticleListModel::setFilter(const ArticleFilter &filter)
{
    m_filter = filter;
    reload();
}

void ArticleListModel::reload()
{
    beginResetModel();
    m_rows.clear();
    m_ranked.clear();
    m_rankedNext = 0;
    m_rankedAll = false;
    m_total = 0;
    m_lastError.clear();
    if (m_db && !m_filter.search.trimmed().isEmpty()) {
        // A search: the count from the full-text index and the best matches of the first page. Ranking
        // every match and returning them all costs more than the first page needs; that is done once,
        // when the analyst scrolls past it (fetchMore).
        ArticleRepository repo(m_db->connection());
        const auto n = repo.count(m_filter);
        if (n) {
            m_total = *n;
            const auto page = repo.list(m_filter, 0, kSearchPageSize);
            if (page) {
                m_rows = *page;
            } else {
                m_lastError = page.error().message;
            }
        } else {
            m_lastError = n.error().message;
        }
    } else if (m_db) {
        ArticleRepository repo(m_db->connection());
        const auto n = repo.count(m_filter);
        if (n) {
            m_total = *n;
            const auto page = repo.list(m_filter, 0, kPageSize);
            if (page) {
                m_rows = *page;
            } else {
                m_lastError = page.error().message;
            }
        } else {
            m_lastError = n.error().message;
        }
    }
    // Listeners of modelReset (views, testers) may ask for more rows; the reset is not over yet.
    m_fetching = true;
    endResetModel();
    m_fetching = false;
}

qint64 ArticleListModel::articleId(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : 0;
}

int ArticleListModel::rowOf(qint64 articleId) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id == articleId) {
            return i;
        }
    }
    return -1;
}

int ArticleListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ArticleListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ArticleListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size()) {
        return {};
    }
    const ArticleSummary &s = m_rows.at(index.row());
    if (role == IdRole) {
        return s.id;
    }
    if (role == SnippetRole) {
        return s.snippet;
    }
    if (role == TagsRole) {
        return s.tags;
    }
    if (role == Qt::ToolTipRole) {
        return s.snippet.isEmpty() ? s.title : QString(s.title + QStringLiteral("\n") + s.snippet);
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    switch (index.column()) {
    case TitleColumn:
        return s.title.isEmpty() ? QStringLiteral("(untitled)") : s.title;
    case SourceColumn:
        return s.source;
    case PublishedColumn:
        return s.published.isValid() ? s.published.toString() : QString();
    case TagsColumn:
        return s.tags.join(QStringLiteral(", "));
    case EventsColumn:
        return s.eventCount;
    case ReviewColumn:
        if (s.eventCount == 0) {
            return QString();
        }
        return s.unreviewedCount == 0 ? QStringLiteral("reviewed")
                                      : QStringLiteral("%1 to review").arg(s.unreviewedCount);
    default:
        break;
    }
    return {};
}

QVariant ArticleListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case TitleColumn:
        return QStringLiteral("Title");
    case SourceColumn:
        return QStringLiteral("Source");
    case PublishedColumn:
        return QStringLiteral("Published");
    case TagsColumn:
        return QStringLiteral("Tags");
    case EventsColumn:
        return QStringLiteral("Events");
    case ReviewColumn:
        return QStringLiteral("Review");
    default:
        break;
    }
    return {};
}

bool ArticleListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_fetching && m_db && m_rows.size() < m_total;
}

void ArticleListModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent)) {
        return;
    }
    ArticleRepository repo(m_db->connection());
    const bool searching = !m_filter.search.trimmed().isEmpty();
    QList<qint64> ids;
    if (searching) {
        if (!m_rankedAll) {
            // Past the first page: rank every match once and page through that list from now on, leaving
            // out the rows already shown.
            const auto all = repo.rankedIds(m_filter);
            if (!all) {
                m_lastError = all.error().message;
                m_total = m_rows.size();
                return;
            }
            QSet<qint64> shown;
            for (const ArticleSummary &r : std::as_const(m_rows)) {
                shown.insert(r.id);
            }
            m_ranked.clear();
            for (qint64 id : *all) {
                if (!shown.contains(id)) {
                    m_ranked.append(id);
                }
            }
            m_rankedNext = 0;
            m_rankedAll = true;
        }
        ids = m_ranked.mid(m_rankedNext, kSearchPageSize);
        m_rankedNext += ids.size();
    }
    const auto page = searching ? repo.summaries(m_filter, ids) : repo.list(m_filter, m_rows.size(), kPageSize);
    if (!page) {
        m_lastError = page.error().message;
        m_total = m_rows.size();
        return;
    }
    if (page->isEmpty()) {
        // The table shrank under us (another process deleted rows): stop asking.
        m_total = m_rows.size();
        return;
    }
    if (searching && m_rankedNext >= m_ranked.size()) {
        // Every ranked id read: matches deleted since the search are not waited for.
        m_total = m_rows.size() + page->size();
    }
    m_fetching = true;
    beginInsertRows({}, static_cast<int>(m_rows.size()), static_cast<int>(m_rows.size() + page->size() - 1));
    m_rows.append(*page);
    endInsertRows();
    m_fetching = false;
}

} // namespace Entente::Core
