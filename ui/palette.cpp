#include "palette.h"

namespace Entente::Ui {

QColor familyColor(Core::EventFamily family)
{
    switch (family) {
    case Core::EventFamily::Alliance:
        return QColor(0x2e, 0x7d, 0x32); // green
    case Core::EventFamily::Cooperation:
        return QColor(0x00, 0x83, 0x8f); // teal
    case Core::EventFamily::Basing:
        return QColor(0x1f, 0x4e, 0xb4); // blue
    case Core::EventFamily::Conflict:
        return QColor(0xc6, 0x28, 0x28); // red
    case Core::EventFamily::Diplomacy:
        return QColor(0x8e, 0x44, 0xad); // purple
    }
    return Qt::gray;
}

QColor typeColor(Core::EventType type)
{
    QColor c = familyColor(Core::eventFamily(type));
    switch (type) {
    case Core::EventType::AllianceEnded:
    case Core::EventType::BasingEnded:
        return c.lighter(150);
    case Core::EventType::AllianceStrengthened:
    case Core::EventType::BasingGranted:
    case Core::EventType::StatementSupport:
        return c.darker(120);
    case Core::EventType::StatementCriticism:
        return QColor(0xe0, 0x6c, 0x00);
    default:
        break;
    }
    return c;
}

QColor relationColor(Core::RelationKind kind)
{
    switch (kind) {
    case Core::RelationKind::Alliance:
        return familyColor(Core::EventFamily::Alliance);
    case Core::RelationKind::Basing:
        return familyColor(Core::EventFamily::Basing);
    case Core::RelationKind::Hostility:
        return familyColor(Core::EventFamily::Conflict);
    case Core::RelationKind::Diplomacy:
        return familyColor(Core::EventFamily::Diplomacy);
    case Core::RelationKind::Cooperation:
        return familyColor(Core::EventFamily::Cooperation);
    }
    return Qt::gray;
}

QColor blocColor(int index)
{
    static const QColor colors[] = {QColor(0xf4, 0xa2, 0x61), QColor(0x8a, 0xb1, 0x7d), QColor(0x7f, 0xb3, 0xd5),
                                    QColor(0xe7, 0x6f, 0x51), QColor(0xc3, 0x9b, 0xd3), QColor(0xe9, 0xc4, 0x6a),
                                    QColor(0x76, 0xc8, 0x93), QColor(0xf1, 0x94, 0x8a), QColor(0x9a, 0xa9, 0xbc),
                                    QColor(0xd4, 0xa3, 0x73)};
    return colors[(index % 10 + 10) % 10];
}

} // namespace Entente::Ui
