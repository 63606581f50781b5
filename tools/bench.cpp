// entente-bench: Entente at scale, each figure beside its target and beside the limit measured in the
// same run (docs/performance.md explains every row).
//
//   entente-bench [--size small|full] [--json out.json] [--work DIR] [--only a,b,...] [--keep]
//
// Sizes: full = 100,000 generated articles and 1,000,000 events; small = 5,000 and 100,000 (a quick
// run with the same code paths). Work files go to DIR (default /tmp/entente-bench-SIZE); the corpus
// and the databases are reused by later runs when they are already there and --fresh is not given.
//
// Internal modes (the benchmark starts itself in a child process so that a figure's peak memory is
// its own): --child-gui DB (cold start of the main window to first paint).

#include "corpusgenerator.h"

#include <core/domain/event.h>
#include <core/extract/coder.h>
#include <core/extract/extractionservice.h>
#include <core/extract/segmenter.h>
#include <core/graph/graphexport.h>
#include <core/graph/graphlayout.h>
#include <core/graph/relations.h>
#include <core/graph/timelinedata.h>
#include <core/ingest/fingerprint.h>
#include <core/ingest/formatreader.h>
#include <core/ingest/textcleaner.h>
#include <core/models/articlelistmodel.h>
#include <core/models/eventtablemodel.h>
#include <core/storage/articlerepository.h>
#include <core/storage/database.h>
#include <core/storage/eventrepository.h>
#include <core/storage/store.h>
#include <core/storage/transaction.h>
#include <ui/mainwindow.h>
#include <ui/timelineview.h>

#include <QApplication>
#include <QCryptographicHash>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QProcess>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTextStream>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentMap>

#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cmath>
#include <limits>
#include <vector>

extern char **environ;

using namespace Entente;
using namespace Entente::Core;

