#include "dictionaries.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace Entente::Core {

namespace {

Error lineError(const QString &file, int line, const QString &message)
{
    return Error{Error::Code::Dictionary, QStringLiteral("%1:%2: %3").arg(file).arg(line).arg(message)};
}

bool parseDate(const QString &s, QDate &out, bool end)
{
    if (s.isEmpty()) {
        out = QDate();
        return true;
    }
    static const QRegularExpression re(QStringLiteral("^(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?$"));
    const auto m = re.match(s);
    if (!m.hasMatch()) {
        return false;
    }
    const int y = m.captured(1).toInt();
    const int mo = m.captured(2).isEmpty() ? (end ? 12 : 1) : m.captured(2).toInt();
    if (mo < 1 || mo > 12) {
        return false;
    }
    int d = 1;
    if (!m.captured(3).isEmpty()) {
        d = m.captured(3).toInt();
    } else if (end) {
        d = QDate(y, mo, 1).daysInMonth();
    }
    out = QDate(y, mo, d);
    return out.isValid();
}

/// "Soviet Union (..1991-12-25)" → name and period.
bool splitPeriod(const QString &item, QString &name, QDate &from, QDate &to, QString &error)
{
    static const QRegularExpression re(QStringLiteral("^(.*?)\\s*\\(([0-9-]*)\\.\\.([0-9-]*)\\)$"));
    const auto m = re.match(item);
    if (!m.hasMatch()) {
        if (item.contains(QLatin1Char('(')) && item.endsWith(QLatin1Char(')')) && item.contains(QLatin1String(".."))) {
            error = QStringLiteral("bad validity period in '%1'").arg(item);
            return false;
        }
        name = item;
        from = QDate();
        to = QDate();
        return true;
    }
    name = m.captured(1).trimmed();
    if (!parseDate(m.captured(2), from, false) || !parseDate(m.captured(3), to, true)) {
        error = QStringLiteral("bad date in validity period of '%1'").arg(item);
        return false;
    }
    if (from.isValid() && to.isValid() && from > to) {
        error = QStringLiteral("validity period of '%1' ends before it starts").arg(item);
        return false;
    }
    return true;
}

QStringList splitList(const QString &value)
{
    QStringList out;
    for (const QString &part : value.split(QLatin1Char(','))) {
        const QString t = part.trimmed();
        if (!t.isEmpty()) {
            out << t;
        }
    }
    return out;
}

QStringList tokensOf(const QString &alias)
{
    QStringList out;
    for (const Token &t : Segmenter::tokenize(alias)) {
        out << t.norm;
    }
    return out;
}

/// Short aliases written in capitals ("US", "UN", "AU", "IS") are words in lower case; they match
/// only when the text writes them in capitals too.
bool needsCase(const QString &alias)
{
    int letters = 0;
    for (const QChar c : alias) {
        if (c.isLetter()) {
            if (!c.isUpper()) {
                return false;
            }
            ++letters;
        }
    }
    return letters > 0 && letters <= 4;
}

const QSet<QString> &validRoles()
{
    static const QSet<QString> roles{
        QStringLiteral("GOV"), QStringLiteral("MIL"), QStringLiteral("LEG"), QStringLiteral("JUD"),
        QStringLiteral("OPP"), QStringLiteral("REB"), QStringLiteral("POL"), QStringLiteral("SPY"),
        QStringLiteral("MED"), QStringLiteral("BUS"), QStringLiteral("CVL"), QStringLiteral("REF")};
    return roles;
}

} // namespace

