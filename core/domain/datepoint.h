#pragma once

#include <QDate>
#include <QString>

namespace Entente::Core {

/// How precisely a date is known. Stored as an integer in the database; keep the order.
enum class DatePrecision { Unknown = 0, Year = 1, Season = 2, Month = 3, Day = 4 };

/// A date as precise as the text gives it: a day, a month, a season, a year, or
/// an interval between two such points. `start` is the first day covered and
/// `end` the last (for a day both are the same day). An unknown date has both null.
/// Value type; safe to copy between threads.
struct DatePoint
{
    QDate start;
    QDate end;
    DatePrecision precision = DatePrecision::Unknown;
    /// True when the text gave a span ("between 2014 and 2016", "the past 18 months"):
    /// then `toString()` writes "FROM/TO", each part in `precision`.
    bool interval = false;

    bool isValid() const { return precision != DatePrecision::Unknown && start.isValid(); }

    static DatePoint day(QDate d);
    static DatePoint month(int year, int month);
    /// season: 0 spring (Mar–May), 1 summer (Jun–Aug), 2 autumn (Sep–Nov), 3 winter (Dec of year-1 – Feb of year)
    static DatePoint season(int year, int season);
    static DatePoint year(int year);
    static DatePoint span(const DatePoint &from, const DatePoint &to);

    /// "YYYY-MM-DD", "YYYY-MM", "YYYY-spring|summer|autumn|winter", "YYYY", or "A/B" for an
    /// interval; empty for an unknown date.
    QString toString() const;
    /// The start point alone, in the product's format.
    QString startString() const;
    /// The end point alone in the product's format (empty unless an interval).
    QString endString() const;
    /// Parses what toString() writes; an unparsable string gives an unknown date.
    static DatePoint fromString(const QString &text);

    friend bool operator==(const DatePoint &a, const DatePoint &b)
    {
        return a.precision == b.precision && a.start == b.start && a.end == b.end && a.interval == b.interval;
    }
};

QString precisionName(DatePrecision p);
DatePrecision precisionFromName(const QString &name);

} // namespace Entente::Core
