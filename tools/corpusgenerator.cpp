#include "corpusgenerator.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

namespace Entente::Tools {

namespace {

// ------------------------------------------------------------------------------------------ random

/// SplitMix64: tiny, fast and identical everywhere, unlike the std distributions.
class Rng
{
public:
    explicit Rng(quint64 seed) : m_state(seed) {}
    quint64 next()
    {
        quint64 z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    /// Uniform in [0, n).
    int below(int n) { return n <= 1 ? 0 : static_cast<int>(next() % static_cast<quint64>(n)); }
    /// Uniform in [lo, hi].
    int between(int lo, int hi) { return lo + below(hi - lo + 1); }
    double unit() { return static_cast<double>(next() >> 11) / 9007199254740992.0; }
    bool chance(double p) { return unit() < p; }
    template <typename T, size_t N> const T &pick(const std::array<T, N> &a) { return a[below(int(N))]; }
    template <typename T> const T &pick(const std::vector<T> &a) { return a[below(int(a.size()))]; }

private:
    quint64 m_state;
};

// ------------------------------------------------------------------------------------------ actors

struct State
{
    const char *code;
    const char *name;
    const char *adjective;
    bool the; ///< written with "the" ("the United States")
};

// Names and adjectives as the bundled states.dict spells them (first name, first adjective); every
// one was checked to resolve to its code in subject and object position. (Left out: Kyrgyzstan, whose
// adjective did not resolve, and the Democratic Republic of the Congo, which the coder misses as the
// second member of a coordinated subject.) The busiest actors of the
// news come first: actors are drawn with Zipf weights by this order, as in real coverage.
const State kStates[] = {
    {"USA", "United States", "American", true},
    {"RUS", "Russia", "Russian", false},
    {"CHN", "China", "Chinese", false},
    {"GBR", "United Kingdom", "British", true},
    {"FRA", "France", "French", false},
    {"DEU", "Germany", "German", false},
    {"TUR", "Turkey", "Turkish", false},
    {"IRN", "Iran", "Iranian", false},
    {"ISR", "Israel", "Israeli", false},
    {"IND", "India", "Indian", false},
    {"JPN", "Japan", "Japanese", false},
    {"SAU", "Saudi Arabia", "Saudi", false},
    {"UKR", "Ukraine", "Ukrainian", false},
    {"SYR", "Syria", "Syrian", false},
    {"IRQ", "Iraq", "Iraqi", false},
    {"PAK", "Pakistan", "Pakistani", false},
    {"EGY", "Egypt", "Egyptian", false},
    {"KOR", "South Korea", "South Korean", false},
    {"PRK", "North Korea", "North Korean", false},
    {"AUS", "Australia", "Australian", false},
    {"POL", "Poland", "Polish", false},
    {"ITA", "Italy", "Italian", false},
    {"CAN", "Canada", "Canadian", false},
    {"BRA", "Brazil", "Brazilian", false},
    {"QAT", "Qatar", "Qatari", false},
    {"ARE", "United Arab Emirates", "Emirati", true},
    {"AFG", "Afghanistan", "Afghan", false},
    {"ESP", "Spain", "Spanish", false},
    {"NLD", "Netherlands", "Dutch", true},
    {"PHL", "Philippines", "Filipino", true},
    {"AGO", "Angola", "Angolan", false},
    {"ALB", "Albania", "Albanian", false},
    {"AND", "Andorra", "Andorran", false},
    {"ARG", "Argentina", "Argentine", false},
    {"ARM", "Armenia", "Armenian", false},
    {"ATG", "Antigua and Barbuda", "Antiguan", false},
    {"AUT", "Austria", "Austrian", false},
    {"AZE", "Azerbaijan", "Azerbaijani", false},
    {"BDI", "Burundi", "Burundian", false},
    {"BEL", "Belgium", "Belgian", false},
    {"BEN", "Benin", "Beninese", false},
    {"BFA", "Burkina Faso", "Burkinabe", false},
    {"BGD", "Bangladesh", "Bangladeshi", false},
    {"BGR", "Bulgaria", "Bulgarian", false},
    {"BHR", "Bahrain", "Bahraini", false},
    {"BHS", "Bahamas", "Bahamian", true},
    {"BIH", "Bosnia and Herzegovina", "Bosnian", false},
    {"BLR", "Belarus", "Belarusian", false},
    {"BLZ", "Belize", "Belizean", false},
    {"BOL", "Bolivia", "Bolivian", false},
    {"BRB", "Barbados", "Barbadian", false},
    {"BRN", "Brunei", "Bruneian", false},
    {"BTN", "Bhutan", "Bhutanese", false},
    {"BWA", "Botswana", "Motswana", false},
    {"CHE", "Switzerland", "Swiss", false},
    {"CHL", "Chile", "Chilean", false},
    {"CIV", "Ivory Coast", "Ivorian", false},
    {"CMR", "Cameroon", "Cameroonian", false},
    {"COL", "Colombia", "Colombian", false},
    {"COM", "Comoros", "Comoran", true},
    {"CPV", "Cabo Verde", "Cape Verdean", false},
    {"CRI", "Costa Rica", "Costa Rican", false},
    {"CUB", "Cuba", "Cuban", false},
    {"CYP", "Cyprus", "Cypriot", false},
    {"CZE", "Czechia", "Czech", false},
    {"DJI", "Djibouti", "Djiboutian", false},
    {"DNK", "Denmark", "Danish", false},
    {"DOM", "Dominican Republic", "Dominican", true},
    {"DZA", "Algeria", "Algerian", false},
    {"ECU", "Ecuador", "Ecuadorian", false},
    {"ERI", "Eritrea", "Eritrean", false},
    {"EST", "Estonia", "Estonian", false},
    {"ETH", "Ethiopia", "Ethiopian", false},
    {"FIN", "Finland", "Finnish", false},
    {"FJI", "Fiji", "Fijian", false},
    {"FSM", "Micronesia", "Micronesian", false},
    {"GAB", "Gabon", "Gabonese", false},
    {"GEO", "Georgia", "Georgian", false},
    {"GHA", "Ghana", "Ghanaian", false},
    {"GIN", "Guinea", "Guinean", false},
    {"GMB", "Gambia", "Gambian", true},
    {"GNB", "Guinea-Bissau", "Bissau-Guinean", false},
    {"GNQ", "Equatorial Guinea", "Equatorial Guinean", false},
    {"GRC", "Greece", "Greek", false},
    {"GRD", "Grenada", "Grenadian", false},
    {"GTM", "Guatemala", "Guatemalan", false},
    {"GUY", "Guyana", "Guyanese", false},
    {"HND", "Honduras", "Honduran", false},
    {"HRV", "Croatia", "Croatian", false},
    {"HTI", "Haiti", "Haitian", false},
    {"HUN", "Hungary", "Hungarian", false},
    {"IDN", "Indonesia", "Indonesian", false},
    {"IRL", "Ireland", "Irish", false},
    {"ISL", "Iceland", "Icelandic", false},
    {"JAM", "Jamaica", "Jamaican", false},
    {"JOR", "Jordan", "Jordanian", false},
    {"KAZ", "Kazakhstan", "Kazakh", false},
    {"KEN", "Kenya", "Kenyan", false},
    {"KHM", "Cambodia", "Cambodian", false},
    {"KIR", "Kiribati", "I-Kiribati", false},
    {"KNA", "Saint Kitts and Nevis", "Kittitian", false},
    {"KWT", "Kuwait", "Kuwaiti", false},
    {"LAO", "Laos", "Lao", false},
    {"LBN", "Lebanon", "Lebanese", false},
    {"LBR", "Liberia", "Liberian", false},
    {"LBY", "Libya", "Libyan", false},
    {"LCA", "Saint Lucia", "Saint Lucian", false},
    {"LIE", "Liechtenstein", "Liechtensteiner", false},
    {"LKA", "Sri Lanka", "Sri Lankan", false},
    {"LSO", "Lesotho", "Mosotho", false},
    {"LTU", "Lithuania", "Lithuanian", false},
    {"LUX", "Luxembourg", "Luxembourger", false},
    {"LVA", "Latvia", "Latvian", false},
    {"MAR", "Morocco", "Moroccan", false},
    {"MCO", "Monaco", "Monegasque", false},
    {"MDA", "Moldova", "Moldovan", false},
    {"MDG", "Madagascar", "Malagasy", false},
    {"MDV", "Maldives", "Maldivian", true},
    {"MEX", "Mexico", "Mexican", false},
    {"MHL", "Marshall Islands", "Marshallese", true},
    {"MKD", "North Macedonia", "North Macedonian", false},
    {"MLI", "Mali", "Malian", false},
    {"MLT", "Malta", "Maltese", false},
    {"MMR", "Myanmar", "Burmese", false},
    {"MNE", "Montenegro", "Montenegrin", false},
    {"MNG", "Mongolia", "Mongolian", false},
    {"MOZ", "Mozambique", "Mozambican", false},
    {"MRT", "Mauritania", "Mauritanian", false},
    {"MUS", "Mauritius", "Mauritian", false},
    {"MWI", "Malawi", "Malawian", false},
    {"MYS", "Malaysia", "Malaysian", false},
    {"NAM", "Namibia", "Namibian", false},
    {"NER", "Niger", "Nigerien", false},
    {"NGA", "Nigeria", "Nigerian", false},
    {"NIC", "Nicaragua", "Nicaraguan", false},
    {"NOR", "Norway", "Norwegian", false},
    {"NPL", "Nepal", "Nepali", false},
    {"NRU", "Nauru", "Nauruan", false},
    {"NZL", "New Zealand", "New Zealander", false},
    {"OMN", "Oman", "Omani", false},
    {"PAN", "Panama", "Panamanian", false},
    {"PER", "Peru", "Peruvian", false},
    {"PLW", "Palau", "Palauan", false},
    {"PNG", "Papua New Guinea", "Papua New Guinean", false},
    {"PRT", "Portugal", "Portuguese", false},
    {"PRY", "Paraguay", "Paraguayan", false},
    {"PSE", "Palestine", "Palestinian", false},
    {"ROU", "Romania", "Romanian", false},
    {"RWA", "Rwanda", "Rwandan", false},
    {"SDN", "Sudan", "Sudanese", false},
    {"SEN", "Senegal", "Senegalese", false},
    {"SGP", "Singapore", "Singaporean", false},
    {"SLB", "Solomon Islands", "Solomon Islander", true},
    {"SLE", "Sierra Leone", "Sierra Leonean", false},
    {"SLV", "El Salvador", "Salvadoran", false},
    {"SMR", "San Marino", "Sammarinese", false},
    {"SOM", "Somalia", "Somali", false},
    {"SRB", "Serbia", "Serbian", false},
    {"SSD", "South Sudan", "South Sudanese", false},
    {"STP", "São Tomé and Príncipe", "Santomean", false},
    {"SUR", "Suriname", "Surinamese", false},
    {"SVK", "Slovakia", "Slovak", false},
    {"SVN", "Slovenia", "Slovenian", false},
    {"SWE", "Sweden", "Swedish", false},
    {"SWZ", "Eswatini", "Swazi", false},
    {"SYC", "Seychelles", "Seychellois", true},
    {"TCD", "Chad", "Chadian", false},
    {"TGO", "Togo", "Togolese", false},
    {"THA", "Thailand", "Thai", false},
    {"TJK", "Tajikistan", "Tajik", false},
    {"TKM", "Turkmenistan", "Turkmen", false},
    {"TLS", "Timor-Leste", "Timorese", false},
    {"TON", "Tonga", "Tongan", false},
    {"TTO", "Trinidad and Tobago", "Trinidadian", false},
    {"TUN", "Tunisia", "Tunisian", false},
    {"TUV", "Tuvalu", "Tuvaluan", false},
    {"TZA", "Tanzania", "Tanzanian", false},
    {"UGA", "Uganda", "Ugandan", false},
    {"URY", "Uruguay", "Uruguayan", false},
    {"UZB", "Uzbekistan", "Uzbek", false},
    {"VCT", "Saint Vincent and the Grenadines", "Vincentian", false},
    {"VEN", "Venezuela", "Venezuelan", false},
    {"VNM", "Vietnam", "Vietnamese", false},
    {"VUT", "Vanuatu", "Ni-Vanuatu", false},
    {"WSM", "Samoa", "Samoan", false},
    {"YEM", "Yemen", "Yemeni", false},
    {"ZAF", "South Africa", "South African", false},
    {"ZMB", "Zambia", "Zambian", false},
    {"ZWE", "Zimbabwe", "Zimbabwean", false},
};
constexpr int kStateCount = int(sizeof(kStates) / sizeof(kStates[0]));

struct Org
{
    const char *code;
    const char *name;
};
const Org kOrgs[] = {
    {"NATO", "NATO"}, {"EU", "the EU"}, {"CSTO", "the CSTO"}, {"SCO", "the SCO"}, {"ASEAN", "ASEAN"},
    {"AU", "the African Union"}, {"GCC", "the GCC"}, {"ARABLEAGUE", "the Arab League"}, {"ECOWAS", "ECOWAS"},
    {"OAS", "the OAS"},
};
constexpr int kOrgCount = int(sizeof(kOrgs) / sizeof(kOrgs[0]));

/// Cumulative Zipf weights (exponent 1) over the states' order.
const std::vector<double> &zipf()
{
    static const std::vector<double> cumulative = [] {
        std::vector<double> c(kStateCount);
        double sum = 0;
        for (int i = 0; i < kStateCount; ++i) {
            sum += 1.0 / (i + 1.0);
            c[i] = sum;
        }
        for (double &v : c) {
            v /= sum;
        }
        return c;
    }();
    return cumulative;
}

int pickState(Rng &rng)
{
    const auto &c = zipf();
    return int(std::lower_bound(c.begin(), c.end(), rng.unit()) - c.begin()) % kStateCount;
}

QString stateName(int i, bool sentenceStart)
{
    const State &s = kStates[i];
    const QString name = QString::fromUtf8(s.name);
    if (!s.the) {
        return name;
    }
    return (sentenceStart ? QStringLiteral("The ") : QStringLiteral("the ")) + name;
}

// ------------------------------------------------------------------------------------------ dates

const std::array<const char *, 12> kMonths = {"January", "February", "March",     "April",   "May",      "June",
                                              "July",    "August",   "September", "October", "November", "December"};
const std::array<const char *, 7> kWeekdays = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                               "Friday", "Saturday", "Sunday"};

QString monthName(int m)
{
    return QString::fromLatin1(kMonths[m - 1]);
}

QString iso(QDate d)
{
    return d.toString(Qt::ISODate);
}

QString isoMonth(QDate d)
{
    return d.toString(QStringLiteral("yyyy-MM"));
}

/// A date expression and what it resolves to against the publication date.
struct DateExpr
{
    QString trailing; ///< " on Tuesday" (appended before the final full stop)
    QString leading;  ///< "On Tuesday, " (for fronting), empty when it does not front well
    QString date;
    QString precision;
};

DateExpr makeDate(Rng &rng, QDate published)
{
    DateExpr d;
    const int kind = rng.below(100);
    if (kind < 28) {
        // "on Tuesday": the most recent such day on or before publication.
        const int w = rng.between(1, 7);
        const QDate day = published.addDays(-((published.dayOfWeek() - w + 7) % 7));
        const QString name = QString::fromLatin1(kWeekdays[w - 1]);
        d.trailing = QStringLiteral(" on ") + name;
        d.leading = QStringLiteral("On ") + name + QStringLiteral(", ");
        d.date = iso(day);
        d.precision = QStringLiteral("day");
    } else if (kind < 42) {
        const QDate day = published.addDays(-rng.between(1, 300));
        const QString text = rng.chance(0.5)
                                 ? QStringLiteral("%1 %2 %3").arg(day.day()).arg(monthName(day.month())).arg(day.year())
                                 : QStringLiteral("%1 %2, %3").arg(monthName(day.month())).arg(day.day()).arg(day.year());
        d.trailing = QStringLiteral(" on ") + text;
        d.leading = QStringLiteral("On ") + text + QStringLiteral(", ");
        d.date = iso(day);
        d.precision = QStringLiteral("day");
    } else if (kind < 48) {
        d.trailing = QStringLiteral(" yesterday");
        d.date = iso(published.addDays(-1));
        d.precision = QStringLiteral("day");
    } else if (kind < 56) {
        const QDate m = published.addMonths(-1);
        d.trailing = QStringLiteral(" last month");
        d.leading = QStringLiteral("Last month, ");
        d.date = isoMonth(m);
        d.precision = QStringLiteral("month");
    } else if (kind < 66) {
        const int month = rng.between(1, 12);
        const int year = month <= published.month() ? published.year() : published.year() - 1;
        d.trailing = QStringLiteral(" in ") + monthName(month);
        d.leading = QStringLiteral("In ") + monthName(month) + QStringLiteral(", ");
        d.date = QStringLiteral("%1-%2").arg(year).arg(month, 2, 10, QLatin1Char('0'));
        d.precision = QStringLiteral("month");
    } else if (kind < 74) {
        const QDate m = published.addMonths(-rng.between(2, 60));
        d.trailing = QStringLiteral(" in ") + monthName(m.month()) + QLatin1Char(' ') + QString::number(m.year());
        d.leading = QStringLiteral("In ") + monthName(m.month()) + QLatin1Char(' ') + QString::number(m.year()) +
                    QStringLiteral(", ");
        d.date = isoMonth(m);
        d.precision = QStringLiteral("month");
    } else if (kind < 80) {
        d.trailing = QStringLiteral(" last year");
        d.leading = QStringLiteral("Last year, ");
        d.date = QString::number(published.year() - 1);
        d.precision = QStringLiteral("year");
    } else if (kind < 86) {
        const int year = published.year() - rng.between(2, 12);
        d.trailing = QStringLiteral(" in ") + QString::number(year);
        d.leading = QStringLiteral("In ") + QString::number(year) + QStringLiteral(", ");
        d.date = QString::number(year);
        d.precision = QStringLiteral("year");
    } else if (kind < 92) {
        // Monday to Sunday of the week before publication.
        const QDate monday = published.addDays(-(published.dayOfWeek() - 1) - 7);
        d.trailing = QStringLiteral(" last week");
        d.leading = QStringLiteral("Last week, ");
        d.date = iso(monday) + QLatin1Char('/') + iso(monday.addDays(6));
        d.precision = QStringLiteral("day");
    } else {
        // No date: the event is dated by the report.
        d.date = iso(published);
        d.precision = QStringLiteral("day");
    }
    return d;
}

// ------------------------------------------------------------------------------------------ events

/// An event phrasing. Placeholders: {S} {T} names of source and target, {Sa} {Ta} their adjectives,
/// {O} an organisation (target), {N} a number, {X} an accusation, {D} the date expression.
struct Phrasing
{
    const char *type;
    const char *text;
    const char *location; ///< "T", "S" or "" (none)
    const char *modality; ///< "actual", "possible", "planned"
    bool negated;
    enum Dating { Any, Report, NextMonth } dating;
    bool front; ///< the date may move to the front ("On Tuesday, …")
};

// Each phrasing was checked with `entente-cli code` against the bundled patterns.
const Phrasing kPhrasings[] = {
    {"alliance_formed", "{S} and {T} signed a mutual defence pact{D}.", "", "actual", false, Phrasing::Any, true},
    {"alliance_formed", "{S} signed a defence treaty with {T}{D}.", "", "actual", false, Phrasing::Any, true},
    {"alliance_formed", "{S} and {T} agreed to form a military alliance{D}.", "", "actual", false, Phrasing::Any, false},
    {"alliance_formed", "{S} sealed a security pact with {T}{D}.", "", "actual", false, Phrasing::Any, true},
    {"alliance_formed", "{S} entered into an alliance with {T}{D}.", "", "actual", false, Phrasing::Any, false},
    {"alliance_formed", "{S} has no plans to sign a defence treaty with {T}, the minister said.", "", "planned", true,
     Phrasing::Report, false},
    {"alliance_membership", "{S} joined {O}{D}.", "", "actual", false, Phrasing::Any, true},
    {"alliance_membership", "{S} became the newest member of {O}{D}.", "", "actual", false, Phrasing::Any, false},
    {"alliance_membership", "{S} acceded to {O}{D}.", "", "actual", false, Phrasing::Any, true},
    {"alliance_membership", "{S} formally joined {O} as a full member{D}.", "", "actual", false, Phrasing::Any, false},
    {"alliance_membership", "{S} is considering joining {O}.", "", "possible", false, Phrasing::Report, false},
    {"alliance_strengthened", "{S} reaffirmed its commitment to {T}{D}.", "", "actual", false, Phrasing::Any, true},
    {"alliance_strengthened", "{S} agreed to deepen defence cooperation with {T}{D}.", "", "actual", false, Phrasing::Any,
     false},
    {"alliance_strengthened", "{S} is a close ally of {T}, the minister said.", "", "actual", false, Phrasing::Report,
     false},
    {"alliance_strengthened", "{S} and {T} signed a security agreement{D}.", "", "actual", false, Phrasing::Any, true},
    {"alliance_strengthened", "{S} and {T} agreed to strengthen their defence cooperation{D}.", "", "actual", false,
     Phrasing::Any, false},
    {"alliance_ended", "{S} suspended its membership of {O}{D}.", "", "actual", false, Phrasing::Any, true},
    {"alliance_ended", "{S} withdrew from {O}{D}.", "", "actual", false, Phrasing::Any, true},
    {"alliance_ended", "{S} terminated its visiting forces agreement with {T}{D}.", "", "actual", false, Phrasing::Any,
     true},
    {"alliance_ended", "{S} left {O}{D}.", "", "actual", false, Phrasing::Any, false},
    {"alliance_ended", "{S} quit {O}{D}.", "", "actual", false, Phrasing::Any, true},
    {"military_cooperation", "{S} delivered air defence systems to {T}{D}.", "", "actual", false, Phrasing::Any, true},
    {"military_cooperation", "{S} and {T} held joint naval exercises{D}.", "", "actual", false, Phrasing::Any, true},
    {"military_cooperation", "{S} sold drones to {T}{D}.", "", "actual", false, Phrasing::Any, true},
    {"military_cooperation", "{S} pledged military aid to {T}{D}.", "", "actual", false, Phrasing::Any, true},
    {"military_cooperation", "{S} signed an arms deal with {T}{D}.", "", "actual", false, Phrasing::Any, true},
    {"military_cooperation", "{S} held military exercises with {T}{D}.", "", "actual", false, Phrasing::Any, true},
    {"military_cooperation", "{S} supplied ammunition to {T}{D}.", "", "actual", false, Phrasing::Any, true},
    {"military_cooperation", "{S} and {T} conducted joint drills{D}.", "", "actual", false, Phrasing::Any, false},
    {"basing_granted", "{T} allowed {S} to use its bases{D}.", "T", "actual", false, Phrasing::Any, true},
    {"basing_granted", "{T} granted {S} access to its ports{D}.", "T", "actual", false, Phrasing::Any, true},
    {"basing_granted", "{T} agreed to host {Sa} jets{D}.", "T", "actual", false, Phrasing::Any, false},
    {"basing_granted", "{S} could use {Ta} bases, officials said.", "T", "possible", false, Phrasing::Report, false},
    {"basing_granted", "{T} may allow {S} to use its bases.", "T", "possible", false, Phrasing::Report, false},
    {"basing_deployed", "{S} deployed troops to {T}{D}.", "T", "actual", false, Phrasing::Any, true},
    {"basing_deployed", "{S} sent {N} marines to {T}{D}.", "T", "actual", false, Phrasing::Any, true},
    {"basing_deployed", "{S} opened a naval base in {T}{D}.", "T", "actual", false, Phrasing::Any, true},
    {"basing_deployed", "{Sa} troops arrived in {T}{D}.", "T", "actual", false, Phrasing::Any, false},
    {"basing_deployed", "{Sa} troops were stationed in {T}{D}.", "T", "actual", false, Phrasing::Any, false},
    {"basing_deployed", "{S} sent warships to {T}{D}.", "T", "actual", false, Phrasing::Any, true},
    {"basing_deployed", "{S} plans to send troops to {T}.", "T", "planned", false, Phrasing::Report, false},
    {"basing_ended", "{S} withdrew its troops from {T}{D}.", "T", "actual", false, Phrasing::Any, true},
    {"basing_ended", "{T} ordered {Sa} troops out{D}.", "T", "actual", false, Phrasing::Any, false},
    {"basing_ended", "{S} closed its air base in {T}{D}.", "T", "actual", false, Phrasing::Any, true},
    {"basing_ended", "{Sa} forces left {T}{D}.", "T", "actual", false, Phrasing::Any, false},
    {"basing_ended", "{S} pulled its troops out of {T}{D}.", "T", "actual", false, Phrasing::Any, true},
    {"basing_ended", "{S} did not withdraw its troops from {T}.", "T", "actual", true, Phrasing::Report, false},
    {"basing_ended", "{S} handed over the base to {T}{D}.", "T", "actual", false, Phrasing::Any, false},
    {"strike", "{S} carried out air strikes against {T}{D}.", "T", "actual", false, Phrasing::Any, true},
    {"strike", "{S} bombed {T}{D}.", "T", "actual", false, Phrasing::Any, true},
    {"strike", "{S} fired missiles at {T}{D}.", "T", "actual", false, Phrasing::Any, true},
    {"strike", "{T} was bombed by {S}{D}.", "T", "actual", false, Phrasing::Any, false},
    {"strike", "{S} launched a military offensive against {T}{D}.", "T", "actual", false, Phrasing::Any, true},
    {"meeting_visit", "The {Sa} foreign minister visited {T}{D}.", "T", "actual", false, Phrasing::Any, false},
    {"meeting_visit", "{S} held talks with {T}{D}.", "", "actual", false, Phrasing::Any, true},
    {"meeting_visit", "{T} hosted the {Sa} president{D}.", "T", "actual", false, Phrasing::Any, false},
    {"meeting_visit", "The {Sa} foreign minister travelled to {T}{D}.", "T", "actual", false, Phrasing::Any, false},
    {"meeting_visit", "The {Sa} president arrived in {T}{D}.", "T", "actual", false, Phrasing::Any, false},
    {"meeting_visit", "{T} welcomed the {Sa} president{D}.", "T", "actual", false, Phrasing::Any, false},
    {"meeting_visit", "The {Sa} prime minister met the {Ta} foreign minister{D}.", "", "actual", false, Phrasing::Any,
     false},
    {"meeting_visit", "The {Sa} prime minister will visit {T} next month.", "T", "planned", false, Phrasing::NextMonth,
     false},
    {"statement_support", "{S} expressed support for {T}{D}.", "", "actual", false, Phrasing::Any, true},
    {"statement_support", "{S} praised {T}{D}.", "", "actual", false, Phrasing::Any, true},
    {"statement_support", "{S} backed {T}{D}.", "", "actual", false, Phrasing::Any, false},
    {"statement_support", "{S} congratulated {T}{D}.", "", "actual", false, Phrasing::Any, true},
    {"statement_criticism", "{S} condemned {T}{D}.", "", "actual", false, Phrasing::Any, true},
    {"statement_criticism", "{S} accused {T} of {X}{D}.", "", "actual", false, Phrasing::Any, false},
    {"statement_criticism", "{S} summoned the {Ta} ambassador{D}.", "", "actual", false, Phrasing::Any, true},
    {"statement_criticism", "{S} criticised {T}{D}.", "", "actual", false, Phrasing::Any, true},
    {"statement_criticism", "{S} imposed sanctions on {T}{D}.", "", "actual", false, Phrasing::Any, true},
};
constexpr int kPhrasingCount = int(sizeof(kPhrasings) / sizeof(kPhrasings[0]));

const std::array<const char *, 8> kAccusations = {
    "violating the ceasefire",      "spreading false claims",   "breaking the truce", "violating its airspace",
    "interfering in its elections", "harbouring armed groups", "detaining its citizens", "ignoring the agreement"};

struct Sentence
{
    QString text;
    QString sourceName;
    QString targetName;
    GoldEvent event;
};

QString fill(QString text, const QHash<QString, QString> &values)
{
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        text.replace(it.key(), it.value());
    }
    return text;
}

QString capitaliseFirst(QString s)
{
    if (!s.isEmpty()) {
        s[0] = s.at(0).toUpper();
    }
    return s;
}

Sentence makeEventSentence(Rng &rng, QDate published, bool allowFront)
{
    const Phrasing &p = kPhrasings[rng.below(kPhrasingCount)];
    const QString text = QString::fromUtf8(p.text);
    const bool org = text.contains(QLatin1String("{O}"));
    const int s = pickState(rng);
    int t = pickState(rng);
    while (t == s) {
        t = pickState(rng);
    }
    const int o = rng.below(kOrgCount);
    DateExpr date;
    if (p.dating == Phrasing::Any) {
        date = makeDate(rng, published);
    } else if (p.dating == Phrasing::NextMonth) {
        date.date = isoMonth(published.addMonths(1));
        date.precision = QStringLiteral("month");
    } else {
        date.date = iso(published);
        date.precision = QStringLiteral("day");
    }
    const bool front = allowFront && p.front && !date.leading.isEmpty() && rng.chance(0.25);
    const bool sFirst = text.startsWith(QLatin1String("{S}"));
    const bool tFirst = text.startsWith(QLatin1String("{T}"));
    QHash<QString, QString> v;
    v.insert(QStringLiteral("{S}"), stateName(s, sFirst && !front));
    v.insert(QStringLiteral("{T}"), stateName(t, tFirst && !front));
    v.insert(QStringLiteral("{Sa}"), QString::fromUtf8(kStates[s].adjective));
    v.insert(QStringLiteral("{Ta}"), QString::fromUtf8(kStates[t].adjective));
    v.insert(QStringLiteral("{O}"), QString::fromUtf8(kOrgs[o].name));
    v.insert(QStringLiteral("{N}"), QString::number(rng.between(2, 40) * 50));
    v.insert(QStringLiteral("{X}"), QString::fromUtf8(rng.pick(kAccusations)));
    v.insert(QStringLiteral("{D}"), front ? QString() : date.trailing);
    QString body = fill(text, v);
    if (front) {
        body = date.leading + body;
    }
    Sentence out;
    out.text = capitaliseFirst(body);
    out.sourceName = stateName(s, false);
    out.targetName = org ? QString::fromUtf8(kOrgs[o].name) : stateName(t, false);
    GoldEvent &g = out.event;
    g.sentence = out.text;
    g.type = QString::fromLatin1(p.type);
    g.source = QString::fromLatin1(kStates[s].code);
    g.target = org ? QString::fromLatin1(kOrgs[o].code) : QString::fromLatin1(kStates[t].code);
    if (qstrcmp(p.location, "T") == 0) {
        g.location = g.target;
    } else if (qstrcmp(p.location, "S") == 0) {
        g.location = g.source;
    }
    g.date = date.date;
    g.precision = date.precision;
    g.polarity = p.negated ? QStringLiteral("negated") : QStringLiteral("asserted");
    g.modality = QString::fromLatin1(p.modality);
    return out;
}

// ------------------------------------------------------------------------------------------ filler

// Filler prose names no actor and uses none of the patterns' trigger words, so that it yields no
// event; many slots with many values keep articles far apart for the near-duplicate check.
const std::array<const char *, 10> kWho = {"Officials", "Analysts",     "Diplomats", "Economists", "Observers",
                                           "Aides",     "Commentators", "Researchers", "Engineers", "Auditors"};
const std::array<const char *, 8> kSaid = {"said", "noted", "added", "argued", "cautioned", "suggested", "estimated",
                                           "reckoned"};
const std::array<const char *, 20> kTopic = {
    "budget",   "proposal", "negotiating text", "timetable", "draft", "funding plan",   "review",
    "agenda",   "report",   "framework",        "inquiry",   "schedule", "package",     "audit",
    "consultation", "tariff plan", "census", "pension reform", "water project", "port expansion"};
const std::array<const char *, 16> kAdj = {"preliminary", "lengthy",  "detailed",   "revised",  "confidential",
                                           "annual",      "interim",  "technical",  "ambitious", "modest",
                                           "long-awaited", "disputed", "provisional", "overdue", "costly", "unusual"};
const std::array<const char *, 18> kSector = {"energy",  "shipping",      "farming",  "telecommunications", "fishing",
                                              "tourism", "mining",        "banking",  "construction",       "textile",
                                              "rail",    "steel",         "software", "insurance",          "retail",
                                              "forestry", "pharmaceutical", "logistics"};
const std::array<const char *, 14> kRegion = {"northern districts", "coastal provinces", "border valleys",
                                              "southern plains",    "eastern highlands", "river delta",
                                              "industrial belt",    "western suburbs",   "mountain villages",
                                              "old quarter",        "island provinces",  "central lowlands",
                                              "port districts",     "farming regions"};
const std::array<const char *, 18> kFirst = {"Mara", "Tomas", "Aiko",  "Lena",  "Ravi",  "Ines",
                                             "Pavel", "Noor", "Jonah", "Selin", "Dario", "Amara",
                                             "Kofi", "Yuki",  "Elif",  "Marek", "Sanna", "Ilse"};
const std::array<const char *, 18> kLast = {"Lindqvist", "Hedlund", "Brenner",  "Okafor",   "Castellano", "Varga",
                                            "Halvorsen", "Takeda",  "Ferreira", "Novak",    "Richter",    "Sandoval",
                                            "Kowalczyk", "Ahlberg", "Mensah",   "Duarte",   "Vellinga",   "Quist"};
const std::array<const char *, 8> kProfession = {"economist", "architect",  "researcher", "analyst",
                                                 "engineer",  "lawyer",     "professor",  "consultant"};
const std::array<const char *, 8> kInstitute = {
    "the Institute for Regional Studies", "the Centre for Policy Research", "the Maritime Policy Forum",
    "a research group in the capital",    "the national statistics office",  "the Society for Economic Affairs",
    "a university in the capital",        "an independent budget office"};
const std::array<const char *, 10> kCommodity = {"bread", "rice", "fuel", "cooking oil", "electricity",
                                                 "sugar", "cement", "fertiliser", "diesel", "milk"};
const std::array<const char *, 10> kBuilding = {"central library", "old railway station", "city hall", "main hospital",
                                                "covered market",  "national theatre",     "sports hall", "court house",
                                                "opera house",     "harbour office"};
const std::array<const char *, 10> kCommittee = {
    "audit committee", "budget committee",  "planning board",  "ethics panel",     "review board",
    "water authority", "transport council", "housing council", "statistics board", "education council"};
const std::array<const char *, 8> kProblem = {"floods", "power cuts", "droughts", "labour shortages",
                                              "rising costs", "landslides", "heat waves", "supply delays"};
const std::array<const char *, 8> kQuote = {
    "We are looking at every option, and we expect a decision soon",
    "Nobody should expect quick results, but the direction is right",
    "The numbers speak for themselves",
    "This has taken far longer than anyone wanted",
    "We have to be honest about what the money can buy",
    "There is still a lot of work ahead",
    "People want to see results on the ground",
    "It is a modest step, but a real one"};

/// An article's own voice: a third of the filler templates and a window of four values of each word
/// list. Real articles differ in their vocabulary; without this every generated article would mix
/// all templates alike, every SimHash would drift towards the corpus average and unrelated articles
/// would be taken for near-duplicates.
struct Style
{
    quint64 salt = 0;
    std::array<int, 8> templates{};
    std::array<QString, 3> towns; ///< invented places the article keeps coming back to

