#pragma once

#include <core/domain/datepoint.h>

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace Entente::Core {

/// A stored article. `cleanText` is what events' spans index into. Value type.
struct Article
{
    qint64 id = 0;
    QString title;
    QString source;
    QString url;
    QString filePath;
    DatePoint published;
    QString rawText;
    QString cleanText;
    QString contentHash;
    quint64 simhash = 0;
    qint64 storyCluster = 0;
    QString language;
    QDateTime importedAt;
    QStringList tags;
    int eventCount = 0;
};

/// A row of the article list: everything but the texts (kept light for lists of 100,000).
struct ArticleSummary
{
    qint64 id = 0;
    QString title;
    QString source;
    DatePoint published;
    QStringList tags;
    int eventCount = 0;
    int unreviewedCount = 0;
    QString snippet;
};

} // namespace Entente::Core
