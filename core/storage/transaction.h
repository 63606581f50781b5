#pragma once

#include <core/domain/result.h>

#include <QSqlDatabase>

namespace Entente::Core {

/// RAII write transaction: BEGIN IMMEDIATE on construction, ROLLBACK on destruction unless
/// `commit()` succeeded. The one rollback path for every write.
class Transaction final
{
public:
    explicit Transaction(QSqlDatabase db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    /// False when BEGIN failed (e.g. database locked or read-only); then `error()` says why.
    bool isActive() const { return m_active; }
    const Error &error() const { return m_error; }
    Status commit();
    void rollback();

private:
    QSqlDatabase m_db;
    bool m_active = false;
    Error m_error;
};

} // namespace Entente::Core