    static Style make(Rng &rng, int templateCount)
    {
        Style st;
        st.salt = rng.next();
        std::vector<int> all(templateCount);
        for (int i = 0; i < templateCount; ++i) {
            all[i] = i;
        }
        for (size_t i = 0; i < st.templates.size(); ++i) {
            std::swap(all[i], all[i + rng.below(templateCount - int(i))]);
            st.templates[i] = all[i];
        }
        return st;
    }
    int nextTemplate(Rng &rng) const { return templates[rng.below(int(templates.size()))]; }
    /// An index into a list of `n` values, from the article's window of `window` of them (the window's
    /// start depends on the article and on the list, named by `key`).
    size_t index(Rng &rng, size_t n, const char *key, size_t window) const
    {
        quint64 h = salt;
        for (const char *c = key; *c != 0; ++c) {
            h = (h ^ quint64(quint8(*c))) * 1099511628211ULL;
        }
        h ^= h >> 29;
        const size_t start = size_t(h % n);
        return (start + size_t(rng.below(int(std::min(n, window))))) % n;
    }
    template <size_t N>
    const char *pick(Rng &rng, const std::array<const char *, N> &a, size_t window = 4) const
    {
        return a[index(rng, N, a[0], window)];
    }
};

QString withArticle(const QString &word)
{
    const bool vowel = !word.isEmpty() && QStringLiteral("aeiou").contains(word.at(0));
    return (vowel ? QStringLiteral("an ") : QStringLiteral("a ")) + word;
}

QString percent(Rng &rng)
{
    return QString::number(rng.between(2, 97));
}

QString name(Rng &rng, const Style &st)
{
    return QString::fromUtf8(st.pick(rng, kFirst)) + QLatin1Char(' ') + QString::fromUtf8(st.pick(rng, kLast));
}


// A small grammar for the rest of the filler: subject, verb, object and an adverbial, from lists large
// enough that word triples rarely repeat across articles, as in real prose. None of the words is an
// actor, and none completes a pattern that takes its actors from an earlier sentence (no "alliance",
// "pact", "base", "deployment", "exercises", "strikes" and the like).
const std::array<const char *, 40> kGAdj = {
    "preliminary", "lengthy",   "detailed",  "revised",   "confidential", "annual",    "interim",   "technical",
    "ambitious",   "modest",    "disputed",  "provisional", "overdue",    "costly",    "unusual",   "municipal",
    "independent", "cautious",  "optimistic", "gloomy",    "sharp",        "gradual",   "steady",    "uneven",
    "surprising",  "familiar",  "complex",   "expensive", "fragile",      "quarterly", "monthly",   "rural",
    "urban",       "coastal",   "outdated",  "generous",  "crowded",      "sprawling", "seasonal",  "private"};
const std::array<std::pair<const char *, const char *>, 48> kGNoun = {{
    {"report", "reports"},       {"budget", "budgets"},         {"survey", "surveys"},
    {"farmer", "farmers"},       {"teacher", "teachers"},       {"hospital", "hospitals"},
    {"railway line", "railway lines"}, {"bridge", "bridges"},   {"harbour", "harbours"},
    {"factory", "factories"},    {"council", "councils"},       {"audit", "audits"},
    {"study", "studies"},        {"loan", "loans"},             {"pension fund", "pension funds"},
    {"school", "schools"},       {"theatre", "theatres"},         {"market", "markets"},
    {"bank", "banks"},           {"festival", "festivals"},     {"reservoir", "reservoirs"},
    {"power plant", "power plants"}, {"road", "roads"},         {"tunnel", "tunnels"},
    {"university", "universities"}, {"newspaper", "newspapers"}, {"cooperative", "cooperatives"},
    {"charity", "charities"},    {"start-up", "start-ups"},     {"insurer", "insurers"},
    {"landlord", "landlords"},   {"tenant", "tenants"},         {"shipyard", "shipyards"},
    {"vineyard", "vineyards"},   {"orchestra", "orchestras"},   {"library", "libraries"},
    {"clinic", "clinics"},       {"exporter", "exporters"},     {"retailer", "retailers"},
    {"nurse", "nurses"},         {"regulator", "regulators"},   {"ferry", "ferries"},
    {"tram line", "tram lines"}, {"stadium", "stadiums"},       {"mayor", "mayors"},
    {"planner", "planners"},     {"contractor", "contractors"}, {"supplier", "suppliers"}}};
const std::array<const char *, 40> kGVerb = {
    "reviewed",   "examined",  "postponed", "questioned",  "described", "documented", "improved",   "delayed",
    "published",  "revised",   "estimated", "measured",    "audited",   "renovated",  "rebuilt",    "inspected",
    "doubled",    "halved",    "recorded",  "surveyed",    "compared",  "ranked",     "insured",    "repaired",
    "replaced",   "restored",  "simplified", "studied",    "tested",    "tracked",    "valued",     "mapped",
    "modernised", "reorganised", "debated", "drafted",     "adjusted",  "summarised", "catalogued", "priced"};
const std::array<const char *, 12> kGIntransitive = {"gathered",  "waited",    "complained", "queued",
                                                     "returned",  "celebrated", "hesitated", "disagreed",
                                                     "stayed away", "worried",  "objected",  "applauded politely"};
const std::array<const char *, 16> kGDet = {"the", "the", "the", "a", "one", "every", "that", "this",
                                            "several", "many", "some", "two", "three", "most", "few", "other"};
const std::array<const char *, 12> kSyllables = {"va", "lo", "mer", "sen", "ta", "rik", "do", "bel", "nor",
                                                 "qui", "zan", "pe"};
const std::array<const char *, 8> kTownSuffix = {"ford", "heim", "ova", "ino", "sted", "burg", "dale", "port"};

bool pluralDet(const char *det)
{
    static const std::array<const char *, 8> plural = {"several", "many", "some", "two", "three", "most", "few", "other"};
    return std::any_of(plural.begin(), plural.end(), [det](const char *p) { return qstrcmp(p, det) == 0; });
}

QString inventedTown(Rng &rng)
{
    QString t;
    for (int i = rng.between(1, 2); i >= 0; --i) {
        t += QString::fromLatin1(rng.pick(kSyllables));
    }
    t += QString::fromLatin1(rng.pick(kTownSuffix));
    t[0] = t.at(0).toUpper();
    return t;
}

QString nounPhrase(Rng &rng, const Style &st)
{
    const char *det = st.pick(rng, kGDet, 8);
    const auto &noun = kGNoun[st.index(rng, kGNoun.size(), "nouns", 12)];
    QString np = QString::fromLatin1(det) + QLatin1Char(' ');
    if (rng.chance(0.6)) {
        np += QString::fromLatin1(st.pick(rng, kGAdj, 12)) + QLatin1Char(' ');
    }
    return np + QString::fromLatin1(pluralDet(det) ? noun.second : noun.first);
}

QString adjunct(Rng &rng, const Style &st)
{
    switch (rng.below(10)) {
    case 0:
        return QStringLiteral(" in ") + st.towns[rng.below(3)];
    case 1:
        return QStringLiteral(" near ") + st.towns[rng.below(3)];
    case 2:
        return QStringLiteral(" on ") + QString::fromLatin1(kWeekdays[rng.below(7)]);
    case 3:
        return QStringLiteral(" last ") + monthName(rng.between(1, 12));
    case 4:
        return QStringLiteral(" after %1 months").arg(rng.between(2, 30));
    case 5:
        return QStringLiteral(" according to ") + QString::fromUtf8(st.pick(rng, kFirst)) + QLatin1Char(' ') +
               QString::fromUtf8(st.pick(rng, kLast));
    case 6:
        return QStringLiteral(" since %1 %2").arg(monthName(rng.between(1, 12))).arg(rng.between(1980, 1994));
    case 7:
        return QStringLiteral(" despite ") + nounPhrase(rng, st);
    case 8:
        return QStringLiteral(" ahead of ") + nounPhrase(rng, st);
    default:
        return QStringLiteral(" %1 %2 %3")
            .arg(QString::fromLatin1(rng.pick(std::array<const char *, 4>{"for", "with", "over", "under"})))
            .arg(rng.between(2, 900))
            .arg(QString::fromLatin1(rng.pick(std::array<const char *, 6>{"million dollars", "days", "hours", "kilometres", "tonnes", "households"})));
    }
}

QString grammarSentence(Rng &rng, const Style &st)
{
    const auto verb = [&] { return QString::fromLatin1(st.pick(rng, kGVerb, 12)); };
    switch (rng.below(5)) {
    case 0:
        return capitaliseFirst(nounPhrase(rng, st)) + QLatin1Char(' ') + verb() + QLatin1Char(' ') +
               nounPhrase(rng, st) + adjunct(rng, st) + QLatin1Char('.');
    case 1:
        return capitaliseFirst(adjunct(rng, st).mid(1)) + QStringLiteral(", ") + nounPhrase(rng, st) +
               QLatin1Char(' ') + verb() + QLatin1Char(' ') + nounPhrase(rng, st) + QLatin1Char('.');
    case 2:
        return capitaliseFirst(nounPhrase(rng, st)) + QLatin1Char(' ') + verb() + QLatin1Char(' ') +
               nounPhrase(rng, st) + adjunct(rng, st) + QStringLiteral(" and ") + verb() + QLatin1Char(' ') +
               nounPhrase(rng, st) + QLatin1Char('.');
    case 3:
        return QStringLiteral("“") + capitaliseFirst(nounPhrase(rng, st)) + QLatin1Char(' ') + verb() +
               QLatin1Char(' ') + nounPhrase(rng, st) + QStringLiteral(",” said ") +
               QString::fromUtf8(st.pick(rng, kFirst)) + QLatin1Char(' ') + QString::fromUtf8(st.pick(rng, kLast)) +
               QStringLiteral(", ") + withArticle(QString::fromLatin1(st.pick(rng, kProfession))) +
               QStringLiteral(" in ") + st.towns[rng.below(3)] + QLatin1Char('.');
    default:
        return QStringLiteral("%1 ").arg(rng.between(3, 900)) +
               QString::fromLatin1(kGNoun[st.index(rng, kGNoun.size(), "nouns", 12)].second) + QLatin1Char(' ') +
               QString::fromLatin1(st.pick(rng, kGIntransitive, 6)) + adjunct(rng, st) + QLatin1Char('.');
    }
}

constexpr int kFillerTemplates = 24;

QString fillerSentence(Rng &rng, QDate published, const Style &st)
{
    if (rng.chance(0.8)) {
        return grammarSentence(rng, st);
    }
    const auto s = [](const char *c) { return QString::fromUtf8(c); };
    const int year = published.year() - rng.between(1, 30);
    const QString month = monthName(rng.between(1, 12));
    switch (st.nextTemplate(rng)) {
    case 0:
        return s(st.pick(rng, kWho)) + QLatin1Char(' ') + s(st.pick(rng, kSaid)) + QStringLiteral(" the ") +
               s(st.pick(rng, kAdj)) + QLatin1Char(' ') + s(st.pick(rng, kTopic)) +
               QStringLiteral(" would be examined again before the end of ") + month + QLatin1Char('.');
    case 1:
        return QStringLiteral("The ") + s(st.pick(rng, kSector)) + QStringLiteral(" sector grew by ") + percent(rng) +
               QStringLiteral(" per cent in the last quarter, according to figures from the statistics office.");
    case 2:
        return QStringLiteral("Spending on ") + s(st.pick(rng, kSector)) + QStringLiteral(" has risen to ") +
               QString::number(rng.between(12, 990)) + QStringLiteral(" million dollars, ") +
               s(st.pick(rng, kWho)).toLower() + QLatin1Char(' ') + s(st.pick(rng, kSaid)) + QLatin1Char('.');
    case 3:
        return QStringLiteral("“") + s(st.pick(rng, kQuote)) + QStringLiteral(",” said ") + name(rng, st) +
               QStringLiteral(", who works as ") + withArticle(s(st.pick(rng, kProfession))) + QStringLiteral(" at ") +
               s(st.pick(rng, kInstitute)) + QLatin1Char('.');
    case 4:
        return name(rng, st) + QStringLiteral(", who has followed the ") + s(st.pick(rng, kTopic)) + QStringLiteral(" for ") +
               QString::number(rng.between(3, 25)) + QStringLiteral(" years, ") + s(st.pick(rng, kSaid)) +
               QStringLiteral(" the process had been slower than planned.");
    case 5:
        return QStringLiteral("The ") + s(st.pick(rng, kTopic)) + QStringLiteral(" runs to ") +
               QString::number(rng.between(20, 900)) + QStringLiteral(" pages and includes ") +
               QString::number(rng.between(2, 30)) + QStringLiteral(" separate annexes on ") + s(st.pick(rng, kSector)) +
               QStringLiteral(" and ") + s(st.pick(rng, kSector)) + QLatin1Char('.');
    case 6:
        return QStringLiteral("Markets were calm, with the main index closing ") + percent(rng) +
               (rng.chance(0.5) ? QStringLiteral(" per cent higher") : QStringLiteral(" per cent lower")) +
               QStringLiteral(" and trading volumes ") +
               (rng.chance(0.5) ? QStringLiteral("below") : QStringLiteral("above")) +
               QStringLiteral(" their ") + QString::number(rng.between(5, 200)) + QStringLiteral("-day average.");
    case 7:
        return QStringLiteral("Turnout in the ") + s(st.pick(rng, kRegion)) + QStringLiteral(" was estimated at ") +
               percent(rng) + QStringLiteral(" per cent, slightly ") +
               (rng.chance(0.5) ? QStringLiteral("higher") : QStringLiteral("lower")) + QStringLiteral(" than in ") +
               QString::number(year) + QLatin1Char('.');
    case 8:
        return QStringLiteral("Hydrologists predicted heavy rain in the ") + s(st.pick(rng, kRegion)) +
               QStringLiteral(" later in the week, with up to ") + QString::number(rng.between(20, 300)) +
               QStringLiteral(" millimetres expected in places.");
    case 9:
        return QStringLiteral("The ") + s(st.pick(rng, kCommittee)) + QStringLiteral(" is due to publish its ") +
               s(st.pick(rng, kAdj)) + QStringLiteral(" findings in ") + month + QLatin1Char('.');
    case 10:
        return s(st.pick(rng, kWho)) + QStringLiteral(" cautioned that the ") + s(st.pick(rng, kSector)) +
               QStringLiteral(" figures were ") + s(st.pick(rng, kAdj)) + QStringLiteral(" and could be revised.");
    case 11:
        return QStringLiteral("Several ") + s(st.pick(rng, kProfession)) +
               QStringLiteral("s interviewed for this article asked not to be named because they were not "
                              "authorised to speak publicly about the ") +
               s(st.pick(rng, kTopic)) + QLatin1Char('.');
    case 12:
        return QStringLiteral("The ") + s(st.pick(rng, kTopic)) + QStringLiteral(" was first put forward in ") +
               QString::number(year) + QStringLiteral(" but stalled amid disagreements over ") +
               s(st.pick(rng, kSector)) + QStringLiteral(" costs.");
    case 13:
        return QStringLiteral("Local newspapers reported that ") + QString::number(rng.between(30, 4000)) +
               QStringLiteral(" people had queued outside the ") + s(st.pick(rng, kBuilding)) + QStringLiteral(" on ") +
               QString::fromLatin1(kWeekdays[rng.below(7)]) + QStringLiteral(" morning.");
    case 14:
        return QStringLiteral("Prices for ") + s(st.pick(rng, kCommodity)) + QStringLiteral(" rose by ") + percent(rng) +
               QStringLiteral(" per cent over the past ") + QString::number(rng.between(2, 18)) +
               QStringLiteral(" months, adding to pressure on household budgets.");
    case 15:
        return QStringLiteral("The ") + s(st.pick(rng, kBuilding)) + QStringLiteral(" in the ") + s(st.pick(rng, kRegion)) +
               QStringLiteral(" was renovated at a cost of ") + QString::number(rng.between(2, 400)) +
               QStringLiteral(" million dollars in ") + QString::number(year) + QLatin1Char('.');
    case 16:
        return QStringLiteral("A spokesperson for the ") + s(st.pick(rng, kCommittee)) +
               QStringLiteral(" did not respond to a request for comment on the ") + s(st.pick(rng, kTopic)) +
               QLatin1Char('.');
    case 17:
        return name(rng, st) + QLatin1Char(' ') + s(st.pick(rng, kSaid)) + QStringLiteral(" the ") + s(st.pick(rng, kAdj)) +
               QLatin1Char(' ') + s(st.pick(rng, kTopic)) + QStringLiteral(" reflected ") +
               QString::number(rng.between(2, 40)) + QStringLiteral(" months of work by ") +
               QString::number(rng.between(3, 90)) + QStringLiteral(" people.");
    case 18:
        return QStringLiteral("The ") + s(st.pick(rng, kTopic)) + QStringLiteral(" is expected to cost about ") +
               QString::number(rng.between(5, 950)) + QStringLiteral(" million dollars over ") +
               QString::number(rng.between(2, 12)) + QStringLiteral(" years, according to a ") + s(st.pick(rng, kAdj)) +
               QStringLiteral(" estimate.");
    case 19:
        return QStringLiteral("Independent ") + s(st.pick(rng, kProfession)) + QStringLiteral("s ") +
               s(st.pick(rng, kSaid)) + QStringLiteral(" the ") + s(st.pick(rng, kSector)) +
               QStringLiteral(" figures pointed to a slow recovery in the ") + s(st.pick(rng, kRegion)) +
               QLatin1Char('.');
    case 20:
        return QString::number(rng.between(40, 3000)) + QStringLiteral(" students, ") +
               QString::number(rng.between(5, 300)) +
               QStringLiteral(" teachers and dozens of volunteers took part in the annual festival, organisers said.");
    case 21:
        return QStringLiteral("Parts of the ") + s(st.pick(rng, kRegion)) + QStringLiteral(" have been hit by ") +
               s(st.pick(rng, kProblem)) + QStringLiteral(" in recent months, and ") + s(st.pick(rng, kSector)) +
               QStringLiteral(" output has fallen by ") + percent(rng) + QStringLiteral(" per cent.");
    case 22:
        return capitaliseFirst(withArticle(s(st.pick(rng, kAdj)))) + QStringLiteral(" survey of ") +
               QString::number(rng.between(300, 9000)) + QStringLiteral(" households found that ") + percent(rng) +
               QStringLiteral(" per cent expected their incomes to ") +
               (rng.chance(0.5) ? QStringLiteral("fall") : QStringLiteral("rise")) + QStringLiteral(" next year.");
    default:
        return QStringLiteral("The ") + s(st.pick(rng, kCommittee)) + QStringLiteral(" held ") +
               QString::number(rng.between(2, 40)) + QStringLiteral(" hearings on the ") + s(st.pick(rng, kTopic)) +
               QStringLiteral(" and received more than ") + QString::number(rng.between(20, 5000)) +
               QStringLiteral(" written submissions.");
    }
}

int countWords(const QString &s)
{
    int n = 0;
    bool in = false;
    for (const QChar c : s) {
        if (c.isLetterOrNumber()) {
            n += in ? 0 : 1;
            in = true;
        } else if (c.isSpace()) {
            in = false;
        }
    }
    return n;
}

// ------------------------------------------------------------------------------------------ junk

const std::array<const char *, 6> kCities = {"GENEVA", "MUNICH", "DUBAI", "SYDNEY", "FRANKFURT", "MILAN"};
const std::array<const char *, 4> kAgencies = {"Entente wire", "Reuters", "AP", "AFP"};

QString teaserHeadline(Rng &rng)
{
    const int s = pickState(rng);
    int t = pickState(rng);
    while (t == s) {
        t = pickState(rng);
    }
    const QString a = stateName(s, true);
    const QString b = stateName(t, false);
    switch (rng.below(5)) {
    case 0:
        return a + QStringLiteral(" deploys troops to ") + b;
    case 1:
        return a + QStringLiteral(" condemns ") + b + QStringLiteral(" over border row");
    case 2:
        return a + QStringLiteral(" and ") + b + QStringLiteral(" sign defence pact");
    case 3:
        return a + QStringLiteral(" strikes targets in ") + b;
    default:
        return a + QStringLiteral(" leader visits ") + b;
    }
}

QString shortDate(QDate d)
{
    return QStringLiteral("%1 %2, %3").arg(d.day(), 2, 10, QLatin1Char('0')).arg(monthName(d.month()).left(3)).arg(d.year());
}

} // namespace

