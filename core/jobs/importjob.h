#pragma once

#include <core/ingest/importer.h>
#include <core/ingest/rawdocument.h>
#include <core/storage/database.h>

#include <QThread>

#include <atomic>
#include <memory>

namespace Entente::Core {

/// An import on its own thread (with its own database connection), for the GUI: reports each file
/// as its batch commits, progress, and a summary; `cancel()` stops between files and keeps what was
/// already stored. Extraction runs inside the import unless the options say otherwise.
class ImportJob final : public QThread
{
    Q_OBJECT
public:
    ImportJob(std::shared_ptr<Database> db, QStringList paths, ImportOptions options, QObject *parent = nullptr);
    /// Imports documents already in memory (the bundled samples).
    ImportJob(std::shared_ptr<Database> db, QList<RawDocument> documents, ImportOptions options,
              QObject *parent = nullptr);

    void cancel() { m_cancel = true; }
    const ImportSummary &summary() const { return m_summary; }

Q_SIGNALS:
    void itemDone(const QString &file, const QString &status, qint64 articleId, const QString &error);
    void progress(int done);
    void summaryReady(int imported, int duplicates, int nearDuplicates, int errors, int events, const QString &fatal);

protected:
    void run() override;

private:
    std::shared_ptr<Database> m_db;
    QStringList m_paths;
    QList<RawDocument> m_documents;
    ImportOptions m_options;
    std::atomic_bool m_cancel{false};
    ImportSummary m_summary;
};

/// The bundled sample corpus (resources/samples): own-written articles on alliance and basing history.
QList<RawDocument> bundledSamples();

} // namespace Entente::Core
