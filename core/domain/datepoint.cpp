#include "datepoint.h"

#include <QRegularExpression>
#include <QStringList>

namespace Entente::Core {

namespace {
const char *const kSeasons[] = {"spring", "summer", "autumn", "winter"};

int seasonOf(QDate d)
{
    const int m = d.month();
    if (m >= 3 && m <= 5) {
        return 0;
    }
    if (m >= 6 && m <= 8) {
        return 1;
    }
    if (m >= 9 && m <= 11) {
        return 2;
    }
    return 3;
}

QString pointString(QDate d, DatePrecision p, bool atEnd)
{
    switch (p) {
    case DatePrecision::Day:
        return d.toString(QStringLiteral("yyyy-MM-dd"));
    case DatePrecision::Month:
        return d.toString(QStringLiteral("yyyy-MM"));
    case DatePrecision::Season: {
        const int s = seasonOf(d);
        // Winter is named after the year in which it ends (Dec 2016 – Feb 2017 is "2017-winter").
        int y = d.year();
        if (s == 3 && d.month() == 12) {
            y += 1;
        }
        Q_UNUSED(atEnd)
        return QString::number(y) + QLatin1Char('-') + QLatin1String(kSeasons[s]);
    }
    case DatePrecision::Year:
        return QString::number(d.year());
    case DatePrecision::Unknown:
        break;
    }
    return {};
}
} // namespace

DatePoint DatePoint::day(QDate d)
{
    DatePoint p;
    if (!d.isValid()) {
        return p;
    }
    p.start = d;
    p.end = d;
    p.precision = DatePrecision::Day;
    return p;
}

DatePoint DatePoint::month(int year, int month)
{
    DatePoint p;
    const QDate s(year, month, 1);
    if (!s.isValid()) {
        return p;
    }
    p.start = s;
    p.end = s.addMonths(1).addDays(-1);
    p.precision = DatePrecision::Month;
    return p;
}

DatePoint DatePoint::season(int year, int season)
{
    DatePoint p;
    if (season < 0 || season > 3) {
        return p;
    }
    if (season == 3) {
        p.start = QDate(year - 1, 12, 1);
        p.end = QDate(year, 3, 1).addDays(-1);
    } else {
        p.start = QDate(year, 3 + season * 3, 1);
        p.end = p.start.addMonths(3).addDays(-1);
    }
    p.precision = p.start.isValid() ? DatePrecision::Season : DatePrecision::Unknown;
    return p;
}

DatePoint DatePoint::year(int year)
{
    DatePoint p;
    const QDate s(year, 1, 1);
    if (!s.isValid()) {
        return p;
    }
    p.start = s;
    p.end = QDate(year, 12, 31);
    p.precision = DatePrecision::Year;
    return p;
}

DatePoint DatePoint::span(const DatePoint &from, const DatePoint &to)
{
    if (!from.isValid()) {
        return to;
    }
    if (!to.isValid()) {
        return from;
    }
    DatePoint p;
    p.start = std::min(from.start, to.start);
    p.end = std::max(from.end, to.end);
    // The interval is written at the coarser of the two precisions.
    p.precision = std::min(from.precision, to.precision);
    p.interval = true;
    return p;
}

QString DatePoint::startString() const
{
    if (!isValid()) {
        return {};
    }
    return pointString(start, precision, false);
}

QString DatePoint::endString() const
{
    if (!isValid() || !interval) {
        return {};
    }
    return pointString(end, precision, true);
}

QString DatePoint::toString() const
{
    if (!isValid()) {
        return {};
    }
    if (interval) {
        return startString() + QLatin1Char('/') + endString();
    }
    return startString();
}

DatePoint DatePoint::fromString(const QString &text)
{
    const QString t = text.trimmed();
    if (t.isEmpty()) {
        return {};
    }
    const qsizetype slash = t.indexOf(QLatin1Char('/'));
    if (slash > 0) {
        const DatePoint a = fromString(t.left(slash));
        const DatePoint b = fromString(t.mid(slash + 1));
        if (!a.isValid() || !b.isValid()) {
            return {};
        }
        return span(a, b);
    }
    static const QRegularExpression dayRe(QStringLiteral("^(\\d{4})-(\\d{2})-(\\d{2})$"));
    static const QRegularExpression monthRe(QStringLiteral("^(\\d{4})-(\\d{2})$"));
    static const QRegularExpression seasonRe(QStringLiteral("^(\\d{4})-(spring|summer|autumn|fall|winter)$"));
    static const QRegularExpression yearRe(QStringLiteral("^(\\d{4})$"));
    QRegularExpressionMatch m = dayRe.match(t);
    if (m.hasMatch()) {
        return day(QDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt()));
    }
    m = monthRe.match(t);
    if (m.hasMatch()) {
        const int mo = m.captured(2).toInt();
        if (mo < 1 || mo > 12) {
            return {};
        }
        return month(m.captured(1).toInt(), mo);
    }
    m = seasonRe.match(t);
    if (m.hasMatch()) {
        const QString s = m.captured(2);
        int idx = 0;
        if (s == QLatin1String("summer")) {
            idx = 1;
        } else if (s == QLatin1String("autumn") || s == QLatin1String("fall")) {
            idx = 2;
        } else if (s == QLatin1String("winter")) {
            idx = 3;
        }
        return season(m.captured(1).toInt(), idx);
    }
    m = yearRe.match(t);
    if (m.hasMatch()) {
        return year(m.captured(1).toInt());
    }
    return {};
}

QString precisionName(DatePrecision p)
{
    switch (p) {
    case DatePrecision::Day:
        return QStringLiteral("day");
    case DatePrecision::Month:
        return QStringLiteral("month");
    case DatePrecision::Season:
        return QStringLiteral("season");
    case DatePrecision::Year:
        return QStringLiteral("year");
    case DatePrecision::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

DatePrecision precisionFromName(const QString &name)
{
    if (name == QLatin1String("day")) {
        return DatePrecision::Day;
    }
    if (name == QLatin1String("month")) {
        return DatePrecision::Month;
    }
    if (name == QLatin1String("season")) {
        return DatePrecision::Season;
    }
    if (name == QLatin1String("year")) {
        return DatePrecision::Year;
    }
    return DatePrecision::Unknown;
}

} // namespace Entente::Core
