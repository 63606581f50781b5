#include "timeresolver.h"

#include <QVarLengthArray>
#include <algorithm>
#include <array>
#include <utility>
#include <vector>

// How expressions resolve (anchor = publication date). Choices the brief left open:
//
// - Weekdays: "on Tuesday"/"Tuesday" → the most recent one on or before the anchor; "last Tuesday"
//   → strictly before (on a Tuesday, "last Tuesday" is a week ago); "next Tuesday" → strictly after.
// - Tense: a future marker ("will", "scheduled", "expected", "plans" …) earlier in the same clause
//   turns bare weekdays, months, month-days and seasons forward (on or after the anchor), so
//   "will train until October" published in April is this October, not last year's.
// - Weeks are ISO weeks (Monday–Sunday) written as day-precision intervals: "last week" published
//   Tuesday 2017-03-28 is 2017-03-20/2017-03-26. Weekends are Saturday–Sunday intervals.
// - Durations ending (or starting) at the anchor: days, weeks and hours at day precision; months,
//   years and decades at month precision — the gold labels "over the last three years" as a month
//   interval (dev-public 007), and month precision keeps the partial first year honest.
// - "N units ago" is a point: day precision for hours/days/weeks, month for months, year for years.
// - Seasons follow DatePoint (winter belongs to the year it ends in): "last summer" is the latest
//   summer that ended before the anchor, "this winter" the nearest winter, "winter of 2016/17" is
//   2017-winter and "winter of 2016" is read as 2016-winter (the DatePoint name), a known ambiguity.
// - Month-days without a year: in marked future tense the next one on or after the anchor;
//   otherwise the year that puts them nearest the anchor, dates after it counting six times as far.
// - Historical periods are intervals; "since"/"after" one means from its end ("since World War
//   Two" → Since 1945), "before"/"until" one means up to its start, "the end/start of" picks a year.
// - Kinds: since/after/from → Since; until/till/through/by/before/"up to" → Until; any interval
//   date otherwise → Interval.
// - Bare four-digit numbers 1900–2100 are years only with year-like context (a preposition,
//   "the"/a possessive before, punctuation or "'s" after) and never before a counted noun
//   ("2000 troops"); slash and dot dates are taken only when day and month cannot be confused.
// - Imprecise spans ("in recent years", "the past few months") are left out rather than invented.

namespace Entente::Core {

namespace {

using Kind = TimeExpression::Kind;

enum class Cat : quint8 {
    None,
    Month,
    MonthAbbr,
    Weekday,
    Season,
    Unit,
    Count,
    Word,
    Quantity,
    DenyBefore,
    Future
};

enum class Unit : quint8 { Hour, Day, Week, Fortnight, Month, Year, Decade };

enum class W : quint8 {
    None,
    The,
    Of,
    In,
    On,
    At,
    During,
    Since,
    Until,
    Till,
    Through,
    Throughout,
    By,
    From,
    To,
    And,
    Or,
    Between,
    Before,
    After,
    Over,
    For,
    Within,
    Up,
    Course,
    Circa,
    This,
    Last,
    Next,
    Past,
    Coming,
    Ago,
    Today,
    Tonight,
    Yesterday,
    Tomorrow,
    Morning,
    Afternoon,
    Evening,
    Night,
    Weekend,
    Early,
    Mid,
    Late,
    Earlier,
    Later,
    End,
    Beginning,
    Start,
    Middle,
    Outbreak,
    Dozen,
    Attacks,
    YearVerb,
    Determiner,
};

// Season value of "fall": the same season as autumn, kept apart because "the fall of Aleppo" is no season.
constexpr quint8 kFall = 4;

struct Key
{
    Cat cat = Cat::None;
    quint8 value = 0;
    bool trigger = false;   // the word alone makes a sentence worth matching
    bool namedHead = false; // first word of a historical period in kNamed
};

// Words of up to 12 ASCII letters packed 5 bits a letter: an exact, allocation-free key.
quint64 packWord(QStringView w)
{
    if (w.isEmpty() || w.size() > 12) {
        return 0;
    }
    quint64 code = 0;
    for (const QChar ch : w) {
        char16_t u = ch.unicode();
        if (u >= u'A' && u <= u'Z') {
            u = char16_t(u + 32);
        }
        if (u < u'a' || u > u'z') {
            return 0;
        }
        code = code * 32 + (u - u'a' + 1);
    }
    return code;
}

class KeyTable
{
public:
    KeyTable()
    {
        const char *const months[] = {"january", "february", "march",     "april",   "may",      "june",
                                      "july",    "august",   "september", "october", "november", "december"};
        for (int i = 0; i < 12; ++i) {
            add(months[i], Cat::Month, i + 1, true);
        }
        const std::pair<const char *, int> abbrevs[] = {{"jan", 1},  {"feb", 2},  {"mar", 3},  {"apr", 4},
                                                        {"jun", 6},  {"jul", 7},  {"aug", 8},  {"sep", 9},
                                                        {"sept", 9}, {"oct", 10}, {"nov", 11}, {"dec", 12}};
        for (const auto &[w, m] : abbrevs) {
            add(w, Cat::MonthAbbr, m, true);
        }
        const char *const days[] = {"monday", "tuesday",  "wednesday", "thursday",
                                    "friday", "saturday", "sunday"};
        for (int i = 0; i < 7; ++i) {
            add(days[i], Cat::Weekday, i + 1, true);
        }
        add("spring", Cat::Season, 0, true);
        add("summer", Cat::Season, 1, true);
        add("autumn", Cat::Season, 2, true);
        add("fall", Cat::Season, kFall, true, true);
        add("winter", Cat::Season, 3, true);

        const std::pair<const char *, Unit> units[] = {{"hour", Unit::Hour},
                                                       {"hours", Unit::Hour},
                                                       {"day", Unit::Day},
                                                       {"days", Unit::Day},
                                                       {"week", Unit::Week},
                                                       {"weeks", Unit::Week},
                                                       {"fortnight", Unit::Fortnight},
                                                       {"month", Unit::Month},
                                                       {"months", Unit::Month},
                                                       {"year", Unit::Year},
                                                       {"years", Unit::Year},
                                                       {"decade", Unit::Decade},
                                                       {"decades", Unit::Decade}};
        for (const auto &[w, u] : units) {
            add(w, Cat::Unit, int(u), true);
        }

        const std::pair<const char *, int> counts[] = {
            {"a", 1},         {"an", 1},       {"one", 1},      {"two", 2},        {"three", 3},
            {"four", 4},      {"five", 5},     {"six", 6},      {"seven", 7},      {"eight", 8},
            {"nine", 9},      {"ten", 10},     {"eleven", 11},  {"twelve", 12},    {"thirteen", 13},
            {"fourteen", 14}, {"fifteen", 15}, {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18},
            {"nineteen", 19}, {"twenty", 20},  {"thirty", 30},  {"forty", 40},     {"fifty", 50},
            {"sixty", 60},    {"seventy", 70}, {"eighty", 80},  {"ninety", 90}};
        for (const auto &[w, n] : counts) {
            add(w, Cat::Count, n);
        }
        // "six" also opens "the Six-Day War".
        m_entries[find("six")].second.namedHead = true;

        const std::pair<const char *, W> words[] = {{"the", W::The},
                                                    {"of", W::Of},
                                                    {"in", W::In},
                                                    {"on", W::On},
                                                    {"at", W::At},
                                                    {"during", W::During},
                                                    {"since", W::Since},
                                                    {"until", W::Until},
                                                    {"till", W::Till},
                                                    {"through", W::Through},
                                                    {"throughout", W::Throughout},
                                                    {"by", W::By},
                                                    {"from", W::From},
                                                    {"to", W::To},
                                                    {"and", W::And},
                                                    {"or", W::Or},
                                                    {"between", W::Between},
                                                    {"before", W::Before},
                                                    {"after", W::After},
                                                    {"over", W::Over},
                                                    {"for", W::For},
                                                    {"within", W::Within},
                                                    {"up", W::Up},
                                                    {"course", W::Course},
                                                    {"circa", W::Circa},
                                                    {"this", W::This},
                                                    {"last", W::Last},
                                                    {"next", W::Next},
                                                    {"past", W::Past},
                                                    {"coming", W::Coming},
                                                    {"early", W::Early},
                                                    {"mid", W::Mid},
                                                    {"late", W::Late},
                                                    {"earlier", W::Earlier},
                                                    {"later", W::Later},
                                                    {"end", W::End},
                                                    {"beginning", W::Beginning},
                                                    {"start", W::Start},
                                                    {"middle", W::Middle},
                                                    {"outbreak", W::Outbreak},
                                                    {"dozen", W::Dozen},
                                                    {"attacks", W::Attacks},
                                                    {"attack", W::Attacks},
                                                    {"was", W::YearVerb},
                                                    {"saw", W::YearVerb},
                                                    {"marked", W::YearVerb},
                                                    {"its", W::Determiner},
                                                    {"their", W::Determiner},
                                                    {"his", W::Determiner},
                                                    {"her", W::Determiner},
                                                    {"our", W::Determiner}};
        for (const auto &[w, id] : words) {
            add(w, Cat::Word, int(id));
        }
        const std::pair<const char *, W> triggers[] = {{"ago", W::Ago},
                                                       {"today", W::Today},
                                                       {"tonight", W::Tonight},
                                                       {"yesterday", W::Yesterday},
                                                       {"tomorrow", W::Tomorrow},
                                                       {"morning", W::Morning},
                                                       {"afternoon", W::Afternoon},
                                                       {"evening", W::Evening},
                                                       {"night", W::Night},
                                                       {"weekend", W::Weekend}};
        for (const auto &[w, id] : triggers) {
            add(w, Cat::Word, int(id), true);
        }

        // Heads of kNamed entries; the periods themselves need a trigger word as well.
        for (const char *w :
             {"world", "second", "first", "cold", "gulf", "korean", "vietnam", "iraq", "iran", "yom", "arab",
              "collapse", "dissolution", "break", "breakup", "russo", "falklands", "ww"}) {
            add(w, Cat::None, 0, false, true);
        }
        for (const char *w : {"wwi", "wwii"}) {
            add(w, Cat::None, 0, true, true);
        }
        for (const char *w : {"war", "union", "wall"}) {
            add(w, Cat::None, 0, true);
        }

        for (const char *w : {"will", "shall", "ll", "scheduled", "expected", "plans", "planned", "planning",
                              "due", "upcoming", "intends"}) {
            add(w, Cat::Future, 0);
        }
        // Counted nouns: a four-digit number before one of these is a quantity, not a year.
        for (const char *w :
             {"troops",      "soldiers",   "people",    "persons",   "civilians",  "men",        "women",
              "children",    "refugees",   "migrants",  "fighters",  "militants",  "insurgents", "rebels",
              "police",      "policemen",  "officers",  "marines",   "sailors",    "airmen",     "personnel",
              "staff",       "residents",  "workers",   "employees", "casualties", "deaths",     "dead",
              "victims",     "prisoners",  "detainees", "hostages",  "members",    "delegates",  "votes",
              "voters",      "seats",      "tons",      "tonnes",    "barrels",    "kilometres", "kilometers",
              "km",          "miles",      "metres",    "meters",    "feet",       "acres",      "hectares",
              "dollars",     "euros",      "rubles",    "roubles",   "pounds",     "yen",        "yuan",
              "rupees",      "units",      "vehicles",  "tanks",     "aircraft",   "planes",     "jets",
              "helicopters", "missiles",   "rockets",   "drones",    "shells",     "bombs",      "rounds",
              "sorties",     "times",      "cases",     "homes",     "houses",     "buildings",  "families",
              "students",    "percent",    "per",       "million",   "billion",    "thousand",   "hundred",
              "more",        "additional", "extra",     "fewer",     "less",       "others",     "ships",
              "vessels",     "weapons",    "guns",      "kg",        "mm",         "sq",         "square",
              "mw",          "gmt",        "utc",       "est",       "edt",        "cet",        "bst",
              "hrs",         "local"}) {
            add(w, Cat::Quantity, 0);
        }
        for (const char *w :
             {"about",   "around",  "nearly",    "almost",     "approximately", "roughly", "some",
              "than",    "least",   "another",   "resolution", "flight",        "route",   "article",
              "no",      "number",  "model",     "code",       "page",          "room",    "highway",
              "chapter", "section", "paragraph", "total"}) {
            add(w, Cat::DenyBefore, 0);
        }
        std::sort(m_entries.begin(), m_entries.end(),
                  [](const auto &a, const auto &b) { return a.first < b.first; });
    }

