#include <QElapsedTimer>
#include <QStringList>
#include <QTest>
#include <core/extract/timeresolver.h>

using namespace Entente::Core;
using namespace Qt::StringLiterals;

using Kind = TimeExpression::Kind;

namespace {

QString kindName(Kind k)
{
    switch (k) {
    case Kind::Point:
        return u"point"_s;
    case Kind::Interval:
        return u"interval"_s;
    case Kind::Since:
        return u"since"_s;
    case Kind::Until:
        return u"until"_s;
    }
    return u"?"_s;
}

QString describe(const QString &text, const QList<TimeExpression> &found)
{
    QStringList parts;
    for (const TimeExpression &e : found) {
        parts << u"\"%1\"=%2(%3)"_s.arg(text.mid(e.begin, e.end - e.begin), e.date.toString(),
                                        kindName(e.kind));
    }
    return parts.isEmpty() ? u"nothing"_s : parts.join(u"; "_s);
}

// Results must be sorted, inside the text and never overlap, whatever the input.
bool wellFormed(const QString &text, const QList<TimeExpression> &found)
{
    qsizetype previousEnd = 0;
    for (const TimeExpression &e : found) {
        if (e.begin < previousEnd || e.end <= e.begin || e.end > text.size()) {
            return false;
        }
        previousEnd = e.end;
    }
    return true;
}

const QDate kSeed(2017, 3, 28); // Tuesday: the seed article's publication date

void row(const char *name, const QString &text, QDate anchor, const QString &match, const QString &date,
         Kind kind = Kind::Point)
{
    QTest::newRow(name) << text << anchor << match << date << kind;
}

// Typical wire sentences, most without any date, for the benchmark.
QStringList benchmarkSentences()
{
    const QStringList actors = {u"Russia"_s, u"Iran"_s,   u"Turkey"_s,       u"the United States"_s,
                                u"China"_s,  u"France"_s, u"Saudi Arabia"_s, u"Israel"_s,
                                u"Japan"_s,  u"India"_s};
    const QStringList templates = {
        u"%1 and %2 are both key allies of the Syrian government."_s,
        u"The foreign minister of %1 said regional issues would be discussed with %2."_s,
        u"Officials in %1 declined to comment on the report."_s,
        u"%1 has repeatedly accused %2 of supporting militants in the region."_s,
        u"The deployment ended abruptly after lawmakers in %1 called the move a breach of the constitution."_s,
        u"Analysts say %1 is seeking to expand its influence across the Middle East."_s,
        u"\u201cWe have good cooperation, and we will make a decision case by case,\u201d said the minister."_s,
        u"The delegation from %1 was headed by the president and included senior military officers."_s,
        u"%1 condemned the strikes as a violation of international law."_s,
        u"A spokesman for %2 said the talks with %1 had been constructive."_s,
        u"The agreement allows %1 to use port facilities and the airport under a bilateral arrangement."_s,
        u"Western diplomats believe %1 could play a mediating role between the rival factions."_s,
        u"%1 denied sending weapons to rebels fighting in the north of the country."_s,
        u"The ministry of defence of %1 said its aircraft had hit militant targets near the border."_s,
        u"Both sides reaffirmed their commitment to the alliance and to further defence cooperation."_s,
        u"The United Nations called on all parties to respect the ceasefire and allow aid convoys through."_s,
        u"%1 is part of a coalition fighting Islamic State in Iraq and Syria."_s,
        u"Critics in %1 say the government has moved too close to %2."_s,
        u"The two leaders discussed efforts to defeat ISIS around the globe."_s,
        u"Lawmakers in %1 are expected to debate the measure behind closed doors."_s,
        u"%1 sent 2,000 troops and 40 tanks to the area, a military source said."_s,
        u"The strikes destroyed 12 fighting positions and damaged three vehicles."_s,
        u"Some 1,500 civilians have fled the fighting, according to the Red Cross."_s,
        u"%1 ordered 24 F-16 jets from the manufacturer under a $3.2 billion contract."_s,
        u"Security Council Resolution 2254 calls for a political settlement."_s,
        u"The minister told Reuters on Tuesday that %2 could use its bases."_s,
        u"%1 jets used an air base in %2 last summer, the first time since World War Two."_s,
        u"The two countries established diplomatic relations in 1977."_s,
        u"Over the course of the last three years, the alliance has reached new heights."_s,
        u"The president of %1 will visit %2 next month for talks on trade and security."_s,
    };
    QStringList out;
    out.reserve(1000);
    for (int i = 0; out.size() < 1000; ++i) {
        // Weighted towards the first twenty templates, which carry no date.
        const int t = (i % 5 == 4) ? 20 + (i / 5) % 10 : (i * 7) % 20;
        QString s = templates.at(t);
        s.replace(u"%1"_s, actors.at(i % actors.size())).replace(u"%2"_s, actors.at((i + 3) % actors.size()));
        out << s;
    }
    return out;
}

} // namespace

