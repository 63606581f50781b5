#include "postprocess.h"

#include <QSet>

namespace Entente::Core {

QList<Event> removeRepeatedEvents(const QList<Event> &events)
{
    QList<Event> out;
    QSet<QString> seen;
    out.reserve(events.size());
    for (const Event &e : events) {
        const QString key = eventTypeName(e.type) + QLatin1Char('|') + e.source + QLatin1Char('|') + e.target +
                            QLatin1Char('|') + polarityName(e.polarity) + QLatin1Char('|') +
                            modalityName(e.modality) + QLatin1Char('|') + e.sentence.simplified();
        if (seen.contains(key)) {
            continue;
        }
        seen.insert(key);
        out.append(e);
    }
    return out;
}

} // namespace Entente::Core