namespace {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

QTextStream &msg()
{
    static QTextStream s(stderr);
    return s;
}

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double monotonicSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

double cpuSeconds()
{
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return double(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) + double(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

/// The machine's load over the last minute (other work on a shared machine slows every figure).
double loadAverage()
{
    double l[1] = {0};
    return getloadavg(l, 1) == 1 ? l[0] : kNaN;
}

long maxRssKb()
{
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

// ------------------------------------------------------------------------------------------ figures

struct Samples
{
    std::vector<double> v;
    void add(double x) { v.push_back(x); }
    double quantile(double q) const
    {
        if (v.empty()) {
            return kNaN;
        }
        std::vector<double> s = v;
        std::sort(s.begin(), s.end());
        const double pos = q * double(s.size() - 1);
        const size_t lo = size_t(std::floor(pos));
        const size_t hi = std::min(s.size() - 1, lo + 1);
        return s[lo] + (s[hi] - s[lo]) * (pos - double(lo));
    }
    double median() const { return quantile(0.5); }
    double p95() const { return quantile(0.95); }
    double max() const { return v.empty() ? kNaN : *std::max_element(v.begin(), v.end()); }
};

struct Figure
{
    QString id;
    QString name;
    double value = kNaN;   ///< rate, time or size (median for latencies)
    double p95 = kNaN;     ///< latencies only
    QString unit;
    QString target;        ///< as written in issue 7
    int met = -1;          ///< 1 met, 0 missed, -1 no target
    QString limitName;
    double limit = kNaN;
    QString limitUnit;
    QString note;
};

QList<Figure> g_figures;
double g_loadStart = 0;

QString num(double v)
{
    if (std::isnan(v)) {
        return QStringLiteral("–");
    }
    const double a = std::abs(v);
    if (a >= 1000) {
        return QString::number(v, 'f', 0);
    }
    if (a >= 100) {
        return QString::number(v, 'f', 0);
    }
    if (a >= 10) {
        return QString::number(v, 'f', 1);
    }
    return QString::number(v, 'f', 2);
}

void report(const Figure &f)
{
    g_figures.append(f);
    QString line = QStringLiteral("  %1: %2").arg(f.name, num(f.value));
    if (!std::isnan(f.p95)) {
        line += QStringLiteral(" (p95 %1)").arg(num(f.p95));
    }
    line += QLatin1Char(' ') + f.unit;
    if (!f.target.isEmpty()) {
        line += QStringLiteral("  [target %1: %2]").arg(f.target, f.met == 1 ? QStringLiteral("met") : QStringLiteral("MISSED"));
    }
    if (!std::isnan(f.limit)) {
        line += QStringLiteral("  [limit %1: %2 %3]").arg(f.limitName, num(f.limit), f.limitUnit);
    }
    if (!f.note.isEmpty()) {
        line += QStringLiteral("  (%1)").arg(f.note);
    }
    msg() << line << "\n" << Qt::flush;
}

// ------------------------------------------------------------------------------------------ children

struct ChildRun
{
    int exitCode = -1;
    double seconds = 0;
    double startedAt = 0; ///< CLOCK_MONOTONIC at spawn
    long maxRssKb = 0;
    double cpuSeconds = 0;
    QByteArray output;
};

/// Spawns `argv` with stdout into `stdoutFile` and waits for it.
int spawnAndWait(char *const argv[], char *const envp[], const char *stdoutFile, double *startedAt, rusage *ru)
{
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, stdoutFile, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    pid_t pid = 0;
    *startedAt = monotonicSeconds();
    const int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv, envp);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) {
        return -1;
    }
    int status = 0;
    wait4(pid, &status, 0, ru);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/// The launcher (`entente-bench --child-spawn OUT PROGRAM ARGS…`): starts PROGRAM and prints its
/// exit code, wall time and peak memory as JSON. The benchmark starts programs through it because a
/// child's peak memory from wait4 includes the memory of the process it was spawned from (Linux keeps
/// the high-water mark across exec): spawned from this small process, the figure is the child's own.
int childSpawn(int argc, char **argv)
{
    if (argc < 4) {
        return 1;
    }
    double startedAt = 0;
    rusage ru{};
    const int code = spawnAndWait(argv + 3, environ, argv[2], &startedAt, &ru);
    const double seconds = monotonicSeconds() - startedAt;
    std::printf("{\"exit\":%d,\"seconds\":%.6f,\"started\":%.6f,\"maxrss_kb\":%ld,\"cpu\":%.3f}\n", code, seconds,
                startedAt, ru.ru_maxrss,
                double(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) + double(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6);
    return 0;
}

/// Runs a program (through the launcher above) with stdout into a file and returns its exit code, wall
/// time, CPU time and peak memory.
ChildRun runChild(const QString &program, const QStringList &args, const QString &stdoutFile,
                  const QList<QByteArray> &extraEnv = {})
{
    ChildRun r;
    std::vector<QByteArray> argStore;
    argStore.push_back(QFile::encodeName(QCoreApplication::applicationFilePath()));
    argStore.push_back("--child-spawn");
    argStore.push_back(QFile::encodeName(stdoutFile));
    argStore.push_back(QFile::encodeName(program));
    for (const QString &a : args) {
        argStore.push_back(a.toLocal8Bit());
    }
    std::vector<char *> argv;
    for (QByteArray &a : argStore) {
        argv.push_back(a.data());
    }
    argv.push_back(nullptr);
    std::vector<QByteArray> envStore;
    for (char **e = environ; *e != nullptr; ++e) {
        envStore.emplace_back(*e);
    }
    for (const QByteArray &e : extraEnv) {
        envStore.push_back(e);
    }
    std::vector<char *> envp;
    for (QByteArray &e : envStore) {
        envp.push_back(e.data());
    }
    envp.push_back(nullptr);
    const QString launcherOut = stdoutFile + QStringLiteral(".launcher");
    double startedAt = 0;
    rusage ru{};
    if (spawnAndWait(argv.data(), envp.data(), QFile::encodeName(launcherOut).constData(), &startedAt, &ru) != 0) {
        msg() << "cannot run " << program << "\n";
        return r;
    }
    QFile lf(launcherOut);
    if (lf.open(QIODevice::ReadOnly)) {
        const QJsonObject o = QJsonDocument::fromJson(lf.readAll()).object();
        r.exitCode = o.value(QStringLiteral("exit")).toInt(-1);
        r.seconds = o.value(QStringLiteral("seconds")).toDouble();
        r.startedAt = o.value(QStringLiteral("started")).toDouble();
        r.maxRssKb = long(o.value(QStringLiteral("maxrss_kb")).toDouble());
        r.cpuSeconds = o.value(QStringLiteral("cpu")).toDouble();
    }
    QFile f(stdoutFile);
    if (f.open(QIODevice::ReadOnly)) {
        r.output = f.readAll();
    }
    return r;
}

QJsonObject lastJsonLine(const QByteArray &output)
{
    const QList<QByteArray> lines = output.trimmed().split('\n');
    return lines.isEmpty() ? QJsonObject() : QJsonDocument::fromJson(lines.last()).object();
}

// ------------------------------------------------------------------------------------------ setup

struct Config
{
    QString size;
    qint64 articles = 0;
    qint64 events = 0;
    int extractArticles = 0; ///< articles for the extraction-alone figure
    QString work;
    QString corpus;
    QString cli;
    QString gui;
    QString sqlite3;
    QStringList only;
    bool fresh = false;
    quint64 seed = 20240601;
    bool want(const QString &step) const { return only.isEmpty() || only.contains(step); }
};

QStringList corpusFolders(const Config &c, qint64 maxArticles = -1)
{
    QStringList out;
    const QStringList dirs = QDir(c.corpus).entryList({QStringLiteral("d*")}, QDir::Dirs, QDir::Name);
    qint64 n = 0;
    for (const QString &d : dirs) {
        if (maxArticles >= 0 && n >= maxArticles) {
            break;
        }
        out << QDir(c.corpus).filePath(d);
        n += 1000;
    }
    return out;
}

QStringList corpusFiles(const Config &c)
{
    QStringList files;
    for (qint64 i = 0; i < c.articles; ++i) {
        files << QDir(c.corpus).filePath(Tools::CorpusGenerator::fileName(i));
    }
    return files;
}

qint64 goldEventCount(const Config &c)
{
    QFile f(QDir(c.corpus).filePath(QStringLiteral("manifest.json")));
    if (!f.open(QIODevice::ReadOnly)) {
        return -1;
    }
    return QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("events")).toInteger(-1);
}

bool ensureCorpus(const Config &c)
{
    QFile f(QDir(c.corpus).filePath(QStringLiteral("manifest.json")));
    if (!c.fresh && f.open(QIODevice::ReadOnly)) {
        const QJsonObject m = QJsonDocument::fromJson(f.readAll()).object();
        if (m.value(QStringLiteral("count")).toInteger() == c.articles &&
            m.value(QStringLiteral("seed")).toString() == QString::number(c.seed) &&
            m.value(QStringLiteral("version")).toInt() == Tools::CorpusGenerator::kVersion) {
            msg() << "corpus: reusing " << c.corpus << "\n";
            return true;
        }
    }
    f.close();
    QDir(c.corpus).removeRecursively();
    msg() << "corpus: generating " << c.articles << " articles in " << c.corpus << "\n" << Qt::flush;
    QElapsedTimer t;
    t.start();
    const QString error = Tools::CorpusGenerator({c.seed, 0.2}).write(c.corpus, c.articles);
    if (!error.isEmpty()) {
        msg() << "corpus: " << error << "\n";
        return false;
    }
    report({QStringLiteral("corpus.generate"), QStringLiteral("Corpus generation (not a product figure)"),
            double(c.articles) / (double(t.nsecsElapsed()) / 1e9), kNaN, QStringLiteral("articles/s")});
    return true;
}

// ------------------------------------------------------------------------------------------ import

double g_ioRate = kNaN;
double g_sqliteRate = kNaN;

void benchIo(const Config &c)
{
    const QStringList files = corpusFiles(c);
    QElapsedTimer t;
    t.start();
    std::atomic<qint64> bytes{0};
    QThreadPool pool;
    pool.setMaxThreadCount(std::max(1, QThread::idealThreadCount()));
    QtConcurrent::blockingMap(&pool, files, [&bytes](const QString &path) {
        QFile f(path);
        if (f.open(QIODevice::ReadOnly)) {
            bytes += f.readAll().size();
        }
    });
    const double s = double(t.nsecsElapsed()) / 1e9;
    g_ioRate = double(files.size()) / s;
    report({QStringLiteral("io.read"), QStringLiteral("Reading the article files alone (I/O limit, warm cache)"), g_ioRate,
            kNaN, QStringLiteral("articles/s"), {}, -1, {}, kNaN, {},
            QStringLiteral("%1 MB, %2 MB/s, all cores").arg(double(bytes) / 1e6, 0, 'f', 0).arg(double(bytes) / 1e6 / s, 0, 'f', 0)});
}

void benchSqliteShell(const Config &c)
{
    if (c.sqlite3.isEmpty()) {
        msg() << "sqlite3 shell not found: no import limit\n";
        return;
    }
    const QString db = QDir(c.work).filePath(QStringLiteral("raw-sqlite3.sqlite"));
    QFile::remove(db);
    QFile::remove(db + QStringLiteral("-wal"));
    QFile::remove(db + QStringLiteral("-shm"));
    const QString script = QDir(c.work).filePath(QStringLiteral("raw-sqlite3.sql"));
    QFile f(script);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        return;
    }
    // The same texts, one transaction, a content table with the same FTS5 tokenizer kept in sync by a
    // trigger as in Entente's schema; WAL and synchronous=NORMAL as Entente opens its files.
    const QString sql = QStringLiteral(
        "PRAGMA journal_mode=WAL;\n"
        "PRAGMA synchronous=NORMAL;\n"
        "CREATE TABLE docs(id INTEGER PRIMARY KEY, path TEXT, body TEXT);\n"
        "CREATE VIRTUAL TABLE docs_fts USING fts5(body, content='docs', content_rowid='id', "
        "tokenize='unicode61 remove_diacritics 2');\n"
        "CREATE TRIGGER docs_ai AFTER INSERT ON docs BEGIN INSERT INTO docs_fts(rowid, body) VALUES (new.id, new.body); END;\n"
        "BEGIN;\n"
        "INSERT INTO docs(path, body) SELECT name, CAST(readfile(name) AS TEXT) FROM fsdir('%1') "
        "WHERE name GLOB '*/d[0-9][0-9][0-9]/a*.txt';\n"
        "COMMIT;\n"
        "SELECT json_object('rows', (SELECT count(*) FROM docs));\n")
                            .arg(c.corpus);
    f.write(sql.toUtf8());
    f.close();
    const ChildRun r = runChild(c.sqlite3, {db, QStringLiteral(".read ") + script},
                                QDir(c.work).filePath(QStringLiteral("raw-sqlite3.out")));
    const qint64 rows = lastJsonLine(r.output).value(QStringLiteral("rows")).toInteger();
    if (r.exitCode != 0 || rows != c.articles) {
        msg() << "sqlite3 shell run failed (exit " << r.exitCode << ", rows " << rows << "): " << r.output << "\n";
        return;
    }
    g_sqliteRate = double(rows) / r.seconds;
    report({QStringLiteral("import.sqlite3_shell"),
            QStringLiteral("Raw sqlite3 shell insert of the same texts with FTS5 (import limit)"), g_sqliteRate, kNaN,
            QStringLiteral("articles/s"), {}, -1, {}, kNaN, {},
            QStringLiteral("%1 s for %2 files, one transaction").arg(r.seconds, 0, 'f', 1).arg(rows)});
}

/// One `entente-cli import` run into a fresh database.
ChildRun cliImport(const Config &c, const QString &db, bool extract, const QStringList &folders)
{
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        QFile::remove(db + suffix);
    }
    QStringList args{QStringLiteral("--db"), db, QStringLiteral("import")};
    if (!extract) {
        args << QStringLiteral("--no-extract");
    }
    args << folders;
    return runChild(c.cli, args, db + QStringLiteral(".import.jsonl"));
}

void benchImport(const Config &c, bool extract)
{
    const QString name = extract ? QStringLiteral("import-extract.sqlite") : QStringLiteral("import-noextract.sqlite");
    const QString db = QDir(c.work).filePath(name);
    msg() << "import " << (extract ? "with" : "without") << " extraction: " << c.articles << " articles…\n" << Qt::flush;
    const ChildRun r = cliImport(c, db, extract, corpusFolders(c));
    const QJsonObject summary = lastJsonLine(r.output);
    const qint64 imported = summary.value(QStringLiteral("imported")).toInteger();
    const qint64 events = summary.value(QStringLiteral("events")).toInteger();
    if (r.exitCode != 0 || imported != c.articles) {
        msg() << "import failed or incomplete: exit " << r.exitCode << ", " << summary.value(QStringLiteral("imported")).toInteger()
              << " imported, summary " << QJsonDocument(summary).toJson(QJsonDocument::Compact) << "\n";
    }
    const double rate = double(imported) / r.seconds;
    Figure f;
    f.unit = QStringLiteral("articles/s");
    f.value = rate;
    f.limitName = QStringLiteral("sqlite3 shell");
    f.limit = g_sqliteRate;
    f.limitUnit = QStringLiteral("articles/s");
    if (extract) {
        f.id = QStringLiteral("import.extract");
        f.name = QStringLiteral("Import end to end with extraction");
        f.target = QStringLiteral("≥ 2,000 articles/s");
        f.met = rate >= 2000 ? 1 : 0;
        const qint64 gold = goldEventCount(c);
        f.note = QStringLiteral("%1 s (CPU %6 s); %2 of %3 articles stored, %4 events stored, %5 in the gold")
                     .arg(r.seconds, 0, 'f', 1)
                     .arg(imported)
                     .arg(c.articles)
                     .arg(events)
                     .arg(gold)
                     .arg(r.cpuSeconds, 0, 'f', 1);
    } else {
        f.id = QStringLiteral("import.no_extract");
        f.name = QStringLiteral("Import end to end without extraction (--no-extract)");
        f.target = QStringLiteral("≥ ½ of the sqlite3 shell");
        f.met = std::isnan(g_sqliteRate) ? -1 : (rate >= 0.5 * g_sqliteRate ? 1 : 0);
        f.note = QStringLiteral("%1 s (CPU %5 s); %2 of %3 articles stored; %4 of the limit")
                     .arg(r.seconds, 0, 'f', 1)
                     .arg(imported)
                     .arg(c.articles)
                     .arg(std::isnan(g_sqliteRate) ? QStringLiteral("?")
                                                   : QString::number(100.0 * rate / g_sqliteRate, 'f', 0) + QLatin1Char('%'))
                     .arg(r.cpuSeconds, 0, 'f', 1);
    }
    report(f);
    Figure m;
    m.id = extract ? QStringLiteral("memory.import_extract") : QStringLiteral("memory.import_noextract");
    m.name = QStringLiteral("Peak memory of the %1-article import %2").arg(c.articles)
                 .arg(extract ? QStringLiteral("with extraction") : QStringLiteral("without extraction"));
    m.value = double(r.maxRssKb) / 1024.0;
    m.unit = QStringLiteral("MB");
    report(m);
    if (extract && c.articles >= 10000) {
        // Flat in the number of files: the same import of a tenth of the corpus.
        const QString small = QDir(c.work).filePath(QStringLiteral("import-tenth.sqlite"));
        const ChildRun t = cliImport(c, small, true, corpusFolders(c, c.articles / 10));
        Figure g;
        g.id = QStringLiteral("memory.import_tenth");
        g.name = QStringLiteral("Peak memory of the same import of a tenth of the files");
        g.value = double(t.maxRssKb) / 1024.0;
        g.unit = QStringLiteral("MB");
        g.target = QStringLiteral("flat in the number of files");
        g.met = double(r.maxRssKb) <= 1.25 * double(t.maxRssKb) + 20 * 1024 ? 1 : 0;
        g.note = QStringLiteral("%1 articles: %2 MB; %3 articles: %4 MB")
                     .arg(c.articles / 10)
                     .arg(double(t.maxRssKb) / 1024.0, 0, 'f', 0)
                     .arg(c.articles)
                     .arg(double(r.maxRssKb) / 1024.0, 0, 'f', 0);
        report(g);
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
            QFile::remove(small + suffix);
        }
    }
}


