#pragma once

#include <core/domain/result.h>
#include <core/ingest/rawdocument.h>

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace Entente::Core {

/// Reads the files a user imports (plain text, Markdown, saved HTML pages, RSS 2.0 / RSS 1.0 and
/// Atom feeds, JSON and JSON Lines) into RawDocuments, one per article.
///
/// The format is decided by content; the file name's extension is only a hint for ambiguous
/// content. Text is decoded from UTF-8 (with or without byte-order mark), UTF-16 or UTF-32 (with
/// a byte-order mark, or UTF-16 recognised by its NUL-byte pattern); XML honours its declared
/// encoding. Nothing is cleaned here: boilerplate removal, metadata resolution and duplicate
/// checks come later in the import.
///
/// Hostile input is refused, never expanded: XML with a DTD is rejected before any entity could
/// be expanded and nothing is ever fetched; files over kMaxFileSize are refused from their size
/// alone; binary files are named by their kind. Every failure is a per-file Error, so a batch
/// goes on with the next file.
///
/// Thread-safety: all functions are reentrant and keep no shared state; they may run on any
/// thread, several at once.
class FormatReader final
{
public:
    /// Documented size limit for one imported file.
    static constexpr qint64 kMaxFileSize = 64 * 1024 * 1024;

    /// Detects the format of \a head (the first bytes of a file, or all of it) by content:
    /// "html", "rss" (RSS 2.0 or RSS 1.0/RDF), "atom", "json", "jsonl", "text", "binary" (NUL
    /// bytes or many control characters, or a known magic number such as gzip, zip, PDF, PNG,
    /// JPEG or ELF), "empty" (nothing but whitespace), or "xml" (XML that is neither RSS nor Atom,
    /// which readBytes() refuses). The extension of \a fileName only decides between readings the
    /// content leaves open (".jsonl" for a JSON object per line, ".html" for text with markup
    /// that does not start with a tag).
    static QString detectFormat(const QByteArray &head, const QString &fileName);

    /// Reads the file at \a path into zero or more documents. Fails with Error::Code::Io (missing
    /// or unreadable), TooLarge ("file is 210 MB; the limit is 64 MB", decided from the size
    /// before reading), Unsupported ("binary file (gzip archive)", "XML with a DTD is not
    /// accepted (entity declarations are never expanded)") or Parse ("empty file", "truncated
    /// XML at line 12: ...", "invalid JSON at line 3, column 5: ...").
    static Result<QList<RawDocument>> readFile(const QString &path);

    /// As readFile() for bytes already in memory; \a fileName serves as the format hint and as
    /// RawDocument::filePath.
    static Result<QList<RawDocument>> readBytes(const QByteArray &data, const QString &fileName);

    /// Lists the files under \a paths (files and folders, folders recursively), absolute, sorted
    /// and without repeats. Hidden files and folders inside a folder are skipped (a hidden file
    /// named explicitly is kept); symbolic links are followed, but a folder already visited
    /// (a link loop) is not entered again. Paths that are missing or unreadable are reported in
    /// \a errors (may be null) as (path, message) pairs and the rest is still listed.
    static QStringList collectFiles(const QStringList &paths, QList<QPair<QString, QString>> *errors);
};

} // namespace Entente::Core
