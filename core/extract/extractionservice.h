#pragma once

#include <core/domain/result.h>
#include <core/extract/coder.h>
#include <core/storage/database.h>

#include <atomic>
#include <functional>
#include <memory>

namespace Entente::Core {

/// Builds the coder for a database (bundled dictionaries plus the analyst's aliases) and re-runs
/// extraction over stored articles, keeping every human decision (EventRepository::replaceAutoEvents).
/// Call from the thread whose connection should do the work.
class ExtractionService final
{
public:
    explicit ExtractionService(std::shared_ptr<Database> db) : m_db(std::move(db)) {}

    /// The coder with the database's aliases applied on top of the bundled dictionaries.
    Result<std::shared_ptr<const Coder>> coder() const;

    struct Summary
    {
        int articles = 0;
        int added = 0;
        int failed = 0;
    };
    /// Re-extracts the given articles (all when `ids` is empty); one transaction per batch.
    Result<Summary> reextract(const QList<qint64> &ids, const std::function<void(int done, int total)> &progress = {},
                              const std::atomic_bool *cancel = nullptr) const;

private:
    std::shared_ptr<Database> m_db;
};

} // namespace Entente::Core
