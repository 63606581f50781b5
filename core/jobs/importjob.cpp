#include "importjob.h"

#include <core/extract/extractionservice.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Entente::Core {

ImportJob::ImportJob(std::shared_ptr<Database> db, QStringList paths, ImportOptions options, QObject *parent)
    : QThread(parent), m_db(std::move(db)), m_paths(std::move(paths)), m_options(std::move(options))
{
}

ImportJob::ImportJob(std::shared_ptr<Database> db, QList<RawDocument> documents, ImportOptions options,
                     QObject *parent)
    : QThread(parent), m_db(std::move(db)), m_documents(std::move(documents)), m_options(std::move(options))
{
}

void ImportJob::run()
{
    std::shared_ptr<const Coder> coder;
    if (m_options.extract) {
        const auto c = ExtractionService(m_db).coder();
        if (!c) {
            m_summary.fatalError = c.error().message;
            Q_EMIT summaryReady(0, 0, 0, 0, 0, m_summary.fatalError);
            m_db->releaseThreadConnection();
            return;
        }
        coder = *c;
    }
    Importer importer(m_db, m_options, coder);
    int done = 0;
    const auto report = [this, &done](const ImportItemResult &r) {
        Q_EMIT itemDone(r.file, ImportItemResult::statusName(r.status), r.articleId, r.error);
        Q_EMIT progress(++done);
    };
    if (!m_documents.isEmpty()) {
        m_summary = importer.runDocuments(m_documents, report);
    } else {
        m_summary = importer.run(m_paths, report, &m_cancel);
    }
    m_db->releaseThreadConnection();
    Q_EMIT summaryReady(m_summary.imported, m_summary.duplicates, m_summary.nearDuplicates, m_summary.errors,
                        m_summary.events, m_summary.fatalError);
}

QList<RawDocument> bundledSamples()
{
    QList<RawDocument> out;
    QFile index(QStringLiteral(":/samples/index.json"));
    if (!index.open(QIODevice::ReadOnly)) {
        return out;
    }
    const QJsonArray arr = QJsonDocument::fromJson(index.readAll()).array();
    int i = 0;
    for (const QJsonValue &v : arr) {
        const QJsonObject o = v.toObject();
        QFile f(QStringLiteral(":/samples/") + o.value(QStringLiteral("file")).toString());
        if (!f.open(QIODevice::ReadOnly)) {
            continue;
        }
        QString text = QString::fromUtf8(f.readAll());
        RawDocument d;
        d.title = o.value(QStringLiteral("title")).toString();
        // The headline is the first line of each sample file.
        if (!d.title.isEmpty() && text.startsWith(d.title)) {
            text = text.mid(d.title.size()).trimmed();
        }
        d.text = text;
        d.rawText = text;
        d.published = DatePoint::fromString(o.value(QStringLiteral("published")).toString());
        d.source = o.value(QStringLiteral("source")).toString(QStringLiteral("Entente samples"));
        d.format = QStringLiteral("text");
        d.filePath = QStringLiteral("samples/") + o.value(QStringLiteral("file")).toString();
        d.itemIndex = i++;
        out.append(d);
    }
    return out;
}

} // namespace Entente::Core