    Key lookup(QStringView word) const
    {
        const quint64 code = packWord(word);
        if (code == 0) {
            return {};
        }
        const auto it = std::lower_bound(m_entries.begin(), m_entries.end(), code,
                                         [](const auto &e, quint64 c) { return e.first < c; });
        if (it == m_entries.end() || it->first != code) {
            return {};
        }
        return it->second;
    }

private:
    void add(const char *w, Cat cat, int value, bool trigger = false, bool namedHead = false)
    {
        const quint64 code = packWord(QString::fromLatin1(w));
        if (code == 0) {
            return; // words with an apostrophe never reach the table: the tokenizer splits them
        }
        m_entries.push_back({code, Key{cat, quint8(value), trigger, namedHead}});
    }

    // Linear on purpose: only used while building, before sorting.
    std::size_t find(const char *w) const
    {
        const quint64 code = packWord(QString::fromLatin1(w));
        for (std::size_t i = 0; i < m_entries.size(); ++i) {
            if (m_entries[i].first == code) {
                return i;
            }
        }
        Q_ASSERT(false);
        return 0;
    }

    std::vector<std::pair<quint64, Key>> m_entries;
};

const KeyTable &keyTable()
{
    static const KeyTable table;
    return table;
}

// Historical periods. Words are matched case-insensitively; hyphens between them are skipped.
struct NamedPeriod
{
    std::array<const char *, 6> words;
    int from;
    int to;
    bool needsThe; // "a new cold war" is not the Cold War
};

const NamedPeriod kNamed[] = {
    {{"world", "war", "two"}, 1939, 1945, false},
    {{"world", "war", "ii"}, 1939, 1945, false},
    {{"world", "war", "2"}, 1939, 1945, false},
    {{"second", "world", "war"}, 1939, 1945, false},
    {{"wwii"}, 1939, 1945, false},
    {{"ww", "2"}, 1939, 1945, false},
    {{"world", "war", "one"}, 1914, 1918, false},
    {{"world", "war", "i"}, 1914, 1918, false},
    {{"world", "war", "1"}, 1914, 1918, false},
    {{"first", "world", "war"}, 1914, 1918, false},
    {{"wwi"}, 1914, 1918, false},
    {{"ww", "1"}, 1914, 1918, false},
    {{"cold", "war"}, 1947, 1991, true},
    {{"gulf", "war"}, 1990, 1991, true},
    {{"first", "gulf", "war"}, 1990, 1991, true},
    {{"korean", "war"}, 1950, 1953, true},
    {{"vietnam", "war"}, 1955, 1975, true},
    {{"iraq", "war"}, 2003, 2011, true},
    {{"iran", "iraq", "war"}, 1980, 1988, true},
    {{"six", "day", "war"}, 1967, 1967, true},
    {{"yom", "kippur", "war"}, 1973, 1973, true},
    {{"falklands", "war"}, 1982, 1982, true},
    {{"russo", "georgian", "war"}, 2008, 2008, true},
    {{"arab", "spring"}, 2011, 2011, true},
    {{"fall", "of", "the", "berlin", "wall"}, 1989, 1989, true},
    {{"collapse", "of", "the", "soviet", "union"}, 1991, 1991, true},
    {{"fall", "of", "the", "soviet", "union"}, 1991, 1991, true},
    {{"dissolution", "of", "the", "soviet", "union"}, 1991, 1991, true},
    {{"breakup", "of", "the", "soviet", "union"}, 1991, 1991, true},
    {{"break", "up", "of", "the", "soviet", "union"}, 1991, 1991, true},
};

enum class TokType : quint8 { Word, Number, Punct };

struct Token
{
    qsizetype begin = 0;
    qsizetype end = 0;
    TokType type = TokType::Punct;
    Key key;
    bool upper = false;     // first letter upper-case: month and weekday names must be
    bool space = true;      // whitespace (or the start of the text) before the token
    bool lineStart = false; // a line break before the token: headlines and paragraphs start there
    bool ordinal = false;   // "28th"
    bool decade = false;    // "1990s"
    quint8 digits = 0;
    int value = 0;
    char16_t ch = 0;
};

using Tokens = QVarLengthArray<Token, 96>;

bool isAsciiDigit(QChar c)
{
    return c.unicode() >= u'0' && c.unicode() <= u'9';
}

// Returns false when the text has no digit and no time word: nothing to match then.
bool tokenize(QStringView text, Tokens &out)
{
    const KeyTable &table = keyTable();
    const qsizetype n = text.size();
    bool interesting = false;
    bool space = true;
    bool lineStart = true;
    for (qsizetype i = 0; i < n;) {
        const QChar c = text[i];
        if (c.isSpace()) {
            space = true;
            lineStart =
                lineStart || c == u'\n' || c == QChar::ParagraphSeparator || c == QChar::LineSeparator;
            ++i;
            continue;
        }
        Token t;
        t.begin = i;
        t.space = space;
        t.lineStart = lineStart;
        space = false;
        lineStart = false;
        if (isAsciiDigit(c)) {
            qsizetype j = i;
            int v = 0;
            while (j < n && isAsciiDigit(text[j])) {
                if (v < 1000000) {
                    v = v * 10 + (text[j].unicode() - u'0');
                }
                ++j;
            }
            t.type = TokType::Number;
            t.digits = quint8(std::min<qsizetype>(j - i, 255));
            t.value = v;
            if (j < n && text[j].isLetter()) {
                qsizetype k = j;
                while (k < n && text[k].isLetter()) {
                    ++k;
                }
                const QStringView suffix = text.mid(j, k - j);
                if (suffix.size() == 2 && (suffix.compare(u"st", Qt::CaseInsensitive) == 0 ||
                                           suffix.compare(u"nd", Qt::CaseInsensitive) == 0 ||
                                           suffix.compare(u"rd", Qt::CaseInsensitive) == 0 ||
                                           suffix.compare(u"th", Qt::CaseInsensitive) == 0)) {
                    t.ordinal = true;
                    j = k;
                } else if (suffix == u"s" && t.digits == 4 && v % 10 == 0) {
                    t.decade = true;
                    j = k;
                }
            }
            t.end = j;
            i = j;
            interesting = true;
        } else if (c.isLetter()) {
            qsizetype j = i + 1;
            while (j < n && (text[j].isLetter() || text[j].isMark())) {
                ++j;
            }
            t.type = TokType::Word;
            t.end = j;
            t.upper = c.isUpper();
            t.key = table.lookup(text.mid(i, j - i));
            interesting = interesting || t.key.trigger;
            i = j;
        } else {
            t.type = TokType::Punct;
            t.ch = c.unicode();
            t.end = i + 1;
            ++i;
        }
        out.append(t);
    }
    return interesting;
}

// A match before its preposition and modifiers are attached.
struct Core
{
    qsizetype first = -1;
    qsizetype last = -1; // inclusive
    DatePoint date;
    bool relative = false;
    bool named = false;    // historical period: collapses to its start or end after since/until
    bool decade = false;   // "the 1990s": collapses like a named period after "the end of"
    bool takesThe = false; // a leading "the" belongs to the expression
    int month = 0;         // month (and day) whose year came from the anchor, re-resolved in ranges
    int day = 0;

