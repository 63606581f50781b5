#include <ui/mainwindow.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Entente"));
    QApplication::setApplicationName(QStringLiteral("entente"));
    QApplication::setApplicationDisplayName(QStringLiteral("Entente"));
    QApplication::setApplicationVersion(QStringLiteral(ENTENTE_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Entente — alliances and basing from the news"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dbOption(QStringLiteral("db"), QStringLiteral("Open this database file."),
                                      QStringLiteral("path"));
    const QCommandLineOption noSamples(QStringLiteral("no-samples"),
                                       QStringLiteral("Do not offer the sample corpus on an empty database."));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        QStringLiteral("Save a picture of the window to this PNG once loaded, then quit."),
                                        QStringLiteral("png"));
    const QCommandLineOption articleOption(QStringLiteral("article"), QStringLiteral("Open this article at start."),
                                           QStringLiteral("id"));
    parser.addOption(dbOption);
    parser.addOption(articleOption);
    parser.addOption(noSamples);
    parser.addOption(screenshot);
    parser.process(app);

    Entente::Ui::MainWindow window;
    window.setOfferSamples(!parser.isSet(noSamples));
    window.show();
    if (parser.isSet(screenshot)) {
        window.setQuiet(true);
    }
    window.openDatabase(parser.isSet(dbOption) ? parser.value(dbOption) : window.defaultDatabasePath());
    if (parser.isSet(articleOption)) {
        const qint64 id = parser.value(articleOption).toLongLong();
        QTimer::singleShot(300, &window, [&window, id] {
            window.waitForIdle();
            window.selectArticle(id);
        });
    }
    if (parser.isSet(screenshot)) {
        const QString path = parser.value(screenshot);
        QTimer::singleShot(500, &window, [&window, path] {
            window.waitForIdle();
            QTimer::singleShot(1500, &window, [&window, path] {
                window.waitForIdle();
                window.grab().save(path);
                QApplication::quit();
            });
        });
    }
    return QApplication::exec();
}