QStringList Dictionaries::inflections(const QString &lemma)
{
    static const QHash<QString, QStringList> irregular{
        {QStringLiteral("meet"), {QStringLiteral("met")}},
        {QStringLiteral("strike"), {QStringLiteral("struck"), QStringLiteral("stricken")}},
        {QStringLiteral("hold"), {QStringLiteral("held")}},
        {QStringLiteral("send"), {QStringLiteral("sent")}},
        {QStringLiteral("leave"), {QStringLiteral("left")}},
        {QStringLiteral("withdraw"), {QStringLiteral("withdrew"), QStringLiteral("withdrawn")}},
        {QStringLiteral("begin"), {QStringLiteral("began"), QStringLiteral("begun")}},
        {QStringLiteral("give"), {QStringLiteral("gave"), QStringLiteral("given")}},
        {QStringLiteral("fly"), {QStringLiteral("flew"), QStringLiteral("flown"), QStringLiteral("flies")}},
        {QStringLiteral("build"), {QStringLiteral("built")}},
        {QStringLiteral("seek"), {QStringLiteral("sought")}},
        {QStringLiteral("say"), {QStringLiteral("said")}},
        {QStringLiteral("tell"), {QStringLiteral("told")}},
        {QStringLiteral("make"), {QStringLiteral("made")}},
        {QStringLiteral("take"), {QStringLiteral("took"), QStringLiteral("taken")}},
        {QStringLiteral("be"), {QStringLiteral("is"), QStringLiteral("are"), QStringLiteral("was"),
                                QStringLiteral("were"), QStringLiteral("been"), QStringLiteral("being"),
                                QStringLiteral("'s"), QStringLiteral("am")}},
        {QStringLiteral("have"), {QStringLiteral("has"), QStringLiteral("had"), QStringLiteral("having")}},
        {QStringLiteral("do"), {QStringLiteral("does"), QStringLiteral("did"), QStringLiteral("done")}},
        {QStringLiteral("go"), {QStringLiteral("went"), QStringLiteral("gone")}},
        {QStringLiteral("come"), {QStringLiteral("came")}},
        {QStringLiteral("fight"), {QStringLiteral("fought")}},
        {QStringLiteral("shoot"), {QStringLiteral("shot")}},
        {QStringLiteral("lead"), {QStringLiteral("led")}},
        {QStringLiteral("sell"), {QStringLiteral("sold")}},
        {QStringLiteral("buy"), {QStringLiteral("bought")}},
        {QStringLiteral("bring"), {QStringLiteral("brought")}},
        {QStringLiteral("keep"), {QStringLiteral("kept")}},
        {QStringLiteral("stand"), {QStringLiteral("stood")}},
        {QStringLiteral("win"), {QStringLiteral("won")}},
        {QStringLiteral("break"), {QStringLiteral("broke"), QStringLiteral("broken")}},
        {QStringLiteral("speak"), {QStringLiteral("spoke"), QStringLiteral("spoken")}},
        {QStringLiteral("forbid"), {QStringLiteral("forbade"), QStringLiteral("forbidden")}},
        {QStringLiteral("undertake"), {QStringLiteral("undertook"), QStringLiteral("undertaken")}},
        {QStringLiteral("hit"), {QStringLiteral("hits"), QStringLiteral("hitting")}},
        {QStringLiteral("set"), {QStringLiteral("sets"), QStringLiteral("setting")}},
        {QStringLiteral("put"), {QStringLiteral("puts"), QStringLiteral("putting")}},
        {QStringLiteral("quit"), {QStringLiteral("quits"), QStringLiteral("quitting")}},
        {QStringLiteral("pull"), {QStringLiteral("pulled")}},
        {QStringLiteral("overthrow"), {QStringLiteral("overthrew"), QStringLiteral("overthrown")}},
        {QStringLiteral("sign"), {}},
        {QStringLiteral("run"), {QStringLiteral("ran")}},
        {QStringLiteral("become"), {QStringLiteral("became")}},
        {QStringLiteral("overrun"), {QStringLiteral("overran")}},
        {QStringLiteral("fall"), {QStringLiteral("fell"), QStringLiteral("fallen")}},
        {QStringLiteral("draw"), {QStringLiteral("drew"), QStringLiteral("drawn")}},
        {QStringLiteral("see"), {QStringLiteral("saw"), QStringLiteral("seen")}},
        {QStringLiteral("know"), {QStringLiteral("knew"), QStringLiteral("known")}},
        {QStringLiteral("show"), {QStringLiteral("shown"), QStringLiteral("showed")}},
        {QStringLiteral("tear"), {QStringLiteral("tore"), QStringLiteral("torn")}},
        {QStringLiteral("shut"), {QStringLiteral("shuts"), QStringLiteral("shutting")}},
        {QStringLiteral("cut"), {QStringLiteral("cuts"), QStringLiteral("cutting")}},
        {QStringLiteral("rise"), {QStringLiteral("rose"), QStringLiteral("risen")}},
        {QStringLiteral("drive"), {QStringLiteral("drove"), QStringLiteral("driven")}},
        {QStringLiteral("ride"), {QStringLiteral("rode"), QStringLiteral("ridden")}},
        {QStringLiteral("lend"), {QStringLiteral("lent")}},
        {QStringLiteral("spend"), {QStringLiteral("spent")}},
        {QStringLiteral("find"), {QStringLiteral("found")}},
        {QStringLiteral("get"), {QStringLiteral("got"), QStringLiteral("gotten")}},
        {QStringLiteral("swear"), {QStringLiteral("swore"), QStringLiteral("sworn")}},
        {QStringLiteral("throw"), {QStringLiteral("threw"), QStringLiteral("thrown")}},
        {QStringLiteral("grow"), {QStringLiteral("grew"), QStringLiteral("grown")}},
        {QStringLiteral("blow"), {QStringLiteral("blew"), QStringLiteral("blown")}},
        {QStringLiteral("write"), {QStringLiteral("wrote"), QStringLiteral("written")}},
        {QStringLiteral("bind"), {QStringLiteral("bound")}},
        {QStringLiteral("lay"), {QStringLiteral("laid")}},
        {QStringLiteral("pay"), {QStringLiteral("paid")}},
        {QStringLiteral("sit"), {QStringLiteral("sat")}},
        {QStringLiteral("feel"), {QStringLiteral("felt")}},
        {QStringLiteral("hear"), {QStringLiteral("heard")}},
        {QStringLiteral("mean"), {QStringLiteral("meant")}},
        {QStringLiteral("deal"), {QStringLiteral("dealt")}},
        {QStringLiteral("sink"), {QStringLiteral("sank"), QStringLiteral("sunk")}},
        {QStringLiteral("rebuild"), {QStringLiteral("rebuilt")}},
        {QStringLiteral("withhold"), {QStringLiteral("withheld")}},
        {QStringLiteral("uphold"), {QStringLiteral("upheld")}},
        {QStringLiteral("overtake"), {QStringLiteral("overtook"), QStringLiteral("overtaken")}},
        {QStringLiteral("beat"), {QStringLiteral("beaten")}},
        {QStringLiteral("bear"), {QStringLiteral("bore"), QStringLiteral("borne")}},
        {QStringLiteral("shed"), {}},
        {QStringLiteral("spread"), {}},
        {QStringLiteral("upset"), {}},
        {QStringLiteral("lose"), {QStringLiteral("lost")}},
        {QStringLiteral("choose"), {QStringLiteral("chose"), QStringLiteral("chosen")}},
        {QStringLiteral("stick"), {QStringLiteral("stuck")}},
        {QStringLiteral("foresee"), {QStringLiteral("foresaw"), QStringLiteral("foreseen")}},
        {QStringLiteral("oversee"), {QStringLiteral("oversaw"), QStringLiteral("overseen")}},
        {QStringLiteral("rethink"), {QStringLiteral("rethought")}},
        {QStringLiteral("think"), {QStringLiteral("thought")}},
        {QStringLiteral("teach"), {QStringLiteral("taught")}},
        {QStringLiteral("catch"), {QStringLiteral("caught")}},
        {QStringLiteral("hide"), {QStringLiteral("hid"), QStringLiteral("hidden")}},
        {QStringLiteral("freeze"), {QStringLiteral("froze"), QStringLiteral("frozen")}},
        {QStringLiteral("wake"), {QStringLiteral("woke")}},
        {QStringLiteral("light"), {QStringLiteral("lit")}},
        {QStringLiteral("shake"), {QStringLiteral("shook"), QStringLiteral("shaken")}},
        {QStringLiteral("slay"), {QStringLiteral("slew"), QStringLiteral("slain")}},
    };
    QStringList out{lemma};
    const auto irr = irregular.constFind(lemma);
    if (irr != irregular.cend()) {
        out << *irr;
    }
    if (lemma == QLatin1String("be") || lemma == QLatin1String("have") || lemma == QLatin1String("do")) {
        return out;
    }
    const QChar last = lemma.back();
    const auto isVowel = [](QChar c) { return QStringLiteral("aeiou").contains(c); };
    // third person / plural
    if (lemma.endsWith(QLatin1String("s")) || lemma.endsWith(QLatin1String("x")) ||
        lemma.endsWith(QLatin1String("ch")) || lemma.endsWith(QLatin1String("sh")) ||
        lemma.endsWith(QLatin1String("z"))) {
        out << lemma + QStringLiteral("es");
    } else if (last == QLatin1Char('y') && lemma.size() > 1 && !isVowel(lemma.at(lemma.size() - 2))) {
        out << lemma.left(lemma.size() - 1) + QStringLiteral("ies");
    } else {
        out << lemma + QLatin1Char('s');
    }
    // past and participles
    if (irr == irregular.cend() || lemma == QLatin1String("sign") || lemma == QLatin1String("pull")) {
        if (last == QLatin1Char('e')) {
            out << lemma + QLatin1Char('d') << lemma.left(lemma.size() - 1) + QStringLiteral("ing");
        } else if (last == QLatin1Char('y') && lemma.size() > 1 && !isVowel(lemma.at(lemma.size() - 2))) {
            out << lemma.left(lemma.size() - 1) + QStringLiteral("ied") << lemma + QStringLiteral("ing");
        } else {
            out << lemma + QStringLiteral("ed") << lemma + QStringLiteral("ing");
            // Doubled final consonant for short verbs: "ban" → "banned", "plan" → "planned".
            if (lemma.size() >= 3 && !isVowel(last) && last != QLatin1Char('w') && last != QLatin1Char('x') &&
                last != QLatin1Char('y') && isVowel(lemma.at(lemma.size() - 2)) &&
                !isVowel(lemma.at(lemma.size() - 3)) && lemma.size() <= 4) {
                out << lemma + last + QStringLiteral("ed") << lemma + last + QStringLiteral("ing");
            }
        }
    } else {
        if (last == QLatin1Char('e')) {
            out << lemma.left(lemma.size() - 1) + QStringLiteral("ing");
        } else {
            out << lemma + QStringLiteral("ing");
            if (lemma.size() <= 4 && !isVowel(last) && isVowel(lemma.at(lemma.size() - 2))) {
                out << lemma + last + QStringLiteral("ing");
            }
        }
    }
    out.removeDuplicates();
    return out;
}

