#pragma once

#include <core/domain/datepoint.h>

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

namespace Entente::Core {

/// The event types of the product's event model (product.md, "The event model").
enum class EventType {
    AllianceFormed,
    AllianceMembership,
    AllianceStrengthened,
    AllianceEnded,
    MilitaryCooperation,
    BasingGranted,
    BasingDeployed,
    BasingEnded,
    Strike,
    MeetingVisit,
    StatementSupport,
    StatementCriticism,
};

enum class EventFamily { Alliance, Cooperation, Basing, Conflict, Diplomacy };
enum class Polarity { Asserted, Negated };
enum class Modality { Actual, Possible, Planned };
enum class ReviewStatus { Auto, Confirmed, Rejected, Edited, Manual };

QString eventTypeName(EventType t);
std::optional<EventType> eventTypeFromName(const QString &name);
QList<EventType> allEventTypes();
EventFamily eventFamily(EventType t);
QString eventFamilyName(EventFamily f);
/// CAMEO code used in exports (the first listed in product.md).
QString cameoCode(EventType t);
/// True for types where source and target have no order (alliance_formed/strengthened/ended).
bool isUndirected(EventType t);

QString polarityName(Polarity p);
Polarity polarityFromName(const QString &name);
QString modalityName(Modality m);
Modality modalityFromName(const QString &name);
QString reviewStatusName(ReviewStatus s);
std::optional<ReviewStatus> reviewStatusFromName(const QString &name);

/// One coded event. `spanStart`/`spanEnd` are character offsets (UTF-16 code units, as QString
/// indexes) into the article's cleaned text. Value type.
struct Event
{
    qint64 id = 0;
    qint64 articleId = 0;
    qsizetype spanStart = 0;
    qsizetype spanEnd = 0;
    QString sentence;
    EventType type = EventType::MeetingVisit;
    QString source;
    QString sourceRole;
    QString target;
    QString targetRole;
    QString location;
    DatePoint date;
    Polarity polarity = Polarity::Asserted;
    Modality modality = Modality::Actual;
    QString attributedTo;
    double confidence = 0.5;
    ReviewStatus status = ReviewStatus::Auto;
    /// Provenance: the pattern id and the dictionary entries that produced the event.
    QString pattern;
    QStringList dictionaryEntries;
    QDateTime createdAt;
    QDateTime updatedAt;

    /// Identity of an automatic event across re-extractions (type, actors, sentence start), used to
    /// keep a rejected event from coming back.
    QString fingerprint() const;
};

} // namespace Entente::Core
