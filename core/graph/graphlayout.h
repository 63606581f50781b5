#pragma once

#include <QHash>
#include <QList>
#include <QPointF>
#include <QString>

namespace Entente::Core {

/// Layout, blocs and centrality of the actor graph, computed with igraph: Fruchterman–Reingold with a
/// grid above 300 nodes (seeded from previous positions so the picture stays stable as the time window
/// moves), or DrL on request; blocs by Louvain community detection on the weighted graph; weighted degree.
/// Pure computation: safe to run on a worker thread, one instance per thread.
class GraphLayout final
{
public:
    struct Input
    {
        QStringList nodes;
        struct Edge
        {
            int from;
            int to;
            double weight;
        };
        QList<Edge> edges;
        QHash<QString, QPointF> seed;   ///< previous positions by actor code
        QHash<QString, QPointF> pinned; ///< nodes the analyst dragged: kept exactly where they are
        int iterations = 300;
        bool preferDrl = false;         ///< DrL instead of FR (slower: FR with a grid scales to thousands of nodes)
    };
    struct Output
    {
        QHash<QString, QPointF> positions; ///< in a square of side about sqrt(n) * 40
        QHash<QString, int> community;
        QHash<QString, double> strength;   ///< weighted degree
        double modularity = 0;
        QString error;
    };

    static Output compute(const Input &input);
};

} // namespace Entente::Core
