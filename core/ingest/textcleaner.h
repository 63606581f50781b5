#pragma once

#include <core/domain/datepoint.h>

#include <QString>

namespace Entente::Core {

/// What the cleaner found besides the text.
struct CleanedText
{
    QString text;          ///< the article alone, paragraphs separated by "\n\n"
    QString title;         ///< a leading headline line, when the text starts with one
    /// A dateline date ("MOSCOW, March 28 (Reuters) -"); a dateline without a year gives month and day in
    /// `datelineMonth`/`datelineDay` and leaves `dateline` unknown, since the year is never guessed.
    DatePoint dateline;
    int datelineMonth = 0;
    int datelineDay = 0;
    int removedLeading = 0;  ///< paragraphs dropped before the article
    int removedTrailing = 0; ///< paragraphs dropped after it
    int removedInside = 0;   ///< stray lines ("Advertisement", "Read more: …") dropped inside
};

/// Cleans text that was already extracted from a page with its junk: leading navigation, bylines and
/// photo credits; trailing teaser blocks ("Must Read", "Related", headline + date + teaser lists),
/// share and subscribe lines; stray "Advertisement" lines inside. Dates inside removed junk are
/// therefore never seen by metadata or extraction. Pure function of its input; thread-safe.
class TextCleaner final
{
public:
    static CleanedText clean(const QString &text);
    /// Whitespace and line-ending normalisation only (keeps paragraph breaks).
    static QString normaliseWhitespace(const QString &text);
};

} // namespace Entente::Core