void Dictionaries::addEntry(DictEntry e)
{
    if (e.tokens.isEmpty()) {
        return;
    }
    m_entries.append(std::move(e));
}

Status Dictionaries::parseActors(const QString &file, const QString &text)
{
    static const QRegularExpression header(
        QStringLiteral("^\\[([A-Z0-9_]+)\\]\\s+(state|territory|org|group)\\s+(.+)$"));
    static const QRegularExpression keyLine(QStringLiteral("^([a-z]+):\\s*(.*)$"));
    const QStringList lines = text.split(QLatin1Char('\n'));
    QString current;
    for (int n = 0; n < lines.size(); ++n) {
        const QString line = lines.at(n).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#'))) {
            continue;
        }
        const QString where = file + QLatin1Char(':') + QString::number(n + 1);
        const auto h = header.match(line);
        if (h.hasMatch()) {
            current = h.captured(1);
            if (m_actors.contains(current)) {
                return lineError(file, n + 1, QStringLiteral("actor %1 defined twice").arg(current));
            }
            Actor a;
            a.code = current;
            a.kind = h.captured(2);
            a.name = h.captured(3).trimmed();
            m_actors.insert(current, a);
            continue;
        }
        const auto k = keyLine.match(line);
        if (!k.hasMatch()) {
            return lineError(file, n + 1, QStringLiteral("expected '[CODE] kind Name' or 'key: values', got '%1'")
                                              .arg(line.left(60)));
        }
        if (current.isEmpty()) {
            return lineError(file, n + 1, QStringLiteral("'%1:' before any [CODE] header").arg(k.captured(1)));
        }
        const QString key = k.captured(1);
        DictEntry::Kind kind;
        if (key == QLatin1String("names") || key == QLatin1String("historical")) {
            kind = DictEntry::Kind::Name;
        } else if (key == QLatin1String("adjectives")) {
            kind = DictEntry::Kind::Adjective;
        } else if (key == QLatin1String("capital")) {
            kind = DictEntry::Kind::Capital;
        } else if (key == QLatin1String("seats")) {
            kind = DictEntry::Kind::Seat;
        } else {
            return lineError(file, n + 1, QStringLiteral("unknown key '%1'").arg(key));
        }
        const QStringList items = splitList(k.captured(2));
        if (items.isEmpty()) {
            return lineError(file, n + 1, QStringLiteral("'%1:' has no values").arg(key));
        }
        for (const QString &raw : items) {
            QString item = raw;
            QString role;
            if (kind == DictEntry::Kind::Seat) {
                const qsizetype eq = item.lastIndexOf(QLatin1Char('='));
                if (eq < 0) {
                    return lineError(file, n + 1, QStringLiteral("seat '%1' needs '=ROLE'").arg(item));
                }
                role = item.mid(eq + 1).trimmed();
                item = item.left(eq).trimmed();
                if (!validRoles().contains(role)) {
                    return lineError(file, n + 1, QStringLiteral("unknown role '%1'").arg(role));
                }
            }
            QString name;
            QDate from;
            QDate to;
            QString err;
            if (!splitPeriod(item, name, from, to, err)) {
                return lineError(file, n + 1, err);
            }
            if (kind == DictEntry::Kind::Seat && role.isEmpty()) {
                role = QStringLiteral("GOV");
            }
            DictEntry e;
            e.kind = kind;
            e.tokens = tokensOf(name);
            e.actor = current;
            e.role = kind == DictEntry::Kind::Capital ? QStringLiteral("GOV") : role;
            e.validFrom = from;
            e.validTo = to;
            e.caseSensitive = needsCase(name);
            e.origin = where;
            if (e.tokens.isEmpty()) {
                return lineError(file, n + 1, QStringLiteral("empty alias"));
            }
            addEntry(e);
        }
    }
    return {};
}

