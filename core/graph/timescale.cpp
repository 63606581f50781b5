#include "timescale.h"

#include <cmath>

namespace Entente::Core {

namespace {
double unitDays(TimeScale::Unit u)
{
    switch (u) {
    case TimeScale::Unit::Decade:
        return 3652.5;
    case TimeScale::Unit::Year:
        return 365.25;
    case TimeScale::Unit::Quarter:
        return 91.3;
    case TimeScale::Unit::Month:
        return 30.44;
    case TimeScale::Unit::Week:
        return 7;
    case TimeScale::Unit::Day:
        return 1;
    }
    return 1;
}

QDate floorTo(QDate d, TimeScale::Unit u)
{
    switch (u) {
    case TimeScale::Unit::Decade:
        return QDate(d.year() - ((d.year() % 10) + 10) % 10, 1, 1);
    case TimeScale::Unit::Year:
        return QDate(d.year(), 1, 1);
    case TimeScale::Unit::Quarter:
        return QDate(d.year(), ((d.month() - 1) / 3) * 3 + 1, 1);
    case TimeScale::Unit::Month:
        return QDate(d.year(), d.month(), 1);
    case TimeScale::Unit::Week:
        return d.addDays(1 - d.dayOfWeek());
    case TimeScale::Unit::Day:
        return d;
    }
    return d;
}

QDate step(QDate d, TimeScale::Unit u)
{
    switch (u) {
    case TimeScale::Unit::Decade:
        return d.addYears(10);
    case TimeScale::Unit::Year:
        return d.addYears(1);
    case TimeScale::Unit::Quarter:
        return d.addMonths(3);
    case TimeScale::Unit::Month:
        return d.addMonths(1);
    case TimeScale::Unit::Week:
        return d.addDays(7);
    case TimeScale::Unit::Day:
        return d.addDays(1);
    }
    return d.addDays(1);
}
} // namespace

TimeScale::TimeScale(QDate from, QDate to, double width) : m_width(width > 1 ? width : 1)
{
    setRange(toDays(from), toDays(to) + 1);
}

void TimeScale::setRange(double startDays, double endDays)
{
    // Never narrower than a day, never wider than a few centuries.
    if (endDays - startDays < 1) {
        const double mid = (startDays + endDays) / 2;
        startDays = mid - 0.5;
        endDays = mid + 0.5;
    }
    if (endDays - startDays > 365.25 * 300) {
        const double mid = (startDays + endDays) / 2;
        startDays = mid - 365.25 * 150;
        endDays = mid + 365.25 * 150;
    }
    m_start = startDays;
    m_end = endDays;
}

void TimeScale::zoom(double factor, double anchorX)
{
    if (factor <= 0) {
        return;
    }
    const double anchor = daysAt(anchorX);
    const double span = (m_end - m_start) / factor;
    const double frac = anchorX / m_width;
    setRange(anchor - frac * span, anchor - frac * span + span);
}

void TimeScale::pan(double dx)
{
    const double d = dx / pixelsPerDay();
    m_start -= d;
    m_end -= d;
}

TimeScale::Unit TimeScale::tickUnit(double minSpacing) const
{
    const double ppd = pixelsPerDay();
    for (Unit u : {Unit::Day, Unit::Week, Unit::Month, Unit::Quarter, Unit::Year, Unit::Decade}) {
        if (unitDays(u) * ppd >= minSpacing) {
            return u;
        }
    }
    return Unit::Decade;
}

TimeScale::Unit TimeScale::finer(Unit unit)
{
    switch (unit) {
    case Unit::Decade:
        return Unit::Year;
    case Unit::Year:
        return Unit::Month;
    case Unit::Quarter:
        return Unit::Month;
    case Unit::Month:
        return Unit::Week;
    case Unit::Week:
    case Unit::Day:
        break;
    }
    return Unit::Day;
}

QList<TimeScale::Tick> TimeScale::ticks(double minSpacing) const
{
    return ticksOf(tickUnit(minSpacing));
}

QList<TimeScale::Tick> TimeScale::ticksOf(Unit u) const
{
    QList<Tick> out;
    QDate d = floorTo(fromDays(m_start), u);
    const QDate last = fromDays(m_end);
    int guard = 0;
    while (d <= last && guard++ < 2000) {
        Tick t;
        t.date = d;
        t.x = x(d);
        switch (u) {
        case Unit::Decade:
            t.label = QString::number(d.year()) + QStringLiteral("s");
            t.major = d.year() % 50 == 0;
            break;
        case Unit::Year:
            t.label = QString::number(d.year());
            t.major = d.year() % 10 == 0;
            break;
        case Unit::Quarter:
            t.label = QStringLiteral("Q%1 %2").arg((d.month() - 1) / 3 + 1).arg(d.year());
            t.major = d.month() == 1;
            break;
        case Unit::Month:
            t.label = d.toString(QStringLiteral("MMM yyyy"));
            t.major = d.month() == 1;
            break;
        case Unit::Week:
            t.label = d.toString(QStringLiteral("d MMM"));
            t.major = d.day() <= 7;
            break;
        case Unit::Day:
            t.label = d.toString(QStringLiteral("d MMM"));
            t.major = d.day() == 1;
            break;
        }
        if (t.x >= -1 && t.x <= m_width + 1) {
            out.append(t);
        }
        d = step(d, u);
    }
    return out;
}

double TimeScale::binDays(double minPixels) const
{
    return std::max(1.0, std::ceil(minPixels / pixelsPerDay()));
}

} // namespace Entente::Core
