#pragma once

#include <core/domain/event.h>
#include <core/storage/database.h>
#include <core/storage/eventrepository.h>

#include <QAbstractTableModel>

#include <memory>

namespace Entente::Core {

/// The events table: lazily paged over the store with an EventFilter. GUI thread only.
class EventTableModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    // Column numbers feed Qt's int-based API, hence a plain enum.
    enum Column {
        TypeColumn,
        SourceColumn,
        TargetColumn,
        DateColumn,
        PolarityColumn,
        ModalityColumn,
        ConfidenceColumn,
        StatusColumn,
        SentenceColumn,
        ColumnCount
    };
    enum Role { IdRole = Qt::UserRole + 1, ArticleIdRole, StatusRole, TypeRole, SortRole };

    explicit EventTableModel(QObject *parent = nullptr);

    void setDatabase(std::shared_ptr<Database> db);
    void setFilter(const EventFilter &filter);
    const EventFilter &filter() const { return m_filter; }
    void reload();
    /// Re-reads one event after a change, in place.
    void refreshEvent(qint64 eventId);

    qint64 totalCount() const { return m_total; }
    const Event *eventAt(int row) const;
    int rowOf(qint64 eventId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

private:
    static constexpr int kPageSize = 200;
    std::shared_ptr<Database> m_db;
    EventFilter m_filter;
    QList<Event> m_rows;
    qint64 m_total = 0;
    bool m_fetching = false; ///< views may ask for more while rows are being inserted
};

} // namespace Entente::Core
