#include "transaction.h"

#include <core/storage/database.h>

#include <QSqlError>
#include <QSqlQuery>

namespace Entente::Core {

Transaction::Transaction(QSqlDatabase db) : m_db(std::move(db))
{
    QSqlQuery q(m_db);
    if (q.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
        m_active = true;
    } else {
        m_error = Database::sqlError(QStringLiteral("Could not start a write"), q.lastError());
    }
}

Transaction::~Transaction()
{
    if (m_active) {
        rollback();
    }
}

Status Transaction::commit()
{
    if (!m_active) {
        return m_error;
    }
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("COMMIT"))) {
        Error e = Database::sqlError(QStringLiteral("Could not save the changes"), q.lastError());
        rollback();
        return e;
    }
    m_active = false;
    return {};
}

void Transaction::rollback()
{
    if (!m_active) {
        return;
    }
    QSqlQuery q(m_db);
    q.exec(QStringLiteral("ROLLBACK"));
    m_active = false;
}

} // namespace Entente::Core
