#include <core/cli/cli.h>
#include <core/cli/clicommands.h>

namespace Entente::Core {

int cliGraph(CliContext &ctx, const QStringList &)
{
    ctx.err << "entente-cli: 'graph' is not available in this build yet\n";
    return ExitUsage;
}

} // namespace Entente::Core
