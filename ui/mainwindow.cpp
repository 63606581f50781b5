#include "mainwindow.h"

#include <core/domain/eventio.h>
#include <core/extract/extractionservice.h>
#include <core/graph/graphexport.h>
#include <core/jobs/importjob.h>
#include <core/models/articlelistmodel.h>
#include <core/models/eventtablemodel.h>
#include <core/storage/articlerepository.h>
#include <core/storage/eventrepository.h>
#include <core/storage/tagrepository.h>
#include <ui/commands.h>
#include <ui/dialogs.h>
#include <ui/graphview.h>
#include <ui/palette.h>
#include <ui/timelineview.h>

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QCloseEvent>
#include <QColorDialog>
#include <QComboBox>
#include <QCompleter>
#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QImage>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollBar>
#include <QSettings>
#include <QSlider>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QStatusBar>
#include <QSvgGenerator>
#include <QTableView>
#include <QTableWidget>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>

namespace Entente::Ui {

using namespace Entente::Core;

namespace {
QLabel *hint(const QString &text, QWidget *parent)
{
    auto *l = new QLabel(text, parent);
    l->setWordWrap(true);
    l->setAlignment(Qt::AlignCenter);
    l->setStyleSheet(QStringLiteral("color: palette(mid); padding: 12px;"));
    return l;
}
} // namespace

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setObjectName(QStringLiteral("MainWindow"));
    setWindowTitle(QStringLiteral("Entente"));
    setAcceptDrops(true);
    resize(1500, 950);
    m_articles = new ArticleListModel(this);
    m_events = new EventTableModel(this);
    m_undo = new QUndoStack(this);
    m_libraryReload = new QTimer(this);
    m_libraryReload->setSingleShot(true);
    m_libraryReload->setInterval(300);
    connect(m_libraryReload, &QTimer::timeout, this, [this] {
        m_articles->reload();
        updateStatus();
    });
    m_relations = std::make_shared<RelationModel>();
    buildCentral();
    buildDocks();
    buildActions();
    connect(&m_visualWatcher, &QFutureWatcher<VisualData>::finished, this, [this] {
        VisualData d = m_visualWatcher.result();
        if (m_visualReloadQueued) {
            m_visualReloadQueued = false;
            reloadVisuals();
            return;
        }
        m_relationEvents = std::move(d.events);
        m_relations = d.relations ? d.relations : std::make_shared<RelationModel>();
        m_timeline->setData(d.timeline);
        const QDate first = m_relations->firstDate();
        const QDate last = m_relations->lastDate();
        if (first.isValid() && last.isValid()) {
            const int days = static_cast<int>(first.daysTo(last));
            const bool atEnd = m_asOf->value() == m_asOf->maximum() || !m_asOf->isEnabled();
            m_asOf->blockSignals(true);
            m_asOf->setRange(0, std::max(1, days));
            if (atEnd || m_asOf->value() > days) {
                m_asOf->setValue(std::max(1, days));
            }
            m_asOf->blockSignals(false);
            m_asOf->setEnabled(true);
        } else {
            m_asOf->setEnabled(false);
        }
        updateGraph();
        Q_EMIT dataReloaded();
    });
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    updateEnabled();
}

MainWindow::~MainWindow()
{
    if (m_importJob != nullptr) {
        m_importJob->cancel();
        m_importJob->wait();
    }
    m_visualWatcher.waitForFinished();
}

QString MainWindow::defaultDatabasePath() const
{
    return Database::defaultPath();
}

void MainWindow::buildCentral()
{
    auto *split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(QStringLiteral("centralSplitter"));

    auto *timelinePanel = new QWidget(split);
    auto *tl = new QVBoxLayout(timelinePanel);
    tl->setContentsMargins(2, 2, 2, 2);
    auto *tbar = new QHBoxLayout;
    auto *ttitle = new QLabel(QStringLiteral("<b>Timeline</b>"), timelinePanel);
    tbar->addWidget(ttitle);
    tbar->addStretch();
    tbar->addWidget(new QLabel(QStringLiteral("lanes:"), timelinePanel));
    m_laneMode = new QComboBox(timelinePanel);
    m_laneMode->setObjectName(QStringLiteral("laneMode"));
    m_laneMode->addItems({QStringLiteral("by type"), QStringLiteral("by actor"), QStringLiteral("by pair")});
    m_laneMode->setCurrentIndex(2);
    tbar->addWidget(m_laneMode);
    auto *fit = new QToolButton(timelinePanel);
    fit->setText(QStringLiteral("Fit all"));
    tbar->addWidget(fit);
    tl->addLayout(tbar);
    m_timeline = new TimelineView(timelinePanel);
    m_timeline->setDescriber([this](qint64 id) { return describeEvent(id); });
    tl->addWidget(m_timeline, 1);
    connect(fit, &QToolButton::clicked, m_timeline, &TimelineView::fitAll);
    connect(m_laneMode, &QComboBox::currentIndexChanged, this, [this] { reloadVisuals(); });
    connect(m_timeline, &TimelineView::eventClicked, this, &MainWindow::selectEvent);
    connect(m_timeline, &TimelineView::rangeBrushed, this, &MainWindow::setTimeFilter);

    auto *graphPanel = new QWidget(split);
    auto *gl = new QVBoxLayout(graphPanel);
    gl->setContentsMargins(2, 2, 2, 2);
    auto *gbar = new QHBoxLayout;
    gbar->addWidget(new QLabel(QStringLiteral("<b>Actor graph</b>  as of"), graphPanel));
    m_asOf = new QSlider(Qt::Horizontal, graphPanel);
    m_asOf->setObjectName(QStringLiteral("asOfSlider"));
    m_asOf->setEnabled(false);
    m_asOf->setMinimumWidth(200);
    gbar->addWidget(m_asOf, 1);
    m_asOfLabel = new QLabel(graphPanel);
    m_asOfLabel->setMinimumWidth(80);
    gbar->addWidget(m_asOfLabel);
    gbar->addWidget(new QLabel(QStringLiteral("window (days):"), graphPanel));
    m_window = new QSpinBox(graphPanel);
    m_window->setRange(1, 36500);
    m_window->setValue(730);
    gbar->addWidget(m_window);
    gl->addLayout(gbar);
    auto *gbar2 = new QHBoxLayout;
    gbar2->addWidget(new QLabel(QStringLiteral("relations:"), graphPanel));
    for (RelationKind k : {RelationKind::Alliance, RelationKind::Basing, RelationKind::Hostility,
                           RelationKind::Diplomacy, RelationKind::Cooperation}) {
        auto *box = new QCheckBox(relationKindName(k), graphPanel);
        box->setChecked(true);
        box->setProperty("kind", static_cast<int>(k));
        m_kindBoxes.append(box);
        gbar2->addWidget(box);
        connect(box, &QCheckBox::toggled, this, &MainWindow::updateGraph);
    }
    gbar2->addStretch();
    gbar2->addWidget(new QLabel(QStringLiteral("min confidence %"), graphPanel));
    m_minConfidence = new QSpinBox(graphPanel);
    m_minConfidence->setRange(0, 100);
    m_minConfidence->setValue(0);
    gbar2->addWidget(m_minConfidence);
    gl->addLayout(gbar2);
    auto *gsplit = new QSplitter(Qt::Horizontal, graphPanel);
    m_graph = new GraphView(gsplit);
    m_edgeEvents = new QListWidget(gsplit);
    m_edgeEvents->setObjectName(QStringLiteral("edgeEvents"));
    m_edgeEvents->setWordWrap(true);
    m_edgeEvents->addItem(QStringLiteral("Click an edge to list the events behind it."));
    gsplit->addWidget(m_graph);
    gsplit->addWidget(m_edgeEvents);
    gsplit->setStretchFactor(0, 4);
    gsplit->setStretchFactor(1, 1);
    gl->addWidget(gsplit, 1);
    connect(m_asOf, &QSlider::valueChanged, this, &MainWindow::updateGraph);
    connect(m_window, &QSpinBox::valueChanged, this, &MainWindow::updateGraph);
    connect(m_minConfidence, &QSpinBox::valueChanged, this, [this] { reloadVisuals(); });
    connect(m_graph, &GraphView::edgeClicked, this, &MainWindow::showEdgeEvents);
    connect(m_graph, &GraphView::actorClicked, this, [this](const QString &actor) {
        m_actorFilter->setText(actor);
    });
    connect(m_edgeEvents, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        const qint64 id = item->data(Qt::UserRole).toLongLong();
        if (id > 0) {
            selectEvent(id);
        }
    });
    connect(m_edgeEvents, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
        const qint64 id = item->data(Qt::UserRole).toLongLong();
        if (id > 0) {
            selectEvent(id);
        }
    });
    split->addWidget(timelinePanel);
    split->addWidget(graphPanel);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    setCentralWidget(split);
}

