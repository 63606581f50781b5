#pragma once

#include <core/storage/database.h>

#include <QMainWindow>

#include <memory>

class QLabel;
class QLineEdit;
class QTableView;
class QTextBrowser;
class QMenu;

namespace Entente::Core {
class ArticleListModel;
class EventTableModel;
} // namespace Entente::Core

namespace Entente::Ui {

/// The workspace window: library, reader, events, timeline and graph docks over one database.
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
    /// Set by tests: errors go to lastError() instead of a modal box.
    void setQuiet(bool quiet) { m_quiet = quiet; }
    QString lastError() const { return m_lastError; }

    Core::ArticleListModel *articleModel() const { return m_articles; }
    Core::EventTableModel *eventModel() const { return m_events; }
    QLineEdit *searchBox() const { return m_search; }
    QTableView *libraryView() const { return m_libraryView; }
    QTableView *eventsView() const { return m_eventsView; }
    QTextBrowser *reader() const { return m_reader; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildActions();
    void buildDocks();
    void refreshAll();
    void updateStatus();
    void updateRecentMenu();
    void addRecent(const QString &path);
    void showError(const QString &title, const QString &message);
    void showArticle(qint64 articleId);
    void onNewDatabase();
    void onOpenDatabase();
    void onAbout();

    std::shared_ptr<Core::Database> m_db;
    Core::ArticleListModel *m_articles = nullptr;
    Core::EventTableModel *m_events = nullptr;
    QLineEdit *m_search = nullptr;
    QTableView *m_libraryView = nullptr;
    QTableView *m_eventsView = nullptr;
    QTextBrowser *m_reader = nullptr;
    QLabel *m_emptyState = nullptr;
    QLabel *m_statusCounts = nullptr;
    QLabel *m_readOnlyBadge = nullptr;
    QMenu *m_recentMenu = nullptr;
    bool m_offerSamples = true;
    bool m_quiet = false;
    QString m_lastError;
};

} // namespace Entente::Ui
