#include "timelineview.h"

#include <ui/palette.h>

#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QSet>
#include <QToolTip>
#include <QWheelEvent>

#include <cmath>
#include <vector>

namespace Entente::Ui {

using Core::TimelineData;
using Core::TimeScale;

namespace {

constexpr double kGlyphHalf = 7;

/// An event glyph (a diamond in the type's colour; hollow and dashed when negated or not actual),
/// rendered once and then blitted: rasterising an antialiased path per event is what made dense
/// views slow.
const QImage &glyph(quint8 type, bool tentative, const QColor &base, qreal dpr)
{
    static QHash<quint64, QImage> cache;
    const quint64 key = (quint64(base.rgba()) << 24) ^ (quint64(qRound(dpr * 100)) << 8) ^ (quint64(type) << 1) ^
                        (tentative ? 1U : 0U);
    auto it = cache.find(key);
    if (it == cache.end()) {
        const int side = static_cast<int>(std::ceil(2 * kGlyphHalf * dpr));
        QImage img(side, side, QImage::Format_ARGB32_Premultiplied);
        img.setDevicePixelRatio(dpr);
        img.fill(Qt::transparent);
        QPainter gp(&img);
        gp.setRenderHint(QPainter::Antialiasing, true);
        const QColor c = typeColor(static_cast<Core::EventType>(type));
        QPen pen(c, 1.5);
        if (tentative) {
            pen.setStyle(Qt::DashLine);
        }
        gp.setPen(pen);
        gp.setBrush(tentative ? QBrush(base) : QBrush(c));
        const double m = kGlyphHalf;
        QPainterPath diamond;
        diamond.moveTo(m, m - 6);
        diamond.lineTo(m + 5, m);
        diamond.lineTo(m, m + 6);
        diamond.lineTo(m - 5, m);
        diamond.closeSubpath();
        gp.drawPath(diamond);
        gp.end();
        it = cache.insert(key, img);
    }
    return *it;
}

} // namespace

TimelineView::TimelineView(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("timelineView"));
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setMinimumSize(300, 150);
    setAttribute(Qt::WA_OpaquePaintEvent);
    m_scale = TimeScale(QDate(1990, 1, 1), QDate(2025, 12, 31), 800);
}

void TimelineView::setData(std::shared_ptr<const TimelineData> data)
{
    const bool first = !m_data || m_data->eventCount() == 0;
    m_data = std::move(data);
    m_scrollLane = 0;
    if (first) {
        fitAll();
    }
    update();
}

void TimelineView::fitAll()
{
    m_scale.setWidth(std::max(1, width() - kLabelWidth));
    if (m_data && m_data->eventCount() > 0) {
        const double pad = std::max(30.0, (m_data->lastDay() - m_data->firstDay()) * 0.04);
        m_scale.setRange(m_data->firstDay() - pad, m_data->lastDay() + pad);
    }
    update();
    Q_EMIT viewChanged();
}

void TimelineView::setSelectedEvent(qint64 id)
{
    m_selected = id;
    update();
}

QPair<QDate, QDate> TimelineView::brushedRange() const
{
    if (!m_hasBrush) {
        return {};
    }
    const double a = std::min(m_brushStart, m_brushEnd);
    const double b = std::max(m_brushStart, m_brushEnd);
    return {TimeScale::fromDays(a), TimeScale::fromDays(b)};
}

void TimelineView::clearBrush()
{
    m_hasBrush = false;
    update();
}

void TimelineView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    m_scale.setWidth(std::max(1, width() - kLabelWidth));
}

void TimelineView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    paint(p, size());
}

void TimelineView::renderTo(QPaintDevice *device, const QSize &size)
{
    const double oldWidth = m_scale.width();
    m_scale.setWidth(std::max(1, size.width() - kLabelWidth));
    QPainter p(device);
    paint(p, size);
    p.end();
    m_scale.setWidth(oldWidth);
}