// ------------------------------------------------------------------------------------------ fingerprints

/// The same two fingerprints as Fingerprint::contentHash and Fingerprint::simhash (the benchmark checks
/// they agree on every article), computed without a string per word or per shingle: what those two
/// import stages could cost (core/ingest/fingerprint.cpp is not part of this change).
struct FastFingerprint
{
    QString normalised; ///< folded words separated by single spaces
    std::vector<std::pair<qsizetype, qsizetype>> words; ///< (start, length) in `normalised`

    explicit FastFingerprint(const QString &text)
    {
        normalised.reserve(text.size());
        qsizetype start = -1;
        for (const QChar c : text) {
            if (c.isLetterOrNumber()) {
                if (start < 0) {
                    if (!normalised.isEmpty()) {
                        normalised.append(QLatin1Char(' '));
                    }
                    start = normalised.size();
                }
                normalised.append(c.toCaseFolded());
            } else if (start >= 0) {
                words.emplace_back(start, normalised.size() - start);
                start = -1;
            }
        }
        if (start >= 0) {
            words.emplace_back(start, normalised.size() - start);
        }
    }

    QString contentHash() const
    {
        return QString::fromLatin1(QCryptographicHash::hash(normalised.toUtf8(), QCryptographicHash::Sha256).toHex());
    }