void MainWindow::buildDocks()
{
    // Library.
    auto *libraryDock = new QDockWidget(QStringLiteral("Library"), this);
    libraryDock->setObjectName(QStringLiteral("LibraryDock"));
    auto *library = new QWidget(libraryDock);
    auto *libLayout = new QVBoxLayout(library);
    libLayout->setContentsMargins(4, 4, 4, 4);
    m_search = new QLineEdit(library);
    m_search->setObjectName(QStringLiteral("searchBox"));
    m_search->setPlaceholderText(QStringLiteral("Search articles… (full text)"));
    m_search->setClearButtonEnabled(true);
    libLayout->addWidget(m_search);
    auto *filters = new QHBoxLayout;
    m_tagFilter = new QComboBox(library);
    m_tagFilter->setObjectName(QStringLiteral("tagFilter"));
    m_tagFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_sourceFilter = new QComboBox(library);
    m_sourceFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_reviewFilter = new QComboBox(library);
    m_reviewFilter->addItem(QStringLiteral("any review state"), QString());
    m_reviewFilter->addItem(QStringLiteral("to review"), QStringLiteral("unreviewed"));
    m_reviewFilter->addItem(QStringLiteral("reviewed"), QStringLiteral("reviewed"));
    filters->addWidget(m_tagFilter);
    filters->addWidget(m_sourceFilter);
    filters->addWidget(m_reviewFilter);
    libLayout->addLayout(filters);
    m_libraryView = new QTableView(library);
    m_libraryView->setObjectName(QStringLiteral("libraryView"));
    m_libraryView->setModel(m_articles);
    m_libraryView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_libraryView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_libraryView->verticalHeader()->hide();
    m_libraryView->verticalHeader()->setDefaultSectionSize(22);
    m_libraryView->horizontalHeader()->setStretchLastSection(true);
    m_libraryView->setColumnWidth(ArticleListModel::TitleColumn, 260);
    m_libraryView->setWordWrap(false);
    m_libraryView->setContextMenuPolicy(Qt::ActionsContextMenu);
    libLayout->addWidget(m_libraryView, 1);
    m_libraryEmpty = hint(QString(), library);
    m_libraryEmpty->setObjectName(QStringLiteral("libraryEmpty"));
    libLayout->addWidget(m_libraryEmpty);
    libraryDock->setWidget(library);
    addDockWidget(Qt::LeftDockWidgetArea, libraryDock);

    // Reader.
    auto *readerDock = new QDockWidget(QStringLiteral("Reader"), this);
    readerDock->setObjectName(QStringLiteral("ReaderDock"));
    auto *readerPanel = new QWidget(readerDock);
    auto *rl = new QVBoxLayout(readerPanel);
    rl->setContentsMargins(4, 4, 4, 4);
    m_readerHeader = new QLabel(readerPanel);
    m_readerHeader->setObjectName(QStringLiteral("readerHeader"));
    m_readerHeader->setWordWrap(true);
    m_readerHeader->setTextFormat(Qt::RichText);
    rl->addWidget(m_readerHeader);
    m_reader = new QTextBrowser(readerPanel);
    m_reader->setObjectName(QStringLiteral("reader"));
    m_reader->setOpenLinks(false);
    m_reader->setContextMenuPolicy(Qt::CustomContextMenu);
    rl->addWidget(m_reader, 1);
    auto *tagRow = new QHBoxLayout;
    m_tagsLabel = new QLabel(readerPanel);
    m_tagsLabel->setObjectName(QStringLiteral("tagsLabel"));
    m_tagsLabel->setTextFormat(Qt::RichText);
    tagRow->addWidget(m_tagsLabel, 1);
    m_tagEdit = new QLineEdit(readerPanel);
    m_tagEdit->setObjectName(QStringLiteral("tagEdit"));
    m_tagEdit->setPlaceholderText(QStringLiteral("add tag… (Enter)"));
    m_tagEdit->setMaximumWidth(200);
    tagRow->addWidget(m_tagEdit);
    auto *rawButton = new QToolButton(readerPanel);
    rawButton->setObjectName(QStringLiteral("rawButton"));
    rawButton->setText(QStringLiteral("Original"));
    rawButton->setCheckable(true);
    rawButton->setToolTip(QStringLiteral("Show the original text as imported"));
    tagRow->addWidget(rawButton);
    rl->addLayout(tagRow);
    readerDock->setWidget(readerPanel);
    addDockWidget(Qt::RightDockWidgetArea, readerDock);
    connect(rawButton, &QToolButton::toggled, this, [this](bool on) {
        m_showRaw = on;
        renderReader();
    });
    connect(m_reader, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (url.scheme() == QLatin1String("event")) {
            selectEvent(url.path().toLongLong());
        }
    });
    connect(m_tagEdit, &QLineEdit::returnPressed, this, [this] {
        const QString t = m_tagEdit->text().trimmed();
        if (!t.isEmpty()) {
            tagSelection({t});
            m_tagEdit->clear();
        }
    });
    connect(m_reader, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        QMenu *menu = m_reader->createStandardContextMenu(pos);
        const QString sel = m_reader->textCursor().selectedText().simplified();
        if (!sel.isEmpty() && m_currentArticle > 0 && !m_showRaw) {
            menu->addSeparator();
            menu->addAction(QStringLiteral("New event from selection…"), this, [this] { newEventFromSelection(true); });
            if (sel.size() <= 80) {
                menu->addAction(QStringLiteral("Treat “%1” as…").arg(sel), this, [this] { treatSelectionAs(); });
            }
        }
        menu->exec(m_reader->mapToGlobal(pos));
        delete menu;
    });

    // Events.
    auto *eventsDock = new QDockWidget(QStringLiteral("Events"), this);
    eventsDock->setObjectName(QStringLiteral("EventsDock"));
    auto *eventsPanel = new QWidget(eventsDock);
    auto *el = new QVBoxLayout(eventsPanel);
    el->setContentsMargins(4, 4, 4, 4);
    auto *erow = new QHBoxLayout;
    m_statusFilter = new QComboBox(eventsPanel);
    m_statusFilter->setObjectName(QStringLiteral("statusFilter"));
    m_statusFilter->addItem(QStringLiteral("all statuses"), QString());
    for (const char *s : {"unreviewed", "confirmed", "rejected", "edited", "manual"}) {
        m_statusFilter->addItem(QString::fromLatin1(s), QString::fromLatin1(s));
    }
    m_typeFilter = new QComboBox(eventsPanel);
    m_typeFilter->addItem(QStringLiteral("all types"), -1);
    for (EventType t : allEventTypes()) {
        m_typeFilter->addItem(eventTypeName(t), static_cast<int>(t));
    }
    m_actorFilter = new QLineEdit(eventsPanel);
    m_actorFilter->setObjectName(QStringLiteral("actorFilter"));
    m_actorFilter->setPlaceholderText(QStringLiteral("actor code"));
    m_actorFilter->setClearButtonEnabled(true);
    m_actorFilter->setMaximumWidth(120);
    m_eventsInfo = new QLabel(eventsPanel);
    m_eventConfidence = new QSpinBox(eventsPanel);
    m_eventConfidence->setObjectName(QStringLiteral("eventConfidence"));
    m_eventConfidence->setRange(0, 100);
    m_eventConfidence->setPrefix(QStringLiteral("confidence ≥ "));
    m_eventConfidence->setSuffix(QStringLiteral(" %"));
    erow->addWidget(m_statusFilter);
    erow->addWidget(m_typeFilter);
    erow->addWidget(m_actorFilter);
    erow->addWidget(m_eventConfidence);
    erow->addWidget(m_eventsInfo, 1);
    el->addLayout(erow);
    m_eventsProxy = new QSortFilterProxyModel(this);
    m_eventsProxy->setSourceModel(m_events);
    m_eventsProxy->setSortRole(EventTableModel::SortRole);
    m_eventsView = new QTableView(eventsPanel);
    m_eventsView->setObjectName(QStringLiteral("eventsView"));
    m_eventsView->setModel(m_eventsProxy);
    m_eventsView->setSortingEnabled(true);
    m_eventsView->sortByColumn(-1, Qt::AscendingOrder);
    m_eventsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_eventsView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_eventsView->verticalHeader()->hide();
    m_eventsView->verticalHeader()->setDefaultSectionSize(22);
    m_eventsView->horizontalHeader()->setStretchLastSection(true);
    m_eventsView->setColumnWidth(EventTableModel::TypeColumn, 150);
    el->addWidget(m_eventsView, 1);
    eventsDock->setWidget(eventsPanel);
    addDockWidget(Qt::BottomDockWidgetArea, eventsDock);

    connect(m_search, &QLineEdit::textChanged, this, [this] { applyArticleFilter(); });
    connect(m_tagFilter, &QComboBox::currentIndexChanged, this, [this] { applyArticleFilter(); });
    connect(m_sourceFilter, &QComboBox::currentIndexChanged, this, [this] { applyArticleFilter(); });
    connect(m_reviewFilter, &QComboBox::currentIndexChanged, this, [this] { applyArticleFilter(); });
    connect(m_libraryView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                const qint64 id = m_articles->articleId(current.row());
                if (id != m_currentArticle) {
                    showArticle(id);
                }
            });
    connect(m_statusFilter, &QComboBox::currentIndexChanged, this, [this] { applyEventFilter(); });
    connect(m_typeFilter, &QComboBox::currentIndexChanged, this, [this] { applyEventFilter(); });
    connect(m_actorFilter, &QLineEdit::textChanged, this, [this] { applyEventFilter(); });
    connect(m_eventConfidence, &QSpinBox::valueChanged, this, [this] { applyEventFilter(); });
    connect(m_eventsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                const qint64 id = m_eventsProxy->data(current, EventTableModel::IdRole).toLongLong();
                if (id > 0 && id != m_currentEvent) {
                    selectEvent(id);
                }
            });
    connect(m_eventsView, &QTableView::doubleClicked, this, [this] { editCurrentEvent(); });
}

