#pragma once

#include <core/domain/datepoint.h>

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace Entente::Core {

/// What HtmlExtractor found in one saved web page: the article's main text and its metadata.
/// Fields the page does not give stay empty (or an unknown date). Value type; safe to copy
/// between threads.
struct ExtractedPage
{
    /// og:title, JSON-LD headline, the article's h1, or <title> without its site suffix.
    QString title;
    /// The main article text: paragraphs separated by "\n\n", whitespace normalised inside them.
    QString text;
    /// Publication date from the page's metadata, the article's <time> or a dated URL path;
    /// never a date from comments, related links, footers or sidebars. Day precision when a day is known.
    DatePoint published;
    /// og:site_name, JSON-LD publisher name, else the host of the page URL.
    QString source;
    /// <link rel=canonical>, og:url, JSON-LD url, or the "saved from url" note of a saved page.
    QString url;
    /// The <html lang> value (or the declared content language) as written.
    QString language;
    /// Things worth telling the user about this file, e.g. "declared charset windows-1251 decoded".
    QStringList warnings;
};

/// Turns a saved HTML page into its main article text and metadata.
///
/// The bytes are decoded (byte-order mark, <meta charset>, http-equiv content-type; otherwise
/// UTF-8 with invalid sequences replaced), parsed with gumbo (a conforming HTML5 parser, so
/// broken markup is repaired as a browser would), and the main content is chosen by scoring
/// blocks of text on length, link density, sentence structure and class/id hints, in the manner
/// of Readability and trafilatura. Navigation, related links, share prompts, cookie notices,
/// captions, bylines and comments are left out.
///
/// Thread-safety: extract() is reentrant and keeps no shared state, so it may run on many
/// threads at once. Cost is bounded: input beyond a size limit is cut (with a warning), absurd
/// nesting is flattened before parsing, and every tree walk is iterative, so hostile documents
/// neither overflow the stack nor go quadratic.
class HtmlExtractor final
{
public:
    /// Extracts the main text and metadata from \a html. \a fileName (optional) only serves as
    /// the title of last resort.
    static ExtractedPage extract(const QByteArray &html, const QString &fileName = {});
};

} // namespace Entente::Core
