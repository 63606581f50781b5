#pragma once

#include <core/domain/datepoint.h>

#include <QString>
#include <QStringList>

namespace Entente::Core {

/// One article as a format reader found it, before cleaning, metadata resolution and duplicate
/// checks. Fields the input does not give stay empty (or an unknown date). Value type; safe to
/// copy between threads.
struct RawDocument
{
    QString title;
    /// The article text. For HTML the main text already extracted; for text, JSON and feeds the
    /// article text, with HTML fragments (feed content, HTML-valued JSON fields) turned into
    /// plain text with paragraphs separated by "\n\n".
    QString text;
    /// The original content of this article: the HTML source, the feed item's XML, the JSON
    /// object, or the decoded text.
    QString rawText;
    DatePoint published;
    QString source;
    QString url;
    QString language;
    /// "text", "html", "rss", "atom", "json" or "jsonl".
    QString format;
    /// The file it came from (or the name given to FormatReader::readBytes()).
    QString filePath;
    /// Position inside the file: item index in a feed or JSON array, 0-based line in JSON Lines;
    /// 0 for single-article files.
    int itemIndex = 0;
    /// Things worth telling the user, e.g. "invalid UTF-8 replaced", "declared charset
    /// windows-1252 decoded". Warnings about the file as a whole (a skipped JSON line) are
    /// carried by the first document of the file.
    QStringList warnings;
};

} // namespace Entente::Core