    quint64 simhash() const
    {
        if (words.empty()) {
            return 0;
        }
        std::array<int, 64> v{};
        const char16_t *d = reinterpret_cast<const char16_t *>(normalised.constData());
        const size_t n = words.size() < 3 ? 1 : words.size() - 2;
        for (size_t i = 0; i < n; ++i) {
            // The shingle "w1 w2 w3" (or every word of a text under three words) is a contiguous
            // stretch of the normalised text: hash it in place.
            const qsizetype from = words[i].first;
            const auto &last = words.size() < 3 ? words.back() : words[i + 2];
            const qsizetype to = last.first + last.second;
            quint64 h = 1469598103934665603ULL;
            for (qsizetype k = from; k < to; ++k) {
                h ^= d[k];
                h *= 1099511628211ULL;
            }
            h ^= h >> 33;
            h *= 0xff51afd7ed558ccdULL;
            h ^= h >> 33;
            h *= 0xc4ceb9fe1a85ec53ULL;
            h ^= h >> 33;
            for (int b = 0; b < 64; ++b) {
                v[b] += int((h >> b) & 1U) * 2 - 1;
            }
        }
        quint64 out = 0;
        for (int b = 0; b < 64; ++b) {
            if (v[b] > 0) {
                out |= (1ULL << b);
            }
        }
        return out == 0 ? 1 : out;
    }
};

// ------------------------------------------------------------------------------------------ extraction

void benchExtraction(const Config &c, const std::shared_ptr<const Coder> &coder)
{
    struct Doc
    {
        QString text;
        DatePoint published;
    };
    QList<Doc> docs;
    qint64 sentences = 0;
    // The import's parallel stage, step by step on one thread: where an article's time goes.
    double readS = 0;
    double cleanS = 0;
    double hashS = 0;
    double simhashS = 0;
    double fastS = 0;
    bool fastSame = true;
    QElapsedTimer step;
    for (int i = 0; i < c.extractArticles; ++i) {
        step.start();
        const auto raw = FormatReader::readFile(QDir(c.corpus).filePath(Tools::CorpusGenerator::fileName(i)));
        readS += double(step.nsecsElapsed()) / 1e9;
        if (!raw || raw->isEmpty()) {
            continue;
        }
        const RawDocument &d = raw->first();
        step.start();
        const CleanedText cleaned = TextCleaner::clean(d.title + QStringLiteral("\n\n") + d.text);
        cleanS += double(step.nsecsElapsed()) / 1e9;
        step.start();
        (void)Fingerprint::contentHash(cleaned.text);
        hashS += double(step.nsecsElapsed()) / 1e9;
        step.start();
        const quint64 sim = Fingerprint::simhash(cleaned.text);
        simhashS += double(step.nsecsElapsed()) / 1e9;
        const QString hash = Fingerprint::contentHash(cleaned.text);
        step.start();
        const FastFingerprint fast(cleaned.text);
        const QString fastHash = fast.contentHash();
        const quint64 fastSim = fast.simhash();
        fastS += double(step.nsecsElapsed()) / 1e9;
        fastSame = fastSame && fastHash == hash && fastSim == sim;
        docs.append({cleaned.text, cleaned.dateline});
        sentences += Segmenter::split(cleaned.text).size();
    }
    const double perArticle = 1e6 / double(std::max<qsizetype>(1, docs.size()));
    const auto stage = [&](const QString &id, const QString &name, double seconds, const QString &note) {
        report({QStringLiteral("stage.") + id, name, seconds * perArticle, kNaN, QStringLiteral("µs/article"), {}, -1, {},
                kNaN, {}, note});
    };
    stage(QStringLiteral("read"), QStringLiteral("Import stage, one thread: reading and decoding a file (FormatReader)"),
          readS, {});
    stage(QStringLiteral("clean"), QStringLiteral("Import stage, one thread: cleaning (TextCleaner)"), cleanS, {});
    stage(QStringLiteral("hash"), QStringLiteral("Import stage, one thread: exact-duplicate hash (Fingerprint::contentHash)"),
          hashS, {});
    stage(QStringLiteral("simhash"), QStringLiteral("Import stage, one thread: near-duplicate SimHash (Fingerprint::simhash)"),
          simhashS, {});
    report({QStringLiteral("stage.fingerprints_fast"),
            QStringLiteral("Both fingerprints computed without a string per word (limit for the two stages above)"),
            fastS * perArticle, kNaN, QStringLiteral("µs/article"), {}, -1, {}, kNaN, {},
            fastSame ? QStringLiteral("same hash and SimHash as core/ingest/fingerprint.cpp on every article")
                     : QStringLiteral("DIFFERENT results: not a valid comparison")});
    // Segmentation alone, for the breakdown.
    QElapsedTimer t;
    t.start();
    for (const Doc &d : std::as_const(docs)) {
        (void)Segmenter::split(d.text);
    }
    const double segSeconds = double(t.nsecsElapsed()) / 1e9;

    t.restart();
    qint64 events = 0;
    for (const Doc &d : std::as_const(docs)) {
        events += coder->code(d.text, d.published).size();
    }
    const double codeS = double(t.nsecsElapsed()) / 1e9;
    const double one = double(sentences) / codeS;
    stage(QStringLiteral("extract"), QStringLiteral("Import stage, one thread: extraction (Coder::code)"), codeS,
          QStringLiteral("%1 sentences per article").arg(double(sentences) / double(std::max<qsizetype>(1, docs.size())), 0, 'f', 1));
    const int threads = std::max(1, QThread::idealThreadCount());
    QThreadPool pool;
    pool.setMaxThreadCount(threads);
    t.restart();
    const double cpuBefore = cpuSeconds();
    QtConcurrent::blockingMap(&pool, docs, [&coder](const Doc &d) { (void)coder->code(d.text, d.published); });
    const double wall = double(t.nsecsElapsed()) / 1e9;
    const double cpu = cpuSeconds() - cpuBefore;
    const double all = double(sentences) / wall;
    // The generated filler is made of short sentences; real prose has longer ones. The same measure on
    // the hand-written dev set and the public articles of ../shared, many passes over them.
    {
        QStringList files = QDir(QStringLiteral(ENTENTE_SOURCE_DIR "/tests/data/devset/articles"))
                                .entryList({QStringLiteral("*.txt")}, QDir::Files, QDir::Name);
        for (QString &f : files) {
            f = QStringLiteral(ENTENTE_SOURCE_DIR "/tests/data/devset/articles/") + f;
        }
        const QDir shared(QStringLiteral(ENTENTE_SHARED_DIR "/corpus/dev-public"));
        for (const QString &f : shared.entryList({QStringLiteral("*.txt")}, QDir::Files, QDir::Name)) {
            files << shared.filePath(f);
        }
        QList<Doc> real;
        qint64 realSentences = 0;
        for (const QString &f : std::as_const(files)) {
            const auto raw = FormatReader::readFile(f);
            if (!raw || raw->isEmpty()) {
                continue;
            }
            const RawDocument &d = raw->first();
            const CleanedText cleaned = TextCleaner::clean(d.title + QStringLiteral("\n\n") + d.text);
            real.append({cleaned.text, cleaned.dateline});
            realSentences += Segmenter::split(cleaned.text).size();
        }
        if (!real.isEmpty()) {
            constexpr int kPasses = 40;
            QElapsedTimer rt;
            rt.start();
            for (int pass = 0; pass < kPasses; ++pass) {
                for (const Doc &d : std::as_const(real)) {
                    (void)coder->code(d.text, d.published);
                }
            }
            const double rate = double(realSentences) * kPasses / (double(rt.nsecsElapsed()) / 1e9);
            report({QStringLiteral("extract.one_thread_real"),
                    QStringLiteral("Extraction alone, one thread, on real prose (dev set and ../shared public articles)"),
                    rate, kNaN, QStringLiteral("sentences/s"), QStringLiteral("≥ 50,000 sentences/s"), rate >= 50000 ? 1 : 0,
                    {}, kNaN, {},
                    QStringLiteral("%1 articles, %2 sentences, %3 passes").arg(real.size()).arg(realSentences).arg(kPasses)});
        }
    }
    Figure f1{QStringLiteral("extract.one_thread"), QStringLiteral("Extraction alone, one thread (generated corpus)"), one, kNaN,
              QStringLiteral("sentences/s"), QStringLiteral("≥ 50,000 sentences/s"), one >= 50000 ? 1 : 0,
              QStringLiteral("segmentation alone"), double(sentences) / segSeconds, QStringLiteral("sentences/s"),
              QStringLiteral("%1 articles, %2 sentences, %3 events").arg(docs.size()).arg(sentences).arg(events)};
    report(f1);
    Figure f2{QStringLiteral("extract.all_threads"), QStringLiteral("Extraction alone, all cores (%1 threads)").arg(threads),
              all, kNaN, QStringLiteral("sentences/s"), QStringLiteral("scales with threads"),
              all >= 0.8 * one * threads ? 1 : 0, QStringLiteral("%1 × one thread").arg(threads), one * threads,
              QStringLiteral("sentences/s"),
              QStringLiteral("%1× one thread; the threads got %2 s of CPU in %3 s (%4 cores' worth; load average %5)")
                  .arg(all / one, 0, 'f', 2)
                  .arg(cpu, 0, 'f', 1)
                  .arg(wall, 0, 'f', 1)
                  .arg(cpu / wall, 0, 'f', 2)
                  .arg(loadAverage(), 0, 'f', 1)};
    report(f2);
}

