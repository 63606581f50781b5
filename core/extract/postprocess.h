#pragma once

#include <core/domain/event.h>

namespace Entente::Core {

/// Drops events that repeat an earlier event of the same article word for word: the same type,
/// actors, polarity and modality coded from an identical sentence (captions and pull quotes that a
/// page prints several times). The first occurrence is kept. Pure function; thread-safe.
QList<Event> removeRepeatedEvents(const QList<Event> &events);

} // namespace Entente::Core
