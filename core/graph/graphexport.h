#pragma once

#include <core/domain/result.h>
#include <core/graph/relations.h>
#include <core/storage/database.h>

#include <QHash>
#include <QString>

#include <memory>

namespace Entente::Core {

/// Loads the events of a database into a RelationModel, and writes the actor graph as GraphML,
/// GEXF (dynamic mode with spells, so Gephi's timeline plays it) or JSON.
class GraphExport final
{
public:
    /// All non-rejected, dated events of the database, in date order (ties by id).
    static Result<QList<RelationEvent>> loadEvents(const Database &db);

    struct Options
    {
        QDate asOf;  ///< as-of graph (active relations on this date)
        QDate from;  ///< or a window
        QDate to;
        int windowDays = 365;
        QHash<QString, QString> names; ///< actor code → display name
    };
    static QString graphml(const RelationModel &model, const Options &o);
    static QString gexf(const RelationModel &model, const QList<RelationEvent> &events, const Options &o);
    static QString json(const RelationModel &model, const Options &o);

    /// The edges for the options: as of a date, in a window, or (neither) over all time.
    static QList<RelationEdge> edgesFor(const RelationModel &model, const Options &o);
};

} // namespace Entente::Core