// ------------------------------------------------------------------------------------------ API

QJsonObject GoldEvent::toJson(const QString &file) const
{
    QJsonObject o;
    o.insert(QStringLiteral("file"), file);
    o.insert(QStringLiteral("sentence"), sentence);
    o.insert(QStringLiteral("type"), type);
    o.insert(QStringLiteral("source_actor"), source);
    o.insert(QStringLiteral("target_actor"), target);
    o.insert(QStringLiteral("location"), location.isEmpty() ? QJsonValue() : QJsonValue(location));
    o.insert(QStringLiteral("date"), date);
    o.insert(QStringLiteral("date_precision"), precision);
    o.insert(QStringLiteral("polarity"), polarity);
    o.insert(QStringLiteral("modality"), modality);
    o.insert(QStringLiteral("attributed_to"), QJsonValue());
    return o;
}

QJsonObject GeneratedArticle::indexJson(quint64 seed) const
{
    QJsonObject o;
    o.insert(QStringLiteral("file"), file);
    o.insert(QStringLiteral("source"), QStringLiteral("entente-gencorpus seed %1 article %2").arg(seed).arg(index));
    o.insert(QStringLiteral("published"), published.toString(Qt::ISODate));
    o.insert(QStringLiteral("published_in_text"), published.toString(Qt::ISODate));
    o.insert(QStringLiteral("title"), title);
    o.insert(QStringLiteral("clean_text_ends_with"), lastSentence);
    o.insert(QStringLiteral("boilerplate_starts_with"), junkStart.isEmpty() ? QJsonValue() : QJsonValue(junkStart));
    o.insert(QStringLiteral("words"), words);
    o.insert(QStringLiteral("junk"), junk);
    return o;
}