    bool ok() const { return first >= 0; }
};

struct Candidate
{
    qsizetype first = 0;
    qsizetype last = 0;
    DatePoint date;
    Kind kind = Kind::Point;
    bool relative = false;
};

enum class Mod { None, Start, End };

enum class Dir { Past, Future, Last, Next, This };

class Matcher
{
public:
    Matcher(QStringView text, const Tokens &tokens, QDate anchor)
        : m_text(text), m_t(tokens.constData()), m_n(tokens.size()), m_anchor(anchor)
    {
    }

    QList<TimeExpression> run() const
    {
        QVarLengthArray<Candidate, 16> cands;
        for (qsizetype i = 0; i < m_n; ++i) {
            const Core c = coreAt(i, false);
            if (!c.ok()) {
                continue;
            }
            W prep = W::None;
            const Candidate a = extend(c, &prep);
            cands.append(a);
            Candidate r;
            if (range(c, a, prep, &r)) {
                cands.append(r);
            }
        }
        if (cands.isEmpty()) {
            return {};
        }
        const auto width = [this](const Candidate &c) { return m_t[c.last].end - m_t[c.first].begin; };
        std::sort(cands.begin(), cands.end(), [&](const Candidate &a, const Candidate &b) {
            const qsizetype wa = width(a);
            const qsizetype wb = width(b);
            return wa != wb ? wa > wb : a.first < b.first;
        });
        QVarLengthArray<Candidate, 16> kept;
        for (const Candidate &c : cands) {
            const bool overlaps = std::any_of(kept.cbegin(), kept.cend(), [&](const Candidate &k) {
                return c.first <= k.last && k.first <= c.last;
            });
            if (!overlaps) {
                kept.append(c);
            }
        }
        std::sort(kept.begin(), kept.end(),
                  [](const Candidate &a, const Candidate &b) { return a.first < b.first; });
        QList<TimeExpression> out;
        out.reserve(kept.size());
        for (const Candidate &c : kept) {
            TimeExpression e;
            e.begin = m_t[c.first].begin;
            e.end = m_t[c.last].end;
            e.date = c.date;
            e.kind = c.kind;
            e.relative = c.relative;
            out.append(e);
        }
        return out;
    }

private:
    // --- token tests -------------------------------------------------------------------------

    bool inRange(qsizetype i) const { return i >= 0 && i < m_n; }
    bool isNumber(qsizetype i) const { return inRange(i) && m_t[i].type == TokType::Number; }
    bool isPunct(qsizetype i, char16_t c) const
    {
        return inRange(i) && m_t[i].type == TokType::Punct && m_t[i].ch == c;
    }
    bool isDash(qsizetype i) const
    {
        return isPunct(i, u'-') || isPunct(i, u'\u2013') || isPunct(i, u'\u2014');
    }
    bool isCat(qsizetype i, Cat c) const
    {
        return inRange(i) && m_t[i].type == TokType::Word && m_t[i].key.cat == c;
    }
    W wordAt(qsizetype i) const { return isCat(i, Cat::Word) ? W(m_t[i].key.value) : W::None; }
    bool isWord(qsizetype i, W w) const { return wordAt(i) == w; }
    // The token touches the one before it ("2016-08", "mid-April", "F16").
    bool glued(qsizetype i) const { return inRange(i) && i > 0 && !m_t[i].space; }
    QStringView textOf(qsizetype i) const { return m_text.mid(m_t[i].begin, m_t[i].end - m_t[i].begin); }
    bool plural(qsizetype i) const { return textOf(i).endsWith(u's', Qt::CaseInsensitive); }
    Unit unitAt(qsizetype i) const { return Unit(m_t[i].key.value); }

    bool isYear(qsizetype i, int lo = 1800, int hi = 2100) const
    {
        return isNumber(i) && m_t[i].digits == 4 && !m_t[i].ordinal && !m_t[i].decade && m_t[i].value >= lo &&
               m_t[i].value <= hi;
    }

