#pragma once

#include <core/extract/coder.h>
#include <core/graph/relations.h>
#include <core/graph/timelinedata.h>
#include <core/storage/database.h>
#include <core/storage/store.h>

#include <QFutureWatcher>
#include <QMainWindow>

#include <memory>

class QLabel;
class QLineEdit;
class QTableView;
class QTextBrowser;
class QMenu;
class QComboBox;
class QSlider;
class QSpinBox;
class QProgressBar;
class QToolButton;
class QUndoStack;
class QSortFilterProxyModel;
class QAction;
class QCheckBox;
class QPushButton;
class QListWidget;
class QTimer;

namespace Entente::Core {
class ArticleListModel;
class EventTableModel;
class ImportJob;
} // namespace Entente::Core

namespace Entente::Ui {

class TimelineView;
class GraphView;

/// The workspace window: library, reader, events, timeline and actor graph over one database, with
/// one shared selection and filter state, undo/redo for every manual change, background import with
/// progress and cancel, and exports. Holds no domain logic: everything goes through core calls.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    QString defaultDatabasePath() const;
    /// Opens `path` (creating it when missing). Errors are shown to the user; returns success.
    bool openDatabase(const QString &path);
    std::shared_ptr<Core::Database> database() const { return m_db; }
    void setOfferSamples(bool offer) { m_offerSamples = offer; }
    /// Set by tests: errors go to lastError() instead of a modal box, questions take their default.
    void setQuiet(bool quiet) { m_quiet = quiet; }
    QString lastError() const { return m_lastError; }

    /// Starts a background import; returns false when one is already running.
    bool importPaths(const QStringList &paths);
    bool importSamples();
    bool isImporting() const { return m_importJob != nullptr; }
    /// Blocks (processing events) until the background import and the view reload finish; for tests.
    bool waitForIdle(int timeoutMs = 60000);

    void selectArticle(qint64 articleId);
    void selectEvent(qint64 eventId);
    qint64 currentArticleId() const { return m_currentArticle; }
    qint64 currentEventId() const { return m_currentEvent; }

    /// Review actions on the current event.
    void acceptCurrentEvent();
    void rejectCurrentEvent();
    bool nextUnreviewed();
    /// Tags the selected articles (the current one when none is selected).
    void tagSelection(const QStringList &tags);
    void untagSelection(const QStringList &tags);
    /// "New event from selection": the reader's selected text as a prefilled manual event.
    /// With `interactive` false the prefilled event is stored as is (tests, scripts).
    qint64 newEventFromSelection(bool interactive = true);
    /// "Treat ‘selection’ as…": with `actor` given, stores the alias without asking.
    qint64 treatSelectionAs(const QString &actor = {}, const QString &role = {});
    void reextractCurrent();

    Core::ArticleListModel *articleModel() const { return m_articles; }
    Core::EventTableModel *eventModel() const { return m_events; }
    QLineEdit *searchBox() const { return m_search; }
    QTableView *libraryView() const { return m_libraryView; }
    QTableView *eventsView() const { return m_eventsView; }
    QTextBrowser *reader() const { return m_reader; }
    QLineEdit *tagEditor() const { return m_tagEdit; }
    TimelineView *timeline() const { return m_timeline; }
    GraphView *graph() const { return m_graph; }
    QSlider *asOfSlider() const { return m_asOf; }
    QUndoStack *undoStack() const { return m_undo; }
    const Core::RelationModel &relations() const { return *m_relations; }
    /// Highlighted ranges of the reader: (start, end, event id) in cleaned-text offsets.
    QList<std::tuple<qsizetype, qsizetype, qint64>> readerHighlights() const { return m_highlights; }
    /// Maps a position of the reader's document to an offset into the article's cleaned text.
    qsizetype textOffsetOf(int documentPosition) const;
    int documentPositionOf(qsizetype textOffset) const;
    void setGraphDate(QDate date);
    QDate graphDate() const;
    void setTimeFilter(QDate from, QDate to);

Q_SIGNALS:
    void dataReloaded();

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void buildCentral();
    void buildDocks();
    void buildActions();
    void refreshAll();
    void reloadVisuals();
    void updateStatus();
    void updateRecentMenu();
    void updateFilters();
    void updateEnabled();
    void addRecent(const QString &path);
    void showError(const QString &title, const QString &message);
    void showArticle(qint64 articleId);
    void renderReader();
    void applyEventFilter();
    void applyArticleFilter();
    void updateGraph();
    void showEdgeEvents(const Core::RelationEdge &edge);
    void editCurrentEvent();
    void setCurrentEventStatus(Core::ReviewStatus status);
    void onNewDatabase();
    void onOpenDatabase();
    void onImportFiles();
    void onImportFolder();
    void onSaveCopy();
    void onExportEvents(const QString &format);
    void onExportGraph(const QString &format);
    void onExportView(QWidget *view, const QString &format);
    void onShowActors();
    void onAbout();
    void startImport(Core::ImportJob *job, int total);
    QStringList actorCodes() const;
    QString describeEvent(qint64 id) const;
    void onDataChanged();