QString CorpusGenerator::fileName(qint64 index)
{
    return QStringLiteral("d%1/a%2.txt").arg(index / 1000, 3, 10, QLatin1Char('0')).arg(index, 6, 10, QLatin1Char('0'));
}

GeneratedArticle CorpusGenerator::article(qint64 index) const
{
    Rng rng(m_options.seed * 0x9E3779B97F4A7C15ULL ^ (static_cast<quint64>(index) + 1) * 0xD1B54A32D192ED03ULL);
    rng.next();
    GeneratedArticle a;
    a.index = index;
    a.file = fileName(index);
    // Publication dates over 1995–2024.
    a.published = QDate(1995, 1, 1).addDays(rng.below(365 * 30));
    a.junk = rng.chance(m_options.junkShare);
    const int targetWords = rng.between(300, 1200);
    const int eventCount = std::clamp(targetWords / 220 + rng.between(0, 2), 2, 7);

    // Events first (so that their draws do not depend on the filler), then the prose around them.
    // Each event sentence once: the importer rightly keeps one event for a sentence a page repeats.
    QList<Sentence> events;
    QSet<QString> seen;
    while (events.size() < eventCount) {
        Sentence e = makeEventSentence(rng, a.published, !events.isEmpty());
        if (!seen.contains(e.text)) {
            seen.insert(e.text);
            events.append(std::move(e));
        }
    }
    // A headline naming the lead event's actors (the cleaner takes it as the title, so it is searched
    // but not coded).
    a.title = QStringLiteral("%1 and %2: %3 %4")
                  .arg(capitaliseFirst(events.first().sourceName), events.first().targetName,
                       QString::fromLatin1(rng.pick(std::array<const char *, 6>{
                           "security", "diplomatic", "defence", "regional", "military", "political"})),
                       QString::fromLatin1(rng.pick(std::array<const char *, 6>{
                           "ties in focus", "questions ahead", "week in review", "shifts", "signals", "tensions"})));

    Style style = Style::make(rng, kFillerTemplates);
    for (QString &t : style.towns) {
        t = inventedTown(rng);
    }
    QStringList paragraphs;
    const QString dateline = QStringLiteral("%1, %2 (%3) - ")
                                 .arg(QString::fromLatin1(rng.pick(kCities)),
                                      rng.chance(0.5) ? QStringLiteral("%1 %2, %3")
                                                            .arg(monthName(a.published.month()))
                                                            .arg(a.published.day())
                                                            .arg(a.published.year())
                                                      : QStringLiteral("%1 %2 %3")
                                                            .arg(a.published.day())
                                                            .arg(monthName(a.published.month()))
                                                            .arg(a.published.year()),
                                      QString::fromLatin1(rng.pick(kAgencies)));
    // Lead paragraph: dateline, the lead event, one or two sentences of context.
    QStringList lead1{events.first().text};
    for (int i = rng.between(1, 2); i > 0; --i) {
        lead1 << fillerSentence(rng, a.published, style);
    }
    paragraphs << dateline + lead1.join(QLatin1Char(' '));
    int words = countWords(paragraphs.first());
    qsizetype nextEvent = 1;
    while (words < targetWords || nextEvent < events.size()) {
        QStringList para;
        // Spread the remaining events over the paragraphs still to come (about 70 words each).
        const double paragraphsLeft = std::max(1.0, (targetWords - words) / 70.0);
        const bool withEvent = nextEvent < events.size() &&
                               (words >= targetWords || rng.chance(double(events.size() - nextEvent) / paragraphsLeft));
        const int fillers = rng.between(withEvent ? 0 : 2, withEvent ? 3 : 5);
        const int eventAt = rng.between(0, fillers);
        for (int i = 0; i <= fillers; ++i) {
            if (withEvent && i == eventAt) {
                para << events.at(nextEvent++).text;
            } else if (i < fillers || !withEvent) {
                para << fillerSentence(rng, a.published, style);
            }
        }
        const QString text = para.join(QLatin1Char(' '));
        words += countWords(text);
        paragraphs << text;
        if (a.junk && rng.chance(0.12) && words < targetWords) {
            paragraphs << (rng.chance(0.7) ? QStringLiteral("Advertisement")
                                           : QStringLiteral("Story continues below advertisement"));
        }
    }
    a.words = words;
    // The article proper ends with its last paragraph's last sentence.
    {
        const QString &last = paragraphs.last();
        const qsizetype cut = last.lastIndexOf(QStringLiteral(". "), last.size() - 3);
        a.lastSentence = cut >= 0 ? last.mid(cut + 2) : last;
    }

    QStringList head;
    QStringList tail;
    if (a.junk) {
        if (rng.chance(0.5)) {
            head << QStringLiteral("Home | World | Politics | Business | Sport");
        }
        if (rng.chance(0.5)) {
            head << QStringLiteral("By ") + name(rng, style);
        }
        if (rng.chance(0.3)) {
            head << QStringLiteral("Photo: ") + QString::fromLatin1(rng.pick(kAgencies));
        }
        switch (rng.below(3)) {
        case 0: {
            tail << QStringLiteral("Related");
            for (int i = rng.between(2, 4); i > 0; --i) {
                tail << teaserHeadline(rng) << shortDate(a.published.addDays(-rng.between(0, 20)));
            }
            tail << QStringLiteral("Share this article");
            break;
        }
        case 1: {
            tail << QStringLiteral("Must Read") << QStringLiteral("Opinion") << QStringLiteral("Editorial");
            for (int i = rng.between(2, 4); i > 0; --i) {
                const QString h = teaserHeadline(rng);
                tail << h << QStringLiteral("Updated ") + shortDate(a.published.addDays(-rng.between(0, 5))) << h
                     << fillerSentence(rng, a.published, style).left(90) + QStringLiteral("...");
            }
            break;
        }
        default:
            tail << QStringLiteral("Follow us on Twitter")
                 << QStringLiteral("© %1 Example Media. All rights reserved.").arg(a.published.year());
            break;
        }
        a.junkStart = tail.first();
    }
    QStringList all;
    all << head << a.title << paragraphs << tail;
    a.text = all.join(QStringLiteral("\n\n")) + QLatin1Char('\n');
    for (const Sentence &s : std::as_const(events)) {
        a.events.append(s.event);
    }
    return a;
}

