#include "eventio.h"

#include <QJsonArray>

namespace Entente::Core {

namespace {
QJsonValue orNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}
} // namespace

QJsonObject eventToJson(const Event &e)
{
    QJsonObject o;
    o.insert(QStringLiteral("id"), e.id);
    o.insert(QStringLiteral("article_id"), e.articleId);
    o.insert(QStringLiteral("type"), eventTypeName(e.type));
    o.insert(QStringLiteral("cameo"), cameoCode(e.type));
    o.insert(QStringLiteral("source"), orNull(e.source));
    o.insert(QStringLiteral("source_role"), orNull(e.sourceRole));
    o.insert(QStringLiteral("target"), orNull(e.target));
    o.insert(QStringLiteral("target_role"), orNull(e.targetRole));
    o.insert(QStringLiteral("location"), orNull(e.location));
    o.insert(QStringLiteral("date"), orNull(e.date.startString()));
    o.insert(QStringLiteral("date_precision"), precisionName(e.date.precision));
    o.insert(QStringLiteral("date_end"), orNull(e.date.endString()));
    o.insert(QStringLiteral("polarity"), polarityName(e.polarity));
    o.insert(QStringLiteral("modality"), modalityName(e.modality));
    o.insert(QStringLiteral("attributed_to"), orNull(e.attributedTo));
    o.insert(QStringLiteral("confidence"), qRound(e.confidence * 100) / 100.0);
    o.insert(QStringLiteral("sentence"), e.sentence);
    o.insert(QStringLiteral("span"), QJsonArray{static_cast<qint64>(e.spanStart), static_cast<qint64>(e.spanEnd)});
    o.insert(QStringLiteral("status"), reviewStatusName(e.status));
    o.insert(QStringLiteral("pattern"), orNull(e.pattern));
    o.insert(QStringLiteral("dictionary_entries"), QJsonArray::fromStringList(e.dictionaryEntries));
    return o;
}

QString csvField(const QString &s)
{
    if (s.contains(QLatin1Char(',')) || s.contains(QLatin1Char('"')) || s.contains(QLatin1Char('\n')) ||
        s.contains(QLatin1Char('\r'))) {
        QString q = s;
        q.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        return QLatin1Char('"') + q + QLatin1Char('"');
    }
    return s;
}

QString eventCsvHeader()
{
    return QStringLiteral("GlobalEventID,Day,DatePrecision,DateEnd,Actor1Code,Actor1Role,Actor2Code,Actor2Role,"
                          "EventCode,EventType,Polarity,Modality,ActionGeo_CountryCode,AttributedTo,Confidence,"
                          "ReviewStatus,ArticleID,SpanStart,SpanEnd,Sentence");
}

QString eventToCsvRow(const Event &e)
{
    QStringList f;
    f << QString::number(e.id) << e.date.startString() << precisionName(e.date.precision) << e.date.endString()
      << e.source << e.sourceRole << e.target << e.targetRole << cameoCode(e.type) << eventTypeName(e.type)
      << polarityName(e.polarity) << modalityName(e.modality) << e.location << e.attributedTo
      << QString::number(e.confidence, 'f', 2) << reviewStatusName(e.status) << QString::number(e.articleId)
      << QString::number(e.spanStart) << QString::number(e.spanEnd) << e.sentence;
    for (QString &s : f) {
        s = csvField(s);
    }
    return f.join(QLatin1Char(','));
}

} // namespace Entente::Core
