#include "statementcache.h"

#include <core/storage/database.h>

#include <QSqlError>

namespace Entente::Core {

QSqlQuery *StatementCache::get(const QString &sql, const QString &what, Error *error)
{
    const auto it = m_statements->constFind(sql);
    if (it != m_statements->constEnd()) {
        return it->get();
    }
    auto q = std::make_shared<QSqlQuery>(m_db);
    q->setForwardOnly(true);
    if (!q->prepare(sql)) {
        *error = Database::sqlError(what, q->lastError());
        return nullptr;
    }
    QSqlQuery *raw = q.get();
    m_statements->insert(sql, std::move(q));
    return raw;
}

} // namespace Entente::Core