// ------------------------------------------------------------------------------------------ big database

/// The import database topped up with generated events to c.events, in one transaction per 50,000.
bool ensureBigDatabase(const Config &c, const QString &path)
{
    auto opened = Database::open(path);
    if (!opened) {
        msg() << "cannot open " << path << ": " << opened.error().message << "\n";
        return false;
    }
    auto db = *opened;
    const auto stats = Store(db).stats();
    if (!stats) {
        return false;
    }
    const qint64 have = stats->events;
    if (have >= c.events) {
        msg() << "big database: " << stats->articles << " articles, " << have << " events (reused)\n";
        return true;
    }
    const auto ids = ArticleRepository(db->connection()).allIds();
    if (!ids || ids->isEmpty()) {
        return false;
    }
    const Tools::CorpusGenerator gen({c.seed, 0.2});
    const qint64 missing = c.events - have;
    msg() << "big database: adding " << missing << " generated events…\n" << Qt::flush;
    QElapsedTimer t;
    t.start();
    EventRepository repo(db->connection());
    const qint64 chunk = 50000;
    for (qint64 first = 0; first < missing; first += chunk) {
        QList<Event> batch;
        for (qint64 i = first; i < std::min(missing, first + chunk); ++i) {
            const Tools::GoldEvent g = gen.event(i);
            Event e;
            e.articleId = ids->at(int(i % ids->size()));
            e.sentence = g.sentence;
            e.spanStart = 0;
            e.spanEnd = g.sentence.size();
            e.type = eventTypeFromName(g.type).value_or(EventType::MeetingVisit);
            e.source = g.source;
            e.target = g.target;
            e.location = g.location;
            e.date = DatePoint::fromString(g.date);
            e.polarity = polarityFromName(g.polarity);
            e.modality = modalityFromName(g.modality);
            e.confidence = 0.6 + 0.3 * double(i % 7) / 6.0;
            e.pattern = QStringLiteral("entente-bench generated");
            batch.append(e);
        }
        Transaction tx(db->connection());
        if (!tx.isActive()) {
            msg() << tx.error().message << "\n";
            return false;
        }
        const Status st = repo.insertMany(batch);
        if (!st) {
            msg() << st.error().message << "\n";
            return false;
        }
        if (!tx.commit()) {
            return false;
        }
    }
    const double s = double(t.nsecsElapsed()) / 1e9;
    report({QStringLiteral("store.bulk_events"), QStringLiteral("Bulk event insert (EventRepository::insertMany)"),
            double(missing) / s, kNaN, QStringLiteral("events/s"), {}, -1, {}, kNaN, {},
            QStringLiteral("%1 events in %2 s, 50,000 per transaction").arg(missing).arg(s, 0, 'f', 1)});
    return true;
}

void benchQueries(const Config &c, const std::shared_ptr<Database> &db)
{
    // Actors from the busiest to the rarest of the corpus' Zipf order, and ranges of 1 to 10 years.
    const QStringList actors{QStringLiteral("USA"), QStringLiteral("RUS"), QStringLiteral("CHN"), QStringLiteral("IRN"),
                             QStringLiteral("POL"), QStringLiteral("EGY"), QStringLiteral("ARG"), QStringLiteral("NGA"),
                             QStringLiteral("NRU"), QStringLiteral("TUV")};
    const QList<QPair<QDate, QDate>> ranges{{QDate(2014, 1, 1), QDate(2014, 12, 31)},
                                           {QDate(2001, 6, 1), QDate(2003, 5, 31)},
                                           {QDate(1995, 1, 1), QDate(2004, 12, 31)},
                                           {QDate(2020, 3, 1), QDate(2020, 3, 31)},
                                           {QDate(2010, 1, 1), QDate(2015, 12, 31)}};
    // What the events table does on a filter change: count, then the first page.
    Samples eventOnly;
    EventTableModel eventModel;
    eventModel.setDatabase(db);
    for (const QString &a : actors) {
        for (const auto &r : ranges) {
            EventFilter f;
            f.actor = a;
            f.from = r.first;
            f.to = r.second;
            QElapsedTimer t;
            t.start();
            eventModel.setFilter(f);
            eventOnly.add(double(t.nsecsElapsed()) / 1e6);
        }
    }
    report({QStringLiteral("query.events"),
            QStringLiteral("Event query by actor and time range in the events table (count + first page)"), eventOnly.median(),
            eventOnly.p95(), QStringLiteral("ms"), QStringLiteral("p95 ≤ 10 ms"), eventOnly.p95() <= 10 ? 1 : 0, {},
            kNaN, {},
            QStringLiteral("%1 queries: 10 actors from busiest to rarest × 5 ranges of a month to 10 years")
                .arg(eventOnly.v.size())});

    const QStringList searches{QStringLiteral("troops"),        QStringLiteral("naval base"),
                               QStringLiteral("Poland"),        QStringLiteral("Lindqvist"),
                               QStringLiteral("sanctions"),     QStringLiteral("harbour office"),
                               QStringLiteral("Tuvalu"),        QStringLiteral("pension reform"),
                               QStringLiteral("drones"),        QStringLiteral("ambassador"),
                               QStringLiteral("security pact"), QStringLiteral("defen")};
    Samples fts;
    qint64 hits = 0;
    ArticleListModel searchModel;
    searchModel.setDatabase(db);
    double slowestMs = 0;
    QString slowest;
    for (int rep = 0; rep < 3; ++rep) {
        for (const QString &s : searches) {
            ArticleFilter f;
            f.search = s;
            QElapsedTimer t;
            t.start();
            searchModel.setFilter(f); // what the library does: the count and the first page, ranked, with snippets
            const double ms = double(t.nsecsElapsed()) / 1e6;
            fts.add(ms);
            if (ms > slowestMs) {
                slowestMs = ms;
                slowest = s;
            }
            if (rep == 0) {
                hits += searchModel.totalCount();
            }
        }
    }
    report({QStringLiteral("query.fts"), QStringLiteral("Full-text search in the library (count + first page, ranked, with snippets)"),
            fts.median(), fts.p95(), QStringLiteral("ms"), QStringLiteral("p95 ≤ 50 ms"), fts.p95() <= 50 ? 1 : 0, {},
            kNaN, {},
            QStringLiteral("%1 queries: 12 searches from rare words to words in most articles (%2 hits in all); "
                           "slowest: \u201c%3\u201d, %4 ms")
                .arg(fts.v.size())
                .arg(hits)
                .arg(slowest)
                .arg(slowestMs, 0, 'f', 0)});

    Samples library;
    for (int i = 0; i < 5; ++i) {
        ArticleListModel model;
        QElapsedTimer t;
        t.start();
        model.setDatabase(db);
        library.add(double(t.nsecsElapsed()) / 1e6);
    }
    report({QStringLiteral("open.library"),
            QStringLiteral("Library open: ArticleListModel::setDatabase with %1 articles").arg(c.articles),
            library.median(), library.p95(), QStringLiteral("ms"), QStringLiteral("< 1 s"),
            library.max() < 1000 ? 1 : 0});
    Samples scroll;
    {
        ArticleListModel model;
        model.setDatabase(db);
        // Scrolling down the library: each fetchMore is one page further.
        for (int i = 0; i < 50 && model.canFetchMore({}); ++i) {
            QElapsedTimer t;
            t.start();
            model.fetchMore({});
            scroll.add(double(t.nsecsElapsed()) / 1e6);
        }
    }
    report({QStringLiteral("open.library_scroll"), QStringLiteral("Library scrolling: next page of 200 rows (pages 2–51)"),
            scroll.median(), scroll.p95(), QStringLiteral("ms")});
    Samples events;
    for (int i = 0; i < 5; ++i) {
        EventTableModel model;
        QElapsedTimer t;
        t.start();
        model.setDatabase(db);
        events.add(double(t.nsecsElapsed()) / 1e6);
    }
    report({QStringLiteral("open.events"), QStringLiteral("Events table open: EventTableModel::setDatabase, all events"),
            events.median(), events.p95(), QStringLiteral("ms")});
    Samples stats;
    for (int i = 0; i < 5; ++i) {
        QElapsedTimer t;
        t.start();
        (void)Store(db).stats();
        stats.add(double(t.nsecsElapsed()) / 1e6);
    }
    report({QStringLiteral("open.stats"), QStringLiteral("Status bar counts: Store::stats"), stats.median(), stats.p95(),
            QStringLiteral("ms")});
}