Status Dictionaries::parsePeople(const QString &file, const QString &text)
{
    static const QRegularExpression header(QStringLiteral("^\\[(.+)\\]$"));
    static const QRegularExpression term(
        QStringLiteral("^term:\\s*([A-Z0-9_]+)\\s+([A-Z]{3})\\s+([a-z_]+)\\s+([0-9-]*)\\.\\.([0-9-]*)$"));
    static const QSet<QString> offices{QStringLiteral("head_of_state"),    QStringLiteral("head_of_government"),
                                       QStringLiteral("foreign_minister"), QStringLiteral("defence_minister"),
                                       QStringLiteral("leader"),           QStringLiteral("secretary_general"),
                                       QStringLiteral("other")};
    const QStringList lines = text.split(QLatin1Char('\n'));
    int current = -1;
    QStringList pendingAliases;
    int aliasLine = 0;
    const auto flush = [&]() -> Status {
        if (current < 0) {
            return {};
        }
        if (m_people[current].terms.isEmpty()) {
            return lineError(file, aliasLine, QStringLiteral("%1 has no term").arg(m_people[current].name));
        }
        QStringList all = pendingAliases;
        all << m_people[current].name;
        all.removeDuplicates();
        for (const QString &a : std::as_const(all)) {
            DictEntry e;
            e.kind = DictEntry::Kind::Person;
            e.tokens = tokensOf(a);
            e.person = current;
            e.caseSensitive = needsCase(a);
            e.origin = m_people[current].origin;
            addEntry(e);
        }
        pendingAliases.clear();
        return {};
    };
    for (int n = 0; n < lines.size(); ++n) {
        const QString line = lines.at(n).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#'))) {
            continue;
        }
        const auto h = header.match(line);
        if (h.hasMatch()) {
            const Status st = flush();
            if (!st) {
                return st;
            }
            Person p;
            p.name = h.captured(1).trimmed();
            p.origin = file + QLatin1Char(':') + QString::number(n + 1);
            m_people.append(p);
            current = static_cast<int>(m_people.size() - 1);
            aliasLine = n + 1;
            continue;
        }
        if (current < 0) {
            return lineError(file, n + 1, QStringLiteral("expected a [Full name] header"));
        }
        if (line.startsWith(QLatin1String("aliases:"))) {
            pendingAliases << splitList(line.mid(8));
            continue;
        }
        const auto t = term.match(line);
        if (!t.hasMatch()) {
            return lineError(file, n + 1,
                             QStringLiteral("expected 'aliases: …' or 'term: CODE ROLE office FROM..TO', got '%1'")
                                 .arg(line.left(60)));
        }
        PersonTerm pt;
        pt.actor = t.captured(1);
        pt.role = t.captured(2);
        pt.office = t.captured(3);
        if (!validRoles().contains(pt.role)) {
            return lineError(file, n + 1, QStringLiteral("unknown role '%1'").arg(pt.role));
        }
        if (!offices.contains(pt.office)) {
            return lineError(file, n + 1, QStringLiteral("unknown office '%1'").arg(pt.office));
        }
        if (!parseDate(t.captured(4), pt.from, false) || !parseDate(t.captured(5), pt.to, true)) {
            return lineError(file, n + 1, QStringLiteral("bad term dates"));
        }
        if (pt.from.isValid() && pt.to.isValid() && pt.from > pt.to) {
            return lineError(file, n + 1, QStringLiteral("term ends before it starts"));
        }
        m_people[current].terms.append(pt);
    }
    return flush();
}

