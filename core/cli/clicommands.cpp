#include "clicommands.h"

#include <core/cli/cli.h>
#include <core/domain/eventio.h>
#include <core/storage/articlerepository.h>
#include <core/storage/eventrepository.h>
#include <core/storage/store.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Entente::Core {

// Defined in the other cli*.cpp files.
int cliImport(CliContext &ctx, const QStringList &args);
int cliClean(CliContext &ctx, const QStringList &args);
int cliCode(CliContext &ctx, const QStringList &args);
int cliExtract(CliContext &ctx, const QStringList &args);
int cliGraph(CliContext &ctx, const QStringList &args);

namespace {

int usage(CliContext &ctx, const QString &message)
{
    ctx.err << "entente-cli: " << message << "\n";
    return ExitUsage;
}

bool parseDate(const QString &text, QDate &out)
{
    if (text.isEmpty()) {
        return true;
    }
    const DatePoint d = DatePoint::fromString(text);
    if (!d.isValid()) {
        return false;
    }
    out = d.start;
    return true;
}

bool parseDateEnd(const QString &text, QDate &out)
{
    if (text.isEmpty()) {
        return true;
    }
    const DatePoint d = DatePoint::fromString(text);
    if (!d.isValid()) {
        return false;
    }
    out = d.end;
    return true;
}

int cliStats(CliContext &ctx, const QStringList &args)
{
    const CliArgs a = CliArgs::parse(args, {QStringLiteral("format")}, {});
    if (!a.error.isEmpty()) {
        return usage(ctx, a.error);
    }
    auto db = ctx.openDatabase();
    if (!db) {
        return ExitDatabase;
    }
    const auto s = Store(db).stats();
    if (!s) {
        ctx.err << s.error().message << "\n";
        return ExitDatabase;
    }
    QJsonObject o;
    o.insert(QStringLiteral("articles"), s->articles);
    o.insert(QStringLiteral("events"), s->events);
    o.insert(QStringLiteral("unreviewed"), s->unreviewed);
    o.insert(QStringLiteral("confirmed"), s->confirmed);
    o.insert(QStringLiteral("rejected"), s->rejected);
    o.insert(QStringLiteral("edited"), s->edited);
    o.insert(QStringLiteral("manual"), s->manual);
    o.insert(QStringLiteral("tags"), s->tags);
    o.insert(QStringLiteral("sources"), s->sources);
    o.insert(QStringLiteral("actors"), s->actors);
    o.insert(QStringLiteral("story_clusters"), s->storyClusters);
    QJsonObject types;
    for (auto it = s->byType.cbegin(); it != s->byType.cend(); ++it) {
        types.insert(it.key(), it.value());
    }
    o.insert(QStringLiteral("events_by_type"), types);
    if (a.value(QStringLiteral("format")) == QLatin1String("text")) {
        for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
            if (it.value().isObject()) {
                continue;
            }
            ctx.out << it.key() << ": " << it.value().toInteger() << "\n";
        }
    } else {
        ctx.out << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented));
    }
    return ExitOk;
}

