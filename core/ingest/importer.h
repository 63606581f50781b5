#pragma once

#include <core/domain/datepoint.h>
#include <core/domain/result.h>
#include <core/storage/database.h>

#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>

namespace Entente::Core {

class Coder;
struct RawDocument;

struct ImportOptions
{
    DatePoint published;     ///< given by the user: overrides what the files say
    QString source;          ///< given by the user: overrides what the files say
    bool extract = true;     ///< run the event extractor on each new article
    int batchSize = 200;     ///< articles per transaction
    int threads = 0;         ///< reading, cleaning and extraction threads (0: one per core)
};

/// What happened to one file (or one item of a feed or JSON file).
struct ImportItemResult
{
    enum class Status { Imported, Duplicate, NearDuplicate, Error };
    QString file;
    int item = 0;
    Status status = Status::Error;
    qint64 articleId = 0;    ///< the stored article (for duplicates: the one already stored)
    QString title;
    QString error;
    QStringList warnings;
    int events = 0;

    static QString statusName(Status s);
};

struct ImportSummary
{
    int imported = 0;
    int duplicates = 0;
    int nearDuplicates = 0;
    int errors = 0;
    int events = 0;
    bool cancelled = false;
    QString fatalError;      ///< a database failure that stopped the import
};

/// The import pipeline: read → clean → fingerprint → extract (in parallel, no database) → one
/// writer that de-duplicates and stores in batched transactions. Streams: only one batch of files is
/// in memory at a time. A result is reported only after the transaction holding it committed, so
/// every article reported as stored is in the database even if the process dies right after.
///
/// Threading: `run()` blocks; call it from a worker thread for the GUI. It uses that thread's own
/// connection and a pool of helper threads for the parallel stage. `cancel` is polled between files.
class Importer final
{
public:
    Importer(std::shared_ptr<Database> db, ImportOptions options, std::shared_ptr<const Coder> coder);

    using Reporter = std::function<void(const ImportItemResult &)>;
    ImportSummary run(const QStringList &paths, const Reporter &report, const std::atomic_bool *cancel = nullptr);
    /// Imports documents already read (used for the bundled samples and by tests).
    ImportSummary runDocuments(const QList<RawDocument> &docs, const Reporter &report);

private:
    struct Prepared;
    Prepared prepare(const RawDocument &doc) const;
    ImportSummary store(QList<Prepared> &batch, const Reporter &report);

    std::shared_ptr<Database> m_db;
    ImportOptions m_options;
    std::shared_ptr<const Coder> m_coder;
};

} // namespace Entente::Core