void TimelineView::paint(QPainter &p, const QSize &size)
{
    p.fillRect(QRect(QPoint(0, 0), size), palette().color(QPalette::Base));
    p.setRenderHint(QPainter::Antialiasing, true);
    const QColor text = palette().color(QPalette::Text);
    const QColor grid = palette().color(QPalette::Mid);
    const int plotLeft = kLabelWidth;
    const int plotWidth = size.width() - plotLeft;

    // Axis with ticks.
    QFont small = font();
    small.setPointSizeF(std::max(7.0, font().pointSizeF() * 0.85));
    p.setFont(small);
    // Minor ticks of the next finer unit where they stay apart, then labelled major ticks.
    const TimeScale::Unit major = m_scale.tickUnit(70);
    const TimeScale::Unit minor = TimeScale::finer(major);
    if (minor != major) {
        const auto minorTicks = m_scale.ticksOf(minor);
        if (minorTicks.size() > 1 && minorTicks.at(1).x - minorTicks.at(0).x >= 6) {
            p.setPen(QPen(grid.lighter(125), 1));
            for (const auto &t : minorTicks) {
                p.drawLine(QPointF(plotLeft + t.x, kAxisHeight - 4), QPointF(plotLeft + t.x, kAxisHeight));
            }
        }
    }
    const auto ticks = m_scale.ticksOf(major);
    for (const auto &t : ticks) {
        const double x = plotLeft + t.x;
        p.setPen(QPen(t.major ? grid.darker(120) : grid.lighter(115), 1));
        p.drawLine(QPointF(x, kAxisHeight - 6), QPointF(x, size.height()));
        p.setPen(text);
        p.drawText(QRectF(x + 3, 4, 120, kAxisHeight - 10), Qt::AlignLeft | Qt::AlignVCenter, t.label);
    }
    p.setPen(grid);
    p.drawLine(QPointF(plotLeft, kAxisHeight), QPointF(size.width(), kAxisHeight));

    if (!m_data || m_data->eventCount() == 0) {
        p.setPen(text);
        p.drawText(QRect(plotLeft, kAxisHeight, plotWidth, size.height() - kAxisHeight), Qt::AlignCenter,
                   QStringLiteral("No dated events yet. Import articles to fill the timeline."));
        return;
    }

    const double from = m_scale.startDays();
    const double to = m_scale.endDays();
    const double binDays = m_scale.binDays(5);
    const double ppd = m_scale.pixelsPerDay();
    const int lanes = static_cast<int>(m_data->lanes().size());
    const int visibleLanes = (size.height() - kAxisHeight) / kLaneHeight + 1;
    for (int row = 0; row < visibleLanes && m_scrollLane + row < lanes; ++row) {
        const int lane = m_scrollLane + row;
        const auto &l = m_data->lanes().at(lane);
        const double y0 = kAxisHeight + row * kLaneHeight;
        const double cy = y0 + kLaneHeight / 2.0;
        if (row % 2 == 1) {
            p.fillRect(QRectF(0, y0, size.width(), kLaneHeight), palette().color(QPalette::AlternateBase));
        }
        p.setPen(text);
        p.drawText(QRectF(4, y0, plotLeft - 8, kLaneHeight), Qt::AlignLeft | Qt::AlignVCenter,
                   p.fontMetrics().elidedText(l.key, Qt::ElideRight, plotLeft - 8));
        p.save();
        p.setClipRect(QRectF(plotLeft, y0, plotWidth, kLaneHeight));
        // Relation intervals as bars.
        for (const auto &iv : l.intervals) {
            const double x0 = plotLeft + m_scale.x(iv.start);
            const double x1 = plotLeft + (iv.end.isValid() ? m_scale.x(iv.end) : plotWidth + 10.0);
            QColor c = relationColor(iv.kind);
            c.setAlpha(70);
            p.setPen(Qt::NoPen);
            p.setBrush(c);
            p.drawRoundedRect(QRectF(x0, y0 + 4, std::max(2.0, x1 - x0), kLaneHeight - 8), 3, 3);
        }
        const auto range = m_data->visibleRange(lane, from, to);
        const auto &items = l.items;
        // Level of detail: more events in view than a third of the pixels → bins with counts. The range
        // also holds earlier events that may reach into the view (imprecise dates are spans), so count
        // what really overlaps it, stopping at the limit.
        const qsizetype limit = plotWidth / 3;
        qsizetype visible = 0;
        for (qsizetype i = range.first; i < range.second && visible <= limit; ++i) {
            if (items.at(i).end + 1 >= from) {
                ++visible;
            }
        }
        if (visible > limit) {
            const auto bins = m_data->bins(lane, from, to, binDays);
            int maxCount = 1;
            for (const auto &b : bins) {
                maxCount = std::max(maxCount, b.count);
            }
            p.setRenderHint(QPainter::Antialiasing, false);
            p.setPen(Qt::NoPen);
            for (const auto &b : bins) {
                const double x0 = plotLeft + m_scale.xOfDays(b.start);
                const double w = std::max(1.0, (b.end - b.start) * ppd - 1);
                const double h = 3 + (kLaneHeight - 7) * std::sqrt(static_cast<double>(b.count) / maxCount);
                p.setBrush(typeColor(static_cast<Core::EventType>(b.dominantType)));
                p.drawRect(QRectF(x0, cy - h / 2, w, h));
            }
            p.setRenderHint(QPainter::Antialiasing, true);
        } else {
            // Each glyph is drawn once per pixel column and kind, each span once per pixel extent and
            // kind: a thousand events on one day or one "March 2017" look the same as one, at a
            // fraction of the cost.
            std::vector<quint32> drawnAt(static_cast<size_t>(std::max(0, plotWidth)) + 16, 0);
            QSet<quint64> spansDrawn;
            QPointF selectedAt(-1, -1);
            for (qsizetype i = range.first; i < range.second; ++i) {
                const auto &it = items.at(i);
                if (it.end + 1 < from || it.start > to) {
                    continue;
                }
                const double x0 = plotLeft + m_scale.xOfDays(it.start);
                const double x1 = plotLeft + m_scale.xOfDays(it.end + 1);
                const int kind = std::min<int>(it.type, 11) * 2 + (it.tentative ? 1 : 0);
                const QColor c = typeColor(static_cast<Core::EventType>(it.type));
                if (x1 - x0 > 6) {
                    // An imprecise date is a span over its precision (clipped to the plot before drawing).
                    const int sx0 = static_cast<int>(std::floor(std::max(x0, plotLeft - 8.0)));
                    const int sx1 = static_cast<int>(std::ceil(std::min(x1, plotLeft + plotWidth + 8.0)));
                    const quint64 key = (quint64(quint32(sx0)) << 32) ^ (quint64(quint32(sx1)) << 5) ^ quint64(kind);
                    if (!spansDrawn.contains(key)) {
                        spansDrawn.insert(key);
                        QPen pen(c, 1.5);
                        if (it.tentative) {
                            pen.setStyle(Qt::DashLine);
                        }
                        QColor fill = c;
                        fill.setAlpha(it.tentative ? 0 : 60);
                        p.setPen(pen);
                        p.setBrush(fill);
                        p.drawRoundedRect(QRectF(std::max(x0, plotLeft - 8.0), cy - 5,
                                                 std::min(x1, plotLeft + plotWidth + 8.0) - std::max(x0, plotLeft - 8.0), 10),
                                          4, 4);
                    }
                }
                const double cx = x1 - x0 > 6 ? (x0 + x1) / 2 : x0;
                if (it.id == m_selected) {
                    selectedAt = QPointF(cx, cy);
                }
                const int column = static_cast<int>(cx - plotLeft) + 8;
                if (column < 0 || column >= static_cast<int>(drawnAt.size())) {
                    continue;
                }
                if ((drawnAt[static_cast<size_t>(column)] & (1U << kind)) != 0 && it.id != m_selected) {
                    continue;
                }
                drawnAt[static_cast<size_t>(column)] |= 1U << kind;
                const QImage &g = glyph(it.type, it.tentative, palette().color(QPalette::Base),
                                        p.device()->devicePixelRatioF());
                p.drawImage(QPointF(cx - kGlyphHalf, cy - kGlyphHalf), g);
            }
            if (selectedAt.x() >= 0) {
                p.setPen(QPen(palette().color(QPalette::Highlight), 2));
                p.setBrush(Qt::NoBrush);
                p.drawEllipse(selectedAt, 9, 9);
            }
        }
        p.restore();
    }
    if (m_hasBrush) {
        const double a = plotLeft + m_scale.xOfDays(std::min(m_brushStart, m_brushEnd));
        const double b = plotLeft + m_scale.xOfDays(std::max(m_brushStart, m_brushEnd));
        QColor c = palette().color(QPalette::Highlight);
        c.setAlpha(50);
        p.fillRect(QRectF(a, kAxisHeight, b - a, size.height() - kAxisHeight), c);
    }
    if (lanes > visibleLanes) {
        p.setPen(text);
        p.fillRect(QRectF(0, size.height() - 16, plotLeft, 16), palette().color(QPalette::Base));
        p.drawText(QRectF(4, size.height() - 16, plotLeft, 14), Qt::AlignLeft,
                   QStringLiteral("lanes %1–%2 of %3").arg(m_scrollLane + 1).arg(std::min(lanes, m_scrollLane + visibleLanes)).arg(lanes));
    }
}

