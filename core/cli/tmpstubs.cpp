#include <core/cli/cli.h>
#include <core/cli/clicommands.h>

// Commands whose core parts have not landed yet say so plainly.
namespace Entente::Core {
namespace {
int notYet(CliContext &ctx, const char *name)
{
    ctx.err << "entente-cli: '" << name << "' is not available in this build yet\n";
    return ExitUsage;
}
} // namespace
int cliImport(CliContext &c, const QStringList &) { return notYet(c, "import"); }
int cliClean(CliContext &c, const QStringList &) { return notYet(c, "clean"); }
int cliCode(CliContext &c, const QStringList &) { return notYet(c, "code"); }
int cliExtract(CliContext &c, const QStringList &) { return notYet(c, "extract"); }
int cliGraph(CliContext &c, const QStringList &) { return notYet(c, "graph"); }
} // namespace Entente::Core
