#include "mainwindow.h"

#include <core/models/articlelistmodel.h>
#include <core/models/eventtablemodel.h>
#include <core/storage/articlerepository.h>
#include <core/storage/store.h>

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>
#include <QTextBrowser>
#include <QToolBar>
#include <QVBoxLayout>

namespace Entente::Ui {

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setObjectName(QStringLiteral("MainWindow"));
    setWindowTitle(QStringLiteral("Entente"));
    resize(1400, 900);
    m_articles = new Core::ArticleListModel(this);
    m_events = new Core::EventTableModel(this);
    buildDocks();
    buildActions();
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
}

MainWindow::~MainWindow() = default;

QString MainWindow::defaultDatabasePath() const
{
    return Core::Database::defaultPath();
}

void MainWindow::buildDocks()
{
    auto *centre = new QWidget(this);
    auto *centreLayout = new QVBoxLayout(centre);
    m_emptyState = new QLabel(centre);
    m_emptyState->setObjectName(QStringLiteral("emptyState"));
    m_emptyState->setAlignment(Qt::AlignCenter);
    m_emptyState->setWordWrap(true);
    centreLayout->addWidget(m_emptyState);
    setCentralWidget(centre);

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
    m_libraryView = new QTableView(library);
    m_libraryView->setObjectName(QStringLiteral("libraryView"));
    m_libraryView->setModel(m_articles);
    m_libraryView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_libraryView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_libraryView->verticalHeader()->hide();
    m_libraryView->horizontalHeader()->setStretchLastSection(true);
    m_libraryView->setWordWrap(false);
    libLayout->addWidget(m_libraryView);
    libraryDock->setWidget(library);
    addDockWidget(Qt::LeftDockWidgetArea, libraryDock);

    auto *readerDock = new QDockWidget(QStringLiteral("Reader"), this);
    readerDock->setObjectName(QStringLiteral("ReaderDock"));
    m_reader = new QTextBrowser(readerDock);
    m_reader->setObjectName(QStringLiteral("reader"));
    m_reader->setOpenLinks(false);
    readerDock->setWidget(m_reader);
    addDockWidget(Qt::RightDockWidgetArea, readerDock);

    auto *eventsDock = new QDockWidget(QStringLiteral("Events"), this);
    eventsDock->setObjectName(QStringLiteral("EventsDock"));
    m_eventsView = new QTableView(eventsDock);
    m_eventsView->setObjectName(QStringLiteral("eventsView"));
    m_eventsView->setModel(m_events);
    m_eventsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_eventsView->verticalHeader()->hide();
    m_eventsView->horizontalHeader()->setStretchLastSection(true);
    eventsDock->setWidget(m_eventsView);
    addDockWidget(Qt::BottomDockWidgetArea, eventsDock);

    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        Core::ArticleFilter f = m_articles->filter();
        f.search = text;
        m_articles->setFilter(f);
        updateStatus();
    });
    connect(m_libraryView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { showArticle(m_articles->articleId(current.row())); });
    connect(m_articles, &QAbstractItemModel::modelReset, this, [this] {
        connect(m_libraryView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
                [this](const QModelIndex &current) { showArticle(m_articles->articleId(current.row())); },
                Qt::UniqueConnection);
    });
}

void MainWindow::buildActions()
{
    QMenu *file = menuBar()->addMenu(QStringLiteral("&File"));
    QAction *newDb = file->addAction(QStringLiteral("&New database…"), this, &MainWindow::onNewDatabase);
    newDb->setShortcut(QKeySequence::New);
    QAction *openDb = file->addAction(QStringLiteral("&Open database…"), this, &MainWindow::onOpenDatabase);
    openDb->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(QStringLiteral("Open &recent"));
    updateRecentMenu();
    file->addSeparator();
    QAction *quit = file->addAction(QStringLiteral("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *view = menuBar()->addMenu(QStringLiteral("&View"));
    for (QDockWidget *dock : findChildren<QDockWidget *>()) {
        view->addAction(dock->toggleViewAction());
    }

    QMenu *help = menuBar()->addMenu(QStringLiteral("&Help"));
    help->addAction(QStringLiteral("&About Entente"), this, &MainWindow::onAbout);

    m_statusCounts = new QLabel(this);
    m_statusCounts->setObjectName(QStringLiteral("statusCounts"));
    m_readOnlyBadge = new QLabel(this);
    m_readOnlyBadge->setObjectName(QStringLiteral("readOnlyBadge"));
    statusBar()->addPermanentWidget(m_readOnlyBadge);
    statusBar()->addPermanentWidget(m_statusCounts);
}

bool MainWindow::openDatabase(const QString &path)
{
    auto db = Core::Database::open(path);
    if (!db) {
        showError(QStringLiteral("Cannot open the database"), db.error().message);
        return false;
    }
    m_db = *db;
    setWindowTitle(QStringLiteral("Entente — %1").arg(QFileInfo(path).fileName()));
    m_readOnlyBadge->setText(m_db->isReadOnly() ? QStringLiteral("Read-only: %1").arg(m_db->readOnlyReason())
                                                : QString());
    addRecent(m_db->path());
    refreshAll();
    return true;
}

void MainWindow::refreshAll()
{
    m_articles->setDatabase(m_db);
    m_events->setDatabase(m_db);
    m_reader->clear();
    updateStatus();
}

void MainWindow::updateStatus()
{
    if (!m_db) {
        m_statusCounts->clear();
        m_emptyState->setText(QStringLiteral("No database is open. Use File → Open database…"));
        return;
    }
    const auto stats = Core::Store(m_db).stats();
    if (stats) {
        m_statusCounts->setText(QStringLiteral("%1 articles · %2 events · %3 to review")
                                    .arg(stats->articles)
                                    .arg(stats->events)
                                    .arg(stats->unreviewed));
        if (stats->articles == 0) {
            m_emptyState->setText(QStringLiteral(
                "This database is empty.\nImport articles with File → Import files… or drop files onto the window."));
        } else if (m_articles->totalCount() == 0 && !m_search->text().isEmpty()) {
            m_emptyState->setText(QStringLiteral("No article matches “%1”.").arg(m_search->text()));
        } else {
            m_emptyState->setText(QStringLiteral("%1 articles").arg(m_articles->totalCount()));
        }
    }
}

void MainWindow::showArticle(qint64 articleId)
{
    if (!m_db || articleId <= 0) {
        m_reader->clear();
        return;
    }
    const auto art = Core::ArticleRepository(m_db->connection()).get(articleId);
    if (!art || !art->has_value()) {
        m_reader->clear();
        return;
    }
    const Core::Article &a = **art;
    QString html = QStringLiteral("<h2>%1</h2><p style='color:gray'>%2 · %3</p>")
                       .arg(a.title.toHtmlEscaped(), a.published.isValid() ? a.published.toString() : QStringLiteral("date unknown"),
                            a.source.toHtmlEscaped());
    for (const QString &para : a.cleanText.split(QStringLiteral("\n\n"))) {
        html += QStringLiteral("<p>") + para.toHtmlEscaped() + QStringLiteral("</p>");
    }
    m_reader->setHtml(html);
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

void MainWindow::onAbout()
{
    QMessageBox::about(this, QStringLiteral("About Entente"),
                       QStringLiteral("<h3>Entente %1</h3><p>Alliances, basing and conflict events from the news, "
                                      "with every event traced to its sentence.</p><p>Offline. Qt %2, SQLite.</p>")
                           .arg(QApplication::applicationVersion(), QString::fromLatin1(qVersion())));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    event->accept();
}

} // namespace Entente::Ui