void MainWindow::buildActions()
{
    QMenu *file = menuBar()->addMenu(QStringLiteral("&File"));
    file->addAction(QStringLiteral("&New database…"), QKeySequence::New, this, &MainWindow::onNewDatabase);
    file->addAction(QStringLiteral("&Open database…"), QKeySequence::Open, this, &MainWindow::onOpenDatabase);
    m_recentMenu = file->addMenu(QStringLiteral("Open &recent"));
    updateRecentMenu();
    file->addSeparator();
    QAction *importFiles =
        file->addAction(QStringLiteral("&Import files…"), QKeySequence(Qt::CTRL | Qt::Key_I), this, &MainWindow::onImportFiles);
    QAction *importFolder = file->addAction(QStringLiteral("Import &folder…"), this, &MainWindow::onImportFolder);
    QAction *samples = file->addAction(QStringLiteral("Load the &sample corpus"), this, [this] { importSamples(); });
    m_editActions << importFiles << importFolder << samples;
    file->addAction(QStringLiteral("Save a &copy…"), this, &MainWindow::onSaveCopy);
    QMenu *exportMenu = file->addMenu(QStringLiteral("&Export"));
    exportMenu->addAction(QStringLiteral("Events as CSV…"), this, [this] { onExportEvents(QStringLiteral("csv")); });
    exportMenu->addAction(QStringLiteral("Events as JSON…"), this, [this] { onExportEvents(QStringLiteral("json")); });
    exportMenu->addAction(QStringLiteral("Graph as GraphML…"), this, [this] { onExportGraph(QStringLiteral("graphml")); });
    exportMenu->addAction(QStringLiteral("Graph as GEXF (with time)…"), this,
                          [this] { onExportGraph(QStringLiteral("gexf")); });
    exportMenu->addAction(QStringLiteral("Timeline picture (PNG)…"), this,
                          [this] { onExportView(m_timeline, QStringLiteral("png")); });
    exportMenu->addAction(QStringLiteral("Timeline picture (SVG)…"), this,
                          [this] { onExportView(m_timeline, QStringLiteral("svg")); });
    exportMenu->addAction(QStringLiteral("Graph picture (PNG)…"), this,
                          [this] { onExportView(m_graph, QStringLiteral("png")); });
    exportMenu->addAction(QStringLiteral("Graph picture (SVG)…"), this,
                          [this] { onExportView(m_graph, QStringLiteral("svg")); });
    file->addSeparator();
    file->addAction(QStringLiteral("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu *edit = menuBar()->addMenu(QStringLiteral("&Edit"));
    QAction *undo = m_undo->createUndoAction(this, QStringLiteral("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_undo->createRedoAction(this, QStringLiteral("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    QAction *tagAction = edit->addAction(QStringLiteral("&Tag selected articles…"), QKeySequence(Qt::CTRL | Qt::Key_T), this, [this] {
        bool ok = false;
        const QString t = QInputDialog::getText(this, QStringLiteral("Tag articles"), QStringLiteral("Tag:"),
                                                QLineEdit::Normal, QString(), &ok);
        if (ok && !t.trimmed().isEmpty()) {
            tagSelection({t.trimmed()});
        }
    });
    QAction *untagAction = edit->addAction(QStringLiteral("&Remove tag from selected…"), this, [this] {
        bool ok = false;
        const QString t = QInputDialog::getText(this, QStringLiteral("Remove tag"), QStringLiteral("Tag:"),
                                                QLineEdit::Normal, QString(), &ok);
        if (ok && !t.trimmed().isEmpty()) {
            untagSelection({t.trimmed()});
        }
    });
    QAction *colorAction = edit->addAction(QStringLiteral("Tag &colour…"), this, [this] {
        if (!m_store) {
            return;
        }
        QStringList names;
        if (const auto tags = TagRepository(m_db->connection()).allTags()) {
            for (const Tag &t : *tags) {
                names << t.name;
            }
        }
        if (names.isEmpty()) {
            statusBar()->showMessage(QStringLiteral("There are no tags yet."), 5000);
            return;
        }
        bool ok = false;
        const QString tag = QInputDialog::getItem(this, QStringLiteral("Tag colour"), QStringLiteral("Tag:"), names, 0,
                                                  false, &ok);
        if (!ok) {
            return;
        }
        const QColor c = QColorDialog::getColor(QColor(0xe3, 0xee, 0xfc), this, QStringLiteral("Colour of “%1”").arg(tag));
        if (!c.isValid()) {
            return;
        }
        const Status st = m_store->setTagColor(tag, c.name());
        if (!st) {
            showError(QStringLiteral("Tag colour"), st.error().message);
        }
        renderReader();
    });
    m_editActions << colorAction;
    m_libraryView->addAction(tagAction);
    m_libraryView->addAction(untagAction);
    m_editActions << tagAction << untagAction;

    QMenu *view = menuBar()->addMenu(QStringLiteral("&View"));
    for (QDockWidget *dock : findChildren<QDockWidget *>()) {
        view->addAction(dock->toggleViewAction());
    }
    view->addSeparator();
    view->addAction(QStringLiteral("Fit &timeline"), QKeySequence(Qt::CTRL | Qt::Key_0), m_timeline, &TimelineView::fitAll);
    view->addAction(QStringLiteral("Clear time &filter"), this, [this] {
        m_timeline->clearBrush();
        setTimeFilter({}, {});
    });

    QMenu *review = menuBar()->addMenu(QStringLiteral("&Review"));
    QAction *accept = review->addAction(QStringLiteral("&Accept event"), QKeySequence(Qt::Key_A), this, &MainWindow::acceptCurrentEvent);
    QAction *reject = review->addAction(QStringLiteral("&Reject event"), QKeySequence(Qt::Key_R), this, &MainWindow::rejectCurrentEvent);
    QAction *editEv = review->addAction(QStringLiteral("&Edit event…"), QKeySequence(Qt::Key_E), this, &MainWindow::editCurrentEvent);
    QAction *next = review->addAction(QStringLiteral("&Next unreviewed"), QKeySequence(Qt::Key_N), this, [this] { nextUnreviewed(); });
    QAction *queue = review->addAction(QStringLiteral("Review &queue (lowest confidence first)"), this, [this] {
        m_statusFilter->setCurrentIndex(1);
        m_eventsView->sortByColumn(EventTableModel::ConfidenceColumn, Qt::AscendingOrder);
        nextUnreviewed();
    });
    review->addSeparator();
    QAction *newEv = review->addAction(QStringLiteral("New event from &selection…"), QKeySequence(Qt::CTRL | Qt::Key_E), this,
                                       [this] { newEventFromSelection(true); });
    QAction *alias = review->addAction(QStringLiteral("Treat selection &as…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A), this,
                                       [this] { treatSelectionAs(); });
    QAction *rerun = review->addAction(QStringLiteral("Re-run e&xtraction on this article"), this, &MainWindow::reextractCurrent);
    for (QAction *a : {accept, reject, editEv, next}) {
        // Single-key review shortcuts act where the analyst reviews: the events table and the reader.
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        m_eventsView->addAction(a);
        m_reader->addAction(a);
        m_timeline->addAction(a);
    }
    m_editActions << accept << reject << editEv << newEv << alias << rerun;
    Q_UNUSED(queue)

    QMenu *tools = menuBar()->addMenu(QStringLiteral("&Tools"));
    tools->addAction(QStringLiteral("&Actors and aliases…"), this, &MainWindow::onShowActors);
    QAction *reall = tools->addAction(QStringLiteral("Re-run extraction on &all articles"), this, [this] {
        if (!m_db) {
            return;
        }
        QApplication::setOverrideCursor(Qt::WaitCursor);
        const auto s = ExtractionService(m_db).reextract({});
        QApplication::restoreOverrideCursor();
        if (!s) {
            showError(QStringLiteral("Extraction"), s.error().message);
        } else {
            statusBar()->showMessage(QStringLiteral("Re-extracted %1 articles; %2 new automatic events (your reviewed "
                                                    "events were kept).")
                                         .arg(s->articles)
                                         .arg(s->added),
                                     8000);
        }
        onDataChanged();
    });
    m_editActions << reall;

    QMenu *help = menuBar()->addMenu(QStringLiteral("&Help"));
    help->addAction(QStringLiteral("&About Entente"), this, &MainWindow::onAbout);

    QToolBar *tb = addToolBar(QStringLiteral("Main"));
    tb->setObjectName(QStringLiteral("MainToolBar"));
    tb->addAction(importFiles);
    tb->addAction(undo);
    tb->addAction(redo);
    tb->addSeparator();
    tb->addAction(accept);
    tb->addAction(reject);
    tb->addAction(next);

    m_statusCounts = new QLabel(this);
    m_statusCounts->setObjectName(QStringLiteral("statusCounts"));
    m_readOnlyBadge = new QLabel(this);
    m_readOnlyBadge->setObjectName(QStringLiteral("readOnlyBadge"));
    m_readOnlyBadge->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_progress = new QProgressBar(this);
    m_progress->setMaximumWidth(200);
    m_progress->hide();
    m_cancel = new QToolButton(this);
    m_cancel->setText(QStringLiteral("Cancel"));
    m_cancel->hide();
    connect(m_cancel, &QToolButton::clicked, this, [this] {
        if (m_importJob != nullptr) {
            m_importJob->cancel();
            statusBar()->showMessage(QStringLiteral("Cancelling the import after the current batch…"));
        }
    });
    statusBar()->addPermanentWidget(m_readOnlyBadge);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancel);
    statusBar()->addPermanentWidget(m_statusCounts);
}

void MainWindow::updateEnabled()
{
    const bool writable = m_db && !m_db->isReadOnly();
    for (QAction *a : std::as_const(m_editActions)) {
        a->setEnabled(writable);
        if (!writable && m_db) {
            a->setToolTip(QStringLiteral("Read-only database: %1").arg(m_db->readOnlyReason()));
        }
    }
    m_tagEdit->setEnabled(writable);
    m_tagEdit->setPlaceholderText(writable ? QStringLiteral("add tag… (Enter)")
                                           : QStringLiteral("read-only database"));
}

bool MainWindow::openDatabase(const QString &path)
{
    auto db = Database::open(path);
    if (!db) {
        showError(QStringLiteral("Cannot open the database"), db.error().message);
        return false;
    }
    if (m_importJob != nullptr) {
        m_importJob->cancel();
        m_importJob->wait();
    }
    m_db = *db;
    m_store = std::make_unique<Store>(m_db);
    m_undo->clear();
    const auto coder = ExtractionService(m_db).coder();
    m_coder = coder ? *coder : nullptr;
    setWindowTitle(QStringLiteral("Entente — %1").arg(QFileInfo(path).fileName()));
    m_readOnlyBadge->setText(m_db->isReadOnly()
                                 ? QStringLiteral("Read-only: %1 — editing is disabled").arg(m_db->readOnlyReason())
                                 : QString());
    addRecent(m_db->path());
    m_currentArticle = 0;
    m_currentEvent = 0;
    refreshAll();
    updateEnabled();
    const auto stats = m_store->stats();
    if (stats && stats->articles == 0 && m_offerSamples && !m_db->isReadOnly()) {
        const bool yes = m_quiet || QMessageBox::question(this, QStringLiteral("An empty database"),
                                                          QStringLiteral("This database is empty. Load the bundled "
                                                                         "sample corpus (70 short articles on "
                                                                         "alliance and basing history) so the views "
                                                                         "show something?")) == QMessageBox::Yes;
        if (yes) {
            importSamples();
        }
    }
    return true;
}

void MainWindow::refreshAll()
{
    m_asOf->setEnabled(false); // placed at the latest date once the new data is in
    m_articles->setDatabase(m_db);
    m_events->setDatabase(m_db);
    updateFilters();
    applyEventFilter();
    showArticle(0);
    reloadVisuals();
    updateStatus();
}

void MainWindow::onDataChanged()
{
    const qint64 article = m_currentArticle;
    const qint64 event = m_currentEvent;
    m_articles->reload();
    updateFilters();
    m_events->reload();
    if (article > 0) {
        const int row = m_articles->rowOf(article);
        if (row >= 0) {
            m_libraryView->selectionModel()->blockSignals(true);
            m_libraryView->selectRow(row);
            m_libraryView->selectionModel()->blockSignals(false);
        }
        showArticle(article);
    }
    if (event > 0) {
        m_currentEvent = event;
        const int row = m_events->rowOf(event);
        if (row >= 0) {
            const QModelIndex idx = m_eventsProxy->mapFromSource(m_events->index(row, 0));
            m_eventsView->selectionModel()->blockSignals(true);
            m_eventsView->selectRow(idx.row());
            m_eventsView->selectionModel()->blockSignals(false);
        }
    }
    m_eventsInfo->setText(QStringLiteral("%1 events").arg(m_events->totalCount()));
    reloadVisuals();
    updateStatus();
}

void MainWindow::reloadVisuals()
{
    if (!m_db) {
        return;
    }
    if (m_visualWatcher.isRunning()) {
        m_visualReloadQueued = true;
        return;
    }
    auto db = m_db;
    const int mode = m_laneMode->currentIndex();
    const double minConf = m_minConfidence->value() / 100.0;
    m_visualWatcher.setFuture(QtConcurrent::run([db, mode, minConf]() {
        VisualData d;
        const auto events = GraphExport::loadEvents(*db);
        db->releaseThreadConnection();
        if (!events) {
            d.error = events.error().message;
            return d;
        }
        for (const RelationEvent &e : *events) {
            if (e.confidence >= minConf) {
                d.events.append(e);
            }
        }
        d.relations = std::make_shared<RelationModel>();
        d.relations->setEvents(d.events);
        d.timeline = std::make_shared<TimelineData>();
        d.timeline->build(d.events, static_cast<TimelineData::LaneMode>(mode), d.relations->intervals());
        return d;
    }));
}

bool MainWindow::waitForIdle(int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while ((m_importJob != nullptr || m_visualWatcher.isRunning() || m_visualReloadQueued ||
            m_graph->layoutPending()) &&
           t.elapsed() < timeoutMs) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        QThread::msleep(5);
    }
    QCoreApplication::processEvents();
    return t.elapsed() < timeoutMs;
}

void MainWindow::updateGraph()
{
    if (!m_relations) {
        return;
    }
    const QDate first = m_relations->firstDate();
    QDate asOf = first.isValid() ? first.addDays(m_asOf->value()) : QDate();
    QList<RelationEdge> edges;
    if (m_filterFrom.isValid() && m_filterTo.isValid()) {
        edges = m_relations->window(m_filterFrom, m_filterTo);
        m_asOfLabel->setText(QStringLiteral("%1 – %2").arg(m_filterFrom.toString(Qt::ISODate),
                                                            m_filterTo.toString(Qt::ISODate)));
    } else if (asOf.isValid()) {
        edges = m_relations->asOf(asOf, m_window->value());
        m_asOfLabel->setText(asOf.toString(Qt::ISODate));
    } else {
        m_asOfLabel->clear();
    }
    QSet<int> kinds;
    for (QCheckBox *b : std::as_const(m_kindBoxes)) {
        if (b->isChecked()) {
            kinds.insert(b->property("kind").toInt());
        }
    }
    QList<RelationEdge> shown;
    for (const RelationEdge &e : std::as_const(edges)) {
        if (kinds.contains(static_cast<int>(e.kind))) {
            shown.append(e);
        }
    }
    if (m_coder) {
        QHash<QString, QString> names;
        for (auto it = m_coder->dictionaries().actors().cbegin(); it != m_coder->dictionaries().actors().cend(); ++it) {
            names.insert(it.key(), it->name);
        }
        m_graph->setNames(names);
    }
    m_graph->setEdges(shown);
}

void MainWindow::setGraphDate(QDate date)
{
    const QDate first = m_relations ? m_relations->firstDate() : QDate();
    if (first.isValid() && date.isValid()) {
        m_asOf->setValue(static_cast<int>(first.daysTo(date)));
    }
}

QDate MainWindow::graphDate() const
{
    const QDate first = m_relations ? m_relations->firstDate() : QDate();
    return first.isValid() ? first.addDays(m_asOf->value()) : QDate();
}

void MainWindow::setTimeFilter(QDate from, QDate to)
{
    m_filterFrom = from;
    m_filterTo = to;
    applyEventFilter();
    updateGraph();
}

void MainWindow::showEdgeEvents(const RelationEdge &edge)
{
    m_edgeEvents->clear();
    m_edgeEvents->addItem(QStringLiteral("%1 %2 %3 — %4 supporting events")
                              .arg(edge.a, edge.directed ? QStringLiteral("→") : QStringLiteral("–"), edge.b)
                              .arg(edge.supporting));
    if (!m_db) {
        return;
    }
    EventRepository repo(m_db->connection());
    for (qint64 id : edge.eventIds) {
        const auto e = repo.get(id);
        if (!e || !e->has_value()) {
            continue;
        }
        const Event &ev = **e;
        auto *item = new QListWidgetItem(QStringLiteral("%1 · %2 · %3\n%4")
                                             .arg(ev.date.toString(), eventTypeName(ev.type),
                                                  polarityName(ev.polarity) + QLatin1Char('/') + modalityName(ev.modality),
                                                  ev.sentence));
        item->setData(Qt::UserRole, ev.id);
        item->setForeground(typeColor(ev.type).darker(130));
        m_edgeEvents->addItem(item);
    }
}

void MainWindow::updateFilters()
{
    if (!m_db) {
        return;
    }
    const QString tag = m_tagFilter->currentData().toString();
    const QString source = m_sourceFilter->currentData().toString();
    m_tagFilter->blockSignals(true);
    m_sourceFilter->blockSignals(true);
    m_tagFilter->clear();
    m_tagFilter->addItem(QStringLiteral("any tag"), QString());
    QStringList tagNames;
    if (const auto tags = TagRepository(m_db->connection()).allTags()) {
        for (const Tag &t : *tags) {
            m_tagFilter->addItem(QStringLiteral("%1 (%2)").arg(t.name).arg(t.articleCount), t.name);
            tagNames << t.name;
        }
    }
    m_sourceFilter->clear();
    m_sourceFilter->addItem(QStringLiteral("any source"), QString());
    if (const auto sources = ArticleRepository(m_db->connection()).sources()) {
        for (const QString &s : *sources) {
            m_sourceFilter->addItem(s, s);
        }
    }
    m_tagFilter->setCurrentIndex(std::max(0, m_tagFilter->findData(tag)));
    m_sourceFilter->setCurrentIndex(std::max(0, m_sourceFilter->findData(source)));
    m_tagFilter->blockSignals(false);
    m_sourceFilter->blockSignals(false);
    auto *completer = new QCompleter(tagNames, m_tagEdit);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_tagEdit->setCompleter(completer);
}

void MainWindow::applyArticleFilter()
{
    ArticleFilter f;
    f.search = m_search->text();
    f.tag = m_tagFilter->currentData().toString();
    f.source = m_sourceFilter->currentData().toString();
    f.review = m_reviewFilter->currentData().toString();
    m_articles->setFilter(f);
    updateStatus();
}

void MainWindow::applyEventFilter()
{
    EventFilter f;
    f.status = m_statusFilter->currentData().toString();
    const int type = m_typeFilter->currentData().toInt();
    if (type >= 0) {
        f.types << static_cast<EventType>(type);
    }
    f.actor = m_actorFilter->text().trimmed().toUpper();
    f.minConfidence = m_eventConfidence->value() / 100.0;
    f.from = m_filterFrom;
    f.to = m_filterTo;
    m_events->setFilter(f);
    m_eventsInfo->setText(QStringLiteral("%1 events%2")
                              .arg(m_events->totalCount())
                              .arg(m_filterFrom.isValid() ? QStringLiteral(" in %1 – %2").arg(
                                                                m_filterFrom.toString(Qt::ISODate),
                                                                m_filterTo.toString(Qt::ISODate))
                                                          : QString()));
}

void MainWindow::updateStatus()
{
    if (!m_db || !m_store) {
        m_statusCounts->clear();
        m_libraryEmpty->setText(QStringLiteral("No database is open. Use File → Open database…"));
        m_libraryEmpty->show();
        return;
    }
    const auto stats = m_store->stats();
    if (!stats) {
        return;
    }
    m_statusCounts->setText(QStringLiteral("%1 articles · %2 events · %3 to review")
                                .arg(stats->articles)
                                .arg(stats->events)
                                .arg(stats->unreviewed));
    if (stats->articles == 0) {
        m_libraryEmpty->setText(QStringLiteral("This database is empty.\nImport articles with File → Import files… "
                                               "or drop files and folders onto the window."));
        m_libraryEmpty->show();
    } else if (m_articles->totalCount() == 0) {
        m_libraryEmpty->setText(m_search->text().isEmpty()
                                    ? QStringLiteral("No article matches these filters.")
                                    : QStringLiteral("No article matches “%1”. Try fewer or other words.")
                                          .arg(m_search->text()));
        m_libraryEmpty->show();
    } else {
        m_libraryEmpty->hide();
    }
}

void MainWindow::selectArticle(qint64 articleId)
{
    // Page in a little to find the row, but never the whole of a huge list: an article far down
    // is still opened in the reader, just not scrolled to in the library.
    int row = m_articles->rowOf(articleId);
    for (int pages = 0; row < 0 && pages < 25 && m_articles->canFetchMore({}); ++pages) {
        m_articles->fetchMore({});
        row = m_articles->rowOf(articleId);
    }
    if (row >= 0) {
        m_libraryView->selectRow(row);
        m_libraryView->scrollTo(m_articles->index(row, 0));
    }
    if (articleId != m_currentArticle) {
        showArticle(articleId);
    }
}

void MainWindow::selectEvent(qint64 eventId)
{
    if (!m_db || eventId <= 0) {
        return;
    }
    const auto e = EventRepository(m_db->connection()).get(eventId);
    if (!e || !e->has_value()) {
        return;
    }
    m_currentEvent = eventId;
    if ((*e)->articleId != m_currentArticle) {
        selectArticle((*e)->articleId);
    } else {
        renderReader();
    }
    int row = m_events->rowOf(eventId);
    for (int pages = 0; row < 0 && pages < 25 && m_events->canFetchMore({}); ++pages) {
        m_events->fetchMore({});
        row = m_events->rowOf(eventId);
    }
    if (row >= 0) {
        const QModelIndex idx = m_eventsProxy->mapFromSource(m_events->index(row, 0));
        m_eventsView->selectionModel()->blockSignals(true);
        m_eventsView->selectRow(idx.row());
        m_eventsView->scrollTo(idx);
        m_eventsView->selectionModel()->blockSignals(false);
    }
    m_timeline->setSelectedEvent(eventId);
    // Scroll the reader to the event's sentence.
    for (const auto &h : std::as_const(m_highlights)) {
        if (std::get<2>(h) == eventId) {
            QTextCursor c(m_reader->document());
            c.setPosition(documentPositionOf(std::get<0>(h)));
            m_reader->setTextCursor(c);
            m_reader->ensureCursorVisible();
            break;
        }
    }
}

void MainWindow::showArticle(qint64 articleId)
{
    m_currentArticle = articleId;
    m_currentText.clear();
    m_highlights.clear();
    if (!m_db || articleId <= 0) {
        m_reader->setHtml(QStringLiteral("<p style='color:gray'>Select an article in the library to read it "
                                         "here, with its events highlighted.</p>"));
        m_readerHeader->clear();
        m_tagsLabel->clear();
        return;
    }
    renderReader();
}

void MainWindow::renderReader()
{
    if (!m_db || m_currentArticle <= 0) {
        return;
    }
    const auto art = ArticleRepository(m_db->connection()).get(m_currentArticle);
    if (!art || !art->has_value()) {
        m_reader->clear();
        return;
    }
    const Article &a = **art;
    m_currentText = a.cleanText;
    m_readerHeader->setText(QStringLiteral("<h3 style='margin:2px'>%1</h3><span style='color:gray'>%2 · %3%4</span>")
                                .arg(a.title.toHtmlEscaped(),
                                     a.published.isValid() ? a.published.toString() : QStringLiteral("date unknown"),
                                     a.source.isEmpty() ? QStringLiteral("source unknown") : a.source.toHtmlEscaped(),
                                     a.storyCluster > 0 && a.storyCluster != a.id
                                         ? QStringLiteral(" · copy of story #%1").arg(a.storyCluster)
                                         : QString()));
    QHash<QString, QString> colors;
    if (const auto tags = TagRepository(m_db->connection()).allTags()) {
        for (const Tag &t : *tags) {
            colors.insert(t.name.toLower(), t.color);
        }
    }
    QStringList chips;
    for (const QString &t : a.tags) {
        const QString c = colors.value(t.toLower());
        chips << QStringLiteral("<span style='background:%2;border-radius:3px'>&nbsp;%1&nbsp;</span>")
                     .arg(t.toHtmlEscaped(), c.isEmpty() ? QStringLiteral("#e3eefc") : c);
    }
    m_tagsLabel->setText(chips.isEmpty() ? QStringLiteral("<span style='color:gray'>no tags</span>")
                                         : QStringLiteral("tags: ") + chips.join(QLatin1Char(' ')));
    if (m_showRaw) {
        m_reader->setPlainText(a.rawText);
        m_blockMap.clear();
        return;
    }
    // Events of the article (rejected ones are not highlighted) and actor mentions.
    m_highlights.clear();
    QHash<qint64, Event> events;
    if (const auto evs = EventRepository(m_db->connection()).forArticle(a.id)) {
        for (const Event &e : *evs) {
            if (e.status == ReviewStatus::Rejected) {
                continue;
            }
            m_highlights.append({e.spanStart, e.spanEnd, e.id});
            events.insert(e.id, e);
        }
    }
    QList<QPair<qsizetype, qsizetype>> mentions;
    if (m_coder) {
        mentions = m_coder->mentionSpans(a.cleanText, a.published);
    }
    QString html;
    const QString &text = a.cleanText;
    qsizetype paraStart = 0;
    while (paraStart <= text.size()) {
        qsizetype paraEnd = text.indexOf(QLatin1String("\n\n"), paraStart);
        if (paraEnd < 0) {
            paraEnd = text.size();
        }
        // Boundaries of highlight segments inside the paragraph.
        QList<qsizetype> cuts{paraStart, paraEnd};
        for (const auto &h : std::as_const(m_highlights)) {
            for (qsizetype x : {std::get<0>(h), std::get<1>(h)}) {
                if (x > paraStart && x < paraEnd) {
                    cuts << x;
                }
            }
        }
        for (const auto &m : std::as_const(mentions)) {
            for (qsizetype x : {m.first, m.second}) {
                if (x > paraStart && x < paraEnd) {
                    cuts << x;
                }
            }
        }
        std::sort(cuts.begin(), cuts.end());
        cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
        html += QStringLiteral("<p>");
        for (int i = 0; i + 1 < cuts.size(); ++i) {
            const qsizetype s = cuts.at(i);
            const qsizetype e = cuts.at(i + 1);
            QString seg = text.mid(s, e - s).toHtmlEscaped();
            bool inMention = false;
            for (const auto &m : std::as_const(mentions)) {
                if (m.first <= s && e <= m.second) {
                    inMention = true;
                    break;
                }
            }
            if (inMention) {
                seg = QStringLiteral("<b>") + seg + QStringLiteral("</b>");
            }
            qint64 eventId = 0;
            for (const auto &h : std::as_const(m_highlights)) {
                if (std::get<0>(h) <= s && e <= std::get<1>(h)) {
                    // The selected event wins where sentences carry several.
                    if (eventId == 0 || std::get<2>(h) == m_currentEvent) {
                        eventId = std::get<2>(h);
                    }
                }
            }
            if (eventId > 0) {
                const Event &ev = events.value(eventId);
                QColor bg = typeColor(ev.type);
                bg.setAlpha(eventId == m_currentEvent ? 110 : 45);
                seg = QStringLiteral("<a href='event:%1' title='%2' style='text-decoration:none;color:black;"
                                     "background-color:rgba(%3,%4,%5,%6)'>%7</a>")
                          .arg(eventId)
                          .arg(Store::eventSummary(ev).toHtmlEscaped())
                          .arg(bg.red())
                          .arg(bg.green())
                          .arg(bg.blue())
                          .arg(bg.alpha())
                          .arg(seg);
            }
            html += seg;
        }
        html += QStringLiteral("</p>");
        paraStart = paraEnd + 2;
        if (paraEnd >= text.size()) {
            break;
        }
    }
    const int scroll = m_reader->verticalScrollBar()->value();
    m_reader->setHtml(html);
    m_reader->verticalScrollBar()->setValue(scroll);
    // Paragraph i of the text is block i of the document.
    m_blockMap.clear();
    qsizetype offset = 0;
    for (QTextBlock b = m_reader->document()->begin(); b.isValid(); b = b.next()) {
        m_blockMap.append({b.position(), offset});
        const qsizetype next = text.indexOf(QLatin1String("\n\n"), offset);
        if (next < 0) {
            break;
        }
        offset = next + 2;
    }
}

qsizetype MainWindow::textOffsetOf(int documentPosition) const
{
    qsizetype result = documentPosition;
    for (const auto &b : m_blockMap) {
        if (b.first <= documentPosition) {
            result = b.second + (documentPosition - b.first);
        }
    }
    return std::clamp<qsizetype>(result, 0, m_currentText.size());
}

int MainWindow::documentPositionOf(qsizetype textOffset) const
{
    int result = static_cast<int>(textOffset);
    for (const auto &b : m_blockMap) {
        if (b.second <= textOffset) {
            result = b.first + static_cast<int>(textOffset - b.second);
        }
    }
    return result;
}

QString MainWindow::describeEvent(qint64 id) const
{
    if (!m_db) {
        return {};
    }
    const auto e = EventRepository(m_db->connection()).get(id);
    if (!e || !e->has_value()) {
        return {};
    }
    const Event &ev = **e;
    return QStringLiteral("<b>%1</b> %2 → %3<br>%4 · %5/%6 · %7<br><i>%8</i>")
        .arg(eventTypeName(ev.type), ev.source, ev.target, ev.date.toString(), polarityName(ev.polarity),
             modalityName(ev.modality), reviewStatusName(ev.status), ev.sentence.toHtmlEscaped());
}

void MainWindow::setCurrentEventStatus(ReviewStatus status)
{
    if (!m_db || !m_store || m_currentEvent <= 0) {
        return;
    }
    const auto e = EventRepository(m_db->connection()).get(m_currentEvent);
    if (!e || !e->has_value()) {
        return;
    }
    CommandContext ctx{m_store.get(), [this](const QString &err) { showError(QStringLiteral("Review"), err); },
                       [this] { onDataChanged(); }};
    m_undo->push(new EventStatusCommand(ctx, m_currentEvent, (*e)->status, status));
}

void MainWindow::acceptCurrentEvent()
{
    setCurrentEventStatus(ReviewStatus::Confirmed);
}

void MainWindow::rejectCurrentEvent()
{
    setCurrentEventStatus(ReviewStatus::Rejected);
}

bool MainWindow::nextUnreviewed()
{
    if (!m_db) {
        return false;
    }
    // In the table's order, after the current event; the whole table is searched as it loads.
    const int start = m_eventsView->currentIndex().isValid() ? m_eventsView->currentIndex().row() + 1 : 0;
    for (int pass = 0; pass < 2; ++pass) {
        for (int r = pass == 0 ? start : 0; r < m_eventsProxy->rowCount(); ++r) {
            const QModelIndex idx = m_eventsProxy->index(r, 0);
            if (m_eventsProxy->data(idx, EventTableModel::StatusRole).toString() == QLatin1String("auto")) {
                selectEvent(m_eventsProxy->data(idx, EventTableModel::IdRole).toLongLong());
                m_eventsView->setFocus();
                return true;
            }
        }
        while (m_events->canFetchMore({})) {
            m_events->fetchMore({});
        }
    }
    statusBar()->showMessage(QStringLiteral("No unreviewed event left in this view."), 5000);
    return false;
}

void MainWindow::editCurrentEvent()
{
    if (!m_db || !m_store || m_currentEvent <= 0 || m_db->isReadOnly()) {
        return;
    }
    const auto e = EventRepository(m_db->connection()).get(m_currentEvent);
    if (!e || !e->has_value()) {
        return;
    }
    EventEditorDialog dlg(**e, actorCodes(), this);
    if (dlg.exec() != QDialog::Accepted) {
        return;
    }
    QString err;
    const Event after = dlg.event(&err);
    CommandContext ctx{m_store.get(), [this](const QString &msg) { showError(QStringLiteral("Edit event"), msg); },
                       [this] { onDataChanged(); }};
    m_undo->push(new EditEventCommand(ctx, **e, after));
}

void MainWindow::tagSelection(const QStringList &tags)
{
    if (!m_store) {
        return;
    }
    QList<qint64> ids;
    for (const QModelIndex &idx : m_libraryView->selectionModel()->selectedRows()) {
        ids << m_articles->articleId(idx.row());
    }
    if (ids.isEmpty() && m_currentArticle > 0) {
        ids << m_currentArticle;
    }
    if (ids.isEmpty()) {
        return;
    }
    CommandContext ctx{m_store.get(), [this](const QString &err) { showError(QStringLiteral("Tag"), err); },
                       [this] { onDataChanged(); }};
    m_undo->push(new TagCommand(ctx, ids, tags, true));
}

void MainWindow::untagSelection(const QStringList &tags)
{
    if (!m_store) {
        return;
    }
    QList<qint64> ids;
    for (const QModelIndex &idx : m_libraryView->selectionModel()->selectedRows()) {
        ids << m_articles->articleId(idx.row());
    }
    if (ids.isEmpty() && m_currentArticle > 0) {
        ids << m_currentArticle;
    }
    CommandContext ctx{m_store.get(), [this](const QString &err) { showError(QStringLiteral("Untag"), err); },
                       [this] { onDataChanged(); }};
    m_undo->push(new TagCommand(ctx, ids, tags, false));
}

qint64 MainWindow::newEventFromSelection(bool interactive)
{
    if (!m_db || !m_store || m_currentArticle <= 0 || m_showRaw) {
        return 0;
    }
    const QTextCursor cur = m_reader->textCursor();
    if (!cur.hasSelection()) {
        statusBar()->showMessage(QStringLiteral("Select the words of the event in the reader first."), 5000);
        return 0;
    }
    const qsizetype start = textOffsetOf(cur.selectionStart());
    const qsizetype end = textOffsetOf(cur.selectionEnd());
    const QString selected = m_currentText.mid(start, end - start);
    const auto art = ArticleRepository(m_db->connection()).get(m_currentArticle);
    const DatePoint published = art && art->has_value() ? (*art)->published : DatePoint{};
    Event e;
    e.articleId = m_currentArticle;
    e.spanStart = start;
    e.spanEnd = end;
    e.sentence = selected;
    e.date = published;
    e.confidence = 1.0;
    // Prefill by coding the selection with the extractor.
    if (m_coder) {
        const QList<Event> coded = m_coder->code(selected, published);
        if (!coded.isEmpty()) {
            const Event &c = coded.first();
            e.type = c.type;
            e.source = c.source;
            e.sourceRole = c.sourceRole;
            e.target = c.target;
            e.targetRole = c.targetRole;
            e.location = c.location;
            e.date = c.date;
            e.polarity = c.polarity;
            e.modality = c.modality;
            e.attributedTo = c.attributedTo;
            e.dictionaryEntries = c.dictionaryEntries;
        }
    }
    if (interactive) {
        EventEditorDialog dlg(e, actorCodes(), this);
        if (dlg.exec() != QDialog::Accepted) {
            return 0;
        }
        QString err;
        e = dlg.event(&err);
    } else if (e.source.isEmpty() || e.target.isEmpty()) {
        showError(QStringLiteral("New event"), QStringLiteral("The selection names no two actors to prefill."));
        return 0;
    }
    CommandContext ctx{m_store.get(), [this](const QString &err) { showError(QStringLiteral("New event"), err); },
                       [this] { onDataChanged(); }};
    auto *cmd = new ManualEventCommand(ctx, e);
    m_undo->push(cmd);
    const qint64 id = m_undo->count() > 0 && m_undo->command(m_undo->index() - 1) == cmd ? cmd->eventId() : 0;
    if (id > 0) {
        selectEvent(id);
    }
    return id;
}

qint64 MainWindow::treatSelectionAs(const QString &actor, const QString &role)
{
    if (!m_db || !m_store) {
        return 0;
    }
    const QString name = m_reader->textCursor().selectedText().simplified();
    if (name.isEmpty()) {
        statusBar()->showMessage(QStringLiteral("Select a name in the reader first."), 5000);
        return 0;
    }
    Alias a;
    if (actor.isEmpty()) {
        AliasDialog dlg(name, actorCodes(), this);
        if (dlg.exec() != QDialog::Accepted) {
            return 0;
        }
        a = dlg.alias();
    } else {
        a.alias = name;
        a.actorCode = actor;
        a.role = role;
    }
    CommandContext ctx{m_store.get(), [this](const QString &err) { showError(QStringLiteral("Alias"), err); },
                       [this] {
                           // The next extraction uses the new alias.
                           const auto coder = ExtractionService(m_db).coder();
                           if (coder) {
                               m_coder = *coder;
                           }
                           renderReader();
                       }};
    auto *cmd = new AliasCommand(ctx, a);
    m_undo->push(cmd);
    const qint64 id = m_undo->count() > 0 && m_undo->command(m_undo->index() - 1) == cmd ? cmd->aliasId() : 0;
    if (id > 0) {
        statusBar()->showMessage(
            QStringLiteral("“%1” now means %2; Review → Re-run extraction applies it to this article.")
                .arg(a.alias, a.actorCode),
            8000);
    }
    return id;
}

void MainWindow::reextractCurrent()
{
    if (!m_db || m_currentArticle <= 0) {
        return;
    }
    const auto s = ExtractionService(m_db).reextract({m_currentArticle});
    if (!s) {
        showError(QStringLiteral("Extraction"), s.error().message);
        return;
    }
    statusBar()->showMessage(QStringLiteral("%1 new automatic events; reviewed events kept.").arg(s->added), 6000);
    onDataChanged();
}

QStringList MainWindow::actorCodes() const
{
    QStringList codes;
    if (m_coder) {
        codes = m_coder->dictionaries().actors().keys();
    }
    codes.sort();
    return codes;
}

bool MainWindow::importPaths(const QStringList &paths)
{
    if (!m_db || m_importJob != nullptr || paths.isEmpty()) {
        return false;
    }
    if (m_db->isReadOnly()) {
        showError(QStringLiteral("Import"), QStringLiteral("The database is read-only (%1).").arg(m_db->readOnlyReason()));
        return false;
    }
    ImportOptions o;
    startImport(new ImportJob(m_db, paths, o, this), 0);
    return true;
}

bool MainWindow::importSamples()
{
    if (!m_db || m_importJob != nullptr) {
        return false;
    }
    const QList<RawDocument> docs = bundledSamples();
    if (docs.isEmpty()) {
        showError(QStringLiteral("Samples"), QStringLiteral("The sample corpus is missing from this build."));
        return false;
    }
    ImportOptions o;
    startImport(new ImportJob(m_db, docs, o, this), static_cast<int>(docs.size()));
    return true;
}

void MainWindow::startImport(ImportJob *job, int total)
{
    m_importJob = job;
    m_progress->setRange(0, total);
    m_progress->setValue(0);
    m_progress->show();
    m_cancel->show();
    auto *failures = new QStringList;
    connect(job, &ImportJob::itemDone, this,
            [this, failures](const QString &file, const QString &status, qint64, const QString &error) {
                if (status == QLatin1String("error")) {
                    failures->append(QStringLiteral("%1: %2").arg(QFileInfo(file).fileName(), error));
                }
                // New articles appear as their batch lands: one reload per burst of results, not one per file.
                if (!m_libraryReload->isActive()) {
                    m_libraryReload->start();
                }
            });
    connect(job, &ImportJob::progress, this, [this](int done) {
        if (m_progress->maximum() > 0) {
            m_progress->setValue(done);
        } else {
            m_progress->setFormat(QStringLiteral("%1 files").arg(done));
        }
    });
    connect(job, &ImportJob::summaryReady, this,
            [this, failures](int imported, int duplicates, int near, int errors, int events, const QString &fatal) {
                const QString msg = QStringLiteral("Imported %1 articles (%2 events); %3 duplicates, %4 near-duplicates, "
                                                   "%5 errors.")
                                        .arg(imported)
                                        .arg(events)
                                        .arg(duplicates)
                                        .arg(near)
                                        .arg(errors);
                statusBar()->showMessage(msg, 15000);
                if (!fatal.isEmpty()) {
                    showError(QStringLiteral("Import stopped"), fatal);
                } else if (!failures->isEmpty()) {
                    m_lastError = failures->join(QLatin1Char('\n'));
                    if (!m_quiet) {
                        QMessageBox box(QMessageBox::Warning, QStringLiteral("Some files were not imported"), msg,
                                        QMessageBox::Ok, this);
                        box.setDetailedText(failures->join(QLatin1Char('\n')));
                        box.exec();
                    }
                }
            });
    connect(job, &QThread::finished, this, [this, job, failures] {
        delete failures;
        job->deleteLater();
        m_importJob = nullptr;
        m_progress->hide();
        m_cancel->hide();
        onDataChanged();
    });
    job->start();
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(QStringLiteral("recentDatabases")).toStringList();
    for (const QString &path : recent) {
        m_recentMenu->addAction(path, this, [this, path] { openDatabase(path); });
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::addRecent(const QString &path)
{
    QSettings settings;
    QStringList recent = settings.value(QStringLiteral("recentDatabases")).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > 8) {
        recent.removeLast();
    }
    settings.setValue(QStringLiteral("recentDatabases"), recent);
    updateRecentMenu();
}

void MainWindow::showError(const QString &title, const QString &message)
{
    m_lastError = message;
    statusBar()->showMessage(message, 10000);
    if (!m_quiet) {
        QMessageBox::warning(this, title, message);
    }
}

void MainWindow::onNewDatabase()
{
    const QString path = QFileDialog::getSaveFileName(this, QStringLiteral("New database"), QString(),
                                                      QStringLiteral("Entente databases (*.sqlite *.db)"));
    if (path.isEmpty()) {
        return;
    }
    if (QFileInfo::exists(path)) {
        showError(QStringLiteral("New database"),
                  QStringLiteral("%1 already exists; use File → Open database to open it.").arg(path));
        return;
    }
    openDatabase(path);
}

void MainWindow::onOpenDatabase()
{
    const QString path = QFileDialog::getOpenFileName(this, QStringLiteral("Open database"), QString(),
                                                      QStringLiteral("Entente databases (*.sqlite *.db);;All files (*)"));
    if (!path.isEmpty()) {
        openDatabase(path);
    }
}

void MainWindow::onImportFiles()
{
    const QStringList files = QFileDialog::getOpenFileNames(
        this, QStringLiteral("Import articles"), QString(),
        QStringLiteral("Articles (*.txt *.md *.html *.htm *.xml *.rss *.atom *.json *.jsonl);;All files (*)"));
    importPaths(files);
}

void MainWindow::onImportFolder()
{
    const QString dir = QFileDialog::getExistingDirectory(this, QStringLiteral("Import a folder of articles"));
    if (!dir.isEmpty()) {
        importPaths({dir});
    }
}

void MainWindow::onSaveCopy()
{
    if (!m_db) {
        return;
    }
    const QString path = QFileDialog::getSaveFileName(this, QStringLiteral("Save a copy of the database"), QString(),
                                                      QStringLiteral("Entente databases (*.sqlite)"));
    if (path.isEmpty()) {
        return;
    }
    const Status st = m_db->saveCopy(path);
    if (!st) {
        showError(QStringLiteral("Save a copy"), st.error().message);
    } else {
        statusBar()->showMessage(QStringLiteral("Saved a copy to %1").arg(path), 8000);
    }
}

void MainWindow::onExportEvents(const QString &format)
{
    if (!m_db) {
        return;
    }
    const QString path = QFileDialog::getSaveFileName(this, QStringLiteral("Export events"), QString(),
                                                      format == QLatin1String("csv") ? QStringLiteral("CSV (*.csv)")
                                                                                     : QStringLiteral("JSON (*.json)"));
    if (path.isEmpty()) {
        return;
    }
    const auto events = EventRepository(m_db->connection()).query(m_events->filter());
    if (!events) {
        showError(QStringLiteral("Export"), events.error().message);
        return;
    }
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly)) {
        showError(QStringLiteral("Export"), f.errorString());
        return;
    }
    if (format == QLatin1String("csv")) {
        f.write((eventCsvHeader() + QLatin1Char('\n')).toUtf8());
        for (const Event &e : *events) {
            f.write((eventToCsvRow(e) + QLatin1Char('\n')).toUtf8());
        }
    } else {
        QJsonArray arr;
        for (const Event &e : *events) {
            arr.append(eventToJson(e));
        }
        f.write(QJsonDocument(arr).toJson(QJsonDocument::Indented));
    }
    if (!f.commit()) {
        showError(QStringLiteral("Export"), f.errorString());
    }
}

void MainWindow::onExportGraph(const QString &format)
{
    const QString path = QFileDialog::getSaveFileName(this, QStringLiteral("Export graph"), QString(),
                                                      format == QLatin1String("gexf") ? QStringLiteral("GEXF (*.gexf)")
                                                                                      : QStringLiteral("GraphML (*.graphml)"));
    if (path.isEmpty()) {
        return;
    }
    GraphExport::Options o;
    o.asOf = graphDate();
    o.windowDays = m_window->value();
    if (format == QLatin1String("gexf")) {
        o.asOf = QDate();
    }
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly)) {
        showError(QStringLiteral("Export"), f.errorString());
        return;
    }
    f.write((format == QLatin1String("gexf") ? GraphExport::gexf(*m_relations, m_relationEvents, o)
                                             : GraphExport::graphml(*m_relations, o))
                .toUtf8());
    if (!f.commit()) {
        showError(QStringLiteral("Export"), f.errorString());
    }
}

