#include "database.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QThread>
#include <QUuid>

#include <sqlite3.h>

#include <algorithm>

Q_LOGGING_CATEGORY(lcStorage, "entente.core.storage")

namespace Entente::Core {

namespace {

/// SQLite files start with this 16-byte header.
constexpr char kSqliteHeader[] = "SQLite format 3";

sqlite3 *nativeHandle(const QSqlDatabase &db)
{
    const QVariant v = db.driver()->handle();
    if (v.isValid() && qstrcmp(v.typeName(), "sqlite3*") == 0) {
        return *static_cast<sqlite3 *const *>(v.constData());
    }
    return nullptr;
}

struct Migration
{
    int version = 0;
    QString path;
};

QList<Migration> migrations()
{
    QList<Migration> out;
    const QDir dir(QStringLiteral(":/migrations"));
    const QStringList files = dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    for (const QString &f : files) {
        bool ok = false;
        const int v = f.left(f.indexOf(QLatin1Char('_'))).toInt(&ok);
        if (ok && v > 0) {
            out.append({v, dir.filePath(f)});
        }
    }
    std::sort(out.begin(), out.end(), [](const Migration &a, const Migration &b) { return a.version < b.version; });
    return out;
}

bool canWrite(const QString &path)
{
    const QFileInfo fi(path);
    const QFileInfo dir(fi.absolutePath());
    if (fi.exists() && !fi.isWritable()) {
        return false;
    }
    // WAL needs the -wal and -shm files beside the database.
    return dir.isWritable();
}

} // namespace

Database::Database(QString path, bool readOnly, QString reason)
    : m_path(std::move(path)), m_readOnly(readOnly), m_readOnlyReason(std::move(reason)),
      m_prefix(QStringLiteral("entente-") + QUuid::createUuid().toString(QUuid::Id128))
{
}

Database::~Database()
{
    QMutexLocker lock(&m_mutex);
    for (const QString &name : std::as_const(m_connections)) {
        {
            QSqlDatabase db = QSqlDatabase::database(name, false);
            if (db.isOpen()) {
                db.close();
            }
        }
        QSqlDatabase::removeDatabase(name);
    }
}

QString Database::defaultPath()
{
    QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (dir.isEmpty()) {
        dir = QDir::homePath() + QStringLiteral("/.local/share/entente");
    }
    return dir + QStringLiteral("/entente.sqlite");
}

Error Database::sqlError(const QString &what, const QSqlError &error)
{
    QString msg = error.databaseText();
    if (msg.isEmpty()) {
        msg = error.text();
    }
    Error::Code code = Error::Code::Database;
    if (msg.contains(QLatin1String("readonly"), Qt::CaseInsensitive) ||
        msg.contains(QLatin1String("read-only"), Qt::CaseInsensitive)) {
        code = Error::Code::ReadOnly;
    }
    return Error{code, what + QStringLiteral(": ") + msg};
}

Result<std::shared_ptr<Database>> Database::open(const QString &path, Options options)
{
    if (path.isEmpty()) {
        return Error{Error::Code::Usage, QStringLiteral("No database file given.")};
    }
    const QFileInfo fi(path);
    if (fi.exists()) {
        if (fi.isDir()) {
            return Error{Error::Code::NotADatabase, QStringLiteral("%1 is a folder, not a database file.").arg(path)};
        }
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) {
            return Error{Error::Code::Io, QStringLiteral("Cannot read %1: %2").arg(path, f.errorString())};
        }
        const QByteArray head = f.read(16);
        if (!head.isEmpty() && !head.startsWith(QByteArray(kSqliteHeader))) {
            return Error{Error::Code::NotADatabase,
                         QStringLiteral("%1 is not an Entente database (not an SQLite file); it was left untouched.")
                             .arg(path)};
        }
    } else {
        if (!options.create) {
            return Error{Error::Code::NotFound, QStringLiteral("%1 does not exist.").arg(path)};
        }
        if (!QDir().mkpath(fi.absolutePath())) {
            return Error{Error::Code::Io, QStringLiteral("Cannot create the folder %1.").arg(fi.absolutePath())};
        }
    }

    bool readOnly = options.readOnly;
    QString reason;
    if (readOnly) {
        reason = QStringLiteral("opened read-only on request");
    } else if (!canWrite(path)) {
        if (!fi.exists()) {
            return Error{Error::Code::ReadOnly,
                         QStringLiteral("Cannot create %1: the folder is not writable.").arg(path)};
        }
        readOnly = true;
        reason = QStringLiteral("the file or its folder is not writable");
    }

    std::shared_ptr<Database> db(new Database(fi.absoluteFilePath(), readOnly, reason));
    QSqlDatabase conn = db->connection();
    if (!conn.isOpen()) {
        return sqlError(QStringLiteral("Cannot open %1").arg(path), conn.lastError());
    }
    // Reading the schema version also proves the file is a readable database.
    QSqlQuery q(conn);
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next()) {
        Error e = sqlError(QStringLiteral("Cannot read %1").arg(path), q.lastError());
        if (e.message.contains(QLatin1String("not a database"))) {
            e.code = Error::Code::NotADatabase;
        }
        return e;
    }
    const int version = q.value(0).toInt();
    q.finish();
    if (version > kSchemaVersion) {
        return Error{Error::Code::SchemaTooNew,
                     QStringLiteral("%1 was written by a newer version of Entente (schema %2; this version "
                                    "reads up to %3). It was left untouched.")
                         .arg(path)
                         .arg(version)
                         .arg(kSchemaVersion)};
    }
    if (version < kSchemaVersion) {
        if (readOnly) {
            return Error{Error::Code::ReadOnly,
                         QStringLiteral("%1 needs a schema upgrade but is read-only (%2).").arg(path, reason)};
        }
        const Status st = db->migrate(options.backupBeforeMigration && version > 0);
        if (!st) {
            return st.error();
        }
    }
    return db;
}