    // Something glued after token i that makes it part of a longer number or code ("2016.5", "2016km").
    bool gluedTail(qsizetype i) const
    {
        const qsizetype j = i + 1;
        if (!glued(j)) {
            return false;
        }
        if (m_t[j].type == TokType::Word || m_t[j].type == TokType::Number) {
            return true;
        }
        if (isPunct(j, u'%')) {
            return true;
        }
        return (isPunct(j, u'.') || isPunct(j, u',') || isPunct(j, u'/') || isPunct(j, u':') || isDash(j)) &&
               isNumber(j + 1) && glued(j + 1);
    }

    // Something glued before token i that makes it part of a code or amount ("F-16", "$2016", "1.2016").
    bool gluedHead(qsizetype i) const
    {
        if (!glued(i)) {
            return false;
        }
        const Token &p = m_t[i - 1];
        if (p.type != TokType::Punct) {
            return true;
        }
        if (p.ch == u'$' || p.ch == u'#' || p.ch == u'\u20ac' || p.ch == u'\u00a3' || p.ch == u'/' ||
            p.ch == u':') {
            return true;
        }
        if ((p.ch == u'.' || p.ch == u',') && isNumber(i - 2) && glued(i - 1)) {
            return true;
        }
        if (isDash(i - 1) && glued(i - 1) && inRange(i - 2) && m_t[i - 2].type == TokType::Word) {
            return !isWord(i - 2, W::Mid); // "mid-2016" is fine, "Su-2025" is not
        }
        return false;
    }

    bool sentenceStart(qsizetype i) const
    {
        if (i <= 0 || m_t[i].lineStart) {
            return true;
        }
        const Token &p = m_t[i - 1];
        return p.type == TokType::Punct && (p.ch == u'.' || p.ch == u'!' || p.ch == u'?' || p.ch == u':' ||
                                            p.ch == u'"' || p.ch == u'\u201c');
    }

    bool isQuantityNoun(qsizetype i) const
    {
        return isCat(i, Cat::Quantity) || (isCat(i, Cat::Unit) && plural(i));
    }

    // A future marker earlier in the same clause ("will", "scheduled to", …).
    bool futureContext(qsizetype i) const
    {
        for (qsizetype k = i - 1, steps = 0; k >= 0 && steps < 20; --k, ++steps) {
            const Token &t = m_t[k];
            if (t.type == TokType::Punct) {
                if (t.ch == u'.' || t.ch == u';' || t.ch == u'!' || t.ch == u'?' || t.ch == u',') {
                    return false;
                }
                continue;
            }
            if (t.type == TokType::Word && t.key.cat == Cat::Future) {
                return true;
            }
        }
        return false;
    }

    // Count: digits, one..ninety (with "twenty-five"), "a"/"an" when allowed, times "dozen".
    bool parseCount(qsizetype i, bool allowArticle, int *n, qsizetype *next) const
    {
        qsizetype k = i + 1;
        int v = 0;
        if (isNumber(i)) {
            const Token &t = m_t[i];
            if (t.digits > 3 || t.ordinal || t.decade || t.value < 1 || gluedHead(i) || gluedTail(i)) {
                return false;
            }
            v = t.value;
        } else if (isCat(i, Cat::Count)) {
            v = m_t[i].key.value;
            const bool article = v == 1 && textOf(i).size() <= 2; // "a", "an"
            if (article && !allowArticle && !isWord(k, W::Dozen)) {
                return false;
            }
            if (v >= 20 && isDash(k) && glued(k) && isCat(k + 1, Cat::Count) && glued(k + 1) &&
                m_t[k + 1].key.value < 10) {
                v += m_t[k + 1].key.value;
                k += 2;
            }
        } else {
            return false;
        }
        if (isWord(k, W::Dozen)) {
            v *= 12;
            ++k;
        }
        *n = v;
        *next = k;
        return true;
    }

    // --- resolution against the anchor --------------------------------------------------------

    DatePoint weekdayDate(int weekday, Dir dir) const
    {
        if (!m_anchor.isValid()) {
            return {};
        }
        const int a = m_anchor.dayOfWeek();
        switch (dir) {
        case Dir::Future:
        case Dir::Next: {
            int delta = (weekday - a + 7) % 7;
            if (delta == 0 && dir == Dir::Next) {
                delta = 7;
            }
            return DatePoint::day(m_anchor.addDays(delta));
        }
        case Dir::Past:
        case Dir::Last:
        case Dir::This: {
            int delta = (a - weekday + 7) % 7;
            if (delta == 0 && dir == Dir::Last) {
                delta = 7;
            }
            return DatePoint::day(m_anchor.addDays(-delta));
        }
        }
        return {};
    }

    DatePoint monthDate(int month, Dir dir) const
    {
        if (!m_anchor.isValid()) {
            return {};
        }
        const int am = m_anchor.month();
        int y = m_anchor.year();
        switch (dir) {
        case Dir::Past:
            y = month <= am ? y : y - 1;
            break;
        case Dir::Future:
            y = month >= am ? y : y + 1;
            break;
        case Dir::Last:
            y = month < am ? y : y - 1;
            break;
        case Dir::Next:
            y = month > am ? y : y + 1;
            break;
        case Dir::This:
            break;
        }
        return DatePoint::month(y, month);
    }

    // A month-day without a year. In marked future tense, the first one on or after the anchor.
    // Otherwise the year that puts it nearest the anchor, dates after the anchor counting six times
    // as far: unmarked text is mostly past ("on Sept. 5") but present tense can point ahead ("talks
    // are set for March 30").
    DatePoint monthDayDate(int month, int day, bool future) const
    {
        if (!m_anchor.isValid()) {
            return {};
        }
        DatePoint best;
        qint64 bestScore = 0;
        for (int y = m_anchor.year() - 1; y <= m_anchor.year() + 1; ++y) {
            const QDate d(y, month, day);
            if (!d.isValid()) {
                continue;
            }
            const qint64 dist = m_anchor.daysTo(d);
            if (future && dist < 0) {
                continue;
            }
            const qint64 score = dist < 0 ? -dist : dist * 6;
            if (!best.isValid() || score < bestScore) {
                best = DatePoint::day(d);
                bestScore = score;
            }
        }
        return best;
    }

    DatePoint seasonDate(int season, Dir dir) const
    {
        if (!m_anchor.isValid()) {
            return {};
        }
        const int ay = m_anchor.year();
        DatePoint best;
        qint64 bestDistance = 0;
        // Candidates run forward in time, so the first hit is the earliest and the last the latest.
        for (int y = ay - 2; y <= ay + 2; ++y) {
            const DatePoint s = DatePoint::season(y, season);
            const bool before = s.end < m_anchor;
            const bool after = s.start > m_anchor;
            switch (dir) {
            case Dir::Last:
                if (before) {
                    best = s;
                }
                break;
            case Dir::Past:
                if (!after) {
                    best = s;
                }
                break;
            case Dir::Next:
                if (after && !best.isValid()) {
                    best = s;
                }
                break;
            case Dir::Future:
                if (!before && !best.isValid()) {
                    best = s;
                }
                break;
            case Dir::This: {
                const qint64 d = before ? s.end.daysTo(m_anchor) : (after ? m_anchor.daysTo(s.start) : 0);
                if (!best.isValid() || d < bestDistance) {
                    best = s;
                    bestDistance = d;
                }
                break;
            }
            }
        }
        return best;
    }

    QDate monday() const { return m_anchor.addDays(1 - m_anchor.dayOfWeek()); }

    DatePoint daySpan(QDate from, QDate to) const
    {
        return DatePoint::span(DatePoint::day(from), DatePoint::day(to));
    }

    DatePoint weekDate(Dir dir) const
    {
        if (!m_anchor.isValid()) {
            return {};
        }
        const int offset = dir == Dir::Last ? -7 : (dir == Dir::Next ? 7 : 0);
        const QDate m = monday().addDays(offset);
        return daySpan(m, m.addDays(6));
    }

