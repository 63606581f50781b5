#pragma once

#include <QDate>
#include <QList>
#include <QStringView>
#include <core/domain/datepoint.h>

namespace Entente::Core {

/// One temporal expression found in a text, with the date it stands for.
/// Value type; safe to copy between threads.
struct TimeExpression
{
    /// Point: a date ("on Tuesday", "in 2016"); Interval: a span ("between 2014 and 2016",
    /// "the past 18 months", "the Cold War"); Since / Until: an open span starting or ending at
    /// `date` ("since World War Two" → 1945, "until October").
    enum class Kind { Point, Interval, Since, Until };

    qsizetype begin = 0; ///< offset of the first character in the text passed to find()
    qsizetype end = 0;   ///< one past the last character
    /// The resolved date; unknown when it cannot be resolved (a relative expression without an anchor).
    DatePoint date;
    Kind kind = Kind::Point;
    /// True when the date was worked out from the anchor ("yesterday", "in March", "last summer").
    bool relative = false;
};

/// Finds the temporal expressions of English news text and resolves them against the publication
/// date. The rules, their choices and their known gaps are documented in timeresolver.cpp.
class TimeResolver final
{
public:
    /// Finds every temporal expression in `text` (a sentence or a whole article) and resolves it
    /// against `anchor`, the publication date. With an invalid anchor, relative expressions are
    /// still reported but with an unknown date, and explicit ones resolve as usual. Matches never
    /// overlap (the longest wins) and come sorted by `begin`; a match includes its leading
    /// preposition ("on Tuesday", "since 2015", "in the past 18 months").
    ///
    /// Thread-safe: pure function over read-only tables built once. Cheap on sentences without
    /// digits or time words, which return before any matching.
    static QList<TimeExpression> find(QStringView text, QDate anchor);
};

} // namespace Entente::Core
