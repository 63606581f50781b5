#pragma once

#include <core/domain/event.h>
#include <core/graph/relations.h>

#include <QColor>

namespace Entente::Ui {

/// Colours shared by every view, so an event family looks the same in the reader, the timeline,
/// the graph and the legend.
QColor familyColor(Core::EventFamily family);
QColor typeColor(Core::EventType type);
QColor relationColor(Core::RelationKind kind);
/// A distinct colour for community (bloc) `index`.
QColor blocColor(int index);

} // namespace Entente::Ui
