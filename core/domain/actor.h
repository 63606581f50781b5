#pragma once

#include <QDate>
#include <QString>

namespace Entente::Core {

/// An actor: a state (ISO alpha-3), organisation or armed group (short fixed code).
struct Actor
{
    QString code;
    QString name;
    QString kind; ///< state, territory, org, group, person-defined
    QString origin = QStringLiteral("dictionary");
    int eventCount = 0;
};

/// A name by which an actor is known, optionally with a role and a validity period.
struct Alias
{
    qint64 id = 0;
    QString alias;
    QString actorCode;
    QString role;
    QDate validFrom;
    QDate validTo;
    QString origin = QStringLiteral("user");
};

/// A tag on articles, with an optional colour (#rrggbb).
struct Tag
{
    qint64 id = 0;
    QString name;
    QString color;
    int articleCount = 0;
};

} // namespace Entente::Core