// ------------------------------------------------------------------------------------------ timeline and graph

void benchTimeline(const QList<RelationEvent> &events, const QString &shots)
{
    const QSize size(1600, 900);
    QElapsedTimer t;
    t.start();
    auto data = std::make_shared<TimelineData>();
    data->build(events, TimelineData::LaneMode::ByType);
    report({QStringLiteral("timeline.build"), QStringLiteral("Timeline data build (by type)"),
            double(t.nsecsElapsed()) / 1e6, kNaN, QStringLiteral("ms"), {}, -1, {}, kNaN, {},
            QStringLiteral("%1 events").arg(data->eventCount())});

    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    Ui::TimelineView emptyView;
    emptyView.resize(size);
    emptyView.setData(std::make_shared<TimelineData>());
    Samples empty;
    for (int i = 0; i < 30; ++i) {
        QElapsedTimer f;
        f.start();
        emptyView.renderTo(&image, size);
        empty.add(double(f.nsecsElapsed()) / 1e6);
    }
    const double ceiling = empty.median();

    struct Zoom
    {
        const char *name;
        double days;
    };
    const Zoom zooms[] = {{"all (30 years)", 0}, {"5 years", 5 * 365.25}, {"1 year", 365.25}, {"1 month", 30.5}, {"1 week", 7}};
    const auto runMode = [&](TimelineData::LaneMode mode, const QString &modeName, bool allZooms) {
        auto d = std::make_shared<TimelineData>();
        d->build(events, mode);
        Ui::TimelineView view;
        view.resize(size);
        view.setData(d);
        view.fitAll();
        const double first = d->firstDay();
        const double last = d->lastDay();
        for (const Zoom &z : zooms) {
            if (!allZooms && z.days != 0 && z.days != 365.25) {
                continue;
            }
            Samples frames;
            const double span = z.days == 0 ? (last - first) * 1.08 : z.days;
            // 40 frames panning over the busiest stretch (the last decade) in steps of a tenth of the view.
            const double base = z.days == 0 ? first - (last - first) * 0.04 : last - 3650;
            for (int i = 0; i < 40; ++i) {
                const double start = base + (i % 10) * span / 10 * (z.days == 0 ? 0.1 : 1.0);
                view.scale().setRange(start, start + span);
                QElapsedTimer f;
                f.start();
                view.renderTo(&image, size);
                frames.add(double(f.nsecsElapsed()) / 1e6);
            }
            if (!shots.isEmpty()) {
                image.save(QDir(shots).filePath(QStringLiteral("timeline-%1-%2.png")
                                                    .arg(modeName, QString::number(qRound(z.days)))));
            }
            report({QStringLiteral("timeline.frame.%1.%2").arg(modeName, QString::fromLatin1(z.name).section(QLatin1Char(' '), 0, 1).replace(QLatin1Char(' '), QLatin1Char('_'))),
                    QStringLiteral("Timeline frame, %1 lanes, view of %2").arg(modeName, QString::fromLatin1(z.name)),
                    frames.median(), frames.p95(), QStringLiteral("ms"), QStringLiteral("≤ 16 ms"),
                    frames.p95() <= 16 ? 1 : 0, QStringLiteral("empty paint"), ceiling, QStringLiteral("ms"),
                    QStringLiteral("%1×%2 offscreen").arg(size.width()).arg(size.height())});
        }
    };
    runMode(TimelineData::LaneMode::ByType, QStringLiteral("type"), true);
    runMode(TimelineData::LaneMode::ByActor, QStringLiteral("actor"), false);
    runMode(TimelineData::LaneMode::ByPair, QStringLiteral("pair"), false);
}