int TimelineView::laneAt(double y) const
{
    if (!m_data || y < kAxisHeight) {
        return -1;
    }
    const int lane = m_scrollLane + static_cast<int>((y - kAxisHeight) / kLaneHeight);
    return lane < m_data->lanes().size() ? lane : -1;
}

qint64 TimelineView::eventAtPos(const QPointF &pos) const
{
    const int lane = laneAt(pos.y());
    if (lane < 0 || pos.x() < kLabelWidth) {
        return 0;
    }
    const double day = m_scale.daysAt(pos.x() - kLabelWidth);
    return m_data->eventAt(lane, day, 6 / m_scale.pixelsPerDay());
}

void TimelineView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ShiftModifier || event->angleDelta().y() == 0) {
        if (m_data) {
            const int step = event->angleDelta().y() != 0 ? event->angleDelta().y() : event->angleDelta().x();
            m_scrollLane = std::clamp(m_scrollLane - step / 120, 0,
                                      std::max(0, static_cast<int>(m_data->lanes().size()) - 1));
            update();
        }
        return;
    }
    const double factor = std::pow(1.0015, event->angleDelta().y());
    m_scale.zoom(factor, event->position().x() - kLabelWidth);
    update();
    Q_EMIT viewChanged();
    event->accept();
}

void TimelineView::mousePressEvent(QMouseEvent *event)
{
    m_pressPos = event->position();
    m_lastPos = event->position();
    if (event->button() == Qt::LeftButton) {
        if (event->modifiers() & Qt::ShiftModifier || event->position().y() < kAxisHeight) {
            m_brushing = true;
            m_brushStart = m_scale.daysAt(event->position().x() - kLabelWidth);
            m_brushEnd = m_brushStart;
            m_hasBrush = true;
        } else {
            m_dragging = true;
        }
    }
}

