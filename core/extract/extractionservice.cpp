#include "extractionservice.h"

#include <core/extract/postprocess.h>
#include <core/storage/articlerepository.h>
#include <core/storage/eventrepository.h>
#include <core/storage/tagrepository.h>
#include <core/storage/transaction.h>

namespace Entente::Core {

Result<std::shared_ptr<const Coder>> ExtractionService::coder() const
{
    // ENTENTE_DICTIONARIES points at a folder of edited dictionaries to use instead of the bundled ones.
    const QString dir = qEnvironmentVariable("ENTENTE_DICTIONARIES");
    const auto dict = dir.isEmpty() ? Dictionaries::loadBundled() : Dictionaries::loadDirectory(dir);
    if (!dict) {
        return dict.error();
    }
    std::shared_ptr<const Dictionaries> d = *dict;
    if (m_db) {
        const auto aliases = ActorRepository(m_db->connection()).aliases();
        if (!aliases) {
            return aliases.error();
        }
        if (!aliases->isEmpty()) {
            d = (*dict)->withUserAliases(*aliases);
        }
    }
    return std::shared_ptr<const Coder>(std::make_shared<Coder>(d));
}

Result<ExtractionService::Summary> ExtractionService::reextract(const QList<qint64> &idsIn,
                                                                const std::function<void(int, int)> &progress,
                                                                const std::atomic_bool *cancel) const
{
    if (m_db->isReadOnly()) {
        return Error{Error::Code::ReadOnly,
                     QStringLiteral("The database is read-only (%1).").arg(m_db->readOnlyReason())};
    }
    const auto c = coder();
    if (!c) {
        return c.error();
    }
    QSqlDatabase conn = m_db->connection();
    ArticleRepository articles(conn);
    EventRepository events(conn);
    QList<qint64> ids = idsIn;
    if (ids.isEmpty()) {
        const auto all = articles.allIds();
        if (!all) {
            return all.error();
        }
        ids = *all;
    }
    Summary s;
    const int batch = 100;
    for (qsizetype i = 0; i < ids.size(); i += batch) {
        if (cancel != nullptr && cancel->load()) {
            break;
        }
        Transaction tx(conn);
        if (!tx.isActive()) {
            return tx.error();
        }
        for (qsizetype j = i; j < std::min(ids.size(), i + batch); ++j) {
            const auto a = articles.get(ids.at(j));
            if (!a) {
                return a.error();
            }
            if (!a->has_value()) {
                ++s.failed;
                continue;
            }
            const Article &art = **a;
            // A near-duplicate copy holds no events of its own: the story's first copy does.
            QList<Event> fresh;
            if (art.storyCluster == 0 || art.storyCluster == art.id) {
                fresh = removeRepeatedEvents((*c)->code(art.cleanText, art.published));
            }
            const auto added = events.replaceAutoEvents(art.id, fresh);
            if (!added) {
                return added.error();
            }
            const Status st = articles.setExtractedNow(art.id);
            if (!st) {
                return st.error();
            }
            s.added += *added;
            ++s.articles;
        }
        const Status st = tx.commit();
        if (!st) {
            return st.error();
        }
        if (progress) {
            progress(static_cast<int>(std::min(ids.size(), i + batch)), static_cast<int>(ids.size()));
        }
    }
    return s;
}

} // namespace Entente::Core
