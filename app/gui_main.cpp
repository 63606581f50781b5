#include <ui/mainwindow.h>

#include <QApplication>
#include <QCommandLineParser>

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
    parser.addOption(dbOption);
    parser.addOption(noSamples);
    parser.process(app);

    Entente::Ui::MainWindow window;
    window.setOfferSamples(!parser.isSet(noSamples));
    window.show();
    window.openDatabase(parser.isSet(dbOption) ? parser.value(dbOption) : window.defaultDatabasePath());
    return QApplication::exec();
}