class TestTimeResolver : public QObject
{
    Q_OBJECT

private slots:
    void resolves_data();
    void resolves();
    void rejects_data();
    void rejects();
    void seedArticle();
    void withoutAnchor();
    void relativeFlag();
    void emptyAndOddInput();
    void benchmark();
    void throughput();
};

void TestTimeResolver::resolves_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDate>("anchor");
    QTest::addColumn<QString>("match");
    QTest::addColumn<QString>("date");
    QTest::addColumn<Kind>("kind");

    // The seed article (published Tuesday 2017-03-28).
    row("seed on Tuesday", u"Zarif told Reuters on Tuesday that Russia could use Iranian bases."_s, kSeed,
        u"on Tuesday"_s, u"2017-03-28"_s);
    row("seed on Monday", u"Zarif is part of a delegation which arrived in Moscow on Monday."_s, kSeed,
        u"on Monday"_s, u"2017-03-27"_s);
    row("seed last summer",
        u"Russian jets used an air base in Iran to launch attacks last summer, the first"_s, kSeed,
        u"last summer"_s, u"2016-summer"_s);
    row("seed past 18 months", u"They have played decisive roles in the past 18 months to turn the tide."_s,
        kSeed, u"in the past 18 months"_s, u"2015-09/2017-03"_s, Kind::Interval);
    row("seed since World War Two",
        u"the first time a foreign power had used an Iranian base since World War Two."_s, kSeed,
        u"since World War Two"_s, u"1945"_s, Kind::Since);

    // Weekdays.
    row("bare weekday", u"Officials met Wednesday in Geneva."_s, kSeed, u"Wednesday"_s, u"2017-03-22"_s);
    row("last weekday is strictly before", u"The talks collapsed last Tuesday."_s, kSeed, u"last Tuesday"_s,
        u"2017-03-21"_s);
    row("next weekday", u"Ministers meet again next Friday."_s, kSeed, u"next Friday"_s, u"2017-03-31"_s);
    row("weekday in future tense", u"The delegation will travel to Ankara on Thursday."_s, kSeed,
        u"on Thursday"_s, u"2017-03-30"_s);
    row("weekday morning", u"Rockets hit the base on Sunday morning."_s, kSeed, u"on Sunday morning"_s,
        u"2017-03-26"_s);
    row("weekday with full date", u"The ceremony took place on Thursday, Jan. 12, 2017, in Zagan."_s, kSeed,
        u"on Thursday, Jan. 12, 2017"_s, u"2017-01-12"_s);

    // Days.
    row("today", u"Today, NATO moves even closer to welcoming them."_s, kSeed, u"Today"_s, u"2017-03-28"_s);
    row("yesterday", u"Mattis met yesterday with Australian Minister Payne."_s, QDate(2017, 2, 17),
        u"yesterday"_s, u"2017-02-16"_s);
    row("tomorrow", u"The vote is set for tomorrow."_s, kSeed, u"for tomorrow"_s, u"2017-03-29"_s);
    row("this morning", u"Jets struck the town this morning."_s, kSeed, u"this morning"_s, u"2017-03-28"_s);
    row("tonight", u"The council meets tonight in emergency session."_s, kSeed, u"tonight"_s,
        u"2017-03-28"_s);
    row("earlier today", u"A spokesman said earlier today that the convoy had left."_s, kSeed,
        u"earlier today"_s, u"2017-03-28"_s);
    row("last night", u"Explosions were heard in the city last night."_s, kSeed, u"last night"_s,
        u"2017-03-27"_s);
    row("day before yesterday", u"He arrived the day before yesterday."_s, kSeed,
        u"the day before yesterday"_s, u"2017-03-26"_s);

    // Weeks, months, years.
    row("last week", u"Turkey shelled the positions last week."_s, kSeed, u"last week"_s,
        u"2017-03-20/2017-03-26"_s, Kind::Interval);
    row("this week", u"Talks are planned for this week."_s, kSeed, u"for this week"_s,
        u"2017-03-27/2017-04-02"_s, Kind::Interval);
    row("next week", u"Inspectors arrive next week."_s, kSeed, u"next week"_s, u"2017-04-03/2017-04-09"_s,
        Kind::Interval);
    row("last weekend", u"Protests spread last weekend."_s, kSeed, u"last weekend"_s,
        u"2017-03-25/2017-03-26"_s, Kind::Interval);
    row("over the weekend", u"Fighting intensified over the weekend."_s, kSeed, u"over the weekend"_s,
        u"2017-03-25/2017-03-26"_s, Kind::Interval);
    row("last month", u"Russia deployed jets to the base last month."_s, kSeed, u"last month"_s,
        u"2017-02"_s);
    row("earlier this month", u"The ceasefire collapsed earlier this month."_s, kSeed,
        u"earlier this month"_s, u"2017-03"_s);
    row("next month", u"The summit will be held next month."_s, QDate(2016, 12, 10), u"next month"_s,
        u"2017-01"_s);
    row("last year", u"The treaty was signed last year."_s, kSeed, u"last year"_s, u"2016"_s);
    row("later this year", u"Consultations will be hosted by Australia later this year."_s,
        QDate(2017, 2, 17), u"later this year"_s, u"2017"_s);
    row("next year", u"Elections are due next year."_s, kSeed, u"next year"_s, u"2018"_s);
    row("this year's", u"Ahead of this year's elections, tensions rose."_s, kSeed, u"this year"_s, u"2017"_s);
    row("end of the year", u"Troops will leave by the end of the year."_s, kSeed, u"by the end of the year"_s,
        u"2017"_s, Kind::Until);

    // Seasons.
    row("last summer in autumn", u"The base was used last summer."_s, QDate(2017, 10, 15), u"last summer"_s,
        u"2017-summer"_s);
    row("this summer", u"Exercises are planned this summer."_s, kSeed, u"this summer"_s, u"2017-summer"_s);
    row("summer of year", u"The offensive began in the summer of 2016."_s, kSeed, u"in the summer of 2016"_s,
        u"2016-summer"_s);
    row("season year", u"The talks of summer 2016 failed."_s, kSeed, u"summer 2016"_s, u"2016-summer"_s);
    row("winter of two years", u"Aleppo fell in the winter of 2016/17."_s, kSeed,
        u"in the winter of 2016/17"_s, u"2017-winter"_s);
    row("last winter in March", u"Supplies ran short last winter."_s, kSeed, u"last winter"_s,
        u"2017-winter"_s);
    row("in the spring", u"Talks resumed in the spring."_s, QDate(2017, 6, 10), u"in the spring"_s,
        u"2017-spring"_s);
    row("next autumn", u"Voters go to the polls next autumn."_s, kSeed, u"next autumn"_s, u"2017-autumn"_s);
    row("last fall", u"The ministers last met last fall."_s, kSeed, u"last fall"_s, u"2016-autumn"_s);

    // Months.
    row("in March same year", u"Russian jets arrived in March."_s, kSeed, u"in March"_s, u"2017-03"_s);
    row("in October previous year", u"The deal was signed in October."_s, kSeed, u"in October"_s,
        u"2016-10"_s);
    row("until month in future tense", u"Marines will train with allies until October."_s, QDate(2019, 4, 18),
        u"until October"_s, u"2019-10"_s, Kind::Until);
    row("month of year", u"It was agreed in March of 2016."_s, kSeed, u"in March of 2016"_s, u"2016-03"_s);
    row("month year", u"In November 2011, the leaders announced the deployment."_s, kSeed,
        u"In November 2011"_s, u"2011-11"_s);
    row("month day", u"The envoy arrived on March 28."_s, QDate(2017, 3, 30), u"on March 28"_s,
        u"2017-03-28"_s);
    row("day month year", u"The accord was signed on 28 March 2016."_s, kSeed, u"on 28 March 2016"_s,
        u"2016-03-28"_s);
    row("month day comma year", u"It began on March 28, 2016, near Palmyra."_s, kSeed, u"on March 28, 2016"_s,
        u"2016-03-28"_s);
    row("abbreviated month", u"Near Raqqa, an Aug. 6 strike destroyed 10 positions."_s, QDate(2017, 8, 9),
        u"Aug. 6"_s, u"2017-08-06"_s);
    row("sept abbreviation last year", u"The plan was first floated on Sept. 5 in Ankara."_s, kSeed,
        u"on Sept. 5"_s, u"2016-09-05"_s);
    row("dateline", u"SOUTHWEST ASIA, Dec. 24, 2016 \u2014 U.S. and coalition forces attacked."_s,
        QDate(2016, 12, 24), u"Dec. 24, 2016"_s, u"2016-12-24"_s);
    row("mid-month", u"The Marines are scheduled to arrive in Darwin mid-April."_s, QDate(2019, 4, 18),
        u"mid-April"_s, u"2019-04"_s);
    row("early month", u"Talks stalled in early March."_s, kSeed, u"in early March"_s, u"2017-03"_s);
    row("since month", u"Clashes have continued since March."_s, kSeed, u"since March"_s, u"2017-03"_s,
        Kind::Since);
    row("ordinal of month", u"The decree was published on the 28th of March."_s, QDate(2017, 4, 1),
        u"on the 28th of March"_s, u"2017-03-28"_s);
    row("last March", u"The offensive began last March."_s, kSeed, u"last March"_s, u"2016-03"_s);
    row("future month next year", u"The fleet will return in January."_s, kSeed, u"in January"_s,
        u"2018-01"_s);

    // Explicit dates.
    row("iso date", u"The order took effect on 2016-08-22 at noon."_s, kSeed, u"on 2016-08-22"_s,
        u"2016-08-22"_s);
    row("slash date day first", u"Signed 22/08/2016 in Moscow."_s, kSeed, u"22/08/2016"_s, u"2016-08-22"_s);
    row("dotted date month first", u"MANAMA, Bahrain 04.17.2023 \u2013 The King visited."_s,
        QDate(2023, 4, 17), u"04.17.2023"_s, u"2023-04-17"_s);
    row("in year", u"The United States recognized the Philippines in 1946."_s, QDate(2012, 9, 10),
        u"in 1946"_s, u"1946"_s);
    row("since year", u"The 5th Fleet has been headquartered in Bahrain since 1995."_s, QDate(2025, 7, 1),
        u"since 1995"_s, u"1995"_s, Kind::Since);
    row("by year", u"All troops are to leave by 2020."_s, kSeed, u"by 2020"_s, u"2020"_s, Kind::Until);
    row("until year", u"The mandate runs until 2020."_s, kSeed, u"until 2020"_s, u"2020"_s, Kind::Until);
    row("through year", u"The agreement is valid through 2020."_s, kSeed, u"through 2020"_s, u"2020"_s,
        Kind::Until);
    row("possessive year", u"The purges followed 2016's failed coup."_s, kSeed, u"2016"_s, u"2016"_s);
    row("the year invasion", u"Iraq has been unstable since the 2003 invasion."_s, kSeed, u"2003"_s,
        u"2003"_s);
    row("the year treaty", u"It reaffirmed the 1951 U.S.-Philippines Mutual Defense Treaty."_s, kSeed,
        u"1951"_s, u"1951"_s);
    row("year after possessive", u"It was Iran's 1979 revolution that ended the alliance."_s, kSeed,
        u"1979"_s, u"1979"_s);
    row("year in a list", u"Talks were held in 2014, 2015 and 2016 without result."_s, kSeed, u"2015"_s,
        u"2015"_s);
    row("weekday after headline line", u"Moscow talks\nTuesday saw the first direct talks."_s, kSeed,
        u"Tuesday"_s, u"2017-03-28"_s);
    row("second year after and", u"Talks were held in 2014 and 2016 without result."_s, kSeed, u"2016"_s,
        u"2016"_s);
    row("decade", u"Relations thawed in the 1990s."_s, kSeed, u"in the 1990s"_s, u"1990/1999"_s,
        Kind::Interval);
    row("since decade", u"It has hosted U.S. ships since the 1990s."_s, kSeed, u"since the 1990s"_s,
        u"1990/1999"_s, Kind::Since);
    row("early decade", u"The base was built in the early 2000s."_s, kSeed, u"in the early 2000s"_s,
        u"2000/2009"_s, Kind::Interval);
    row("mid year", u"The system will be operational by mid-2016."_s, kSeed, u"by mid-2016"_s, u"2016"_s,
        Kind::Until);
    row("end of year", u"Withdrawal is due by the end of 2016."_s, kSeed, u"by the end of 2016"_s, u"2016"_s,
        Kind::Until);
    row("full date without anchor", u"Bahrain supported the June 22, 2025, strike on Iran."_s, QDate(),
        u"June 22, 2025"_s, u"2025-06-22"_s);

    // Durations.
    row("course of last years",
        u"Over the course of the last three years, the Alliance has reached new heights."_s,
        QDate(2024, 4, 10), u"Over the course of the last three years"_s, u"2021-04/2024-04"_s,
        Kind::Interval);
    row("past weeks", u"Shelling has continued for the past two weeks."_s, kSeed, u"for the past two weeks"_s,
        u"2017-03-14/2017-03-28"_s, Kind::Interval);
    row("past hours", u"Three strikes were reported in the past 24 hours."_s, kSeed,
        u"in the past 24 hours"_s, u"2017-03-27/2017-03-28"_s, Kind::Interval);
    row("past year", u"Trade has doubled over the past year."_s, kSeed, u"over the past year"_s,
        u"2016-03/2017-03"_s, Kind::Interval);
    row("past decade", u"Spending grew over the past decade."_s, kSeed, u"over the past decade"_s,
        u"2007-03/2017-03"_s, Kind::Interval);
    row("next months", u"A decision is expected within the next six months."_s, kSeed,
        u"within the next six months"_s, u"2017-03/2017-09"_s, Kind::Interval);
    row("months ago", u"The base was closed 18 months ago."_s, kSeed, u"18 months ago"_s, u"2015-09"_s);
    row("weeks ago", u"He visited Tehran two weeks ago."_s, kSeed, u"two weeks ago"_s, u"2017-03-14"_s);
    row("years ago", u"The pact was signed three years ago."_s, kSeed, u"three years ago"_s, u"2014"_s);
    row("a year ago", u"A year ago the two sides were at war."_s, kSeed, u"A year ago"_s, u"2016"_s);
    row("a decade ago", u"The idea was unthinkable a decade ago."_s, kSeed, u"a decade ago"_s, u"2007"_s);
    row("compound number ago", u"The base opened twenty-five years ago."_s, kSeed, u"twenty-five years ago"_s,
        u"1992"_s);
    row("dozen years ago", u"Relations broke down a dozen years ago."_s, kSeed, u"a dozen years ago"_s,
        u"2005"_s);

    // Historical periods.
    row("since World War II", u"No foreign troops had been based there since World War II."_s, kSeed,
        u"since World War II"_s, u"1945"_s, Kind::Since);
    row("since the Second World War", u"It is the largest deployment since the Second World War."_s, kSeed,
        u"since the Second World War"_s, u"1945"_s, Kind::Since);
    row("since WWII", u"The biggest exercise since WWII began."_s, kSeed, u"since WWII"_s, u"1945"_s,
        Kind::Since);
    row("since end of Cold War", u"Tensions are at their highest since the end of the Cold War."_s, kSeed,
        u"since the end of the Cold War"_s, u"1991"_s, Kind::Since);
    row("during the Cold War", u"The base was built during the Cold War."_s, kSeed, u"during the Cold War"_s,
        u"1947/1991"_s, Kind::Interval);
    row("after the Gulf War", u"U.S. forces stayed after the Gulf War."_s, kSeed, u"after the Gulf War"_s,
        u"1991"_s, Kind::Since);
    row("before World War One", u"The alliance dates from before World War One."_s, kSeed,
        u"before World War One"_s, u"1914"_s, Kind::Until);
    row("outbreak of war", u"At the outbreak of World War II the port was seized."_s, kSeed,
        u"At the outbreak of World War II"_s, u"1939"_s);
    row("since 9/11", u"Cooperation has deepened since 9/11."_s, kSeed, u"since 9/11"_s, u"2001-09-11"_s,
        Kind::Since);
    row("September 11 attacks", u"Troops have been there since the September 11 attacks."_s, kSeed,
        u"since the September 11 attacks"_s, u"2001-09-11"_s, Kind::Since);
    row("Arab Spring", u"Protests have flared since the Arab Spring."_s, kSeed, u"since the Arab Spring"_s,
        u"2011"_s, Kind::Since);

    // Ranges.
    row("between years", u"Clashes between 2014 and 2016 killed hundreds."_s, kSeed,
        u"between 2014 and 2016"_s, u"2014/2016"_s, Kind::Interval);
    row("from to years", u"From 2014 to 2016 the base was closed."_s, kSeed, u"From 2014 to 2016"_s,
        u"2014/2016"_s, Kind::Interval);
    row("hyphen years", u"The 2014-2016 campaign failed."_s, kSeed, u"2014-2016"_s, u"2014/2016"_s,
        Kind::Interval);
    row("short hyphen years", u"Except for the 1942-45 Japanese occupation during World War II."_s, kSeed,
        u"1942-45"_s, u"1942/1945"_s, Kind::Interval);
    row("between months one year", u"Talks ran between March and May 2016."_s, kSeed,
        u"between March and May 2016"_s, u"2016-03/2016-05"_s, Kind::Interval);
    row("from day to full date", u"Exercises ran from March 28 to April 2, 2016."_s, kSeed,
        u"from March 28 to April 2, 2016"_s, u"2016-03-28/2016-04-02"_s, Kind::Interval);
}