int cliArticles(CliContext &ctx, const QStringList &args)
{
    const CliArgs a = CliArgs::parse(
        args, {QStringLiteral("format"), QStringLiteral("search"), QStringLiteral("tag"), QStringLiteral("source"),
               QStringLiteral("limit")},
        {});
    if (!a.error.isEmpty()) {
        return usage(ctx, a.error);
    }
    const QString format = a.value(QStringLiteral("format"));
    if (!format.isEmpty() && format != QLatin1String("json") && format != QLatin1String("text")) {
        return usage(ctx, QStringLiteral("--format must be json or text"));
    }
    auto db = ctx.openDatabase();
    if (!db) {
        return ExitDatabase;
    }
    ArticleFilter f;
    f.search = a.value(QStringLiteral("search"));
    f.tag = a.value(QStringLiteral("tag"));
    f.source = a.value(QStringLiteral("source"));
    const qint64 limit = a.has(QStringLiteral("limit")) ? a.value(QStringLiteral("limit")).toLongLong() : -1;
    ArticleRepository repo(db->connection());
    QJsonArray arr;
    qint64 offset = 0;
    const qint64 pageSize = 1000;
    while (limit < 0 || offset < limit) {
        const auto page = repo.list(f, offset, limit < 0 ? pageSize : qMin(pageSize, limit - offset));
        if (!page) {
            ctx.err << page.error().message << "\n";
            return ExitDatabase;
        }
        for (const ArticleSummary &s : *page) {
            if (format == QLatin1String("json")) {
                QJsonObject o;
                o.insert(QStringLiteral("id"), s.id);
                o.insert(QStringLiteral("title"), s.title);
                o.insert(QStringLiteral("source"), s.source.isEmpty() ? QJsonValue() : QJsonValue(s.source));
                o.insert(QStringLiteral("published"),
                         s.published.isValid() ? QJsonValue(s.published.toString()) : QJsonValue());
                o.insert(QStringLiteral("tags"), QJsonArray::fromStringList(s.tags));
                o.insert(QStringLiteral("events"), s.eventCount);
                o.insert(QStringLiteral("unreviewed"), s.unreviewedCount);
                if (!s.snippet.isEmpty()) {
                    o.insert(QStringLiteral("snippet"), s.snippet);
                }
                arr.append(o);
            } else {
                ctx.out << s.id << "\t" << (s.published.isValid() ? s.published.toString() : QStringLiteral("-"))
                        << "\t" << s.source << "\t" << s.title;
                if (!s.tags.isEmpty()) {
                    ctx.out << "\t[" << s.tags.join(QStringLiteral(", ")) << "]";
                }
                if (!s.snippet.isEmpty()) {
                    ctx.out << "\n\t" << s.snippet;
                }
                ctx.out << "\n";
            }
        }
        offset += page->size();
        if (page->size() < pageSize) {
            break;
        }
    }
    if (format == QLatin1String("json")) {
        ctx.out << QString::fromUtf8(QJsonDocument(arr).toJson(QJsonDocument::Indented));
    }
    return ExitOk;
}

int cliTagOrUntag(CliContext &ctx, const QStringList &args, bool add)
{
    const CliArgs a = CliArgs::parse(args, {}, {});
    if (!a.error.isEmpty()) {
        return usage(ctx, a.error);
    }
    if (a.positional.size() < 2) {
        return usage(ctx, add ? QStringLiteral("usage: tag ARTICLE_ID TAG...")
                              : QStringLiteral("usage: untag ARTICLE_ID TAG..."));
    }
    bool ok = false;
    const qint64 id = a.positional.first().toLongLong(&ok);
    if (!ok || id <= 0) {
        return usage(ctx, QStringLiteral("'%1' is not an article id").arg(a.positional.first()));
    }
    auto db = ctx.openDatabase();
    if (!db) {
        return ExitDatabase;
    }
    ArticleRepository articles(db->connection());
    const auto art = articles.get(id);
    if (!art) {
        ctx.err << art.error().message << "\n";
        return ExitDatabase;
    }
    if (!art->has_value()) {
        ctx.err << "entente-cli: no article " << id << "\n";
        return ExitPartial;
    }
    const QStringList tags = a.positional.mid(1);
    Store store(db);
    const Status st = add ? store.tagArticles({id}, tags) : store.untagArticles({id}, tags);
    if (!st) {
        ctx.err << st.error().message << "\n";
        return st.error().code == Error::Code::Usage ? ExitUsage : ExitDatabase;
    }
    return ExitOk;
}

