#include "graphview.h"

#include <ui/palette.h>

#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QtConcurrent/QtConcurrentRun>
#include <QWheelEvent>

#include <cmath>

namespace Entente::Ui {

using Core::RelationEdge;
using Core::RelationKind;

GraphView::GraphView(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("graphView"));
    setMouseTracking(true);
    setMinimumSize(300, 200);
    connect(&m_watcher, &QFutureWatcher<Core::GraphLayout::Output>::finished, this, [this] {
        const auto out = m_watcher.result();
        for (auto it = out.positions.cbegin(); it != out.positions.cend(); ++it) {
            if (!m_pinned.contains(it.key())) {
                m_positions.insert(it.key(), it.value());
            }
        }
        m_community = out.community;
        m_strength = out.strength;
        if (m_relayout) {
            m_relayout = false;
            startLayout();
            return;
        }
        update();
        Q_EMIT layoutFinished();
    });
}

GraphView::~GraphView()
{
    m_watcher.waitForFinished();
}

QList<RelationEdge> GraphView::visibleEdges() const
{
    if (m_ego.isEmpty()) {
        return m_edges;
    }
    QList<RelationEdge> out;
    for (const RelationEdge &e : m_edges) {
        if (e.a == m_ego || e.b == m_ego) {
            out.append(e);
        }
    }
    return out;
}

void GraphView::setEdges(const QList<RelationEdge> &edges)
{
    m_edges = edges;
    QSet<QString> set;
    for (const RelationEdge &e : visibleEdges()) {
        set.insert(e.a);
        set.insert(e.b);
    }
    m_nodes = QStringList(set.begin(), set.end());
    m_nodes.sort();
    startLayout();
    update();
}

void GraphView::setEgo(const QString &actor)
{
    m_ego = actor;
    setEdges(m_edges);
}

void GraphView::startLayout()
{
    if (m_watcher.isRunning()) {
        m_relayout = true;
        return;
    }
    Core::GraphLayout::Input in;
    in.nodes = m_nodes;
    QHash<QString, int> index;
    for (int i = 0; i < m_nodes.size(); ++i) {
        index.insert(m_nodes.at(i), i);
    }
    for (const RelationEdge &e : visibleEdges()) {
        // Alliances pull blocs together most; hostility least.
        double w = std::max(1, e.supporting);
        if (e.kind == RelationKind::Alliance) {
            w *= 3;
        } else if (e.kind == RelationKind::Hostility) {
            w *= 0.3;
        }
        in.edges.append({index.value(e.a), index.value(e.b), w});
    }
    in.seed = m_positions;
    in.pinned = m_pinned;
    m_watcher.setFuture(QtConcurrent::run([in] { return Core::GraphLayout::compute(in); }));
}

double GraphView::radius(const QString &actor) const
{
    return std::min(22.0, 4 + 1.6 * std::sqrt(m_strength.value(actor, 1.0)));
}

QTransform GraphView::transform(const QSizeF &size) const
{
    double minX = 0;
    double maxX = 1;
    double minY = 0;
    double maxY = 1;
    bool first = true;
    for (const QString &n : m_nodes) {
        const QPointF p = m_positions.value(n);
        if (first) {
            minX = maxX = p.x();
            minY = maxY = p.y();
            first = false;
        }
        minX = std::min(minX, p.x());
        maxX = std::max(maxX, p.x());
        minY = std::min(minY, p.y());
        maxY = std::max(maxY, p.y());
    }
    const double w = std::max(1.0, maxX - minX);
    const double h = std::max(1.0, maxY - minY);
    const double s = std::min((size.width() - 80) / w, (size.height() - 80) / h) * m_zoom;
    QTransform t;
    t.translate(size.width() / 2 + m_pan.x(), size.height() / 2 + m_pan.y());
    t.scale(s, s);
    t.translate(-(minX + maxX) / 2, -(minY + maxY) / 2);
    return t;
}

