#include "eventtablemodel.h"

namespace Entente::Core {

EventTableModel::EventTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void EventTableModel::setDatabase(std::shared_ptr<Database> db)
{
    m_db = std::move(db);
    reload();
}

void EventTableModel::setFilter(const EventFilter &filter)
{
    m_filter = filter;
    reload();
}

void EventTableModel::reload()
{
    beginResetModel();
    m_rows.clear();
    m_total = 0;
    if (m_db) {
        EventRepository repo(m_db->connection());
        const auto n = repo.count(m_filter);
        if (n) {
            m_total = *n;
            const auto page = repo.query(m_filter, 0, kPageSize);
            if (page) {
                m_rows = *page;
            }
        }
    }
    // Listeners of modelReset (views, testers) may ask for more rows; the reset is not over yet.
    m_fetching = true;
    endResetModel();
    m_fetching = false;
}

void EventTableModel::refreshEvent(qint64 eventId)
{
    const int row = rowOf(eventId);
    if (row < 0 || !m_db) {
        return;
    }
    const auto e = EventRepository(m_db->connection()).get(eventId);
    if (!e || !e->has_value()) {
        return;
    }
    m_rows[row] = **e;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

const Event *EventTableModel::eventAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int EventTableModel::rowOf(qint64 eventId) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id == eventId) {
            return i;
        }
    }
    return -1;
}

int EventTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int EventTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EventTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size()) {
        return {};
    }
    const Event &e = m_rows.at(index.row());
    switch (role) {
    case IdRole:
        return e.id;
    case ArticleIdRole:
        return e.articleId;
    case StatusRole:
        return reviewStatusName(e.status);
    case TypeRole:
        return eventTypeName(e.type);
    case Qt::ToolTipRole:
        return QString(e.sentence + QStringLiteral("\n\npattern: ") + e.pattern + QStringLiteral("\nentries: ") +
                       e.dictionaryEntries.join(QStringLiteral("; ")));
    case SortRole:
        if (index.column() == ConfidenceColumn) {
            return e.confidence;
        }
        if (index.column() == DateColumn) {
            return e.date.start;
        }
        return data(index, Qt::DisplayRole);
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    const auto actor = [](const QString &code, const QString &role) {
        return role.isEmpty() ? code : QString(code + QLatin1Char(' ') + role);
    };
    switch (index.column()) {
    case TypeColumn:
        return eventTypeName(e.type);
    case SourceColumn:
        return actor(e.source, e.sourceRole);
    case TargetColumn:
        return actor(e.target, e.targetRole);
    case DateColumn:
        return e.date.isValid() ? e.date.toString() : QStringLiteral("unknown");
    case PolarityColumn:
        return polarityName(e.polarity);
    case ModalityColumn:
        return modalityName(e.modality);
    case ConfidenceColumn:
        return QString::number(e.confidence, 'f', 2);
    case StatusColumn:
        return reviewStatusName(e.status);
    case SentenceColumn:
        return e.sentence;
    default:
        break;
    }
    return {};
}

QVariant EventTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    static const char *const names[] = {"Type",     "Source",     "Target", "Date",    "Polarity",
                                        "Modality", "Confidence", "Status", "Sentence"};
    if (section >= 0 && section < ColumnCount) {
        return QString::fromLatin1(names[section]);
    }
    return {};
}

bool EventTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_fetching && m_db && m_rows.size() < m_total;
}

void EventTableModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent)) {
        return;
    }
    // From the last loaded event on, not from an offset: the page costs the same at any depth.
    EventRepository repo(m_db->connection());
    const auto page = m_rows.isEmpty() ? repo.query(m_filter, 0, kPageSize) : repo.queryAfter(m_filter, m_rows.last(), kPageSize);
    if (!page || page->isEmpty()) {
        m_total = m_rows.size();
        return;
    }
    m_fetching = true;
    beginInsertRows({}, static_cast<int>(m_rows.size()), static_cast<int>(m_rows.size() + page->size() - 1));
    m_rows.append(*page);
    endInsertRows();
    m_fetching = false;
}

} // namespace Entente::Core