int cliEvents(CliContext &ctx, const QStringList &args)
{
    const CliArgs a = CliArgs::parse(args,
                                     {QStringLiteral("format"), QStringLiteral("actor"), QStringLiteral("type"),
                                      QStringLiteral("from"), QStringLiteral("to"), QStringLiteral("status"),
                                      QStringLiteral("article"), QStringLiteral("limit")},
                                     {});
    if (!a.error.isEmpty()) {
        return usage(ctx, a.error);
    }
    const QString format = a.value(QStringLiteral("format")).isEmpty() ? QStringLiteral("json")
                                                                        : a.value(QStringLiteral("format"));
    if (format != QLatin1String("json") && format != QLatin1String("csv")) {
        return usage(ctx, QStringLiteral("--format must be json or csv"));
    }
    EventFilter f;
    f.actor = a.value(QStringLiteral("actor")).toUpper();
    const QString type = a.value(QStringLiteral("type"));
    if (!type.isEmpty()) {
        for (const QString &t : type.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const auto et = eventTypeFromName(t.trimmed());
            if (!et) {
                return usage(ctx, QStringLiteral("unknown event type '%1'").arg(t));
            }
            f.types << *et;
        }
    }
    if (!parseDate(a.value(QStringLiteral("from")), f.from) || !parseDateEnd(a.value(QStringLiteral("to")), f.to)) {
        return usage(ctx, QStringLiteral("dates are YYYY, YYYY-MM or YYYY-MM-DD"));
    }
    const QString status = a.value(QStringLiteral("status"));
    if (!status.isEmpty() && status != QLatin1String("unreviewed") && !reviewStatusFromName(status)) {
        return usage(ctx, QStringLiteral("unknown status '%1'").arg(status));
    }
    f.status = status;
    f.articleId = a.value(QStringLiteral("article")).toLongLong();
    const qint64 limit = a.has(QStringLiteral("limit")) ? a.value(QStringLiteral("limit")).toLongLong() : -1;
    auto db = ctx.openDatabase();
    if (!db) {
        return ExitDatabase;
    }
    const auto events = EventRepository(db->connection()).query(f, 0, limit);
    if (!events) {
        ctx.err << events.error().message << "\n";
        return ExitDatabase;
    }
    if (format == QLatin1String("csv")) {
        ctx.out << eventCsvHeader() << "\n";
        for (const Event &e : *events) {
            ctx.out << eventToCsvRow(e) << "\n";
        }
    } else {
        QJsonArray arr;
        for (const Event &e : *events) {
            arr.append(eventToJson(e));
        }
        ctx.out << QString::fromUtf8(QJsonDocument(arr).toJson(QJsonDocument::Indented));
    }
    return ExitOk;
}

} // namespace

std::shared_ptr<Database> CliContext::openDatabase()
{
    const QString path = dbPath.isEmpty() ? Database::defaultPath() : dbPath;
    auto db = Database::open(path);
    if (!db) {
        err << "entente-cli: " << db.error().message << "\n";
        return nullptr;
    }
    return *db;
}

CliArgs CliArgs::parse(const QStringList &args, const QStringList &valueOptions, const QStringList &flagOptions)
{
    CliArgs out;
    bool onlyPositional = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (onlyPositional || !a.startsWith(QLatin1String("--")) || a == QLatin1String("-")) {
            out.positional << a;
            continue;
        }
        if (a == QLatin1String("--")) {
            onlyPositional = true;
            continue;
        }
        QString name = a.mid(2);
        QString value;
        bool hasValue = false;
        const qsizetype eq = name.indexOf(QLatin1Char('='));
        if (eq >= 0) {
            value = name.mid(eq + 1);
            name = name.left(eq);
            hasValue = true;
        }
        if (valueOptions.contains(name)) {
            if (!hasValue) {
                if (i + 1 >= args.size()) {
                    out.error = QStringLiteral("--%1 needs a value").arg(name);
                    return out;
                }
                value = args.at(++i);
            }
            out.values.insert(name, value);
        } else if (flagOptions.contains(name) && !hasValue) {
            out.flags << name;
        } else {
            out.error = QStringLiteral("unknown option --%1").arg(name);
            return out;
        }
    }
    return out;
}

CliHandler cliCommand(const QString &name)
{
    static const QHash<QString, CliHandler> commands{
        {QStringLiteral("stats"), cliStats},
        {QStringLiteral("articles"), cliArticles},
        {QStringLiteral("tag"), [](CliContext &c, const QStringList &a) { return cliTagOrUntag(c, a, true); }},
        {QStringLiteral("untag"), [](CliContext &c, const QStringList &a) { return cliTagOrUntag(c, a, false); }},
        {QStringLiteral("events"), cliEvents},
        {QStringLiteral("import"), cliImport},
        {QStringLiteral("clean"), cliClean},
        {QStringLiteral("code"), cliCode},
        {QStringLiteral("extract"), cliExtract},
        {QStringLiteral("graph"), cliGraph},
    };
    return commands.value(name);
}

} // namespace Entente::Core
