#include "importer.h"

#include <core/extract/coder.h>
#include <core/extract/postprocess.h>
#include <core/ingest/fingerprint.h>
#include <core/ingest/formatreader.h>
#include <core/ingest/rawdocument.h>
#include <core/ingest/textcleaner.h>
#include <core/storage/articlerepository.h>
#include <core/storage/eventrepository.h>
#include <core/storage/transaction.h>

#include <QDateTime>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>
#include <optional>

namespace Entente::Core {

struct Importer::Prepared
{
    ImportItemResult result;
    bool ok = false;
    Article article;
    QList<Event> events;
};

QString ImportItemResult::statusName(Status s)
{
    switch (s) {
    case Status::Imported:
        return QStringLiteral("imported");
    case Status::Duplicate:
        return QStringLiteral("duplicate");
    case Status::NearDuplicate:
        return QStringLiteral("near_duplicate");
    case Status::Error:
        break;
    }
    return QStringLiteral("error");
}

Importer::Importer(std::shared_ptr<Database> db, ImportOptions options, std::shared_ptr<const Coder> coder)
    : m_db(std::move(db)), m_options(std::move(options)), m_coder(std::move(coder))
{
}

Importer::Prepared Importer::prepare(const RawDocument &doc) const
{
    Prepared p;
    p.result.file = doc.filePath;
    p.result.item = doc.itemIndex;
    p.result.warnings = doc.warnings;
    // Plain text goes to the cleaner whole, so that a first line that is site furniture ("Skip to
    // content") is dropped and the real headline found.
    const bool plain = doc.format == QLatin1String("text") && !doc.title.isEmpty();
    const CleanedText cleaned = TextCleaner::clean(plain ? doc.title + QStringLiteral("\n\n") + doc.text : doc.text);
    if (cleaned.text.trimmed().isEmpty()) {
        p.result.status = ImportItemResult::Status::Error;
        p.result.error = QStringLiteral("no article text found");
        return p;
    }
    Article &a = p.article;
    a.title = !plain && !doc.title.trimmed().isEmpty() ? doc.title.simplified() : cleaned.title;
    a.cleanText = cleaned.text;
    a.rawText = doc.rawText.isEmpty() ? doc.text : doc.rawText;
    a.url = doc.url;
    a.filePath = doc.filePath;
    a.language = doc.language;
    a.source = !m_options.source.isEmpty() ? m_options.source : doc.source;
    if (m_options.published.isValid()) {
        a.published = m_options.published;
    } else if (doc.published.isValid()) {
        a.published = doc.published;
    } else if (cleaned.dateline.isValid()) {
        a.published = cleaned.dateline;
    }
    if (a.title.isEmpty()) {
        // A first sentence, shortened, is a better list label than nothing.
        a.title = a.cleanText.left(a.cleanText.indexOf(QLatin1Char('\n')) > 0 ? a.cleanText.indexOf(QLatin1Char('\n'))
                                                                            : a.cleanText.size())
                      .left(120);
    }
    const Fingerprint::Both fp = Fingerprint::both(a.cleanText);
    a.contentHash = fp.contentHash;
    a.simhash = fp.simhash;
    p.result.title = a.title;
    if (m_options.extract && m_coder) {
        p.events = removeRepeatedEvents(m_coder->code(a.cleanText, a.published));
    }
    p.ok = true;
    return p;
}

ImportSummary Importer::store(QList<Prepared> &batch, const Reporter &report)
{
    ImportSummary s;
    QSqlDatabase c = m_db->connection();
    ArticleRepository articles(c);
    EventRepository events(c);
    Transaction tx(c);
    if (!tx.isActive()) {
        s.fatalError = tx.error().message;
        for (Prepared &p : batch) {
            p.result.status = ImportItemResult::Status::Error;
            p.result.error = tx.error().message;
            ++s.errors;
            report(p.result);
        }
        return s;
    }
    QSqlQuery sp(c);
    // SQLite answers some failures (a full disk, no memory, an I/O error) by rolling back the whole
    // transaction instead of the one statement. The savepoint is then gone, the articles this batch
    // stored so far went with it, and going on would store the rest outside any transaction and
    // report them as failed: the batch fails as a whole instead.
    std::optional<Error> batchLost;
    for (Prepared &p : batch) {
        if (batchLost) {
            break;
        }
        if (!p.ok) {
            continue;
        }
        ImportItemResult &r = p.result;
        // Exact duplicates: the same canonical URL or the same normalised text.
        auto existing = articles.idByUrl(p.article.url);
        if (existing && !existing->has_value()) {
            existing = articles.idByHash(p.article.contentHash);
        }
        if (!existing) {
            r.status = ImportItemResult::Status::Error;
            r.error = existing.error().message;
            continue;
        }
        if (existing->has_value()) {
            r.status = ImportItemResult::Status::Duplicate;
            r.articleId = **existing;
            continue;
        }
        if (!sp.exec(QStringLiteral("SAVEPOINT import_item"))) {
            r.status = ImportItemResult::Status::Error;
            r.error = sp.lastError().text();
            continue;
        }
        const auto fail = [&](const Error &e) {
            if (sp.exec(QStringLiteral("ROLLBACK TO import_item"))) {
                sp.exec(QStringLiteral("RELEASE import_item"));
            } else {
                batchLost = e;
            }
            r.status = ImportItemResult::Status::Error;
            r.error = e.message;
        };
        qint64 cluster = 0;
        const auto candidates = articles.nearDuplicateCandidates(p.article.simhash, Fingerprint::kNearDuplicateBits);
        if (!candidates) {
            fail(candidates.error());
            continue;
        }
        int best = 65;
        for (const auto &cand : *candidates) {
            const int d = Fingerprint::distance(cand.simhash, p.article.simhash);
            if (d <= Fingerprint::kNearDuplicateBits && d < best) {
                best = d;
                cluster = cand.cluster;
            }
        }
        p.article.storyCluster = cluster;
        // Marked extracted as it is stored: a later UPDATE would rewrite the whole row, texts included.
        const bool extracting = m_options.extract && m_coder;
        const auto id = articles.insert(p.article, extracting ? QDateTime::currentDateTimeUtc() : QDateTime());
        if (!id) {
            fail(id.error());
            continue;
        }
        r.articleId = *id;
        bool failed = false;
        if (cluster > 0) {
            // The first copy becomes the story's anchor; a near-duplicate's events would only repeat
            // the story's, so they count as corroboration through the cluster instead of being stored.
            const Status st = articles.setStoryCluster(cluster, cluster);
            if (!st) {
                fail(st.error());
                continue;
            }
            r.status = ImportItemResult::Status::NearDuplicate;
        } else {
            r.status = ImportItemResult::Status::Imported;
            for (Event e : std::as_const(p.events)) {
                e.articleId = *id;
                const auto eid = events.insert(e);
                if (!eid) {
                    fail(eid.error());
                    failed = true;
                    break;
                }
                ++r.events;
            }
        }
        if (failed) {
            continue;
        }
        sp.exec(QStringLiteral("RELEASE import_item"));
    }
    if (batchLost) {
        tx.rollback();
        const QString message = batchLost->message + QStringLiteral(" (nothing of this batch was stored)");
        for (Prepared &p : batch) {
            ImportItemResult &r = p.result;
            if (r.status != ImportItemResult::Status::Error || r.error.isEmpty()) {
                r.status = ImportItemResult::Status::Error;
                r.error = message;
                r.articleId = 0;
                r.events = 0;
            }
            ++s.errors;
            report(r);
        }
        s.fatalError = message;
        return s;
    }
    const Status committed = tx.commit();
    for (Prepared &p : batch) {
        ImportItemResult &r = p.result;
        if (!committed && r.status != ImportItemResult::Status::Error) {
            r.status = ImportItemResult::Status::Error;
            r.error = committed.error().message;
            r.articleId = 0;
        }
        switch (r.status) {
        case ImportItemResult::Status::Imported:
            ++s.imported;
            s.events += r.events;
            break;
        case ImportItemResult::Status::Duplicate:
            ++s.duplicates;
            break;
        case ImportItemResult::Status::NearDuplicate:
            ++s.nearDuplicates;
            break;
        case ImportItemResult::Status::Error:
            ++s.errors;
            break;
        }
        report(r);
    }
    if (!committed) {
        s.fatalError = committed.error().message;
    }
    return s;
}

namespace {
void add(ImportSummary &total, const ImportSummary &part)
{
    total.imported += part.imported;
    total.duplicates += part.duplicates;
    total.nearDuplicates += part.nearDuplicates;
    total.errors += part.errors;
    total.events += part.events;
    if (!part.fatalError.isEmpty()) {
        total.fatalError = part.fatalError;
    }
}
} // namespace

ImportSummary Importer::runDocuments(const QList<RawDocument> &docs, const Reporter &report)
{
    ImportSummary total;
    for (qsizetype i = 0; i < docs.size(); i += m_options.batchSize) {
        QList<Prepared> batch;
        for (qsizetype j = i; j < std::min(docs.size(), i + m_options.batchSize); ++j) {
            batch.append(prepare(docs.at(j)));
        }
        add(total, store(batch, report));
        if (!total.fatalError.isEmpty()) {
            break;
        }
    }
    return total;
}

ImportSummary Importer::run(const QStringList &paths, const Reporter &report, const std::atomic_bool *cancel)
{
    ImportSummary total;
    if (m_db->isReadOnly()) {
        total.fatalError =
            QStringLiteral("The database is read-only (%1); nothing was imported.").arg(m_db->readOnlyReason());
        return total;
    }
    QList<QPair<QString, QString>> pathErrors;
    const QStringList files = FormatReader::collectFiles(paths, &pathErrors);
    for (const auto &pe : std::as_const(pathErrors)) {
        ImportItemResult r;
        r.file = pe.first;
        r.status = ImportItemResult::Status::Error;
        r.error = pe.second;
        ++total.errors;
        report(r);
    }
    QThreadPool pool;
    const int threads = m_options.threads > 0 ? m_options.threads : std::max(1, QThread::idealThreadCount());
    pool.setMaxThreadCount(threads);
    const auto isCancelled = [cancel] { return cancel != nullptr && cancel->load(); };

    // Files are read, cleaned and coded in parallel in chunks, and the writer stores each chunk while
    // the next one is being prepared: the single writer and the parallel stage overlap, so the import
    // runs at the pace of the slower of the two instead of their sum. Two chunks at most are in
    // memory, whatever the number of files.
    const qsizetype chunk = std::max(1, m_options.batchSize);
    const std::function<QList<Prepared>(const QString &)> work = [this, &isCancelled](const QString &file) {
        QList<Prepared> out;
        if (isCancelled()) {
            return out;
        }
        const auto docs = FormatReader::readFile(file);
        if (!docs) {
            Prepared p;
            p.result.file = file;
            p.result.status = ImportItemResult::Status::Error;
            p.result.error = docs.error().message;
            out.append(p);
            return out;
        }
        if (docs->isEmpty()) {
            Prepared p;
            p.result.file = file;
            p.result.status = ImportItemResult::Status::Error;
            p.result.error = QStringLiteral("no article found in the file");
            out.append(p);
            return out;
        }
        for (const RawDocument &d : *docs) {
            out.append(prepare(d));
        }
        return out;
    };
    const auto startChunk = [&](qsizetype from) { return QtConcurrent::mapped(&pool, files.mid(from, chunk), work); };
    std::optional<QFuture<QList<Prepared>>> next;
    if (!files.isEmpty() && !isCancelled()) {
        next = startChunk(0);
    }
    for (qsizetype i = 0; i < files.size() && next; i += chunk) {
        const QList<QList<Prepared>> prepared = next->results(); // waits for the chunk
        next.reset();
        if (i + chunk < files.size() && !isCancelled()) {
            next = startChunk(i + chunk);
        }
        QList<Prepared> batch;
        for (const auto &list : prepared) {
            batch.append(list);
        }
        add(total, store(batch, report));
        if (!total.fatalError.isEmpty()) {
            break;
        }
    }
    if (next) {
        next->cancel();
        next->waitForFinished();
    }
    total.cancelled = isCancelled();
    return total;
}

} // namespace Entente::Core