void TimelineView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_brushing) {
        m_brushEnd = m_scale.daysAt(event->position().x() - kLabelWidth);
        update();
    } else if (m_dragging) {
        m_scale.pan(event->position().x() - m_lastPos.x());
        const int dyLanes = static_cast<int>((m_pressPos.y() - event->position().y()) / kLaneHeight);
        Q_UNUSED(dyLanes)
        update();
        Q_EMIT viewChanged();
    }
    m_lastPos = event->position();
}

void TimelineView::mouseReleaseEvent(QMouseEvent *event)
{
    const bool click = (event->position() - m_pressPos).manhattanLength() < 4;
    if (m_brushing) {
        m_brushing = false;
        if (click) {
            m_hasBrush = false;
            update();
            Q_EMIT rangeBrushed(QDate(), QDate());
        } else {
            const auto r = brushedRange();
            Q_EMIT rangeBrushed(r.first, r.second);
        }
    } else if (m_dragging) {
        m_dragging = false;
        if (click) {
            const qint64 id = eventAtPos(event->position());
            if (id > 0) {
                m_selected = id;
                update();
                Q_EMIT eventClicked(id);
            }
        }
    }
}

void TimelineView::keyPressEvent(QKeyEvent *event)
{
    const double centre = m_scale.width() / 2;
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        m_scale.zoom(1.5, centre);
        break;
    case Qt::Key_Minus:
        m_scale.zoom(1 / 1.5, centre);
        break;
    case Qt::Key_Left:
        m_scale.pan(m_scale.width() / 8);
        break;
    case Qt::Key_Right:
        m_scale.pan(-m_scale.width() / 8);
        break;
    case Qt::Key_Home:
    case Qt::Key_0:
        fitAll();
        return;
    case Qt::Key_Escape:
        clearBrush();
        Q_EMIT rangeBrushed(QDate(), QDate());
        return;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    update();
    Q_EMIT viewChanged();
}

bool TimelineView::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const qint64 id = eventAtPos(help->pos());
        if (id > 0 && m_describer) {
            QToolTip::showText(help->globalPos(), m_describer(id), this);
        } else {
            QToolTip::hideText();
            event->ignore();
        }
        return true;
    }
    return QWidget::event(event);
}

} // namespace Entente::Ui