    DatePoint weekendDate(Dir dir) const
    {
        if (!m_anchor.isValid()) {
            return {};
        }
        QDate sat = monday().addDays(5);
        switch (dir) {
        case Dir::Last:
            // The latest weekend already over: on a Sunday that is the one before.
            if (sat.addDays(1) >= m_anchor) {
                sat = sat.addDays(-7);
            }
            break;
        case Dir::Past:
            if (sat > m_anchor) {
                sat = sat.addDays(-7);
            }
            break;
        case Dir::Next:
            sat = sat.addDays(7);
            break;
        case Dir::Future:
        case Dir::This:
            break;
        }
        return daySpan(sat, sat.addDays(1));
    }

    DatePoint calendarDate(Unit u, Dir dir) const
    {
        if (!m_anchor.isValid()) {
            return {};
        }
        const int step = dir == Dir::Last ? -1 : (dir == Dir::Next ? 1 : 0);
        switch (u) {
        case Unit::Week:
            return weekDate(dir);
        case Unit::Month: {
            const QDate d = m_anchor.addMonths(step);
            return DatePoint::month(d.year(), d.month());
        }
        case Unit::Year:
            return DatePoint::year(m_anchor.year() + step);
        default:
            break;
        }
        return {};
    }

    static int unitDays(Unit u)
    {
        switch (u) {
        case Unit::Week:
            return 7;
        case Unit::Fortnight:
            return 14;
        default:
            return 1;
        }
    }

    // The span of n units ending (or, forward, starting) at the anchor.
    DatePoint durationDate(int n, Unit u, bool forward) const
    {
        if (!m_anchor.isValid()) {
            return {};
        }
        const int sign = forward ? 1 : -1;
        switch (u) {
        case Unit::Hour:
        case Unit::Day:
        case Unit::Week:
        case Unit::Fortnight: {
            const int days = u == Unit::Hour ? (n + 23) / 24 : n * unitDays(u);
            const QDate other = m_anchor.addDays(qint64(sign) * days);
            return forward ? daySpan(m_anchor, other) : daySpan(other, m_anchor);
        }
        case Unit::Month:
        case Unit::Year:
        case Unit::Decade: {
            const int months = n * (u == Unit::Month ? 1 : (u == Unit::Year ? 12 : 120));
            const QDate other = m_anchor.addMonths(sign * months);
            const DatePoint a = DatePoint::month(m_anchor.year(), m_anchor.month());
            const DatePoint b = DatePoint::month(other.year(), other.month());
            return forward ? DatePoint::span(a, b) : DatePoint::span(b, a);
        }
        }
        return {};
    }

    DatePoint agoDate(int n, Unit u) const
    {
        if (!m_anchor.isValid()) {
            return {};
        }
        switch (u) {
        case Unit::Hour:
            return DatePoint::day(m_anchor.addDays(-(n / 24)));
        case Unit::Day:
        case Unit::Week:
        case Unit::Fortnight:
            return DatePoint::day(m_anchor.addDays(-qint64(n) * unitDays(u)));
        case Unit::Month: {
            const QDate d = m_anchor.addMonths(-n);
            return DatePoint::month(d.year(), d.month());
        }
        case Unit::Year:
            return DatePoint::year(m_anchor.year() - n);
        case Unit::Decade:
            return DatePoint::year(m_anchor.year() - 10 * n);
        }
        return {};
    }

    DatePoint relativeDay(int offset) const
    {
        return m_anchor.isValid() ? DatePoint::day(m_anchor.addDays(offset)) : DatePoint();
    }

    static Core make(qsizetype first, qsizetype last, const DatePoint &date, bool relative)
    {
        Core c;
        c.first = first;
        c.last = last;
        c.date = date;
        c.relative = relative;
        return c;
    }

    // --- cores ---------------------------------------------------------------------------------

    Core coreAt(qsizetype i, bool force) const
    {
        Core best;
        const auto consider = [&](const Core &c) {
            if (!c.ok()) {
                return;
            }
            if (!best.ok() ||
                m_t[c.last].end - m_t[c.first].begin > m_t[best.last].end - m_t[best.first].begin) {
                best = c;
            }
        };
        const Token &t = m_t[i];
        if (t.type == TokType::Number) {
            consider(isoDate(i));
            consider(numericDate(i));
            consider(nineEleven(i));
            consider(yearRange(i));
            consider(decade(i));
            consider(dayMonth(i));
            consider(ago(i));
            consider(bareYear(i, force));
            return best;
        }
        if (t.type != TokType::Word) {
            return best;
        }
        switch (t.key.cat) {
        case Cat::Month:
        case Cat::MonthAbbr:
            consider(monthFirst(i, force));
            break;
        case Cat::Weekday:
            consider(weekday(i));
            break;
        case Cat::Season:
            consider(season(i, force));
            break;
        case Cat::Count:
            consider(ago(i));
            break;
        case Cat::Word:
            consider(wordFirst(i));
            break;
        case Cat::Unit:
            consider(endOfThe(i));
            break;
        default:
            break;
        }
        if (t.key.namedHead) {
            consider(named(i));
        }
        return best;
    }

    // 2016-08-22
    Core isoDate(qsizetype i) const
    {
        if (m_t[i].digits != 4 || gluedHead(i)) {
            return {};
        }
        if (!(isPunct(i + 1, u'-') && glued(i + 1) && isNumber(i + 2) && glued(i + 2) &&
              m_t[i + 2].digits == 2 && isPunct(i + 3, u'-') && glued(i + 3) && isNumber(i + 4) &&
              glued(i + 4) && m_t[i + 4].digits == 2)) {
            return {};
        }
        const QDate d(m_t[i].value, m_t[i + 2].value, m_t[i + 4].value);
        if (!d.isValid()) {
            return {};
        }
        return make(i, i + 4, DatePoint::day(d), false);
    }

    // 22/08/2016, 04.17.2023: only when day and month cannot be confused.
    Core numericDate(qsizetype i) const
    {
        if (m_t[i].digits > 2 || gluedHead(i)) {
            return {};
        }
        const qsizetype s1 = i + 1;
        if (!(isPunct(s1, u'/') || isPunct(s1, u'.')) || !glued(s1)) {
            return {};
        }
        const char16_t sep = m_t[s1].ch;
        if (!(isNumber(i + 2) && glued(i + 2) && m_t[i + 2].digits <= 2 && isPunct(i + 3, sep) &&
              glued(i + 3) && isYear(i + 4) && glued(i + 4)) ||
            gluedTail(i + 4)) {
            return {};
        }
        const int a = m_t[i].value;
        const int b = m_t[i + 2].value;
        QDate d;
        if (a > 12 && b <= 12) {
            d = QDate(m_t[i + 4].value, b, a);
        } else if (b > 12 && a <= 12) {
            d = QDate(m_t[i + 4].value, a, b);
        }
        if (!d.isValid()) {
            return {};
        }
        return make(i, i + 4, DatePoint::day(d), false);
    }

    // 9/11
    Core nineEleven(qsizetype i) const
    {
        if (m_t[i].value != 9 || m_t[i].digits != 1 || gluedHead(i)) {
            return {};
        }
        if (!(isPunct(i + 1, u'/') && glued(i + 1) && isNumber(i + 2) && glued(i + 2) &&
              m_t[i + 2].value == 11 && m_t[i + 2].digits == 2) ||
            gluedTail(i + 2)) {
            return {};
        }
        return make(i, i + 2, DatePoint::day(QDate(2001, 9, 11)), false);
    }

    // 2014-2016, 1942-45, 2016/17, 2014 – 2016
    Core yearRange(qsizetype i) const
    {
        if (!isYear(i, 1900, 2100) || gluedHead(i)) {
            return {};
        }
        const qsizetype s = i + 1;
        const bool tight = glued(s) && glued(s + 1);
        const bool spaced = inRange(s + 1) && !glued(s) && !glued(s + 1);
        if (!((isPunct(s, u'-') || isPunct(s, u'/') || isDash(s)) && (tight || (spaced && isDash(s))))) {
            return {};
        }
        const qsizetype j = i + 2;
        if (!isNumber(j) || (m_t[j].digits != 2 && m_t[j].digits != 4) || m_t[j].ordinal || gluedTail(j)) {
            return {};
        }
        const int from = m_t[i].value;
        const int to = m_t[j].digits == 2 ? from / 100 * 100 + m_t[j].value : m_t[j].value;
        if (to <= from || to - from > 100 || isQuantityNoun(j + 1)) {
            return {};
        }
        return make(i, j, DatePoint::span(DatePoint::year(from), DatePoint::year(to)), false);
    }