    std::shared_ptr<Core::Database> m_db;
    std::unique_ptr<Core::Store> m_store;
    std::shared_ptr<const Core::Coder> m_coder;
    std::shared_ptr<Core::RelationModel> m_relations;
    QList<Core::RelationEvent> m_relationEvents;
    Core::ArticleListModel *m_articles = nullptr;
    Core::EventTableModel *m_events = nullptr;
    QSortFilterProxyModel *m_eventsProxy = nullptr;
    QUndoStack *m_undo = nullptr;
    QTimer *m_libraryReload = nullptr;
    Core::ImportJob *m_importJob = nullptr;
    struct VisualData
    {
        QList<Core::RelationEvent> events;
        std::shared_ptr<Core::RelationModel> relations;
        std::shared_ptr<Core::TimelineData> timeline;
        QString error;
    };
    QFutureWatcher<VisualData> m_visualWatcher;
    bool m_visualReloadQueued = false;

    QLineEdit *m_search = nullptr;
    QComboBox *m_tagFilter = nullptr;
    QComboBox *m_sourceFilter = nullptr;
    QComboBox *m_reviewFilter = nullptr;
    QTableView *m_libraryView = nullptr;
    QLabel *m_libraryEmpty = nullptr;
    QTableView *m_eventsView = nullptr;
    QComboBox *m_statusFilter = nullptr;
    QComboBox *m_typeFilter = nullptr;
    QLineEdit *m_actorFilter = nullptr;
    QSpinBox *m_eventConfidence = nullptr;
    QLabel *m_eventsInfo = nullptr;
    QLabel *m_readerHeader = nullptr;
    QTextBrowser *m_reader = nullptr;
    QLineEdit *m_tagEdit = nullptr;
    QLabel *m_tagsLabel = nullptr;
    TimelineView *m_timeline = nullptr;
    QComboBox *m_laneMode = nullptr;
    GraphView *m_graph = nullptr;
    QSlider *m_asOf = nullptr;
    QLabel *m_asOfLabel = nullptr;
    QSpinBox *m_window = nullptr;
    QList<QCheckBox *> m_kindBoxes;
    QSpinBox *m_minConfidence = nullptr;
    QListWidget *m_edgeEvents = nullptr;
    QLabel *m_statusCounts = nullptr;
    QLabel *m_readOnlyBadge = nullptr;
    QProgressBar *m_progress = nullptr;
    QToolButton *m_cancel = nullptr;
    QMenu *m_recentMenu = nullptr;
    QList<QAction *> m_editActions;

    qint64 m_currentArticle = 0;
    qint64 m_currentEvent = 0;
    QString m_currentText;
    QList<std::tuple<qsizetype, qsizetype, qint64>> m_highlights;
    QList<QPair<int, qsizetype>> m_blockMap; ///< (document position, text offset) of each paragraph
    QDate m_filterFrom;
    QDate m_filterTo;
    bool m_showRaw = false;
    bool m_offerSamples = true;
    bool m_quiet = false;
    QString m_lastError;
};

} // namespace Entente::Ui
