#pragma once

#include <QStringList>
#include <QTextStream>

namespace Entente::Core {

/// Exit codes of the `entente-cli` contract (product.md).
enum CliExit : int { ExitOk = 0, ExitUsage = 1, ExitPartial = 2, ExitDatabase = 3 };

/// Runs one `entente-cli` command. `args` excludes the program name. Writes results to `out` and
/// messages to `err`; returns the exit code. Every command goes through the same core calls the GUI
/// uses. Not thread-safe: run one at a time per process.
int runCli(const QStringList &args, QTextStream &out, QTextStream &err);

QString cliUsage();

} // namespace Entente::Core