Status Dictionaries::parseRoles(const QString &file, const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^([A-Z]{3}):\\s*(.+)$"));
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (int n = 0; n < lines.size(); ++n) {
        const QString line = lines.at(n).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#'))) {
            continue;
        }
        const auto m = re.match(line);
        if (!m.hasMatch()) {
            return lineError(file, n + 1, QStringLiteral("expected 'ROLE: word, word', got '%1'").arg(line.left(60)));
        }
        if (!validRoles().contains(m.captured(1))) {
            return lineError(file, n + 1, QStringLiteral("unknown role '%1'").arg(m.captured(1)));
        }
        for (const QString &w : splitList(m.captured(2))) {
            DictEntry e;
            e.kind = DictEntry::Kind::Role;
            e.tokens = tokensOf(w);
            e.role = m.captured(1);
            e.origin = file + QLatin1Char(':') + QString::number(n + 1);
            addEntry(e);
        }
    }
    return {};
}

Status Dictionaries::parseDiscard(const QString &file, const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^([a-z_]+):\\s*(.+)$"));
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (int n = 0; n < lines.size(); ++n) {
        const QString line = lines.at(n).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#'))) {
            continue;
        }
        const auto m = re.match(line);
        if (!m.hasMatch()) {
            return lineError(file, n + 1,
                             QStringLiteral("expected 'context: word, word', got '%1'").arg(line.left(60)));
        }
        for (const QString &w : splitList(m.captured(2))) {
            m_discard.insert(tokensOf(w).join(QLatin1Char(' ')), m.captured(1));
        }
    }
    return {};
}