void TestTimeResolver::resolves()
{
    QFETCH(QString, text);
    QFETCH(QDate, anchor);
    QFETCH(QString, match);
    QFETCH(QString, date);
    QFETCH(Kind, kind);

    const QList<TimeExpression> found = TimeResolver::find(text, anchor);
    QVERIFY2(wellFormed(text, found), qPrintable(describe(text, found)));
    const auto it = std::find_if(found.cbegin(), found.cend(), [&](const TimeExpression &e) {
        return QStringView(text).mid(e.begin, e.end - e.begin) == match;
    });
    if (it == found.cend()) {
        QFAIL(qPrintable(u"\"%1\" not found; got %2"_s.arg(match, describe(text, found))));
    }
    QCOMPARE(it->date.toString(), date);
    QCOMPARE(kindName(it->kind), kindName(kind));
}

void TestTimeResolver::rejects_data()
{
    QTest::addColumn<QString>("text");
    // The one expression that may be found (empty: none at all).
    QTest::addColumn<QString>("allowed");

    QTest::newRow("troop count") << u"Turkey sent 2000 troops to the border."_s << QString();
    QTest::newRow("count after the") << u"The 2000 soldiers deployed there were withdrawn."_s << QString();
    QTest::newRow("by a count") << u"The town was attacked by 2000 militants."_s << QString();
    QTest::newRow("thousands separator") << u"He said 2,000 troops would stay."_s << QString();
    QTest::newRow("small number") << u"About 1500 soldiers were killed."_s << QString();
    QTest::newRow("resolution number") << u"Security Council Resolution 2043 was adopted."_s << QString();
    QTest::newRow("about a number") << u"It cost about 2015."_s << QString();
    QTest::newRow("fall of a city") << u"The fall of Aleppo was a turning point."_s << QString();
    QTest::newRow("may the verb") << u"Theresa May said the talks may resume."_s << QString();
    QTest::newRow("may possessive") << u"The talks in May's absence were brief."_s << QString();
    QTest::newRow("march the noun") << u"The march on the capital drew thousands."_s << QString();
    QTest::newRow("generic cold war") << u"Some fear a new cold war."_s << QString();
    QTest::newRow("in the past") << u"In the past, the two countries were rivals."_s << QString();
    QTest::newRow("imprecise recent years") << u"In recent years, ties have improved."_s << QString();
    QTest::newRow("few months") << u"Over the past few months the talks stalled."_s << QString();
    QTest::newRow("counts") << u"The strike killed 12 people and wounded 30."_s << QString();
    QTest::newRow("aircraft codes") << u"F-16s and Su-24s were seen over the town."_s << QString();
    QTest::newRow("percent") << u"Prices rose 2.5 percent and 2016% is absurd."_s << QString();
    QTest::newRow("ambiguous slash date") << u"The letter is dated 05/06/2016 in the archive."_s << QString();
    QTest::newRow("money") << u"The deal is worth $2016 million."_s << QString();
    QTest::newRow("weekday in a name")
        << u"Voters turned out on Super Tuesday and at the Good Friday rally."_s << QString();
    QTest::newRow("time of day") << u"The curfew starts at 2100 GMT."_s << QString();
    QTest::newRow("narrative next day") << u"They met in Geneva and, the next day, in Bern."_s << QString();
    QTest::newRow("spring as a name") << u"Protesters gathered at Spring Hill."_s << QString();
    QTest::newRow("last week of month") << u"Fighting resumed in the last week of March."_s << u"March"_s;
}