QPointF GraphView::screenPos(const QString &actor, const QSizeF &size) const
{
    return transform(size).map(m_positions.value(actor));
}

void GraphView::fitView()
{
    m_zoom = 1.0;
    m_pan = {};
    update();
}

void GraphView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    paint(p, size());
}

void GraphView::renderTo(QPaintDevice *device, const QSize &size)
{
    QPainter p(device);
    paint(p, size);
}

void GraphView::paint(QPainter &p, const QSizeF &size)
{
    p.fillRect(QRectF(QPointF(0, 0), size), palette().color(QPalette::Base));
    p.setRenderHint(QPainter::Antialiasing, true);
    if (m_nodes.isEmpty()) {
        p.setPen(palette().color(QPalette::Text));
        p.drawText(QRectF(QPointF(0, 0), size), Qt::AlignCenter,
                   QStringLiteral("No relations in this period.\nMove the “as of” slider or widen the window."));
        return;
    }
    const QTransform t = transform(size);
    // Edges: parallel relations between one pair are bent apart so each stays visible.
    QHash<QString, int> pairCount;
    for (const RelationEdge &e : visibleEdges()) {
        if (!m_positions.contains(e.a) || !m_positions.contains(e.b)) {
            continue;
        }
        const QString pk = e.a < e.b ? e.a + e.b : e.b + e.a;
        const int k = pairCount[pk]++;
        const QPointF a = t.map(m_positions.value(e.a));
        const QPointF b = t.map(m_positions.value(e.b));
        QColor c = relationColor(e.kind);
        c.setAlpha(e.tentative ? 150 : 210);
        QPen pen(c, std::min(1.2 + std::log1p(e.supporting), 6.0));
        if (e.tentative) {
            pen.setStyle(Qt::DashLine);
        }
        p.setPen(pen);
        p.setBrush(Qt::NoBrush);
        const QPointF mid = (a + b) / 2;
        const QPointF d = b - a;
        const double len = std::hypot(d.x(), d.y());
        if (len < 1) {
            continue;
        }
        const QPointF normal(-d.y() / len, d.x() / len);
        const double bend = (k == 0 ? 0 : ((k % 2 == 1) ? 1 : -1) * (18.0 * ((k + 1) / 2)));
        const QPointF ctrl = mid + normal * bend;
        QPainterPath path(a);
        path.quadTo(ctrl, b);
        p.drawPath(path);
        if (e.directed) {
            // Arrow head at the target's rim.
            const double rb = radius(e.b) * std::sqrt(std::abs(t.m11()) > 0 ? 1.0 : 1.0);
            const QPointF dir = (b - ctrl) / std::max(1.0, std::hypot((b - ctrl).x(), (b - ctrl).y()));
            const QPointF tip = b - dir * rb;
            const QPointF left = tip - dir * 10 + QPointF(-dir.y(), dir.x()) * 5;
            const QPointF right = tip - dir * 10 - QPointF(-dir.y(), dir.x()) * 5;
            p.setPen(Qt::NoPen);
            p.setBrush(c);
            p.drawPolygon(QPolygonF({tip, left, right}));
        }
    }
    // Nodes.
    QFont f = font();
    f.setBold(true);
    p.setFont(f);
    for (const QString &n : m_nodes) {
        const QPointF c = t.map(m_positions.value(n));
        const double r = radius(n);
        p.setPen(QPen(m_pinned.contains(n) ? palette().color(QPalette::Highlight) : QColor(60, 60, 60),
                      m_pinned.contains(n) ? 2.5 : 1));
        p.setBrush(blocColor(m_community.value(n)));
        p.drawEllipse(c, r, r);
        p.setPen(palette().color(QPalette::Text));
        p.drawText(QRectF(c.x() - 60, c.y() + r + 1, 120, 16), Qt::AlignHCenter | Qt::AlignTop, n);
    }
    // Legend.
    QFont lf = font();
    lf.setPointSizeF(std::max(7.0, font().pointSizeF() * 0.85));
    p.setFont(lf);
    int y = 8;
    for (RelationKind k : {RelationKind::Alliance, RelationKind::Basing, RelationKind::Hostility,
                           RelationKind::Diplomacy, RelationKind::Cooperation}) {
        p.setPen(QPen(relationColor(k), 3));
        p.drawLine(QPointF(8, y + 6), QPointF(30, y + 6));
        p.setPen(palette().color(QPalette::Text));
        p.drawText(QPointF(36, y + 10), Core::relationKindName(k));
        y += 16;
    }
    if (!m_ego.isEmpty()) {
        p.drawText(QPointF(8, y + 12), QStringLiteral("ego view: %1 (double-click to leave)").arg(m_ego));
    }
}