Status Dictionaries::parsePatterns(const QString &file, const QString &text)
{
    static const QRegularExpression head(QStringLiteral("^([a-z_]+)\\s+([01](?:\\.\\d+)?)$"));
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (int n = 0; n < lines.size(); ++n) {
        const QString line = lines.at(n).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#'))) {
            continue;
        }
        const QStringList parts = line.split(QLatin1Char('|'));
        if (parts.size() < 2 || parts.size() > 3) {
            return lineError(file, n + 1, QStringLiteral("expected 'type confidence | elements [| options]'"));
        }
        const auto h = head.match(parts.at(0).trimmed());
        if (!h.hasMatch()) {
            return lineError(file, n + 1, QStringLiteral("expected 'type confidence' before the first '|'"));
        }
        Pattern p;
        p.id = file + QLatin1Char(':') + QString::number(n + 1);
        p.type = h.captured(1);
        static const QSet<QString> types{
            QStringLiteral("alliance_formed"),      QStringLiteral("alliance_membership"),
            QStringLiteral("alliance_strengthened"), QStringLiteral("alliance_ended"),
            QStringLiteral("military_cooperation"), QStringLiteral("basing_granted"),
            QStringLiteral("basing_deployed"),      QStringLiteral("basing_ended"),
            QStringLiteral("strike"),               QStringLiteral("meeting_visit"),
            QStringLiteral("statement_support"),    QStringLiteral("statement_criticism")};
        if (!types.contains(p.type)) {
            return lineError(file, n + 1, QStringLiteral("unknown event type '%1'").arg(p.type));
        }
        p.confidence = h.captured(2).toDouble();
        p.text = parts.at(1).trimmed();
        p.location = QStringLiteral("target");
        for (const QString &raw : parts.at(1).split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            PatternElement el;
            QString tok = raw;
            if (tok.size() > 1 && tok.endsWith(QLatin1Char('?'))) {
                el.optional = true;
                tok.chop(1);
            }
            if (tok.startsWith(QLatin1Char('{'))) {
                static const QRegularExpression slot(
                    QStringLiteral("^\\{([ST])(?::(adj|org|state|mil|nonmil))?\\}$"));
                const auto m = slot.match(tok);
                if (!m.hasMatch()) {
                    return lineError(file, n + 1, QStringLiteral("bad slot '%1' (use {S} or {T}, optionally with :adj, :org, :state, :mil or :nonmil)").arg(tok));
                }
                el.kind = PatternElement::Kind::Slot;
                el.slot = m.captured(1) == QLatin1String("S") ? 'S' : 'T';
                el.adjectiveOnly = m.captured(2) == QLatin1String("adj");
                if (!el.adjectiveOnly) {
                    el.constraint = m.captured(2);
                }
            } else if (tok.startsWith(QLatin1Char('*'))) {
                el.kind = PatternElement::Kind::Gap;
                el.maxGap = tok.size() > 1 ? tok.mid(1).toInt() : 3;
                if (el.maxGap <= 0 || el.maxGap > 12) {
                    return lineError(file, n + 1, QStringLiteral("bad gap '%1' (use * or *1 … *12)").arg(tok));
                }
            } else {
                el.kind = PatternElement::Kind::Words;
                if (tok.size() > 1 && tok.startsWith(QLatin1Char('!'))) {
                    el.notNext = true;
                    el.optional = true;
                    tok = tok.mid(1);
                }
                for (const QString &alt : tok.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
                    if (alt.startsWith(QLatin1Char('~'))) {
                        el.lemma = true;
                        el.words << inflections(alt.mid(1).toLower());
                    } else {
                        el.words << Segmenter::normalise(alt);
                    }
                }
                if (el.words.isEmpty()) {
                    return lineError(file, n + 1, QStringLiteral("empty word element"));
                }
            }
            p.elements.append(el);
        }
        bool hasWord = false;
        for (const auto &el : std::as_const(p.elements)) {
            if (el.kind == PatternElement::Kind::Words && !el.optional && !el.notNext) {
                hasWord = true;
            }
        }
        if (!hasWord) {
            return lineError(file, n + 1, QStringLiteral("a pattern needs at least one required word"));
        }
        if (p.elements.first().kind == PatternElement::Kind::Gap) {
            return lineError(file, n + 1, QStringLiteral("a pattern cannot start with a gap"));
        }
        if (parts.size() == 3) {
            for (const QString &opt : parts.at(2).split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
                if (opt.startsWith(QLatin1String("loc="))) {
                    p.location = opt.mid(4);
                    if (p.location != QLatin1String("target") && p.location != QLatin1String("source") &&
                        p.location != QLatin1String("none") && p.location != QLatin1String("in")) {
                        return lineError(file, n + 1, QStringLiteral("bad location rule '%1'").arg(opt));
                    }
                } else if (opt.startsWith(QLatin1String("mod="))) {
                    p.modality = opt.mid(4);
                    if (p.modality != QLatin1String("planned") && p.modality != QLatin1String("possible")) {
                        return lineError(file, n + 1, QStringLiteral("bad modality '%1'").arg(opt));
                    }
                } else if (opt == QLatin1String("neg")) {
                    p.negated = true;
                } else if (opt == QLatin1String("ref")) {
                    p.refBack = true;
                } else if (opt == QLatin1String("swap")) {
                    p.swap = true;
                } else if (opt == QLatin1String("pairs")) {
                    p.pairs = true;
                } else {
                    return lineError(file, n + 1, QStringLiteral("unknown option '%1'").arg(opt));
                }
            }
        }
        m_patterns.append(p);
    }
    return {};
}