void TestTimeResolver::rejects()
{
    QFETCH(QString, text);
    QFETCH(QString, allowed);
    const QList<TimeExpression> found = TimeResolver::find(text, kSeed);
    if (allowed.isEmpty()) {
        QVERIFY2(found.isEmpty(), qPrintable(describe(text, found)));
        return;
    }
    QCOMPARE(found.size(), 1);
    QCOMPARE(text.mid(found[0].begin, found[0].end - found[0].begin), allowed);
}

void TestTimeResolver::seedArticle()
{
    const QString text = u"Iranian Foreign Minister Mohammad Javad Zarif told Reuters on Tuesday that Russia "
                         u"could use Iranian "
                         "military bases to launch air strikes against militants in Syria on a \u201ccase by "
                         "case basis.\u201d\n\n"
                         "Russia and Iran are both key allies of Syrian President Bashar al-Assad and have "
                         "played decisive roles "
                         "in the past 18 months to turn the tide of the Syrian conflict in his favour.\n\n"
                         "Russian jets used an air base in Iran to launch attacks against militant targets "
                         "in Syria last summer, "
                         "the first time a foreign power had used an Iranian base since World War Two.\n\n"
                         "Zarif is part of an Iranian delegation headed by President Hassan Rouhani, which "
                         "arrived in Moscow on "
                         "Monday."_s;
    const QList<TimeExpression> found = TimeResolver::find(text, kSeed);
    QStringList got;
    for (const TimeExpression &e : found) {
        got << text.mid(e.begin, e.end - e.begin) + u'=' + e.date.toString() + u'=' + kindName(e.kind);
    }
    const QStringList expected = {
        u"on Tuesday=2017-03-28=point"_s,   u"in the past 18 months=2015-09/2017-03=interval"_s,
        u"last summer=2016-summer=point"_s, u"since World War Two=1945=since"_s,
        u"on Monday=2017-03-27=point"_s,
    };
    QCOMPARE(got, expected);
}

