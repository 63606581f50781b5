#pragma once

#include <core/domain/article.h>
#include <core/storage/articlerepository.h>
#include <core/storage/database.h>

#include <QAbstractTableModel>

#include <memory>

namespace Entente::Core {

/// The library's article list: lazy (pages of 200 fetched as the view scrolls, so 100,000 articles
/// open instantly), filterable by search text, tag, source, dates and review state. GUI thread only.
class ArticleListModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    // Column numbers feed Qt's int-based API, hence a plain enum.
    enum Column { TitleColumn, SourceColumn, PublishedColumn, TagsColumn, EventsColumn, ReviewColumn, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, SnippetRole, TagsRole };

    explicit ArticleListModel(QObject *parent = nullptr);

    void setDatabase(std::shared_ptr<Database> db);
    void setFilter(const ArticleFilter &filter);
    const ArticleFilter &filter() const { return m_filter; }
    /// Re-reads the list (after an import or a tag change), keeping the filter.
    void reload();

    qint64 totalCount() const { return m_total; }
    qint64 articleId(int row) const;
    int rowOf(qint64 articleId) const;
    QString lastError() const { return m_lastError; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

private:
    static constexpr int kPageSize = 200;
    /// Rows with a snippet cost more (the article text is read and highlighted): smaller pages.
    static constexpr int kSearchPageSize = 50;
    std::shared_ptr<Database> m_db;
    ArticleFilter m_filter;
    QList<ArticleSummary> m_rows;
    /// With a search, once scrolled past the first page: the matches not yet shown, in rank order
    /// (ranked once per search instead of once per page).
    QList<qint64> m_ranked;
    qsizetype m_rankedNext = 0; ///< the first of m_ranked not yet read into m_rows
    bool m_rankedAll = false;
    qint64 m_total = 0;
    bool m_fetching = false; ///< views may ask for more while rows are being inserted
    QString m_lastError;
};

} // namespace Entente::Core
