#include "event.h"

#include <array>

namespace Entente::Core {

namespace {
struct TypeInfo
{
    EventType type;
    const char *name;
    EventFamily family;
    const char *cameo;
    bool undirected;
};

constexpr std::array<TypeInfo, 12> kTypes{{
    {EventType::AllianceFormed, "alliance_formed", EventFamily::Alliance, "057", true},
    {EventType::AllianceMembership, "alliance_membership", EventFamily::Alliance, "057", false},
    {EventType::AllianceStrengthened, "alliance_strengthened", EventFamily::Alliance, "051", true},
    {EventType::AllianceEnded, "alliance_ended", EventFamily::Alliance, "161", true},
    {EventType::MilitaryCooperation, "military_cooperation", EventFamily::Cooperation, "062", false},
    {EventType::BasingGranted, "basing_granted", EventFamily::Basing, "062", false},
    {EventType::BasingDeployed, "basing_deployed", EventFamily::Basing, "062", false},
    {EventType::BasingEnded, "basing_ended", EventFamily::Basing, "166", false},
    {EventType::Strike, "strike", EventFamily::Conflict, "195", false},
    {EventType::MeetingVisit, "meeting_visit", EventFamily::Diplomacy, "042", false},
    {EventType::StatementSupport, "statement_support", EventFamily::Diplomacy, "051", false},
    {EventType::StatementCriticism, "statement_criticism", EventFamily::Diplomacy, "111", false},
}};

const TypeInfo &info(EventType t)
{
    return kTypes[static_cast<size_t>(t)];
}
} // namespace

QString eventTypeName(EventType t)
{
    return QLatin1String(info(t).name);
}

std::optional<EventType> eventTypeFromName(const QString &name)
{
    for (const auto &i : kTypes) {
        if (name == QLatin1String(i.name)) {
            return i.type;
        }
    }
    return std::nullopt;
}

QList<EventType> allEventTypes()
{
    QList<EventType> out;
    for (const auto &i : kTypes) {
        out.append(i.type);
    }
    return out;
}

EventFamily eventFamily(EventType t)
{
    return info(t).family;
}

QString eventFamilyName(EventFamily f)
{
    switch (f) {
    case EventFamily::Alliance:
        return QStringLiteral("alliance");
    case EventFamily::Cooperation:
        return QStringLiteral("cooperation");
    case EventFamily::Basing:
        return QStringLiteral("basing");
    case EventFamily::Conflict:
        return QStringLiteral("conflict");
    case EventFamily::Diplomacy:
        return QStringLiteral("diplomacy");
    }
    return {};
}

QString cameoCode(EventType t)
{
    return QLatin1String(info(t).cameo);
}

bool isUndirected(EventType t)
{
    return info(t).undirected;
}

QString polarityName(Polarity p)
{
    return p == Polarity::Negated ? QStringLiteral("negated") : QStringLiteral("asserted");
}

Polarity polarityFromName(const QString &name)
{
    return name == QLatin1String("negated") ? Polarity::Negated : Polarity::Asserted;
}

QString modalityName(Modality m)
{
    switch (m) {
    case Modality::Possible:
        return QStringLiteral("possible");
    case Modality::Planned:
        return QStringLiteral("planned");
    case Modality::Actual:
        break;
    }
    return QStringLiteral("actual");
}

Modality modalityFromName(const QString &name)
{
    if (name == QLatin1String("possible")) {
        return Modality::Possible;
    }
    if (name == QLatin1String("planned")) {
        return Modality::Planned;
    }
    return Modality::Actual;
}

QString reviewStatusName(ReviewStatus s)
{
    switch (s) {
    case ReviewStatus::Confirmed:
        return QStringLiteral("confirmed");
    case ReviewStatus::Rejected:
        return QStringLiteral("rejected");
    case ReviewStatus::Edited:
        return QStringLiteral("edited");
    case ReviewStatus::Manual:
        return QStringLiteral("manual");
    case ReviewStatus::Auto:
        break;
    }
    return QStringLiteral("auto");
}

std::optional<ReviewStatus> reviewStatusFromName(const QString &name)
{
    for (auto s : {ReviewStatus::Auto, ReviewStatus::Confirmed, ReviewStatus::Rejected, ReviewStatus::Edited,
                   ReviewStatus::Manual}) {
        if (reviewStatusName(s) == name) {
            return s;
        }
    }
    return std::nullopt;
}

QString Event::fingerprint() const
{
    return eventTypeName(type) + QLatin1Char('|') + source + QLatin1Char('|') + target + QLatin1Char('|') +
           QString::number(spanStart);
}

} // namespace Entente::Core
