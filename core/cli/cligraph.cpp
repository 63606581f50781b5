#include <core/cli/cli.h>
#include <core/cli/clicommands.h>
#include <core/extract/dictionaries.h>
#include <core/graph/graphexport.h>

namespace Entente::Core {

int cliGraph(CliContext &ctx, const QStringList &args)
{
    const CliArgs a = CliArgs::parse(args,
                                     {QStringLiteral("format"), QStringLiteral("as-of"), QStringLiteral("from"),
                                      QStringLiteral("to"), QStringLiteral("window")},
                                     {});
    if (!a.error.isEmpty() || !a.positional.isEmpty()) {
        ctx.err << "entente-cli: " << (a.error.isEmpty() ? QStringLiteral("unexpected argument") : a.error) << "\n";
        return ExitUsage;
    }
    const QString format = a.value(QStringLiteral("format")).isEmpty() ? QStringLiteral("json")
                                                                        : a.value(QStringLiteral("format"));
    if (format != QLatin1String("json") && format != QLatin1String("graphml") && format != QLatin1String("gexf")) {
        ctx.err << "entente-cli: --format must be graphml, gexf or json\n";
        return ExitUsage;
    }
    GraphExport::Options o;
    const auto date = [&](const QString &name, bool end, QDate &out) {
        const QString v = a.value(name);
        if (v.isEmpty()) {
            return true;
        }
        const DatePoint d = DatePoint::fromString(v);
        if (!d.isValid()) {
            return false;
        }
        out = end ? d.end : d.start;
        return true;
    };
    if (!date(QStringLiteral("as-of"), true, o.asOf) || !date(QStringLiteral("from"), false, o.from) ||
        !date(QStringLiteral("to"), true, o.to)) {
        ctx.err << "entente-cli: dates are YYYY, YYYY-MM or YYYY-MM-DD\n";
        return ExitUsage;
    }
    if (o.asOf.isValid() && (o.from.isValid() || o.to.isValid())) {
        ctx.err << "entente-cli: use either --as-of or --from/--to\n";
        return ExitUsage;
    }
    if (a.has(QStringLiteral("window"))) {
        o.windowDays = std::max(1, a.value(QStringLiteral("window")).toInt());
    }
    auto db = ctx.openDatabase();
    if (!db) {
        return ExitDatabase;
    }
    const auto events = GraphExport::loadEvents(*db);
    if (!events) {
        ctx.err << "entente-cli: " << events.error().message << "\n";
        return ExitDatabase;
    }
    if (const auto dict = Dictionaries::loadBundled()) {
        for (auto it = (*dict)->actors().cbegin(); it != (*dict)->actors().cend(); ++it) {
            o.names.insert(it.key(), it->name);
        }
    }
    RelationModel model;
    model.setEvents(*events);
    if (format == QLatin1String("graphml")) {
        ctx.out << GraphExport::graphml(model, o);
    } else if (format == QLatin1String("gexf")) {
        ctx.out << GraphExport::gexf(model, *events, o);
    } else {
        ctx.out << GraphExport::json(model, o);
    }
    return ExitOk;
}

} // namespace Entente::Core
