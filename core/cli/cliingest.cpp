// entente-cli import, clean, code and extract.
#include <core/cli/cli.h>
#include <core/cli/clicommands.h>
#include <core/domain/eventio.h>
#include <core/extract/extractionservice.h>
#include <core/extract/postprocess.h>
#include <core/ingest/formatreader.h>
#include <core/ingest/importer.h>
#include <core/ingest/rawdocument.h>
#include <core/ingest/textcleaner.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace Entente::Core {

namespace {

int usage(CliContext &ctx, const QString &message)
{
    ctx.err << "entente-cli: " << message << "\n";
    return ExitUsage;
}

QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

bool parsePublished(const QString &text, DatePoint &out)
{
    if (text.isEmpty()) {
        return true;
    }
    out = DatePoint::fromString(text);
    return out.isValid();
}

/// Reads one article (a file or "-" for stdin) and cleans it like the import does.
Result<RawDocument> readOne(const QString &path)
{
    if (path == QLatin1String("-")) {
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly)) {
            return Error{Error::Code::Io, QStringLiteral("cannot read standard input")};
        }
        const QByteArray data = in.readAll();
        const auto docs = FormatReader::readBytes(data, QString());
        if (!docs) {
            return docs.error();
        }
        if (docs->isEmpty()) {
            return Error{Error::Code::Parse, QStringLiteral("no article found")};
        }
        return docs->first();
    }
    const auto docs = FormatReader::readFile(path);
    if (!docs) {
        return docs.error();
    }
    if (docs->isEmpty()) {
        return Error{Error::Code::Parse, QStringLiteral("no article found in %1").arg(path)};
    }
    return docs->first();
}

struct Cleaned
{
    QString title;
    QString text;
    DatePoint published;
    QString source;
    QString url;
    QStringList warnings;
};

Cleaned cleanDocument(const RawDocument &doc, const DatePoint &given)
{
    const bool plain = doc.format == QLatin1String("text") && !doc.title.isEmpty();
    const CleanedText c = TextCleaner::clean(plain ? doc.title + QStringLiteral("\n\n") + doc.text : doc.text);
    Cleaned out;
    out.title = !plain && !doc.title.trimmed().isEmpty() ? doc.title.simplified() : c.title;
    out.text = c.text;
    out.published = given.isValid() ? given : (doc.published.isValid() ? doc.published : c.dateline);
    out.source = doc.source;
    out.url = doc.url;
    out.warnings = doc.warnings;
    return out;
}

QJsonValue orNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue() : QJsonValue(s);
}

} // namespace

int cliClean(CliContext &ctx, const QStringList &args)
{
    const CliArgs a = CliArgs::parse(args, {QStringLiteral("format"), QStringLiteral("published")}, {});
    if (!a.error.isEmpty()) {
        return usage(ctx, a.error);
    }
    const QString format = a.value(QStringLiteral("format")).isEmpty() ? QStringLiteral("text")
                                                                        : a.value(QStringLiteral("format"));
    if (format != QLatin1String("json") && format != QLatin1String("text")) {
        return usage(ctx, QStringLiteral("--format must be json or text"));
    }
    if (a.positional.size() != 1) {
        return usage(ctx, QStringLiteral("usage: clean [--format json|text] FILE"));
    }
    DatePoint given;
    if (!parsePublished(a.value(QStringLiteral("published")), given)) {
        return usage(ctx, QStringLiteral("--published must be YYYY-MM-DD"));
    }
    const auto doc = readOne(a.positional.first());
    if (!doc) {
        ctx.err << "entente-cli: " << a.positional.first() << ": " << doc.error().message << "\n";
        return ExitPartial;
    }
    const Cleaned c = cleanDocument(*doc, given);
    if (format == QLatin1String("json")) {
        QJsonObject o;
        o.insert(QStringLiteral("title"), orNull(c.title));
        o.insert(QStringLiteral("published"), orNull(c.published.toString()));
        o.insert(QStringLiteral("source"), orNull(c.source));
        o.insert(QStringLiteral("url"), orNull(c.url));
        o.insert(QStringLiteral("text"), c.text);
        if (!c.warnings.isEmpty()) {
            o.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(c.warnings));
        }
        ctx.out << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented));
    } else {
        if (!c.title.isEmpty()) {
            ctx.out << c.title << "\n\n";
        }
        ctx.out << c.text << "\n";
    }
    return ExitOk;
}

int cliCode(CliContext &ctx, const QStringList &args)
{
    const CliArgs a = CliArgs::parse(args, {QStringLiteral("format"), QStringLiteral("published")}, {});
    if (!a.error.isEmpty()) {
        return usage(ctx, a.error);
    }
    const QString format = a.value(QStringLiteral("format"));
    if (!format.isEmpty() && format != QLatin1String("json")) {
        return usage(ctx, QStringLiteral("--format must be json"));
    }
    if (a.positional.size() > 1) {
        return usage(ctx, QStringLiteral("usage: code [--published YYYY-MM-DD] [--format json] [FILE|-]"));
    }
    DatePoint given;
    if (!parsePublished(a.value(QStringLiteral("published")), given)) {
        return usage(ctx, QStringLiteral("--published must be YYYY-MM-DD"));
    }
    const QString path = a.positional.isEmpty() ? QStringLiteral("-") : a.positional.first();
    const auto doc = readOne(path);
    if (!doc) {
        ctx.err << "entente-cli: " << path << ": " << doc.error().message << "\n";
        return ExitPartial;
    }
    const Cleaned c = cleanDocument(*doc, given);
    // No database: the bundled dictionaries alone.
    const auto coder = ExtractionService(nullptr).coder();
    if (!coder) {
        ctx.err << "entente-cli: " << coder.error().message << "\n";
        return ExitUsage;
    }
    const QList<Event> events = removeRepeatedEvents((*coder)->code(c.text, c.published));
    QJsonArray arr;
    qint64 id = 0;
    for (Event e : events) {
        e.id = ++id;
        arr.append(eventToJson(e));
    }
    ctx.out << QString::fromUtf8(QJsonDocument(arr).toJson(QJsonDocument::Indented));
    return ExitOk;
}

