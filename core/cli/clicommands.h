#pragma once

#include <core/domain/result.h>
#include <core/storage/database.h>

#include <QHash>
#include <QStringList>
#include <QTextStream>

#include <functional>
#include <memory>

namespace Entente::Core {

/// Shared state of one CLI invocation.
struct CliContext
{
    QTextStream &out;
    QTextStream &err;
    QString dbPath;

    /// Opens the database (the per-user one when no --db was given); prints the error and returns
    /// null on failure.
    std::shared_ptr<Database> openDatabase();
};

/// Options of a command: `--name value` pairs, `--flag`s and positional arguments, parsed strictly
/// against the names a command accepts.
struct CliArgs
{
    QHash<QString, QString> values;
    QStringList flags;
    QStringList positional;
    QString error;

    static CliArgs parse(const QStringList &args, const QStringList &valueOptions, const QStringList &flagOptions);
    QString value(const QString &name) const { return values.value(name); }
    bool has(const QString &name) const { return values.contains(name) || flags.contains(name); }
};

using CliHandler = std::function<int(CliContext &, const QStringList &)>;

/// The handler for a command name, or an empty function.
CliHandler cliCommand(const QString &name);

} // namespace Entente::Core