void MainWindow::onExportView(QWidget *view, const QString &format)
{
    bool ok = false;
    const QString sizeText = QInputDialog::getText(this, QStringLiteral("Picture size"), QStringLiteral("Width × height:"),
                                                   QLineEdit::Normal,
                                                   QStringLiteral("%1x%2").arg(view->width()).arg(view->height()), &ok);
    if (!ok) {
        return;
    }
    const QStringList parts = sizeText.split(QRegularExpression(QStringLiteral("[x×* ]+")), Qt::SkipEmptyParts);
    const QSize size(parts.value(0).toInt(), parts.value(1).toInt());
    if (size.width() < 50 || size.height() < 50 || size.width() > 20000 || size.height() > 20000) {
        showError(QStringLiteral("Export"), QStringLiteral("Give a size such as 1600x900."));
        return;
    }
    const QString path = QFileDialog::getSaveFileName(this, QStringLiteral("Export picture"), QString(),
                                                      format == QLatin1String("svg") ? QStringLiteral("SVG (*.svg)")
                                                                                     : QStringLiteral("PNG (*.png)"));
    if (path.isEmpty()) {
        return;
    }
    const auto render = [view, size](QPaintDevice *dev) {
        if (auto *t = qobject_cast<TimelineView *>(view)) {
            t->renderTo(dev, size);
        } else if (auto *g = qobject_cast<GraphView *>(view)) {
            g->renderTo(dev, size);
        }
    };
    if (format == QLatin1String("svg")) {
        QSvgGenerator gen;
        gen.setFileName(path);
        gen.setSize(size);
        gen.setViewBox(QRect(QPoint(0, 0), size));
        gen.setTitle(QStringLiteral("Entente"));
        render(&gen);
    } else {
        QImage img(size, QImage::Format_ARGB32_Premultiplied);
        render(&img);
        if (!img.save(path)) {
            showError(QStringLiteral("Export"), QStringLiteral("Could not write %1").arg(path));
        }
    }
}

