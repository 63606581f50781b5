#include "cli.h"

#include <core/cli/clicommands.h>

namespace Entente::Core {

QString cliUsage()
{
    return QStringLiteral(
        "usage: entente-cli [--db PATH] COMMAND [options]\n"
        "\n"
        "commands:\n"
        "  import [--published YYYY-MM-DD] [--source NAME] [--no-extract] PATH...\n"
        "  clean [--format json|text] FILE\n"
        "  code [--published YYYY-MM-DD] [--format json] [FILE|-]\n"
        "  extract [--all | ARTICLE_ID...]\n"
        "  events [--format json|csv] [--actor CODE] [--type TYPE] [--from D] [--to D] [--status S]\n"
        "  articles [--format json] [--search QUERY] [--tag TAG]\n"
        "  tag ARTICLE_ID TAG...\n"
        "  untag ARTICLE_ID TAG...\n"
        "  graph [--format graphml|gexf|json] [--as-of D | --from D --to D]\n"
        "  stats\n"
        "\n"
        "Without --db the per-user database is used (the one the desktop app opens).\n"
        "Exit codes: 0 success, 1 usage error, 2 some inputs failed, 3 database error.\n");
}

int runCli(const QStringList &argsIn, QTextStream &out, QTextStream &err)
{
    CliContext ctx{out, err};
    QStringList args;
    for (qsizetype i = 0; i < argsIn.size(); ++i) {
        const QString &a = argsIn.at(i);
        if (a == QLatin1String("--db")) {
            if (i + 1 >= argsIn.size()) {
                err << "entente-cli: --db needs a path\n";
                return ExitUsage;
            }
            ctx.dbPath = argsIn.at(++i);
        } else if (a.startsWith(QLatin1String("--db="))) {
            ctx.dbPath = a.mid(5);
        } else if (a == QLatin1String("-h") || a == QLatin1String("--help")) {
            out << cliUsage();
            return ExitOk;
        } else {
            args << a;
        }
    }
    if (args.isEmpty()) {
        err << cliUsage();
        return ExitUsage;
    }
    const QString command = args.takeFirst();
    const auto handler = cliCommand(command);
    if (!handler) {
        err << "entente-cli: unknown command '" << command << "'\n" << cliUsage();
        return ExitUsage;
    }
    return handler(ctx, args);
}

} // namespace Entente::Core