    // the 1990s
    Core decade(qsizetype i) const
    {
        const Token &t = m_t[i];
        if (!t.decade || t.value < 1800 || t.value > 2090 || gluedHead(i)) {
            return {};
        }
        Core c = make(i, i, DatePoint::span(DatePoint::year(t.value), DatePoint::year(t.value + 9)), false);
        c.decade = true;
        c.takesThe = true;
        return c;
    }

    // A month name (or abbreviation) at i, capitalised, with its optional full stop; returns the
    // index after it, or -1.
    qsizetype monthToken(qsizetype i, int *month, bool *abbr) const
    {
        if (!(isCat(i, Cat::Month) || isCat(i, Cat::MonthAbbr)) || !m_t[i].upper) {
            return -1;
        }
        *month = m_t[i].key.value;
        *abbr = m_t[i].key.cat == Cat::MonthAbbr;
        if (*abbr && isPunct(i + 1, u'.') && glued(i + 1)) {
            return i + 2;
        }
        return i + 1;
    }

    bool isDayNumber(qsizetype i) const
    {
        return isNumber(i) && m_t[i].digits <= 2 && m_t[i].value >= 1 && m_t[i].value <= 31 &&
               !m_t[i].decade && !gluedHead(i) && !gluedTail(i);
    }

    // Finishes "<month> <day>" or "<day> <month>" whose last token is `last`: an optional
    // "[,] 2016" follows.
    Core finishMonthDay(qsizetype first, qsizetype last, int month, int day) const
    {
        qsizetype k = last + 1;
        if (isPunct(k, u',')) {
            ++k;
        }
        if (isYear(k) && !gluedTail(k)) {
            const QDate d(m_t[k].value, month, day);
            if (!d.isValid()) {
                return {};
            }
            return make(first, k, DatePoint::day(d), false);
        }
        if (!QDate(2000, month, day).isValid()) {
            return {};
        }
        if (month == 9 && day == 11 && isWord(last + 1, W::Attacks)) {
            Core c = make(first, last + 1, DatePoint::day(QDate(2001, 9, 11)), false);
            c.takesThe = true;
            return c;
        }
        Core c = make(first, last, monthDayDate(month, day, futureContext(first)), true);
        c.month = month;
        c.day = day;
        return c;
    }

    // 28 March [2016], the 28th of March
    Core dayMonth(qsizetype i) const
    {
        if (!isDayNumber(i)) {
            return {};
        }
        qsizetype j = i + 1;
        if (m_t[i].ordinal && isWord(j, W::Of)) {
            ++j;
        }
        int month = 0;
        bool abbr = false;
        const qsizetype after = monthToken(j, &month, &abbr);
        if (after < 0) {
            return {};
        }
        Core c = finishMonthDay(i, after - 1, month, m_t[i].value);
        c.takesThe = m_t[i].ordinal;
        return c;
    }

    // Words before a bare month name that make it a date.
    bool monthContext(qsizetype k, int month) const
    {
        if (isDash(k) && glued(k) && isWord(k - 1, W::Mid)) {
            return true;
        }
        switch (wordAt(k)) {
        case W::In:
        case W::Since:
        case W::Until:
        case W::Till:
        case W::Through:
        case W::Throughout:
        case W::During:
        case W::Early:
        case W::Mid:
        case W::Late:
        case W::Of:
        case W::Between:
            return true;
        // "by May", "from May" are as often Theresa May.
        case W::By:
        case W::From:
        case W::Before:
        case W::After:
        case W::To:
        case W::And:
        case W::Or:
        case W::For:
            return month != 5;
        default:
            return false;
        }
    }

    // March 28[, 2016] | Sept. 5 | March [of] 2016 | in March
    Core monthFirst(qsizetype i, bool force) const
    {
        int month = 0;
        bool abbr = false;
        const qsizetype j = monthToken(i, &month, &abbr);
        if (j < 0) {
            return {};
        }
        if (isDayNumber(j)) {
            return finishMonthDay(i, j, month, m_t[j].value);
        }
        qsizetype k = j;
        if (isWord(k, W::Of) || isPunct(k, u',')) {
            ++k;
        }
        if (isYear(k) && !gluedTail(k)) {
            return make(i, k, DatePoint::month(m_t[k].value, month), false);
        }
        if (abbr || (!force && !monthContext(i - 1, month))) {
            return {};
        }
        if (month == 5 && (isPunct(j, u'\'') || isPunct(j, u'\u2019'))) {
            return {}; // "May's government"
        }
        Core c = make(i, i, monthDate(month, futureContext(i) ? Dir::Future : Dir::Past), true);
        c.month = month;
        return c;
    }

    // Tuesday [morning] | Tuesday, March 28[, 2016]
    Core weekday(qsizetype i) const
    {
        if (!m_t[i].upper) {
            return {};
        }
        // "Super Tuesday", "Good Friday", "Bloody Sunday": a capitalised unknown word before it, not
        // at the start of a sentence, makes the weekday part of a name.
        const qsizetype p = i - 1;
        if (isCat(p, Cat::None) && m_t[p].upper && !sentenceStart(p)) {
            return {};
        }
        qsizetype last = i;
        const W part = wordAt(i + 1);
        if (part == W::Morning || part == W::Afternoon || part == W::Evening || part == W::Night) {
            last = i + 1;
        }
        qsizetype k = last + 1;
        if (isPunct(k, u',')) {
            ++k;
        }
        Core full = monthFirst(k, false);
        if (!full.ok() || full.date.interval || full.date.precision != DatePrecision::Day) {
            full = isNumber(k) ? dayMonth(k) : Core();
        }
        if (full.ok() && (full.date.precision == DatePrecision::Day || full.day > 0)) {
            full.first = i;
            return full;
        }
        const int wd = m_t[i].key.value;
        return make(i, last, weekdayDate(wd, futureContext(i) ? Dir::Future : Dir::Past), true);
    }

    // summer [of] 2016 | winter of 2016/17 | in the summer
    Core season(qsizetype i, bool force) const
    {
        const int value = m_t[i].key.value;
        const int s = value == kFall ? 2 : value;
        qsizetype k = i + 1;
        if (isWord(k, W::Of)) {
            ++k;
        }
        if (isYear(k) && !gluedHead(k)) {
            int y = m_t[k].value;
            qsizetype last = k;
            const qsizetype j = k + 2;
            if ((isPunct(k + 1, u'/') || isDash(k + 1)) && isNumber(j) && glued(j) && glued(k + 1) &&
                (m_t[j].digits == 2 || m_t[j].digits == 4)) {
                const int to = m_t[j].digits == 2 ? y / 100 * 100 + m_t[j].value : m_t[j].value;
                if (to == y + 1) {
                    last = j;
                    if (s == 3) {
                        y = to; // winter 2016/17 ends in 2017
                    }
                }
            } else if (gluedTail(k)) {
                return {};
            }
            Core c = make(i, last, DatePoint::season(y, s), false);
            c.takesThe = true;
            return c;
        }
        if (value == kFall && isWord(i + 1, W::Of)) {
            return {}; // "the fall of Aleppo"
        }
        if (!force) {
            const auto context = [this](qsizetype p) {
                if (isDash(p) && glued(p) && isWord(p - 1, W::Mid)) {
                    return true;
                }
                switch (wordAt(p)) {
                case W::In:
                case W::During:
                case W::Over:
                case W::Through:
                case W::Throughout:
                case W::Since:
                case W::Until:
                case W::Till:
                case W::By:
                case W::Before:
                case W::After:
                case W::From:
                case W::For:
                case W::Early:
                case W::Late:
                case W::Mid:
                    return true;
                default:
                    return false;
                }
            };
            const bool ok =
                context(i - 1) || (isWord(i - 1, W::The) && (context(i - 2) || isWord(i - 2, W::Of)));
            if (!ok) {
                return {};
            }
        }
        Core c = make(i, i, seasonDate(s, futureContext(i) ? Dir::Future : Dir::Past), true);
        c.takesThe = true;
        return c;
    }

