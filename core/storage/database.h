#pragma once

#include <core/domain/result.h>

#include <QMutex>
#include <QSet>
#include <QSqlDatabase>
#include <QString>

#include <memory>

namespace Entente::Core {

/// The Entente database file: opening, checking, migrating, and handing out one named
/// connection per thread (a QSqlDatabase belongs to the thread that opened it).
///
/// Threading: `open()` on any thread; `connection()` from any thread returns that thread's own
/// connection, opening it on first use with the same pragmas (WAL, foreign keys, busy timeout).
/// A worker thread should call `releaseThreadConnection()` before it ends.
class Database final
{
public:
    static constexpr int kSchemaVersion = 2;

    struct Options
    {
        bool readOnly = false;  ///< open read-only even when the file is writable
        bool create = true;     ///< create the file when missing
        bool backupBeforeMigration = true;
    };

    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    /// Opens (creating when allowed) and migrates the database at `path`. Refuses files that are
    /// not SQLite databases and files written by a newer schema, leaving them untouched. A file or
    /// folder that cannot be written is opened read-only (see `isReadOnly()`).
    static Result<std::shared_ptr<Database>> open(const QString &path, Options options);
    static Result<std::shared_ptr<Database>> open(const QString &path) { return open(path, Options{}); }

    /// The per-user default database (QStandardPaths::AppDataLocation/entente.sqlite).
    static QString defaultPath();

    QString path() const { return m_path; }
    bool isReadOnly() const { return m_readOnly; }
    QString readOnlyReason() const { return m_readOnlyReason; }
    int schemaVersion() const;

    /// This thread's connection.
    QSqlDatabase connection() const;
    void releaseThreadConnection() const;

    /// Writes a consistent copy of the database to `target` (VACUUM INTO).
    Status saveCopy(const QString &target) const;
    /// Checkpoints the WAL and runs PRAGMA integrity_check; returns "ok" or SQLite's findings.
    Result<QString> integrityCheck() const;

    /// An error with SQLite's message for a failed query.
    static Error sqlError(const QString &what, const QSqlError &error);

private:
    Database(QString path, bool readOnly, QString reason);
    Status migrate(bool backupFirst);
    QSqlDatabase openConnection(const QString &name) const;

    QString m_path;
    bool m_readOnly = false;
    QString m_readOnlyReason;
    QString m_prefix;
    mutable QMutex m_mutex;
    mutable QSet<QString> m_connections;
};

} // namespace Entente::Core