Status Dictionaries::parsePlaces(const QString &file, const QString &text)
{
    static const QRegularExpression header(QStringLiteral("^\\[([A-Z0-9_]+)\\](?:\\s+(.*))?$"));
    static const QRegularExpression keyLine(QStringLiteral("^([a-z]+):\\s*(.*)$"));
    // Normalised name → index of the entry that placed it (a name lies in one state only).
    QHash<QString, int> placed;
    for (int i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).kind == DictEntry::Kind::Place) {
            placed.insert(m_entries.at(i).tokens.join(QLatin1Char(' ')), i);
        }
    }
    const QStringList lines = text.split(QLatin1Char('\n'));
    QString current;
    for (int n = 0; n < lines.size(); ++n) {
        const QString line = lines.at(n).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#'))) {
            continue;
        }
        const auto h = header.match(line);
        if (h.hasMatch()) {
            current = h.captured(1);
            continue;
        }
        const auto k = keyLine.match(line);
        if (!k.hasMatch()) {
            return lineError(file, n + 1,
                             QStringLiteral("expected '[CODE]' or 'cities|regions|bases: names', got '%1'").arg(line.left(60)));
        }
        if (current.isEmpty()) {
            return lineError(file, n + 1, QStringLiteral("'%1:' before any [CODE] header").arg(k.captured(1)));
        }
        const QString key = k.captured(1);
        QString placeKind;
        if (key == QLatin1String("cities")) {
            placeKind = QStringLiteral("city");
        } else if (key == QLatin1String("regions")) {
            placeKind = QStringLiteral("region");
        } else if (key == QLatin1String("bases")) {
            placeKind = QStringLiteral("base");
        } else {
            return lineError(file, n + 1, QStringLiteral("unknown key '%1' (use cities, regions or bases)").arg(key));
        }
        const QStringList items = splitList(k.captured(2));
        if (items.isEmpty()) {
            return lineError(file, n + 1, QStringLiteral("'%1:' has no values").arg(key));
        }
        for (const QString &item : items) {
            QString name;
            QDate from;
            QDate to;
            QString err;
            if (!splitPeriod(item, name, from, to, err)) {
                return lineError(file, n + 1, err);
            }
            DictEntry e;
            e.kind = DictEntry::Kind::Place;
            e.tokens = tokensOf(name);
            e.actor = current;
            e.placeKind = placeKind;
            e.validFrom = from;
            e.validTo = to;
            e.caseSensitive = needsCase(name);
            e.origin = file + QLatin1Char(':') + QString::number(n + 1);
            if (e.tokens.isEmpty()) {
                return lineError(file, n + 1, QStringLiteral("empty place name"));
            }
            const QString norm = e.tokens.join(QLatin1Char(' '));
            const auto it = placed.constFind(norm);
            if (it != placed.cend()) {
                const DictEntry &other = m_entries.at(*it);
                if (other.actor != current) {
                    return lineError(file, n + 1, QStringLiteral("'%1' is already placed in %2 (%3)")
                                                      .arg(name, other.actor, other.origin));
                }
                if (!e.caseSensitive) {
                    m_entries[*it].caseSensitive = false; // "NEOM" and "Neom": any case matches
                }
                continue; // a spelling variant that normalises to the same tokens
            }
            placed.insert(norm, static_cast<int>(m_entries.size()));
            addEntry(e);
        }
    }
    return {};
}

Status Dictionaries::checkPlaces() const
{
    QHash<QString, const DictEntry *> aliases;
    for (const DictEntry &e : m_entries) {
        if ((e.kind == DictEntry::Kind::Name || e.kind == DictEntry::Kind::Adjective ||
             e.kind == DictEntry::Kind::Capital || e.kind == DictEntry::Kind::Seat) &&
            !e.validFrom.isValid() && !e.validTo.isValid()) {
            aliases.insert(e.tokens.join(QLatin1Char(' ')), &e);
        }
    }
    for (const DictEntry &e : m_entries) {
        if (e.kind != DictEntry::Kind::Place) {
            continue;
        }
        const auto a = m_actors.constFind(e.actor);
        if (a == m_actors.cend()) {
            return Error{Error::Code::Dictionary,
                         QStringLiteral("%1: place '%2' in unknown state %3").arg(e.origin, e.tokens.join(QLatin1Char(' ')), e.actor)};
        }
        if (a->kind != QLatin1String("state") && a->kind != QLatin1String("territory")) {
            return Error{Error::Code::Dictionary, QStringLiteral("%1: place '%2' must lie in a state or territory, not %3 (%4)")
                                                      .arg(e.origin, e.tokens.join(QLatin1Char(' ')), e.actor, a->kind)};
        }
        const auto dup = aliases.constFind(e.tokens.join(QLatin1Char(' ')));
        if (dup != aliases.cend()) {
            return Error{Error::Code::Dictionary, QStringLiteral("%1: place '%2' is already an alias of %3 (%4)")
                                                      .arg(e.origin, e.tokens.join(QLatin1Char(' ')), (*dup)->actor, (*dup)->origin)};
        }
    }
    return {};
}

Status Dictionaries::parse(const QString &fileName, const QString &text)
{
    const QString base = QFileInfo(fileName).fileName();
    if (base.startsWith(QLatin1String("people"))) {
        return parsePeople(base, text);
    }
    if (base == QLatin1String("roles.dict")) {
        return parseRoles(base, text);
    }
    if (base == QLatin1String("discard.dict")) {
        return parseDiscard(base, text);
    }
    if (base.startsWith(QLatin1String("patterns"))) {
        return parsePatterns(base, text);
    }
    if (base.startsWith(QLatin1String("places"))) {
        return parsePlaces(base, text);
    }
    return parseActors(base, text);
}