    // 18 months ago, a year ago, two dozen years ago
    Core ago(qsizetype i) const
    {
        int n = 0;
        qsizetype k = 0;
        if (!parseCount(i, true, &n, &k) || !isCat(k, Cat::Unit) || !isWord(k + 1, W::Ago)) {
            return {};
        }
        return make(i, k + 1, agoDate(n, unitAt(k)), true);
    }

    Core bareYear(qsizetype i, bool force) const
    {
        if (!isYear(i, 1900, 2100) || gluedHead(i) || gluedTail(i)) {
            return {};
        }
        const qsizetype n = i + 1;
        const bool possessive = (isPunct(n, u'\'') || isPunct(n, u'\u2019')) && glued(n) && inRange(n + 1) &&
                                glued(n + 1) && textOf(n + 1) == u"s";
        if (!possessive && isQuantityNoun(n)) {
            return {};
        }
        if (isCat(i - 1, Cat::DenyBefore) || isNumber(i - 1)) {
            return {};
        }
        bool ok = force || possessive;
        if (!ok) {
            switch (wordAt(i - 1)) {
            case W::In:
            case W::Since:
            case W::By:
            case W::Until:
            case W::Till:
            case W::From:
            case W::Of:
            case W::During:
            case W::Before:
            case W::After:
            case W::Early:
            case W::Late:
            case W::Mid:
            case W::Through:
            case W::Throughout:
            case W::Between:
            case W::Circa:
            case W::For:
            case W::The:
            case W::Determiner:
                ok = true;
                break;
            case W::And:
            case W::Or:
                ok = isYear(i - 2, 1900, 2100); // "in 2014 and 2016"
                break;
            default:
                break;
            }
        }
        if (!ok && isPunct(i - 1, u',')) {
            ok = isYear(i - 2, 1900, 2100); // "in 2014, 2015 and 2016"
        }
        if (!ok && isCat(i - 1, Cat::None) && textOf(i - 1) == u"s" && glued(i - 1) &&
            (isPunct(i - 2, u'\'') || isPunct(i - 2, u'\u2019'))) {
            ok = true; // "Iran's 1979 revolution"
        }
        if (!ok && isDash(i - 1) && glued(i) && isWord(i - 2, W::Mid)) {
            ok = true;
        }
        if (!ok && isCat(i - 1, Cat::Unit) && unitAt(i - 1) == Unit::Year && !plural(i - 1)) {
            ok = true; // "the year 2016"
        }
        if (!ok) {
            if (!inRange(n)) {
                ok = true;
            } else if (m_t[n].type == TokType::Punct) {
                const char16_t c = m_t[n].ch;
                ok = c == u',' || c == u'.' || c == u';' || c == u':' || c == u')' || c == u'!' || c == u'?';
            } else if (isWord(n, W::YearVerb)) {
                ok = true;
            }
        }
        if (!ok) {
            return {};
        }
        return make(i, i, DatePoint::year(m_t[i].value), false);
    }

    Core wordFirst(qsizetype i) const
    {
        const W w = wordAt(i);
        switch (w) {
        case W::Today:
        case W::Tonight:
        case W::Yesterday:
        case W::Tomorrow: {
            const int offset = w == W::Yesterday ? -1 : (w == W::Tomorrow ? 1 : 0);
            qsizetype last = i;
            const W part = wordAt(i + 1);
            if (w != W::Tonight &&
                (part == W::Morning || part == W::Afternoon || part == W::Evening || part == W::Night)) {
                last = i + 1;
            }
            return make(i, last, relativeDay(offset), true);
        }
        case W::This:
        case W::Last:
        case W::Next:
        case W::Past:
        case W::Coming:
            return relative(i);
        case W::The:
            // the day before yesterday, the day after tomorrow
            if (isCat(i + 1, Cat::Unit) && unitAt(i + 1) == Unit::Day && !plural(i + 1)) {
                if (isWord(i + 2, W::Before) && isWord(i + 3, W::Yesterday)) {
                    return make(i, i + 3, relativeDay(-2), true);
                }
                if (isWord(i + 2, W::After) && isWord(i + 3, W::Tomorrow)) {
                    return make(i, i + 3, relativeDay(2), true);
                }
            }
            return {};
        case W::Weekend: {
            // over/at/during/on the weekend
            if (!isWord(i - 1, W::The)) {
                return {};
            }
            const W p = wordAt(i - 2);
            if (p != W::Over && p != W::At && p != W::During && p != W::On) {
                return {};
            }
            Core c = make(i, i, weekendDate(futureContext(i) ? Dir::Future : Dir::Past), true);
            c.takesThe = true;
            return c;
        }
        default:
            return {};
        }
    }

    // this/last/next/past/coming + week, month, year, weekday, month name, season, count + unit
    Core relative(qsizetype i) const
    {
        W w = wordAt(i);
        qsizetype j = i + 1;
        if (w == W::This && isWord(j, W::Past)) {
            w = W::Last; // "this past weekend"
            ++j;
        }
        const bool the = isWord(i - 1, W::The);
        const qsizetype first = the ? i - 1 : i;
        const bool forward = w == W::Next || w == W::Coming;
        int n = 0;
        qsizetype k = 0;
        if (w != W::This && parseCount(j, false, &n, &k) && isCat(k, Cat::Unit) && !isWord(k + 1, W::Of)) {
            return make(first, k, durationDate(n, unitAt(k), forward), true);
        }
        const Dir dir = w == W::Last ? Dir::Last : (w == W::Next ? Dir::Next : Dir::This);
        if (isCat(j, Cat::Unit)) {
            const Unit u = unitAt(j);
            if (plural(j) || isWord(j + 1, W::Of)) {
                return {}; // "the past months" is no span; "the last week of March" is not last week
            }
            // "the past year", "the last decade" are spans ending at the anchor; "the next day" is
            // narrative time, not the anchor's.
            const bool spanUnit = u != Unit::Day && u != Unit::Hour;
            if (spanUnit && (w == W::Past || (u == Unit::Decade && w != W::This) || (the && w != W::This))) {
                return make(first, j, durationDate(1, u, forward), true);
            }
            if (the || w == W::Coming || w == W::Past) {
                return {};
            }
            if (u != Unit::Week && u != Unit::Month && u != Unit::Year) {
                return {};
            }
            return make(i, j, calendarDate(u, dir), true);
        }
        if (the || w == W::Coming || w == W::Past) {
            return {};
        }
        if (isWord(j, W::Weekend)) {
            return make(i, j,
                        weekendDate(dir == Dir::This ? (futureContext(i) ? Dir::Future : Dir::This) : dir),
                        true);
        }
        if (isCat(j, Cat::Weekday) && m_t[j].upper) {
            const Dir d = dir == Dir::This ? (futureContext(i) ? Dir::Future : Dir::Past) : dir;
            return make(i, j, weekdayDate(m_t[j].key.value, d), true);
        }
        if (isCat(j, Cat::Month) && m_t[j].upper) {
            return make(i, j, monthDate(m_t[j].key.value, dir), true);
        }
        if (isCat(j, Cat::Season)) {
            const int v = m_t[j].key.value;
            return make(i, j, seasonDate(v == kFall ? 2 : v, dir), true);
        }
        const W part = wordAt(j);
        if (w == W::This && (part == W::Morning || part == W::Afternoon || part == W::Evening)) {
            return make(i, j, relativeDay(0), true);
        }
        if (w == W::Last && part == W::Night) {
            return make(i, j, relativeDay(-1), true);
        }
        return {};
    }