GoldEvent CorpusGenerator::event(qint64 index) const
{
    Rng rng(~m_options.seed * 0xD1B54A32D192ED03ULL ^ (static_cast<quint64>(index) + 1) * 0x9E3779B97F4A7C15ULL);
    rng.next();
    const QDate published = QDate(1995, 1, 1).addDays(rng.below(365 * 30));
    return makeEventSentence(rng, published, true).event;
}

QString CorpusGenerator::write(const QString &dir, qint64 count, const std::function<void(qint64)> &progress) const
{
    QDir root(dir);
    if (!root.mkpath(QStringLiteral("."))) {
        return QStringLiteral("cannot create %1").arg(dir);
    }
    QFile index(root.filePath(QStringLiteral("index.jsonl")));
    QFile gold(root.filePath(QStringLiteral("gold.jsonl")));
    if (!index.open(QIODevice::WriteOnly | QIODevice::Truncate) || !gold.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        return QStringLiteral("cannot write index.jsonl or gold.jsonl in %1").arg(dir);
    }
    qint64 events = 0;
    qint64 words = 0;
    qint64 bytes = 0;
    const qint64 chunk = 1000;
    for (qint64 first = 0; first < count; first += chunk) {
        QList<qint64> ids;
        for (qint64 i = first; i < std::min(count, first + chunk); ++i) {
            ids << i;
        }
        if (!root.mkpath(fileName(first).section(QLatin1Char('/'), 0, 0))) {
            return QStringLiteral("cannot create a folder in %1").arg(dir);
        }
        struct Written
        {
            QByteArray index;
            QByteArray gold;
            QString error;
            int events = 0;
            int words = 0;
            qint64 bytes = 0;
        };
        const std::function<Written(qint64)> work = [this, &root](qint64 i) {
            Written w;
            const GeneratedArticle a = article(i);
            QFile f(root.filePath(a.file));
            const QByteArray text = a.text.toUtf8();
            if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(text) != text.size()) {
                w.error = QStringLiteral("cannot write %1").arg(f.fileName());
                return w;
            }
            w.bytes = text.size();
            w.index = QJsonDocument(a.indexJson(m_options.seed)).toJson(QJsonDocument::Compact) + '\n';
            for (const GoldEvent &e : a.events) {
                w.gold += QJsonDocument(e.toJson(a.file)).toJson(QJsonDocument::Compact) + '\n';
            }
            w.events = int(a.events.size());
            w.words = a.words;
            return w;
        };
        const QList<Written> done = QtConcurrent::blockingMapped(ids, work);
        for (const Written &w : done) {
            if (!w.error.isEmpty()) {
                return w.error;
            }
            index.write(w.index);
            gold.write(w.gold);
            events += w.events;
            words += w.words;
            bytes += w.bytes;
        }
        if (progress) {
            progress(std::min(count, first + chunk));
        }
    }
    QJsonObject m;
    m.insert(QStringLiteral("generator"), QStringLiteral("entente-gencorpus"));
    m.insert(QStringLiteral("version"), kVersion);
    m.insert(QStringLiteral("seed"), QString::number(m_options.seed));
    m.insert(QStringLiteral("count"), count);
    m.insert(QStringLiteral("junk_share"), m_options.junkShare);
    m.insert(QStringLiteral("events"), events);
    m.insert(QStringLiteral("words"), words);
    m.insert(QStringLiteral("bytes"), bytes);
    QFile manifest(root.filePath(QStringLiteral("manifest.json")));
    if (!manifest.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        manifest.write(QJsonDocument(m).toJson(QJsonDocument::Indented)) < 0) {
        return QStringLiteral("cannot write %1").arg(manifest.fileName());
    }
    if (!index.flush() || !gold.flush()) {
        return QStringLiteral("cannot write index.jsonl or gold.jsonl in %1").arg(dir);
    }
    return {};
}

} // namespace Entente::Tools