QString GraphView::nodeAt(const QPointF &pos) const
{
    const QTransform t = transform(size());
    for (const QString &n : m_nodes) {
        const QPointF c = t.map(m_positions.value(n));
        if (std::hypot(c.x() - pos.x(), c.y() - pos.y()) <= radius(n) + 2) {
            return n;
        }
    }
    return {};
}

int GraphView::edgeAt(const QPointF &pos) const
{
    const QTransform t = transform(size());
    int best = -1;
    double bestDist = 6;
    const QList<RelationEdge> edges = visibleEdges();
    for (int i = 0; i < edges.size(); ++i) {
        const QPointF a = t.map(m_positions.value(edges.at(i).a));
        const QPointF b = t.map(m_positions.value(edges.at(i).b));
        const QPointF d = b - a;
        const double len2 = d.x() * d.x() + d.y() * d.y();
        if (len2 < 1) {
            continue;
        }
        const double u = std::clamp(((pos - a).x() * d.x() + (pos - a).y() * d.y()) / len2, 0.0, 1.0);
        const QPointF proj = a + d * u;
        const double dist = std::hypot(pos.x() - proj.x(), pos.y() - proj.y());
        if (dist < bestDist) {
            bestDist = dist;
            best = i;
        }
    }
    return best;
}

void GraphView::wheelEvent(QWheelEvent *event)
{
    m_zoom = std::clamp(m_zoom * std::pow(1.0015, event->angleDelta().y()), 0.2, 20.0);
    update();
}

void GraphView::mousePressEvent(QMouseEvent *event)
{
    m_pressPos = event->position();
    m_lastPos = event->position();
    m_dragNode = nodeAt(event->position());
    m_panning = m_dragNode.isEmpty();
}

void GraphView::mouseMoveEvent(QMouseEvent *event)
{
    if (event->buttons() & Qt::LeftButton) {
        if (!m_dragNode.isEmpty()) {
            const QTransform inv = transform(size()).inverted();
            const QPointF world = inv.map(event->position());
            m_positions.insert(m_dragNode, world);
            m_pinned.insert(m_dragNode, world);
            update();
        } else if (m_panning) {
            m_pan += event->position() - m_lastPos;
            update();
        }
    } else {
        const QString n = nodeAt(event->position());
        setToolTip(n.isEmpty() ? QString()
                               : QStringLiteral("%1 — %2").arg(n, m_names.value(n, n)));
    }
    m_lastPos = event->position();
}

void GraphView::mouseReleaseEvent(QMouseEvent *event)
{
    const bool click = (event->position() - m_pressPos).manhattanLength() < 4;
    if (click) {
        if (!m_dragNode.isEmpty()) {
            Q_EMIT actorClicked(m_dragNode);
        } else {
            const int e = edgeAt(event->position());
            if (e >= 0) {
                Q_EMIT edgeClicked(visibleEdges().at(e));
            }
        }
    }
    m_dragNode.clear();
    m_panning = false;
}

void GraphView::mouseDoubleClickEvent(QMouseEvent *event)
{
    const QString n = nodeAt(event->position());
    setEgo(n == m_ego ? QString() : n);
}

} // namespace Entente::Ui
