#pragma once

#include <QDate>
#include <QList>
#include <QString>

#include <cmath>

namespace Entente::Core {

/// Linear time axis: maps dates to pixels for a visible range, picks ticks that suit the zoom
/// (decades down to days) and bins events when they are too dense to draw one by one. Plain value
/// class with no Qt Gui dependency; the timeline view only draws what it computes.
class TimeScale final
{
public:
    enum class Unit { Decade, Year, Quarter, Month, Week, Day };

    struct Tick
    {
        QDate date;
        double x = 0;
        QString label;
        bool major = false;
    };

    TimeScale() = default;
    TimeScale(QDate from, QDate to, double width);

    /// Days since 1970-01-01 as a real number, the axis' coordinate.
    static double toDays(QDate d) { return static_cast<double>(QDate(1970, 1, 1).daysTo(d)); }
    static QDate fromDays(double days) { return QDate(1970, 1, 1).addDays(static_cast<qint64>(std::floor(days))); }

    double startDays() const { return m_start; }
    double endDays() const { return m_end; }
    double width() const { return m_width; }
    void setWidth(double width) { m_width = width > 1 ? width : 1; }
    void setRange(double startDays, double endDays);

    double x(QDate d) const { return xOfDays(toDays(d)); }
    double xOfDays(double days) const { return (days - m_start) / (m_end - m_start) * m_width; }
    double daysAt(double x) const { return m_start + x / m_width * (m_end - m_start); }
    QDate dateAt(double x) const { return fromDays(daysAt(x)); }
    double pixelsPerDay() const { return m_width / (m_end - m_start); }

    /// Zooms by `factor` (> 1 zooms in) keeping the date under `anchorX` where it is.
    void zoom(double factor, double anchorX);
    /// Pans by `dx` pixels (positive moves the view to earlier dates).
    void pan(double dx);

    /// The tick unit for the current zoom: the finest unit whose ticks stay at least `minSpacing` apart.
    Unit tickUnit(double minSpacing = 60) const;
    QList<Tick> ticks(double minSpacing = 60) const;
    /// Ticks of one unit across the visible range (for minor, unlabelled ticks).
    QList<Tick> ticksOf(Unit unit) const;
    /// The next finer unit (Day stays Day).
    static Unit finer(Unit unit);

    /// Bin width in days so that bins are at least `minPixels` wide.
    double binDays(double minPixels = 4) const;

private:
    double m_start = 0;
    double m_end = 365;
    double m_width = 1000;
};

} // namespace Entente::Core