void TestTimeResolver::withoutAnchor()
{
    const QString text =
        u"The minister said on Tuesday that the treaty signed in 1946 still holds, as it did "
        "last year and in February."_s;
    const QList<TimeExpression> found = TimeResolver::find(text, QDate());
    QCOMPARE(found.size(), 4);
    QCOMPARE(text.mid(found[0].begin, found[0].end - found[0].begin), u"on Tuesday"_s);
    QVERIFY(!found[0].date.isValid());
    QVERIFY(found[0].relative);
    QCOMPARE(found[1].date.toString(), u"1946"_s);
    QVERIFY(!found[1].relative);
    QVERIFY(!found[2].date.isValid());
    QCOMPARE(text.mid(found[3].begin, found[3].end - found[3].begin), u"in February"_s);
    QVERIFY(!found[3].date.isValid());
}

void TestTimeResolver::relativeFlag()
{
    const QString text = u"Yesterday's strike, like the one of March 28, 2016, recalled the Cold War."_s;
    const QList<TimeExpression> found = TimeResolver::find(text, kSeed);
    QCOMPARE(found.size(), 3);
    QVERIFY(found[0].relative);
    QVERIFY(!found[1].relative);
    QVERIFY(!found[2].relative);
    QCOMPARE(found[2].date.toString(), u"1947/1991"_s);
    QCOMPARE(kindName(found[2].kind), u"interval"_s);
}

