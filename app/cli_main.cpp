#include <core/cli/cli.h>

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Entente"));
    QCoreApplication::setApplicationName(QStringLiteral("entente"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ENTENTE_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);
    const int rc = Entente::Core::runCli(QCoreApplication::arguments().mid(1), out, err);
    out.flush();
    err.flush();
    return rc;
}
