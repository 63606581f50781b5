#pragma once

#include <core/graph/timelinedata.h>
#include <core/graph/timescale.h>

#include <QWidget>

#include <memory>

namespace Entente::Ui {

/// The zoomable timeline: lanes of event glyphs over a time axis with adaptive ticks; dense stretches
/// drawn as bins with counts; relation intervals as bars in pair lanes. Wheel zooms around the
/// cursor, drag pans, Shift+drag brushes a time range, click selects an event, hover shows it.
/// All maths lives in Core::TimeScale and Core::TimelineData; this widget only draws and takes input.
class TimelineView final : public QWidget
{
    Q_OBJECT
public:
    explicit TimelineView(QWidget *parent = nullptr);

    void setData(std::shared_ptr<const Core::TimelineData> data);
    const Core::TimelineData *data() const { return m_data.get(); }
    Core::TimeScale &scale() { return m_scale; }
    const Core::TimeScale &scale() const { return m_scale; }
    void fitAll();
    void setSelectedEvent(qint64 id);
    qint64 selectedEvent() const { return m_selected; }
    /// A tooltip text provider for event ids (the sentence and summary).
    void setDescriber(std::function<QString(qint64)> describer) { m_describer = std::move(describer); }
    QPair<QDate, QDate> brushedRange() const;
    void clearBrush();
    /// Renders the current view at the given size (for PNG/SVG export and tests).
    void renderTo(QPaintDevice *device, const QSize &size);

    static constexpr int kAxisHeight = 34;
    static constexpr int kLabelWidth = 130;
    static constexpr int kLaneHeight = 22;

Q_SIGNALS:
    void eventClicked(qint64 eventId);
    void rangeBrushed(QDate from, QDate to);
    void viewChanged();

protected:
    void paintEvent(QPaintEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    bool event(QEvent *event) override;

private:
    void paint(QPainter &p, const QSize &size);
    int laneAt(double y) const;
    qint64 eventAtPos(const QPointF &pos) const;

    std::shared_ptr<const Core::TimelineData> m_data;
    Core::TimeScale m_scale;
    std::function<QString(qint64)> m_describer;
    qint64 m_selected = 0;
    int m_scrollLane = 0;
    bool m_dragging = false;
    bool m_brushing = false;
    QPointF m_pressPos;
    QPointF m_lastPos;
    double m_brushStart = 0;
    double m_brushEnd = 0;
    bool m_hasBrush = false;
};

} // namespace Entente::Ui