void TestTimeResolver::emptyAndOddInput()
{
    QVERIFY(TimeResolver::find(QStringView(), kSeed).isEmpty());
    QVERIFY(TimeResolver::find(u"   "_s, kSeed).isEmpty());
    QVERIFY(TimeResolver::find(u"2016"_s, kSeed).size() == 1);
    // Truncated expressions at the end of the text must not read past it.
    for (const QString &s : {u"in the past"_s, u"since the end of the"_s, u"March"_s, u"Sept."_s, u"28"_s,
                             u"between 2014 and"_s, u"from 2014 to"_s, u"2016-08-"_s, u"22/08/"_s, u"9/"_s,
                             u"the day before"_s, u"World War"_s, u"winter of 2016/"_s, u"twenty-"_s}) {
        const QList<TimeExpression> found = TimeResolver::find(s, kSeed);
        QVERIFY2(wellFormed(s, found), qPrintable(s));
    }
    // Non-Latin text and lone surrogates are just skipped.
    const QString odd = u"\u0645\u0646\u0630 2015 \U0001F600 "_s + QChar(0xD800) + u" in 2016"_s;
    const QList<TimeExpression> found = TimeResolver::find(odd, kSeed);
    QVERIFY(wellFormed(odd, found));
}

void TestTimeResolver::benchmark()
{
    const QStringList sentences = benchmarkSentences();
    QCOMPARE(sentences.size(), 1000);
    const QDate anchor = kSeed;
    qsizetype total = 0;
    QBENCHMARK
    {
        for (const QString &s : sentences) {
            total += TimeResolver::find(s, anchor).size();
        }
    }
    QVERIFY(total > 0);
}

// Prints sentences per second, the figure the extraction pipeline cares about. Kept out of
// benchmark() because Qt Test runs a QBENCHMARK function several times.
void TestTimeResolver::throughput()
{
    const QStringList sentences = benchmarkSentences();
    const QDate anchor = kSeed;
    qsizetype total = 0;
    QElapsedTimer timer;
    timer.start();
    qint64 done = 0;
    while (timer.elapsed() < 500) {
        for (const QString &s : sentences) {
            total += TimeResolver::find(s, anchor).size();
        }
        done += sentences.size();
    }
    const double rate = double(done) * 1000.0 / double(std::max<qint64>(1, timer.elapsed()));
    QVERIFY(total > 0);
    qInfo("TimeResolver: %.0f sentences/s (%lld sentences)", rate, static_cast<long long>(done));
}

QTEST_GUILESS_MAIN(TestTimeResolver)

#include "tst_timeresolver.moc"
