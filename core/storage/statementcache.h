#pragma once

#include <core/domain/result.h>

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <memory>

namespace Entente::Core {

/// The prepared statements of one repository, each prepared on first use and reused afterwards.
/// Preparing a statement costs more than running a small one, and an import runs the same few
/// statements for every article: prepared once per batch instead of once per row.
///
/// A statement that returns rows must be finished (`Finish`) once read, so that no read snapshot stays
/// open between uses. Belongs to one connection and thread, like the repository holding it; copies
/// share the statements.
class StatementCache final
{
public:
    explicit StatementCache(QSqlDatabase db) : m_db(std::move(db)) {}

    /// The statement for `sql`, prepared once; null with `error` set (naming `what`) when preparing fails.
    QSqlQuery *get(const QString &sql, const QString &what, Error *error);

    /// Finishes a statement at the end of a scope.
    struct Finish
    {
        QSqlQuery *query;
        ~Finish()
        {
            if (query != nullptr) {
                query->finish();
            }
        }
    };

private:
    QSqlDatabase m_db;
    std::shared_ptr<QHash<QString, std::shared_ptr<QSqlQuery>>> m_statements =
        std::make_shared<QHash<QString, std::shared_ptr<QSqlQuery>>>();
};

} // namespace Entente::Core
