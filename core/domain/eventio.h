#pragma once

#include <core/domain/event.h>

#include <QJsonObject>
#include <QTextStream>

namespace Entente::Core {

/// An event in the JSON form of the CLI contract (product.md, "An event in JSON").
QJsonObject eventToJson(const Event &e);

/// CSV header in the column order of a GDELT-style event table (id, day, actor 1, actor 2, CAMEO…).
QString eventCsvHeader();
QString eventToCsvRow(const Event &e);
/// Quotes a CSV field when it needs it (RFC 4180).
QString csvField(const QString &s);

} // namespace Entente::Core
