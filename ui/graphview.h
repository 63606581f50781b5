#pragma once

#include <core/graph/graphlayout.h>
#include <core/graph/relations.h>

#include <QFutureWatcher>
#include <QHash>
#include <QSet>
#include <QWidget>

namespace Entente::Ui {

/// The actor graph: nodes sized by activity and coloured by bloc, edges by relation kind (arrows from
/// guest to host for basing, dashed when only negated or possible events support them). The layout
/// runs on a worker thread (igraph via Core::GraphLayout), seeded from the previous positions.
/// Drag a node to pin it, drag the background to pan, wheel to zoom, click an edge for its events,
/// double-click a node for its ego view.
class GraphView final : public QWidget
{
    Q_OBJECT
public:
    explicit GraphView(QWidget *parent = nullptr);
    ~GraphView() override;

    void setEdges(const QList<Core::RelationEdge> &edges);
    const QList<Core::RelationEdge> &edges() const { return m_edges; }
    void setNames(QHash<QString, QString> names) { m_names = std::move(names); }
    void setEgo(const QString &actor);
    QString ego() const { return m_ego; }
    bool layoutPending() const { return m_watcher.isRunning() || m_relayout; }
    QPointF nodePosition(const QString &actor) const { return m_positions.value(actor); }
    /// Screen position of a node in a widget of `size` (for tests and exports).
    QPointF screenPos(const QString &actor, const QSizeF &size) const;
    QStringList nodes() const { return m_nodes; }
    /// Drawn radius of a node (by its weighted degree).
    double nodeRadius(const QString &actor) const { return radius(actor); }
    void renderTo(QPaintDevice *device, const QSize &size);
    void fitView();

Q_SIGNALS:
    void edgeClicked(const Core::RelationEdge &edge);
    void actorClicked(const QString &actor);
    void layoutFinished();

protected:
    void paintEvent(QPaintEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;

private:
    void startLayout();
    void paint(QPainter &p, const QSizeF &size);
    QTransform transform(const QSizeF &size) const;
    QString nodeAt(const QPointF &pos) const;
    int edgeAt(const QPointF &pos) const;
    double radius(const QString &actor) const;
    QList<Core::RelationEdge> visibleEdges() const;

    QList<Core::RelationEdge> m_edges;
    QStringList m_nodes;
    QHash<QString, QString> m_names;
    QHash<QString, QPointF> m_positions;
    QHash<QString, QPointF> m_pinned;
    QHash<QString, int> m_community;
    QHash<QString, double> m_strength;
    QFutureWatcher<Core::GraphLayout::Output> m_watcher;
    bool m_relayout = false;
    QString m_ego;
    double m_zoom = 1.0;
    QPointF m_pan;
    QString m_dragNode;
    bool m_panning = false;
    QPointF m_pressPos;
    QPointF m_lastPos;
};

} // namespace Entente::Ui