void MainWindow::onShowActors()
{
    if (!m_db || !m_store) {
        return;
    }
    QDialog dlg(this);
    dlg.setWindowTitle(QStringLiteral("Actors and aliases"));
    dlg.resize(700, 500);
    auto *layout = new QVBoxLayout(&dlg);
    auto *table = new QTableWidget(&dlg);
    table->setColumnCount(4);
    table->setHorizontalHeaderLabels(
        {QStringLiteral("Code"), QStringLiteral("Name"), QStringLiteral("Events"), QStringLiteral("Your aliases")});
    table->horizontalHeader()->setStretchLastSection(true);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    const auto fill = [this, table] {
        table->setRowCount(0);
        const auto actors = ActorRepository(m_db->connection()).eventActors();
        const auto aliases = ActorRepository(m_db->connection()).aliases();
        QHash<QString, QStringList> byActor;
        if (aliases) {
            for (const Alias &a : *aliases) {
                byActor[a.actorCode] << a.alias + (a.role.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(a.role));
            }
        }
        if (!actors) {
            return;
        }
        for (const Actor &a : *actors) {
            const int r = table->rowCount();
            table->insertRow(r);
            table->setItem(r, 0, new QTableWidgetItem(a.code));
            table->setItem(r, 1, new QTableWidgetItem(m_coder ? m_coder->dictionaries().actorName(a.code) : a.code));
            auto *count = new QTableWidgetItem;
            count->setData(Qt::DisplayRole, a.eventCount);
            table->setItem(r, 2, count);
            table->setItem(r, 3, new QTableWidgetItem(byActor.value(a.code).join(QStringLiteral(", "))));
        }
    };
    fill();
    layout->addWidget(table);
    auto *row = new QHBoxLayout;
    auto *merge = new QPushButton(QStringLiteral("Merge selected into…"), &dlg);
    merge->setEnabled(!m_db->isReadOnly());
    row->addWidget(merge);
    auto *removeAlias = new QPushButton(QStringLiteral("Remove an alias…"), &dlg);
    removeAlias->setEnabled(!m_db->isReadOnly());
    row->addWidget(removeAlias);
    connect(removeAlias, &QPushButton::clicked, &dlg, [this, fill, &dlg] {
        const auto aliases = ActorRepository(m_db->connection()).aliases();
        if (!aliases || aliases->isEmpty()) {
            return;
        }
        QStringList labels;
        for (const Alias &a : *aliases) {
            labels << QStringLiteral("%1 → %2%3").arg(a.alias, a.actorCode,
                                                     a.role.isEmpty() ? QString() : QLatin1Char(' ') + a.role);
        }
        bool ok = false;
        const QString pick = QInputDialog::getItem(&dlg, QStringLiteral("Remove an alias"), QStringLiteral("Alias:"),
                                                   labels, 0, false, &ok);
        if (!ok) {
            return;
        }
        const Status st = m_store->removeAlias(aliases->at(labels.indexOf(pick)).id);
        if (!st) {
            showError(QStringLiteral("Alias"), st.error().message);
        }
        const auto coder = ExtractionService(m_db).coder();
        if (coder) {
            m_coder = *coder;
        }
        fill();
    });
    row->addStretch();
    auto *close = new QPushButton(QStringLiteral("Close"), &dlg);
    row->addWidget(close);
    layout->addLayout(row);
    connect(close, &QPushButton::clicked, &dlg, &QDialog::accept);
    connect(merge, &QPushButton::clicked, &dlg, [this, table, fill, &dlg] {
        const int r = table->currentRow();
        if (r < 0) {
            return;
        }
        const QString from = table->item(r, 0)->text();
        bool ok = false;
        const QString into = QInputDialog::getItem(&dlg, QStringLiteral("Merge %1").arg(from),
                                                   QStringLiteral("Merge %1 into:").arg(from), actorCodes(), 0, true, &ok)
                                 .trimmed()
                                 .toUpper();
        if (!ok || into.isEmpty()) {
            return;
        }
        const auto n = m_store->mergeActors(from, into);
        if (!n) {
            showError(QStringLiteral("Merge"), n.error().message);
            return;
        }
        fill();
        onDataChanged();
    });
    dlg.exec();
}

void MainWindow::onAbout()
{
    QMessageBox::about(this, QStringLiteral("About Entente"),
                       QStringLiteral("<h3>Entente %1</h3><p>Alliances, basing and conflict events from the news, "
                                      "with every event traced to its sentence.</p><p>Offline. Qt %2, SQLite, igraph, "
                                      "gumbo.</p>")
                           .arg(QApplication::applicationVersion(), QString::fromLatin1(qVersion())));
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls() && m_db && !m_db->isReadOnly()) {
        event->acceptProposedAction();
    }
}

void MainWindow::dropEvent(QDropEvent *event)
{
    QStringList paths;
    for (const QUrl &url : event->mimeData()->urls()) {
        if (url.isLocalFile()) {
            paths << url.toLocalFile();
        }
    }
    if (!paths.isEmpty()) {
        importPaths(paths);
        event->acceptProposedAction();
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    if (m_importJob != nullptr) {
        m_importJob->cancel();
        m_importJob->wait();
    }
    event->accept();
}

} // namespace Entente::Ui