void benchGraph(const QList<RelationEvent> &events)
{
    QElapsedTimer t;
    t.start();
    RelationModel model;
    model.setEvents(events);
    report({QStringLiteral("graph.build"), QStringLiteral("Relation model build (RelationModel::setEvents)"),
            double(t.nsecsElapsed()) / 1e6, kNaN, QStringLiteral("ms"), {}, -1, {}, kNaN, {},
            QStringLiteral("%1 events, %2 intervals").arg(model.eventCount()).arg(model.intervals().size())});
    Samples asOf;
    int edges = 0;
    const QDate first = model.firstDate();
    const QDate last = model.lastDate();
    const qint64 span = first.daysTo(last);
    for (int i = 0; i < 40; ++i) {
        const QDate d = first.addDays(span * (i + 1) / 41);
        QElapsedTimer f;
        f.start();
        const auto e = model.asOf(d, 365);
        asOf.add(double(f.nsecsElapsed()) / 1e6);
        edges = std::max(edges, int(e.size()));
    }
    report({QStringLiteral("graph.as_of"), QStringLiteral("Graph as-of recomputation (one-year window)"), asOf.median(),
            asOf.p95(), QStringLiteral("ms"), QStringLiteral("≤ 50 ms"), asOf.p95() <= 50 ? 1 : 0, {}, kNaN, {},
            QStringLiteral("40 dates; up to %1 edges").arg(edges)});

    // Layout of 2,000 nodes and 20,000 edges: blocs of 50 actors, most edges inside a bloc.
    GraphLayout::Input in;
    const int n = 2000;
    for (int i = 0; i < n; ++i) {
        in.nodes << QStringLiteral("N%1").arg(i);
    }
    quint64 state = 42;
    const auto rnd = [&state](int m) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return int((state >> 33) % quint64(m));
    };
    QSet<QPair<int, int>> seen;
    while (in.edges.size() < 20000) {
        const int a = rnd(n);
        const int b = rnd(10) < 8 ? (a / 50) * 50 + rnd(50) : rnd(n);
        if (a == b || seen.contains({std::min(a, b), std::max(a, b)})) {
            continue;
        }
        seen.insert({std::min(a, b), std::max(a, b)});
        in.edges.append({a, b, double(1 + rnd(5))});
    }
    Samples layout;
    GraphLayout::Output o;
    for (int i = 0; i < 3; ++i) {
        QElapsedTimer f;
        f.start();
        o = GraphLayout::compute(in);
        layout.add(double(f.nsecsElapsed()) / 1e6);
    }
    report({QStringLiteral("graph.layout"), QStringLiteral("Graph layout + blocs, 2,000 nodes / 20,000 edges (cold)"),
            layout.median() / 1000.0, kNaN, QStringLiteral("s"), QStringLiteral("≤ 1 s"),
            layout.median() <= 1000 ? 1 : 0, {}, kNaN, {},
            QStringLiteral("%1 communities, modularity %2%3")
                .arg(QSet<int>(o.community.begin(), o.community.end()).size())
                .arg(o.modularity, 0, 'f', 2)
                .arg(o.error.isEmpty() ? QString() : QStringLiteral(", error: ") + o.error)});
    // Seeded from the previous positions, as the GUI does when the as-of date moves.
    in.seed = o.positions;
    Samples seeded;
    for (int i = 0; i < 3; ++i) {
        QElapsedTimer f;
        f.start();
        (void)GraphLayout::compute(in);
        seeded.add(double(f.nsecsElapsed()) / 1e6);
    }
    report({QStringLiteral("graph.layout_seeded"), QStringLiteral("Graph layout, same graph seeded from previous positions"),
            seeded.median() / 1000.0, kNaN, QStringLiteral("s"), QStringLiteral("≤ 1 s"),
            seeded.median() <= 1000 ? 1 : 0});
}

// ------------------------------------------------------------------------------------------ GUI cold start

int childGui(const QString &dbPath, double mainStart)
{
    Ui::MainWindow w;
    w.setOfferSamples(false);
    w.setQuiet(true);
    w.show();
    const bool opened = w.openDatabase(dbPath);
    const QImage first = w.grab().toImage(); // the first painted window: library, events, status bar
    const double firstPaint = monotonicSeconds();
    const double firstInProcess = firstPaint - mainStart;
    w.waitForIdle(600000);
    const QImage second = w.grab().toImage(); // with the timeline and the graph loaded
    const double complete = monotonicSeconds();
    QJsonObject o;
    o.insert(QStringLiteral("opened"), opened);
    o.insert(QStringLiteral("first_paint"), firstPaint);
    o.insert(QStringLiteral("first_in_process"), firstInProcess);
    o.insert(QStringLiteral("complete"), complete);
    o.insert(QStringLiteral("articles"), w.articleModel()->totalCount());
    o.insert(QStringLiteral("max_rss_kb"), double(maxRssKb()));
    o.insert(QStringLiteral("error"), w.lastError());
    o.insert(QStringLiteral("image"), !first.isNull() && !second.isNull());
    out() << QJsonDocument(o).toJson(QJsonDocument::Compact) << "\n" << Qt::flush;
    return opened ? 0 : 3;
}

void benchColdStart(const Config &c, const QString &db)
{
    const QString xdg = QDir(c.work).filePath(QStringLiteral("xdg"));
    QDir().mkpath(xdg);
    Samples first;
    Samples complete;
    long rss = 0;
    qint64 articles = 0;
    for (int i = 0; i < 3; ++i) {
        const ChildRun r = runChild(QCoreApplication::applicationFilePath(), {QStringLiteral("--child-gui"), db},
                                    QDir(c.work).filePath(QStringLiteral("gui.out")),
                                    {"QT_QPA_PLATFORM=offscreen", "XDG_CONFIG_HOME=" + QFile::encodeName(xdg),
                                     "XDG_DATA_HOME=" + QFile::encodeName(xdg)});
        const QJsonObject o = lastJsonLine(r.output);
        if (r.exitCode != 0 || !o.value(QStringLiteral("opened")).toBool()) {
            msg() << "GUI child failed: " << r.output << "\n";
            return;
        }
        first.add((o.value(QStringLiteral("first_paint")).toDouble() - r.startedAt) * 1000);
        complete.add((o.value(QStringLiteral("complete")).toDouble() - r.startedAt) * 1000);
        rss = std::max(rss, r.maxRssKb);
        articles = o.value(QStringLiteral("articles")).toInteger();
    }
    report({QStringLiteral("gui.cold_start"), QStringLiteral("Cold start to first painted window (process start → grab)"),
            first.median(), first.max(), QStringLiteral("ms"), QStringLiteral("≤ 1 s"), first.max() <= 1000 ? 1 : 0, {},
            kNaN, {},
            QStringLiteral("3 runs, warm file cache; the p95 column is the worst run; %1 articles in the library")
                .arg(articles)});
    report({QStringLiteral("gui.loaded"), QStringLiteral("Process start → timeline and graph loaded and painted"),
            complete.median(), complete.max(), QStringLiteral("ms")});
    report({QStringLiteral("memory.gui"), QStringLiteral("Peak memory of the GUI with the database open"),
            double(rss) / 1024.0, kNaN, QStringLiteral("MB"), QStringLiteral("≤ 400 MB"), rss <= 400 * 1024 ? 1 : 0});
}

// ------------------------------------------------------------------------------------------ output

QString machine()
{
    QString model;
    QFile cpu(QStringLiteral("/proc/cpuinfo"));
    if (cpu.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : cpu.readAll().split('\n')) {
            if (line.startsWith("model name")) {
                model = QString::fromUtf8(line.mid(line.indexOf(':') + 1)).trimmed();
                break;
            }
        }
    }
    return QStringLiteral("%1 × %2, %3").arg(QThread::idealThreadCount()).arg(model, QSysInfo::prettyProductName());
}

void printTable(const Config &c)
{
    out() << "\nEntente benchmark, size " << c.size << " (" << c.articles << " articles, " << c.events
          << " events), " << machine() << ", load average " << QString::number(g_loadStart, 'f', 1) << " at the start and "
          << QString::number(loadAverage(), 'f', 1) << " at the end\n\n";
    out() << QStringLiteral("| figure | value | target | limit (same run) |\n|---|---|---|---|\n");
    for (const Figure &f : std::as_const(g_figures)) {
        QString value = num(f.value);
        if (!std::isnan(f.p95)) {
            value += QStringLiteral(" (p95 %1)").arg(num(f.p95));
        }
        value += QLatin1Char(' ') + f.unit;
        QString target = f.target.isEmpty() ? QStringLiteral("–") : f.target;
        if (f.met == 1) {
            target += QStringLiteral(" ✓");
        } else if (f.met == 0) {
            target += QStringLiteral(" ✗");
        }
        const QString limit = std::isnan(f.limit)
                                  ? QStringLiteral("–")
                                  : QStringLiteral("%1: %2 %3").arg(f.limitName, num(f.limit), f.limitUnit);
        out() << "| " << f.name << " | " << value << " | " << target << " | " << limit << " |\n";
    }
    out() << Qt::flush;
}

