// pagebench: runs HtmlExtractor over a folder of saved pages and writes one <id>.txt per page,
// so that the extraction can be scored against a ground truth (tools/score-pages) and timed.
//
//   pagebench INPUT_DIR OUTPUT_DIR [--repeat N]
//
// Prints the number of pages, the extraction time and pages per second on stdout. Reading the
// files is not timed; the clock covers decoding, parsing and extraction only.

#include <core/ingest/htmlextractor.h>

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTextStream>

#include <vector>

using namespace Qt::StringLiterals;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (args.size() < 3) {
        err << "usage: pagebench INPUT_DIR OUTPUT_DIR [--repeat N]\n";
        return 1;
    }
    int repeat = 1;
    const qsizetype repeatAt = args.indexOf(u"--repeat"_s);
    if (repeatAt > 0 && repeatAt + 1 < args.size()) {
        repeat = std::max(1, args.at(repeatAt + 1).toInt());
    }
    const QDir input(args.at(1));
    const QDir output(args.at(2));
    if (!input.exists()) {
        err << "no such folder: " << args.at(1) << '\n';
        return 1;
    }
    if (!QDir().mkpath(output.absolutePath())) {
        err << "cannot create " << args.at(2) << '\n';
        return 1;
    }

    struct Page
    {
        QString id;
        QString fileName;
        QByteArray bytes;
    };
    std::vector<Page> pages;
    const QFileInfoList files = input.entryInfoList({u"*.html"_s, u"*.htm"_s}, QDir::Files, QDir::Name);
    for (const QFileInfo &info : files) {
        QFile f(info.absoluteFilePath());
        if (!f.open(QIODevice::ReadOnly)) {
            err << "cannot read " << info.fileName() << '\n';
            continue;
        }
        pages.push_back({info.completeBaseName(), info.fileName(), f.readAll()});
    }

    std::vector<QString> texts(pages.size());
    qint64 bytes = 0;
    QElapsedTimer timer;
    timer.start();
    for (int r = 0; r < repeat; ++r) {
        for (size_t i = 0; i < pages.size(); ++i) {
            texts[i] = Entente::Core::HtmlExtractor::extract(pages[i].bytes, pages[i].fileName).text;
            bytes += pages[i].bytes.size();
        }
    }
    const double seconds = double(timer.nsecsElapsed()) / 1e9;

    int failed = 0;
    for (size_t i = 0; i < pages.size(); ++i) {
        QFile f(output.filePath(pages[i].id + u".txt"_s));
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(texts[i].toUtf8()) < 0) {
            err << "cannot write " << f.fileName() << '\n';
            ++failed;
        }
    }
    const double runs = double(pages.size()) * repeat;
    out << "pages: " << pages.size() << "  runs: " << repeat << "  seconds: " << QString::number(seconds, 'f', 3)
        << "  pages/s: " << QString::number(seconds > 0 ? runs / seconds : 0.0, 'f', 1)
        << "  MB/s: " << QString::number(seconds > 0 ? double(bytes) / 1e6 / seconds : 0.0, 'f', 1) << '\n';
    return failed == 0 ? 0 : 2;
}