    // "the year" / "the month" / "the week" after "the end of" and the like: the anchor's.
    Core endOfThe(qsizetype i) const
    {
        if (plural(i) || !isWord(i - 1, W::The) || !isWord(i - 2, W::Of)) {
            return {};
        }
        const W m = wordAt(i - 3);
        if (m != W::End && m != W::Beginning && m != W::Start && m != W::Middle) {
            return {};
        }
        const Unit u = unitAt(i);
        if (u != Unit::Week && u != Unit::Month && u != Unit::Year) {
            return {};
        }
        return make(i - 1, i, calendarDate(u, Dir::This), true);
    }

    Core named(qsizetype i) const
    {
        Core best;
        for (const NamedPeriod &p : kNamed) {
            if (p.needsThe && !isWord(i - 1, W::The)) {
                continue;
            }
            qsizetype k = i;
            qsizetype last = -1;
            bool ok = true;
            for (const char *w : p.words) {
                if (!w) {
                    break;
                }
                while (k > i && isDash(k)) {
                    ++k;
                }
                if (!inRange(k) || m_t[k].type == TokType::Punct ||
                    textOf(k).compare(QLatin1String(w), Qt::CaseInsensitive) != 0) {
                    ok = false;
                    break;
                }
                last = k++;
            }
            if (!ok || (best.ok() && last <= best.last)) {
                continue;
            }
            const DatePoint d = p.from == p.to
                                    ? DatePoint::year(p.from)
                                    : DatePoint::span(DatePoint::year(p.from), DatePoint::year(p.to));
            best = make(i, last, d, false);
            best.named = p.from != p.to;
            best.takesThe = true;
        }
        return best;
    }

    // --- attaching modifiers, prepositions and ranges -------------------------------------------

    // Modifiers before position f ("early", "mid-", "the end of"); moves f back over them.
    Mod takeModifier(qsizetype *f) const
    {
        const W w = wordAt(*f - 1);
        if (w == W::Early || w == W::Late || w == W::Earlier || w == W::Later || w == W::Mid) {
            --*f;
            return Mod::None;
        }
        if (isDash(*f - 1) && glued(*f - 1) && glued(*f) && isWord(*f - 2, W::Mid)) {
            *f -= 2;
            return Mod::None;
        }
        if (w == W::Of) {
            const W m = wordAt(*f - 2);
            if (m == W::End || m == W::Beginning || m == W::Start || m == W::Middle || m == W::Outbreak) {
                *f -= 2;
                if (isWord(*f - 1, W::The)) {
                    --*f;
                }
                return m == W::End ? Mod::End : (m == W::Middle ? Mod::None : Mod::Start);
            }
        }
        return Mod::None;
    }

    static DatePoint collapse(const Core &c, Mod mod, Kind kind)
    {
        const DatePoint &d = c.date;
        if (!(c.named || c.decade) || !d.interval || !d.isValid()) {
            return d;
        }
        if (mod == Mod::Start) {
            return DatePoint::year(d.start.year());
        }
        if (mod == Mod::End) {
            return DatePoint::year(d.end.year());
        }
        if (c.named && kind == Kind::Since) {
            return DatePoint::year(d.end.year());
        }
        if (c.named && kind == Kind::Until) {
            return DatePoint::year(d.start.year());
        }
        return d;
    }

    Candidate extend(const Core &c, W *prepOut) const
    {
        qsizetype f = c.first;
        if (c.takesThe && isWord(f - 1, W::The)) {
            --f;
        }
        const Mod mod = takeModifier(&f);
        if (c.takesThe && isWord(f - 1, W::The)) {
            --f;
        }
        W prep = W::None;
        const W p = wordAt(f - 1);
        switch (p) {
        case W::Since:
        case W::After:
        case W::From:
        case W::Until:
        case W::Till:
        case W::Through:
        case W::By:
        case W::Before:
        case W::In:
        case W::On:
        case W::At:
        case W::During:
        case W::Over:
        case W::For:
        case W::Within:
        case W::Throughout:
            prep = p;
            --f;
            if ((prep == W::Until || prep == W::Till) && isWord(f - 1, W::Up)) {
                --f;
            }
            break;
        case W::To:
            if (isWord(f - 2, W::Up)) {
                prep = W::Until;
                f -= 2;
            }
            break;
        case W::Of:
            // over the course of, in the course of, during the course of
            if (isWord(f - 2, W::Course) && isWord(f - 3, W::The) &&
                (isWord(f - 4, W::Over) || isWord(f - 4, W::In) || isWord(f - 4, W::During))) {
                prep = W::Over;
                f -= 4;
            }
            break;
        default:
            break;
        }
        Kind kind = Kind::Point;
        switch (prep) {
        case W::Since:
        case W::After:
        case W::From:
            kind = Kind::Since;
            break;
        case W::Until:
        case W::Till:
        case W::Through:
        case W::By:
        case W::Before:
            kind = Kind::Until;
            break;
        default:
            break;
        }
        Candidate a;
        a.first = f;
        a.last = c.last;
        a.date = collapse(c, mod, kind);
        a.relative = c.relative;
        a.kind = kind == Kind::Point && a.date.interval ? Kind::Interval : kind;
        *prepOut = prep;
        return a;
    }

    // The second end of a range at k, after its own modifiers.
    Core rangeEnd(qsizetype k, Mod *mod) const
    {
        *mod = Mod::None;
        const W w = wordAt(k);
        if (w == W::Early || w == W::Late || w == W::Mid) {
            k += isDash(k + 1) ? 2 : 1;
        } else if (isWord(k, W::The) && isWord(k + 2, W::Of) &&
                   (isWord(k + 1, W::End) || isWord(k + 1, W::Beginning) || isWord(k + 1, W::Start))) {
            *mod = isWord(k + 1, W::End) ? Mod::End : Mod::Start;
            k += 3;
        }
        if (!inRange(k)) {
            return {};
        }
        Core b = coreAt(k, true);
        if (!b.ok() && isWord(k, W::The) && inRange(k + 1)) {
            b = coreAt(k + 1, true);
        }
        return b;
    }

    // between A and B | from A to/until/through B
    bool range(const Core &a, const Candidate &ca, W prep, Candidate *out) const
    {
        const qsizetype j = a.last + 1;
        const bool between = isWord(ca.first - 1, W::Between) && isWord(j, W::And);
        const W sep = wordAt(j);
        const bool from = prep == W::From && (sep == W::To || sep == W::Until || sep == W::Till ||
                                              sep == W::Through || isDash(j));
        if (!between && !from) {
            return false;
        }
        Mod mod = Mod::None;
        Core b = rangeEnd(j + 1, &mod);
        if (!b.ok()) {
            return false;
        }
        b.date = collapse(b, mod, Kind::Point);
        DatePoint da = ca.date;
        bool relative = ca.relative || b.relative;
        // "between March and May 2016": the year of one end settles the other.
        if (a.month > 0 && b.month == 0 && b.date.isValid() && !b.relative) {
            const int y = a.month <= b.date.start.month() ? b.date.start.year() : b.date.start.year() - 1;
            da = a.day > 0 ? DatePoint::day(QDate(y, a.month, a.day)) : DatePoint::month(y, a.month);
            relative = false;
        } else if (b.month > 0 && a.month == 0 && da.isValid() && !ca.relative) {
            const int y = b.month >= da.end.month() ? da.end.year() : da.end.year() + 1;
            b.date = b.day > 0 ? DatePoint::day(QDate(y, b.month, b.day)) : DatePoint::month(y, b.month);
            relative = false;
        }
        out->first = between ? ca.first - 1 : ca.first;
        out->last = b.last;
        out->date = DatePoint::span(da, b.date);
        out->kind = Kind::Interval;
        out->relative = relative;
        return true;
    }

    QStringView m_text;
    const Token *m_t;
    qsizetype m_n;
    QDate m_anchor;
};

} // namespace

QList<TimeExpression> TimeResolver::find(QStringView text, QDate anchor)
{
    Tokens tokens;
    if (!tokenize(text, tokens)) {
        return {};
    }
    return Matcher(text, tokens, anchor).run();
}

} // namespace Entente::Core
