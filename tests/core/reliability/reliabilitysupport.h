#pragma once
// Shared by the reliability tests (tests/core/reliability/tst_*.cpp): a synthetic article corpus
// written at test time, and the database consistency checks run after every crash, full disk or
// concurrent run. Header-only on purpose: each test stays one executable per file.

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QStringList>

namespace ReliabilitySupport {

/// Writes `count` small, distinct plain-text articles (our own synthetic prose) into `dir` and
/// returns their absolute paths. With `withEvents`, every article also carries sentences the
/// extractor codes as events between states. Deterministic for a given seed.
inline QStringList writeCorpus(const QString &dir, int count, quint32 seed, bool withEvents)
{
    static const char *const kStates[] = {"Russia", "Iran",   "France", "Niger", "Turkey", "Japan",
                                          "India",  "Brazil", "Kenya",  "Poland", "Chile", "Egypt"};
    static const char *const kWords[] = {
        "harbour", "council", "grain",  "ferry",   "valley",  "winter",  "bridge", "ledger",  "orchard",
        "signal",  "pension", "quarry", "railway", "canal",   "textile", "harvest", "tunnel", "museum",
        "parcel",  "beacon",  "copper", "meadow",  "lantern", "tariff",  "glacier", "harness", "vintage",
        "ballast", "cobalt",  "furrow", "granary", "kiln",    "mooring", "pylon",   "sluice",  "turbine"};
    constexpr int nStates = int(sizeof(kStates) / sizeof(kStates[0]));
    constexpr int nWords = int(sizeof(kWords) / sizeof(kWords[0]));
    QRandomGenerator rng(seed);
    const auto word = [&rng]() { return QString::fromLatin1(kWords[rng.bounded(nWords)]); };
    QStringList paths;
    for (int i = 0; i < count; ++i) {
        QString body;
        if (withEvents) {
            const int a = rng.bounded(nStates);
            const int b = (a + 1 + rng.bounded(nStates - 1)) % nStates;
            body += QString::fromLatin1(kStates[a]) + QStringLiteral(" signed a defence agreement with ") +
                    QString::fromLatin1(kStates[b]) + QStringLiteral(" on Tuesday, officials said. ");
        }
        for (int s = 0; s < 6; ++s) {
            QStringList words;
            for (int w = 0; w < 12; ++w) {
                words << word();
            }
            QString sentence = words.join(QLatin1Char(' '));
            sentence[0] = sentence[0].toUpper();
            body += sentence + QStringLiteral(". ");
        }
        // The serial number makes every text unique even if the generator repeated itself.
        body += QStringLiteral("Report number %1 ends here.").arg(i);
        const QString path = QDir(dir).absoluteFilePath(QStringLiteral("article-%1.txt").arg(i, 4, 10, QLatin1Char('0')));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly)) {
            return {};
        }
        const QString text = QStringLiteral("Report %1 on the %2 and the %3\n\n").arg(i).arg(word(), word()) + body +
                             QLatin1Char('\n');
        f.write(text.toUtf8());
        paths << path;
    }
    return paths;
}

/// The complete JSON lines of `out` (a child's stdout read so far); a torn last line is ignored.
inline QList<QJsonObject> completeJsonLines(const QByteArray &out)
{
    QList<QJsonObject> lines;
    const qsizetype end = out.lastIndexOf('\n');
    if (end < 0) {
        return lines;
    }
    for (const QByteArray &line : out.left(end).split('\n')) {
        if (line.trimmed().isEmpty()) {
            continue;
        }
        const QJsonDocument doc = QJsonDocument::fromJson(line);
        if (doc.isObject()) {
            lines << doc.object();
        }
    }
    return lines;
}

inline qint64 scalar(const QSqlDatabase &db, const QString &sql, bool *ok = nullptr)
{
    QSqlQuery q(db);
    const bool good = q.exec(sql) && q.next();
    if (ok != nullptr) {
        *ok = good;
    }
    return good ? q.value(0).toLongLong() : -1;
}

/// Everything that would betray a half-written write, as readable findings (empty when sound):
/// SQLite's integrity and foreign-key checks, the full-text index against the articles, the
/// near-duplicate bands, and events or tags pointing nowhere.
inline QStringList consistencyProblems(const QSqlDatabase &db)
{
    QStringList problems;
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA integrity_check"))) {
        return {QStringLiteral("integrity_check failed to run: ") + q.lastError().text()};
    }
    QStringList integrity;
    while (q.next()) {
        integrity << q.value(0).toString();
    }
    if (integrity != QStringList{QStringLiteral("ok")}) {
        problems << QStringLiteral("integrity_check: ") + integrity.join(QStringLiteral("; "));
    }
    if (!q.exec(QStringLiteral("PRAGMA foreign_key_check"))) {
        problems << QStringLiteral("foreign_key_check failed to run: ") + q.lastError().text();
    } else if (q.next()) {
        problems << QStringLiteral("foreign_key_check: a row of %1 points nowhere").arg(q.value(0).toString());
    }
    q.finish();
    const struct
    {
        const char *what;
        const char *sql;
    } checks[] = {
        {"articles without a full-text row",
         "SELECT count(*) FROM articles a LEFT JOIN articles_fts_docsize d ON d.id = a.id WHERE d.id IS NULL"},
        {"full-text rows without an article",
         "SELECT count(*) FROM articles_fts_docsize d LEFT JOIN articles a ON a.id = d.id WHERE a.id IS NULL"},
        // However many bands the fingerprint is cut into, every article has all of them.
        {"articles without all their near-duplicate bands",
         "SELECT count(*) FROM articles a WHERE a.simhash <> 0 AND "
         "(SELECT count(*) FROM simhash_bands b WHERE b.article_id = a.id) <> "
         "(SELECT IFNULL(max(band), 0) + 1 FROM simhash_bands)"},
        {"near-duplicate bands without an article",
         "SELECT count(*) FROM simhash_bands b LEFT JOIN articles a ON a.id = b.article_id WHERE a.id IS NULL"},
        {"events pointing to a missing article",
         "SELECT count(*) FROM events e LEFT JOIN articles a ON a.id = e.article_id WHERE a.id IS NULL"},
        {"tags on a missing article",
         "SELECT count(*) FROM article_tags t LEFT JOIN articles a ON a.id = t.article_id WHERE a.id IS NULL"},
        {"articles sharing one text", "SELECT count(*) - count(DISTINCT content_hash) FROM articles"},
    };
    for (const auto &c : checks) {
        bool ok = false;
        const qint64 n = scalar(db, QString::fromLatin1(c.sql), &ok);
        if (!ok) {
            problems << QStringLiteral("check failed to run: ") + QString::fromLatin1(c.what);
        } else if (n != 0) {
            problems << QStringLiteral("%1: %2").arg(n).arg(QString::fromLatin1(c.what));
        }
    }
    // FTS5's own check compares the index with the external content table.
    if (!q.exec(QStringLiteral("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')"))) {
        problems << QStringLiteral("full-text integrity-check: ") + q.lastError().text();
    }
    return problems;
}

} // namespace ReliabilitySupport