void Dictionaries::buildIndex()
{
    m_index.clear();
    for (int i = 0; i < m_entries.size(); ++i) {
        m_index[m_entries.at(i).tokens.first()].append(i);
    }
    for (auto it = m_index.begin(); it != m_index.end(); ++it) {
        std::stable_sort(it->begin(), it->end(), [this](int a, int b) {
            return m_entries.at(a).tokens.size() > m_entries.at(b).tokens.size();
        });
    }
    m_patternIndex.clear();
    for (int i = 0; i < m_patterns.size(); ++i) {
        for (const PatternElement &el : m_patterns.at(i).elements) {
            if (el.kind == PatternElement::Kind::Words && !el.optional) {
                for (const QString &w : el.words) {
                    QList<int> &list = m_patternIndex[w];
                    if (list.isEmpty() || list.last() != i) {
                        list.append(i);
                    }
                }
                break;
            }
        }
    }
}

Result<std::shared_ptr<Dictionaries>> Dictionaries::loadDirectory(const QString &dirPath)
{
    auto d = std::make_shared<Dictionaries>();
    const QDir dir(dirPath);
    QStringList files = dir.entryList({QStringLiteral("*.dict")}, QDir::Files, QDir::Name);
    if (files.isEmpty()) {
        return Error{Error::Code::Dictionary, QStringLiteral("no dictionaries in %1").arg(dirPath)};
    }
    // Actors first, so that people and patterns can refer to them.
    std::stable_sort(files.begin(), files.end(), [](const QString &a, const QString &b) {
        const auto rank = [](const QString &f) {
            if (f.startsWith(QLatin1String("people")) || f.startsWith(QLatin1String("patterns")) ||
                f.startsWith(QLatin1String("places")) ||
                f == QLatin1String("roles.dict") || f == QLatin1String("discard.dict")) {
                return 1;
            }
            return 0;
        };
        return rank(a) < rank(b);
    });
    for (const QString &f : files) {
        QFile file(dir.filePath(f));
        if (!file.open(QIODevice::ReadOnly)) {
            return Error{Error::Code::Io, QStringLiteral("cannot read %1: %2").arg(f, file.errorString())};
        }
        const Status st = d->parse(f, QString::fromUtf8(file.readAll()));
        if (!st) {
            return st.error();
        }
    }
    // People must point at known actors.
    for (const Person &p : std::as_const(d->m_people)) {
        for (const PersonTerm &t : p.terms) {
            if (!d->m_actors.contains(t.actor)) {
                return Error{Error::Code::Dictionary,
                             QStringLiteral("%1: %2 holds an office of unknown actor %3").arg(p.origin, p.name, t.actor)};
            }
        }
    }
    // Places must lie in known states and must not repeat an actor's alias.
    if (const Status st = d->checkPlaces(); !st) {
        return st.error();
    }
    d->buildIndex();
    return d;
}

Result<std::shared_ptr<Dictionaries>> Dictionaries::loadBundled()
{
    static std::shared_ptr<Dictionaries> cached;
    static QMutex mutex;
    QMutexLocker lock(&mutex);
    if (cached) {
        return cached;
    }
    auto r = loadDirectory(QStringLiteral(":/dictionaries"));
    if (r) {
        cached = *r;
    }
    return r;
}

std::shared_ptr<Dictionaries> Dictionaries::withUserAliases(const QList<Alias> &aliases) const
{
    auto d = std::make_shared<Dictionaries>(*this);
    for (const Alias &a : aliases) {
        DictEntry e;
        e.kind = DictEntry::Kind::Name;
        e.tokens = tokensOf(a.alias);
        e.actor = a.actorCode;
        e.role = a.role;
        e.validFrom = a.validFrom;
        e.validTo = a.validTo;
        e.origin = QStringLiteral("user alias #%1").arg(a.id);
        if (e.tokens.isEmpty()) {
            continue;
        }
        // The analyst's word wins: drop bundled entries with exactly the same tokens.
        d->m_entries.erase(std::remove_if(d->m_entries.begin(), d->m_entries.end(),
                                          [&e](const DictEntry &x) {
                                              return x.tokens == e.tokens && !x.origin.startsWith(QLatin1String("user"));
                                          }),
                           d->m_entries.end());
        d->m_entries.append(e);
        if (!d->m_actors.contains(a.actorCode)) {
            Actor actor;
            actor.code = a.actorCode;
            actor.name = a.actorCode;
            actor.kind = QStringLiteral("user");
            actor.origin = QStringLiteral("user");
            d->m_actors.insert(a.actorCode, actor);
        }
    }
    d->buildIndex();
    return d;
}

const QList<int> *Dictionaries::entriesStartingWith(const QString &token) const
{
    const auto it = m_index.constFind(token);
    return it == m_index.cend() ? nullptr : &*it;
}

const QList<int> *Dictionaries::patternsAnchoredAt(const QString &token) const
{
    const auto it = m_patternIndex.constFind(token);
    return it == m_patternIndex.cend() ? nullptr : &*it;
}

QString Dictionaries::actorName(const QString &code) const
{
    const auto it = m_actors.constFind(code);
    return it == m_actors.cend() ? code : it->name;
}

} // namespace Entente::Core