int cliImport(CliContext &ctx, const QStringList &args)
{
    const CliArgs a = CliArgs::parse(args, {QStringLiteral("published"), QStringLiteral("source"),
                                            QStringLiteral("threads"), QStringLiteral("batch")},
                                     {QStringLiteral("no-extract")});
    if (!a.error.isEmpty()) {
        return usage(ctx, a.error);
    }
    if (a.positional.isEmpty()) {
        return usage(ctx, QStringLiteral(
                              "usage: import [--published YYYY-MM-DD] [--source NAME] [--no-extract] PATH..."));
    }
    ImportOptions opts;
    if (!parsePublished(a.value(QStringLiteral("published")), opts.published)) {
        return usage(ctx, QStringLiteral("--published must be YYYY-MM-DD"));
    }
    opts.source = a.value(QStringLiteral("source"));
    opts.extract = !a.has(QStringLiteral("no-extract"));
    if (a.has(QStringLiteral("threads"))) {
        opts.threads = a.value(QStringLiteral("threads")).toInt();
    }
    if (a.has(QStringLiteral("batch"))) {
        opts.batchSize = std::max(1, a.value(QStringLiteral("batch")).toInt());
    }
    auto db = ctx.openDatabase();
    if (!db) {
        return ExitDatabase;
    }
    std::shared_ptr<const Coder> coder;
    if (opts.extract) {
        const auto c = ExtractionService(db).coder();
        if (!c) {
            ctx.err << "entente-cli: " << c.error().message << "\n";
            return ExitDatabase;
        }
        coder = *c;
    }
    Importer importer(db, opts, coder);
    const ImportSummary s = importer.run(a.positional, [&ctx](const ImportItemResult &r) {
        QJsonObject o;
        o.insert(QStringLiteral("file"), r.file);
        if (r.item > 0) {
            o.insert(QStringLiteral("item"), r.item);
        }
        o.insert(QStringLiteral("status"), ImportItemResult::statusName(r.status));
        o.insert(QStringLiteral("article_id"), r.articleId > 0 ? QJsonValue(r.articleId) : QJsonValue());
        o.insert(QStringLiteral("error"), r.error.isEmpty() ? QJsonValue() : QJsonValue(r.error));
        if (!r.warnings.isEmpty()) {
            o.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(r.warnings));
        }
        if (r.status == ImportItemResult::Status::Imported) {
            o.insert(QStringLiteral("events"), r.events);
        }
        ctx.out << compact(o) << "\n";
        ctx.out.flush();
    });
    QJsonObject summary;
    summary.insert(QStringLiteral("summary"), true);
    summary.insert(QStringLiteral("imported"), s.imported);
    summary.insert(QStringLiteral("duplicate"), s.duplicates);
    summary.insert(QStringLiteral("near_duplicate"), s.nearDuplicates);
    summary.insert(QStringLiteral("error"), s.errors);
    summary.insert(QStringLiteral("events"), s.events);
    if (!s.fatalError.isEmpty()) {
        summary.insert(QStringLiteral("fatal"), s.fatalError);
    }
    ctx.out << compact(summary) << "\n";
    if (!s.fatalError.isEmpty()) {
        ctx.err << "entente-cli: " << s.fatalError << "\n";
        return ExitDatabase;
    }
    return s.errors > 0 ? ExitPartial : ExitOk;
}

int cliExtract(CliContext &ctx, const QStringList &args)
{
    const CliArgs a = CliArgs::parse(args, {}, {QStringLiteral("all")});
    if (!a.error.isEmpty()) {
        return usage(ctx, a.error);
    }
    QList<qint64> ids;
    for (const QString &p : a.positional) {
        bool ok = false;
        const qint64 id = p.toLongLong(&ok);
        if (!ok || id <= 0) {
            return usage(ctx, QStringLiteral("'%1' is not an article id").arg(p));
        }
        ids << id;
    }
    if (ids.isEmpty() && !a.has(QStringLiteral("all"))) {
        return usage(ctx, QStringLiteral("usage: extract [--all | ARTICLE_ID...]"));
    }
    auto db = ctx.openDatabase();
    if (!db) {
        return ExitDatabase;
    }
    const auto s = ExtractionService(db).reextract(ids);
    if (!s) {
        ctx.err << "entente-cli: " << s.error().message << "\n";
        return ExitDatabase;
    }
    QJsonObject o;
    o.insert(QStringLiteral("articles"), s->articles);
    o.insert(QStringLiteral("events_added"), s->added);
    o.insert(QStringLiteral("missing"), s->failed);
    ctx.out << compact(o) << "\n";
    return s->failed > 0 ? ExitPartial : ExitOk;
}

} // namespace Entente::Core