void writeJson(const Config &c, const QString &path)
{
    QJsonArray figs;
    for (const Figure &f : std::as_const(g_figures)) {
        QJsonObject o;
        o.insert(QStringLiteral("id"), f.id);
        o.insert(QStringLiteral("name"), f.name);
        o.insert(QStringLiteral("value"), std::isnan(f.value) ? QJsonValue() : QJsonValue(f.value));
        if (!std::isnan(f.p95)) {
            o.insert(QStringLiteral("p95"), f.p95);
        }
        o.insert(QStringLiteral("unit"), f.unit);
        if (!f.target.isEmpty()) {
            o.insert(QStringLiteral("target"), f.target);
            o.insert(QStringLiteral("met"), f.met == 1);
        }
        if (!std::isnan(f.limit)) {
            o.insert(QStringLiteral("limit_name"), f.limitName);
            o.insert(QStringLiteral("limit"), f.limit);
            o.insert(QStringLiteral("limit_unit"), f.limitUnit);
        }
        if (!f.note.isEmpty()) {
            o.insert(QStringLiteral("note"), f.note);
        }
        figs.append(o);
    }
    QJsonObject root;
    root.insert(QStringLiteral("size"), c.size);
    root.insert(QStringLiteral("articles"), c.articles);
    root.insert(QStringLiteral("events"), c.events);
    root.insert(QStringLiteral("machine"), machine());
    root.insert(QStringLiteral("threads"), QThread::idealThreadCount());
    root.insert(QStringLiteral("load_average_start"), g_loadStart);
    root.insert(QStringLiteral("load_average_end"), loadAverage());
    root.insert(QStringLiteral("date"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    root.insert(QStringLiteral("figures"), figs);
    QFile f(path);
    if (f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        f.write(QJsonDocument(root).toJson(QJsonDocument::Indented));
    }
}

} // namespace

int main(int argc, char **argv)
{
    const double mainStart = monotonicSeconds();
    if (argc >= 2 && qstrcmp(argv[1], "--child-spawn") == 0) {
        return childSpawn(argc, argv); // before Qt starts: the launcher stays small
    }
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Entente"));
    QCoreApplication::setApplicationName(QStringLiteral("entente"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Entente at scale, beside its targets and limits."));
    parser.addHelpOption();
    const QCommandLineOption size(QStringLiteral("size"), QStringLiteral("small or full."), QStringLiteral("size"),
                                  QStringLiteral("full"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Write the figures as JSON here."),
                                  QStringLiteral("file"));
    const QCommandLineOption work(QStringLiteral("work"), QStringLiteral("Work folder (corpus, databases)."),
                                  QStringLiteral("dir"));
    const QCommandLineOption only(QStringLiteral("only"),
                                  QStringLiteral("Comma-separated steps: io,sqlite,import,extract,queries,timeline,graph,gui."),
                                  QStringLiteral("steps"));
    const QCommandLineOption fresh(QStringLiteral("fresh"), QStringLiteral("Regenerate the corpus and databases."));
    const QCommandLineOption childGuiOpt(QStringLiteral("child-gui"), QStringLiteral("(internal)"), QStringLiteral("db"));
    parser.addOptions({size, json, work, only, fresh, childGuiOpt});
    parser.process(app);
    if (parser.isSet(childGuiOpt)) {
        return childGui(parser.value(childGuiOpt), mainStart);
    }

    Config c;
    c.size = parser.value(size);
    if (c.size == QLatin1String("full")) {
        c.articles = 100000;
        c.events = 1000000;
        c.extractArticles = 10000;
    } else if (c.size == QLatin1String("small")) {
        c.articles = 5000;
        c.events = 100000;
        c.extractArticles = 2000;
    } else {
        msg() << "--size must be small or full\n";
        return 1;
    }
    c.work = parser.isSet(work) ? parser.value(work) : QStringLiteral("/tmp/entente-bench-") + c.size;
    c.corpus = QDir(c.work).filePath(QStringLiteral("corpus"));
    c.cli = QStringLiteral(ENTENTE_CLI_PATH);
    c.sqlite3 = QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
    c.fresh = parser.isSet(fresh);
    if (parser.isSet(only)) {
        c.only = parser.value(only).split(QLatin1Char(','), Qt::SkipEmptyParts);
    }
    QDir().mkpath(c.work);
    g_loadStart = loadAverage();
    msg() << "entente-bench: size " << c.size << ", work folder " << c.work << ", " << machine() << "\n" << Qt::flush;

    if (!ensureCorpus(c)) {
        return 2;
    }
    if (c.want(QStringLiteral("io"))) {
        benchIo(c);
    }
    if (c.want(QStringLiteral("sqlite")) || c.want(QStringLiteral("import"))) {
        benchSqliteShell(c);
    }
    const QString extractDb = QDir(c.work).filePath(QStringLiteral("import-extract.sqlite"));
    const QString bigDb = QDir(c.work).filePath(QStringLiteral("big.sqlite"));
    if (c.want(QStringLiteral("import"))) {
        benchImport(c, false);
        benchImport(c, true);
        QFile::remove(QDir(c.work).filePath(QStringLiteral("import-noextract.sqlite")));
        // The big database starts from the imported one: real extracted events, topped up to c.events.
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
            QFile::remove(bigDb + suffix);
        }
        auto src = Database::open(extractDb);
        if (src) {
            (void)(*src)->saveCopy(bigDb);
        }
    }
    if (c.want(QStringLiteral("extract"))) {
        const auto coder = ExtractionService(nullptr).coder();
        if (coder) {
            benchExtraction(c, *coder);
        }
    }
    const bool needBig = c.want(QStringLiteral("queries")) || c.want(QStringLiteral("timeline")) ||
                         c.want(QStringLiteral("graph")) || c.want(QStringLiteral("gui"));
    if (needBig) {
        if (!QFileInfo::exists(bigDb)) {
            msg() << "no " << bigDb << ": run the import step first\n";
            return 2;
        }
        if (!ensureBigDatabase(c, bigDb)) {
            return 2;
        }
        auto opened = Database::open(bigDb);
        if (!opened) {
            return 2;
        }
        auto db = *opened;
        if (c.want(QStringLiteral("queries"))) {
            benchQueries(c, db);
        }
        if (c.want(QStringLiteral("timeline")) || c.want(QStringLiteral("graph"))) {
            QElapsedTimer t;
            t.start();
            const auto events = GraphExport::loadEvents(*db);
            if (!events) {
                msg() << events.error().message << "\n";
                return 2;
            }
            report({QStringLiteral("load.relation_events"),
                    QStringLiteral("Loading the events for timeline and graph (GraphExport::loadEvents)"),
                    double(t.nsecsElapsed()) / 1e6, kNaN, QStringLiteral("ms"), {}, -1, {}, kNaN, {},
                    QStringLiteral("%1 events").arg(events->size())});
            if (c.want(QStringLiteral("timeline"))) {
                benchTimeline(*events, c.work);
            }
            if (c.want(QStringLiteral("graph"))) {
                benchGraph(*events);
            }
        }
        db.reset();
        if (c.want(QStringLiteral("gui"))) {
            benchColdStart(c, bigDb);
        }
    }
    printTable(c);
    if (parser.isSet(json)) {
        writeJson(c, parser.value(json));
    }
    return 0;
}