QSqlDatabase Database::openConnection(const QString &name) const
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(m_path);
    QString opts = QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000");
    if (m_readOnly) {
        opts += QStringLiteral(";QSQLITE_OPEN_READONLY");
    }
    db.setConnectOptions(opts);
    if (!db.open()) {
        qCWarning(lcStorage) << "cannot open" << m_path << db.lastError().text();
        return db;
    }
    QSqlQuery q(db);
    if (!m_readOnly) {
        q.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
        q.exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
    }
    q.exec(QStringLiteral("PRAGMA foreign_keys=ON"));
    q.exec(QStringLiteral("PRAGMA busy_timeout=10000"));
    q.exec(QStringLiteral("PRAGMA temp_store=MEMORY"));
    q.exec(QStringLiteral("PRAGMA cache_size=-32000"));
    return db;
}

QSqlDatabase Database::connection() const
{
    const QString name =
        m_prefix + QLatin1Char('-') + QString::number(reinterpret_cast<quintptr>(QThread::currentThreadId()), 16);
    if (QSqlDatabase::contains(name)) {
        return QSqlDatabase::database(name, false);
    }
    QSqlDatabase db = openConnection(name);
    QMutexLocker lock(&m_mutex);
    m_connections.insert(name);
    return db;
}

void Database::releaseThreadConnection() const
{
    const QString name =
        m_prefix + QLatin1Char('-') + QString::number(reinterpret_cast<quintptr>(QThread::currentThreadId()), 16);
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (db.isOpen()) {
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    QMutexLocker lock(&m_mutex);
    m_connections.remove(name);
}

int Database::schemaVersion() const
{
    QSqlQuery q(connection());
    if (q.exec(QStringLiteral("PRAGMA user_version")) && q.next()) {
        return q.value(0).toInt();
    }
    return -1;
}

Status Database::migrate(bool backupFirst)
{
    QSqlDatabase conn = connection();
    sqlite3 *h = nativeHandle(conn);
    if (h == nullptr) {
        return Error{Error::Code::Database, QStringLiteral("The SQLite driver gave no native handle.")};
    }
    int current = schemaVersion();
    if (backupFirst) {
        const QString backup = m_path + QStringLiteral(".before-migration-") +
                               QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddTHHmmss")) +
                               QStringLiteral(".sqlite");
        const Status st = saveCopy(backup);
        if (!st) {
            return Error{st.error().code,
                         QStringLiteral("Backup before the schema upgrade failed, so nothing was changed: %1")
                             .arg(st.error().message)};
        }
    }
    for (const Migration &m : migrations()) {
        if (m.version <= current) {
            continue;
        }
        QFile f(m.path);
        if (!f.open(QIODevice::ReadOnly)) {
            return Error{Error::Code::Io, QStringLiteral("Missing migration %1").arg(m.path)};
        }
        const QByteArray script = f.readAll() + "\nPRAGMA user_version=" + QByteArray::number(m.version) + ";";
        char *err = nullptr;
        // One transaction per step: either the whole step lands with its version number or nothing does.
        int rc = sqlite3_exec(h, "BEGIN IMMEDIATE", nullptr, nullptr, &err);
        if (rc == SQLITE_OK) {
            rc = sqlite3_exec(h, script.constData(), nullptr, nullptr, &err);
        }
        if (rc != SQLITE_OK) {
            const QString msg = err != nullptr ? QString::fromUtf8(err) : QStringLiteral("unknown error");
            sqlite3_free(err);
            sqlite3_exec(h, "ROLLBACK", nullptr, nullptr, nullptr);
            return Error{Error::Code::Database,
                         QStringLiteral("Schema step %1 failed: %2").arg(m.version).arg(msg)};
        }
        rc = sqlite3_exec(h, "COMMIT", nullptr, nullptr, &err);
        if (rc != SQLITE_OK) {
            const QString msg = err != nullptr ? QString::fromUtf8(err) : QStringLiteral("unknown error");
            sqlite3_free(err);
            sqlite3_exec(h, "ROLLBACK", nullptr, nullptr, nullptr);
            return Error{Error::Code::Database, QStringLiteral("Schema step %1 failed: %2").arg(m.version).arg(msg)};
        }
        current = m.version;
    }
    return {};
}

Status Database::saveCopy(const QString &target) const
{
    if (QFileInfo::exists(target)) {
        return Error{Error::Code::Io, QStringLiteral("%1 already exists.").arg(target)};
    }
    QSqlQuery q(connection());
    q.prepare(QStringLiteral("VACUUM INTO ?"));
    q.addBindValue(target);
    if (!q.exec()) {
        return sqlError(QStringLiteral("Could not write a copy to %1").arg(target), q.lastError());
    }
    return {};
}

Result<QString> Database::integrityCheck() const
{
    QSqlQuery q(connection());
    if (!q.exec(QStringLiteral("PRAGMA integrity_check"))) {
        return sqlError(QStringLiteral("Integrity check failed"), q.lastError());
    }
    QStringList lines;
    while (q.next()) {
        lines << q.value(0).toString();
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace Entente::Core
