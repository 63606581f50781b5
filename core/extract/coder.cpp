#include "coder.h"

#include <core/extract/timeresolver.h>

#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <functional>
#include <optional>

namespace Entente::Core {

namespace {

const QSet<QString> &determiners()
{
    static const QSet<QString> s{QStringLiteral("the"),   QStringLiteral("a"),     QStringLiteral("an"),
                                 QStringLiteral("its"),   QStringLiteral("their"), QStringLiteral("his"),
                                 QStringLiteral("her"),   QStringLiteral("some"),  QStringLiteral("several"),
                                 QStringLiteral("both"),  QStringLiteral("all"),   QStringLiteral("two"),
                                 QStringLiteral("three"), QStringLiteral("fellow"), QStringLiteral("top"),
                                 QStringLiteral("senior"), QStringLiteral("former"), QStringLiteral("then"),
                                 QStringLiteral("new"),   QStringLiteral("other"), QStringLiteral("key")};
    return s;
}

const QSet<QString> &prepositions()
{
    static const QSet<QString> s{QStringLiteral("in"),      QStringLiteral("at"),      QStringLiteral("from"),
                                 QStringLiteral("to"),      QStringLiteral("into"),    QStringLiteral("of"),
                                 QStringLiteral("against"), QStringLiteral("near"),    QStringLiteral("with"),
                                 QStringLiteral("for"),     QStringLiteral("on"),      QStringLiteral("by"),
                                 QStringLiteral("over"),    QStringLiteral("across"),  QStringLiteral("inside"),
                                 QStringLiteral("including"), QStringLiteral("like"),  QStringLiteral("toward"),
                                 QStringLiteral("towards"), QStringLiteral("than"),    QStringLiteral("between"),
                                 QStringLiteral("among"),   QStringLiteral("about"),   QStringLiteral("via"),
                                 QStringLiteral("through"), QStringLiteral("within"),  QStringLiteral("outside"),
                                 QStringLiteral("under"),   QStringLiteral("after"),   QStringLiteral("before"),
                                 QStringLiteral("without"), QStringLiteral("beyond"),  QStringLiteral("as"),
                                 QStringLiteral("alongside"), QStringLiteral("amid"),  QStringLiteral("despite"),
                                 QStringLiteral("during"),  QStringLiteral("since"),   QStringLiteral("until"),
                                 QStringLiteral("onto"),    QStringLiteral("around"),  QStringLiteral("behind"),
                                 QStringLiteral("beside"),  QStringLiteral("off"),     QStringLiteral("out")};
    return s;
}

/// Words of direction that may stand between a role word's preposition and the place
/// ("militants in northern Syria").
const QSet<QString> &regionWords()
{
    static const QSet<QString> s{QStringLiteral("northern"),     QStringLiteral("southern"),
                                 QStringLiteral("eastern"),      QStringLiteral("western"),
                                 QStringLiteral("central"),      QStringLiteral("north"),
                                 QStringLiteral("south"),        QStringLiteral("east"),
                                 QStringLiteral("west"),         QStringLiteral("northeastern"),
                                 QStringLiteral("northwestern"), QStringLiteral("southeastern"),
                                 QStringLiteral("southwestern"), QStringLiteral("north-eastern"),
                                 QStringLiteral("north-western"), QStringLiteral("south-eastern"),
                                 QStringLiteral("south-western"), QStringLiteral("neighbouring"),
                                 QStringLiteral("neighboring"),  QStringLiteral("coastal"),
                                 QStringLiteral("rural"),        QStringLiteral("occupied"),
                                 QStringLiteral("war-torn"),     QStringLiteral("rebel-held")};
    return s;
}

/// Nouns of places that lead to their country through "in"/"near"/"of"
/// ("to Lask air base in central Poland", "the port of Tartus in Syria").
const QSet<QString> &placeNouns()
{
    static const QSet<QString> s{
        QStringLiteral("base"),      QStringLiteral("bases"),     QStringLiteral("airbase"),  QStringLiteral("airport"),
        QStringLiteral("airfield"),  QStringLiteral("port"),      QStringLiteral("ports"),    QStringLiteral("city"),
        QStringLiteral("town"),      QStringLiteral("village"),   QStringLiteral("province"), QStringLiteral("region"),
        QStringLiteral("capital"),   QStringLiteral("island"),    QStringLiteral("islands"),  QStringLiteral("coast"),
        QStringLiteral("border"),    QStringLiteral("facility"),  QStringLiteral("facilities"), QStringLiteral("camp"),
        QStringLiteral("camps"),     QStringLiteral("station"),   QStringLiteral("peninsula"), QStringLiteral("area"),
        QStringLiteral("district"),  QStringLiteral("territory"), QStringLiteral("waters"),   QStringLiteral("harbour"),
        QStringLiteral("harbor"),    QStringLiteral("garrison"),  QStringLiteral("outpost"),  QStringLiteral("headquarters"),
        QStringLiteral("compound"),  QStringLiteral("plants"),    QStringLiteral("plant"),    QStringLiteral("targets"),
        QStringLiteral("positions"), QStringLiteral("sites"),     QStringLiteral("site"),     QStringLiteral("installations"),
        QStringLiteral("barracks"),  QStringLiteral("bay"),       QStringLiteral("strip"),    QStringLiteral("corridor")};
    return s;
}

const QSet<QString> &beForms()
{
    static const QSet<QString> s{QStringLiteral("is"),  QStringLiteral("are"),  QStringLiteral("was"),
                                 QStringLiteral("were"), QStringLiteral("been"), QStringLiteral("being"),
                                 QStringLiteral("be"),   QStringLiteral("get"),  QStringLiteral("got")};
    return s;
}

const QSet<QString> &irregularParticiples()
{
    static const QSet<QString> s{QStringLiteral("hit"),  QStringLiteral("struck"), QStringLiteral("shot"),
                                 QStringLiteral("held"), QStringLiteral("sent"),   QStringLiteral("met"),
                                 QStringLiteral("led"),  QStringLiteral("built"),  QStringLiteral("sold"),
                                 QStringLiteral("bought"), QStringLiteral("fought"), QStringLiteral("overrun"),
                                 QStringLiteral("cut"),  QStringLiteral("sunk"),   QStringLiteral("won"),
                                 QStringLiteral("caught"), QStringLiteral("seen"), QStringLiteral("lent")};
    return s;
}

const QSet<QString> &militaryModifiers()
{
    static const QSet<QString> s{QStringLiteral("strategic"), QStringLiteral("nuclear"),   QStringLiteral("combat"),
                                 QStringLiteral("elite"),     QStringLiteral("additional"), QStringLiteral("armoured"),
                                 QStringLiteral("armored"),   QStringLiteral("heavy"),     QStringLiteral("transport"),
                                 QStringLiteral("tactical"),  QStringLiteral("stealth"),   QStringLiteral("ballistic"),
                                 QStringLiteral("multinational"), QStringLiteral("long-range"), QStringLiteral("cargo"),
                                 QStringLiteral("attack"),    QStringLiteral("surveillance"), QStringLiteral("spy"),
                                 QStringLiteral("reconnaissance"), QStringLiteral("unmanned"), QStringLiteral("military")};
    return s;
}

/// Words of a role entry that name an office-holder or an office rather than a force ("defence minister",
/// "army chief", "military spokesman", "defence ministry").
const QSet<QString> &officeWords()
{
    static const QSet<QString> s{QStringLiteral("minister"),  QStringLiteral("ministers"), QStringLiteral("ministry"),
                                 QStringLiteral("secretary"), QStringLiteral("chief"),     QStringLiteral("chiefs"),
                                 QStringLiteral("commander"), QStringLiteral("commanders"), QStringLiteral("spokesman"),
                                 QStringLiteral("spokeswoman"), QStringLiteral("officials"), QStringLiteral("general"),
                                 QStringLiteral("generals"),  QStringLiteral("staff"),     QStringLiteral("brass")};
    return s;
}

bool isOfficeEntry(const DictEntry &e)
{
    if (e.kind != DictEntry::Kind::Role) {
        return false;
    }
    for (const QString &w : e.tokens) {
        if (officeWords().contains(w)) {
            return true;
        }
    }
    return false;
}

/// Participles of compound modifiers ("the Russian-led CSTO", "a US-backed force"): the actor before the
/// hyphen modifies the noun and is no slot filler.
const QSet<QString> &compoundParticiples()
{
    static const QSet<QString> s{QStringLiteral("led"),       QStringLiteral("backed"),   QStringLiteral("brokered"),
                                 QStringLiteral("sponsored"), QStringLiteral("funded"),   QStringLiteral("aligned"),
                                 QStringLiteral("allied"),    QStringLiteral("controlled"), QStringLiteral("dominated"),
                                 QStringLiteral("supported"), QStringLiteral("trained"),  QStringLiteral("armed"),
                                 QStringLiteral("run"),       QStringLiteral("held"),     QStringLiteral("friendly")};
    return s;
}

const QSet<QString> &auxiliaryModals()
{
    static const QSet<QString> s{QStringLiteral("will"),  QStringLiteral("would"), QStringLiteral("could"),
                                 QStringLiteral("may"),   QStringLiteral("might"), QStringLiteral("can"),
                                 QStringLiteral("shall"), QStringLiteral("'ll")};
    return s;
}

bool isBoundary(const Token &t)
{
    return t.norm == QLatin1String(";") || t.norm == QLatin1String(":") || t.norm == QStringLiteral("\u2014") ||
           (t.norm == QLatin1String("-") && !t.joined) || t.norm == QStringLiteral("\u2013");
}

const QSet<QString> &negators()
{
    static const QSet<QString> s{QStringLiteral("not"),     QStringLiteral("n't"),     QStringLiteral("never"),
                                 QStringLiteral("no"),      QStringLiteral("neither"), QStringLiteral("nor"),
                                 QStringLiteral("denied"),  QStringLiteral("deny"),    QStringLiteral("denies"),
                                 QStringLiteral("denying"), QStringLiteral("refused"), QStringLiteral("refuse"),
                                 QStringLiteral("refuses"), QStringLiteral("rejected"), QStringLiteral("rejects"),
                                 QStringLiteral("without"), QStringLiteral("dismissed"), QStringLiteral("ruled"),
                                 QStringLiteral("cannot"),  QStringLiteral("nothing"), QStringLiteral("none"),
                                 QStringLiteral("declined"), QStringLiteral("failed")};
    return s;
}

const QSet<QString> &possibleWords()
{
    static const QSet<QString> s{QStringLiteral("could"),       QStringLiteral("may"),       QStringLiteral("might"),
                                 QStringLiteral("can"),         QStringLiteral("possible"),  QStringLiteral("possibly"),
                                 QStringLiteral("considering"), QStringLiteral("consider"),  QStringLiteral("considers"),
                                 QStringLiteral("offered"),     QStringLiteral("offers"),    QStringLiteral("offer"),
                                 QStringLiteral("proposed"),    QStringLiteral("proposes"),  QStringLiteral("potential"),
                                 QStringLiteral("potentially"), QStringLiteral("if"),        QStringLiteral("unless"),
                                 QStringLiteral("mulling"),     QStringLiteral("weighing"),  QStringLiteral("explore"),
                                 QStringLiteral("exploring"),      
                                  QStringLiteral("reportedly"), QStringLiteral("allegedly"),
                                 QStringLiteral("suspected"),   QStringLiteral("likely"),    QStringLiteral("perhaps"),
                                 QStringLiteral("ready"),       QStringLiteral("willing"),   QStringLiteral("asked"),
                                 QStringLiteral("requested"),   QStringLiteral("sought"),    QStringLiteral("seeks"),
                                 QStringLiteral("seeking"),     QStringLiteral("wants"),     QStringLiteral("hopes"),
                                 QStringLiteral("hoped"),       QStringLiteral("hoping")};
    return s;
}

const QSet<QString> &plannedWords()
{
    static const QSet<QString> s{QStringLiteral("will"),      QStringLiteral("would"),    QStringLiteral("shall"),
                                 QStringLiteral("plans"),     QStringLiteral("plan"),     QStringLiteral("planned"),
                                 QStringLiteral("planning"),  QStringLiteral("intends"),  QStringLiteral("intend"),
                                 QStringLiteral("intended"),  QStringLiteral("scheduled"), QStringLiteral("expected"),
                                 QStringLiteral("due"),       QStringLiteral("agreed"),   QStringLiteral("agree"),
                                 QStringLiteral("pledged"),   QStringLiteral("promised"), QStringLiteral("vowed"),
                                 QStringLiteral("preparing"), QStringLiteral("prepares"), QStringLiteral("set"),
                                 QStringLiteral("applied"),   QStringLiteral("applies"),  QStringLiteral("applying"),
                                 QStringLiteral("going"),     QStringLiteral("'ll"),      QStringLiteral("upcoming"),
                                 QStringLiteral("aims"),      QStringLiteral("aim"),      QStringLiteral("decided"),
                                 QStringLiteral("committed"), QStringLiteral("application"), QStringLiteral("bid"),
                                 QStringLiteral("candidacy")};
    return s;
}

const QSet<QString> &speechVerbs()
{
    static const QSet<QString> s{QStringLiteral("said"),      QStringLiteral("says"),     QStringLiteral("told"),
                                 QStringLiteral("tells"),     QStringLiteral("stated"),   QStringLiteral("added"),
                                 QStringLiteral("warned"),    QStringLiteral("claimed"),  QStringLiteral("claims"),
                                 QStringLiteral("insisted"),  QStringLiteral("noted"),    QStringLiteral("declared"),
                                 QStringLiteral("explained"), QStringLiteral("asserted"), QStringLiteral("argued"),
                                 QStringLiteral("wrote"),     QStringLiteral("tweeted"),  QStringLiteral("posted"),
                                 QStringLiteral("according"), QStringLiteral("quoted"),   QStringLiteral("reported"),
                                 QStringLiteral("saying"),    QStringLiteral("announced"), QStringLiteral("confirmed"),
                                 QStringLiteral("acknowledged"), QStringLiteral("admitted"), QStringLiteral("suggested")};
    return s;
}

/// One past the last token of a dateline ("MOSCOW, Oct 18 (Wire) -"), or 0.
int datelineEnd(const QList<Token> &tok)
{
    const int n = static_cast<int>(tok.size());
    if (n > 4 && tok.at(0).isWord && tok.at(0).upper) {
        bool comma = false;
        for (int k = 1; k < std::min(n, 14); ++k) {
            if (tok.at(k).norm == QLatin1String(",")) {
                comma = true;
            } else if (isBoundary(tok.at(k))) {
                return comma ? k + 1 : 0;
            } else if (tok.at(k).isWord && !tok.at(k).upper && !tok.at(k).capital && !tok.at(k).norm.at(0).isDigit() &&
                       tok.at(k).norm.size() > 3) {
                return 0; // running text, not a dateline
            }
        }
    }
    return 0;
}

/// Head nouns of definite descriptions of a state ("the country", "the Gulf kingdom", "the island nation").
const QSet<QString> &stateHeads()
{
    static const QSet<QString> s{QStringLiteral("country"), QStringLiteral("kingdom"), QStringLiteral("nation"),
                                 QStringLiteral("emirate"), QStringLiteral("sultanate"), QStringLiteral("archipelago"),
                                 QStringLiteral("monarchy")};
    return s;
}

/// Head nouns of pair references ("the two sides", "both countries", "their two governments").
const QSet<QString> &pairHeads()
{
    static const QSet<QString> s{QStringLiteral("countries"), QStringLiteral("sides"), QStringLiteral("governments"),
                                 QStringLiteral("nations"),   QStringLiteral("states"), QStringLiteral("leaders"),
                                 QStringLiteral("allies"),    QStringLiteral("neighbours"), QStringLiteral("neighbors"),
                                 QStringLiteral("capitals"),  QStringLiteral("militaries"), QStringLiteral("armies"),
                                 QStringLiteral("presidents"), QStringLiteral("ministers"), QStringLiteral("partners")};
    return s;
}

/// Modifiers that make a description introduce a new referent ("the first country to…").
const QSet<QString> &newReferentModifiers()
{
    static const QSet<QString> s{QStringLiteral("first"),   QStringLiteral("second"), QStringLiteral("third"),
                                 QStringLiteral("only"),    QStringLiteral("last"),   QStringLiteral("other"),
                                 QStringLiteral("another"), QStringLiteral("next"),   QStringLiteral("latest"),
                                 QStringLiteral("newest"),  QStringLiteral("whole"),  QStringLiteral("entire"),
                                 QStringLiteral("host"),    QStringLiteral("home"),   QStringLiteral("a"),
                                 QStringLiteral("one"),     QStringLiteral("each"),   QStringLiteral("every"),
                                 QStringLiteral("neighbouring"), QStringLiteral("neighboring"), QStringLiteral("third-party"),
                                 QStringLiteral("target"),  QStringLiteral("same"),   QStringLiteral("largest"),
                                 QStringLiteral("biggest"), QStringLiteral("smallest"), QStringLiteral("poorest"),
                                 QStringLiteral("richest"), QStringLiteral("most"),   QStringLiteral("member")};
    return s;
}

/// Roles are kept from the mention; a person's role wins over a role word.
struct SlotFill
{
    QList<int> mentions; ///< coordinated mentions filling the slot
};

struct Match
{
    const Pattern *pattern = nullptr;
    int begin = 0; ///< first token of the match (incl. slots)
    int end = 0;
    int anchor = 0;
    int anchorEnd = 0;
    SlotFill s;
    SlotFill t;
    bool subjectFallback = false;
};

QString familyOf(const QString &type)
{
    if (type.startsWith(QLatin1String("alliance"))) {
        return QStringLiteral("alliance");
    }
    if (type.startsWith(QLatin1String("basing"))) {
        return QStringLiteral("basing");
    }
    if (type == QLatin1String("strike")) {
        return QStringLiteral("conflict");
    }
    if (type == QLatin1String("military_cooperation")) {
        return QStringLiteral("cooperation");
    }
    return QStringLiteral("diplomacy");
}

} // namespace

Coder::Coder(std::shared_ptr<const Dictionaries> dictionaries) : m_dict(std::move(dictionaries))
{
    // Verb-like words: every word form used by a pattern, auxiliaries and speech verbs. A subject
    // candidate must be followed closely by one of these (or by the trigger).
    for (const Pattern &p : m_dict->patterns()) {
        for (const PatternElement &el : p.elements) {
            if (el.kind == PatternElement::Kind::Words && el.lemma) {
                for (const QString &w : el.words) {
                    if (!prepositions().contains(w) && !determiners().contains(w)) {
                        m_verbs.insert(w);
                    }
                }
            }
        }
    }
    // Patterns written in the active voice whose trigger takes the object slot directly
    // ("{S} ~hit {T}") must not match a passive ("X was hit"): there the subject is the patient.
    m_passiveGuard.reserve(m_dict->patterns().size());
    for (const Pattern &p : m_dict->patterns()) {
        bool guard = false;
        const auto &els = p.elements;
        if (els.size() >= 3 && els.first().kind == PatternElement::Kind::Slot) {
            int a = 1;
            while (a < els.size() && els.at(a).kind == PatternElement::Kind::Words && els.at(a).optional) {
                ++a;
            }
            if (a + 1 < els.size() && els.at(a).kind == PatternElement::Kind::Words && els.at(a).lemma) {
                int b = a + 1;
                while (b < els.size() && els.at(b).kind == PatternElement::Kind::Words && els.at(b).optional) {
                    ++b;
                }
                guard = b < els.size() && els.at(b).kind == PatternElement::Kind::Slot;
            }
            for (const PatternElement &el : els) {
                if (el.kind == PatternElement::Kind::Words && el.words.contains(QStringLiteral("by"))) {
                    guard = false;
                }
            }
        }
        m_passiveGuard.append(guard);
    }
    for (const char *w : {"is", "are", "was", "were", "has", "have", "had", "will", "would", "could", "may", "might",
                          "can", "should", "must", "did", "does", "do", "n't", "not", "also", "has", "'s", "been",
                          "which", "who", "that", "then", "again", "later", "already", "jointly", "plans", "plan",
                          "wants", "agreed", "decided", "intends", "sought", "seeks", "reportedly", "officially"}) {
        m_verbs.insert(QString::fromLatin1(w));
    }
    for (const QString &w : speechVerbs()) {
        m_verbs.insert(w);
    }
}

QList<Mention> Coder::findMentions(const Sentence &s, QDate date) const
{
    const QList<Token> &tok = s.tokens;
    const int n = static_cast<int>(tok.size());
    // 1. Atoms: longest dictionary match at each position.
    struct Atom
    {
        int begin;
        int end;
        const DictEntry *entry;
    };
    QList<Atom> atoms;
    const auto validOn = [&date](const DictEntry &e) {
        if (!date.isValid()) {
            return true;
        }
        return (!e.validFrom.isValid() || e.validFrom <= date) && (!e.validTo.isValid() || date <= e.validTo);
    };
    for (int i = 0; i < n;) {
        const Token &t = tok.at(i);
        const QList<int> *cands = t.isWord ? m_dict->entriesStartingWith(t.norm) : nullptr;
        const DictEntry *best = nullptr;
        int bestLen = 0;
        if (cands != nullptr) {
            for (int idx : *cands) {
                const DictEntry &e = m_dict->entries().at(idx);
                const int len = static_cast<int>(e.tokens.size());
                if (len < bestLen) {
                    break;
                }
                if (i + len > n) {
                    continue;
                }
                bool ok = true;
                for (int k = 0; k < len && ok; ++k) {
                    const Token &tk = tok.at(i + k);
                    ok = tk.norm == e.tokens.at(k) && (!e.caseSensitive || !tk.isWord || tk.upper);
                }
                if (!ok || !validOn(e)) {
                    continue;
                }
                // Person entries compete with actor entries of the same length: the actor wins unless the
                // person alias is longer (a full name).
                if (best == nullptr || len > bestLen) {
                    best = &e;
                    bestLen = len;
                }
            }
        }
        if (best != nullptr) {
            // Lower-case single-word names are common words ("chad", "turkey" the bird): require a capital.
            if (bestLen == 1 && best->kind != DictEntry::Kind::Role && !t.capital && !t.upper) {
                ++i;
                continue;
            }
            atoms.append({i, i + bestLen, best});
            i += bestLen;
        } else {
            ++i;
        }
    }

    const auto resolvePerson = [this, &date](const DictEntry &e, QString &actor, QString &role) {
        // All people sharing these alias tokens compete; the term valid on the date decides.
        const QList<int> *same = m_dict->entriesStartingWith(e.tokens.first());
        QList<int> persons;
        if (same != nullptr) {
            for (int idx : *same) {
                const DictEntry &x = m_dict->entries().at(idx);
                if (x.kind == DictEntry::Kind::Person && x.tokens == e.tokens) {
                    persons.append(x.person);
                }
            }
        }
        const PersonTerm *bestTerm = nullptr;
        const PersonTerm *nearest = nullptr;
        qint64 nearestDist = std::numeric_limits<qint64>::max();
        for (int pi : persons) {
            for (const PersonTerm &t : m_dict->people().at(pi).terms) {
                const QDate to = t.to.isValid() ? t.to : QDate(9999, 12, 31);
                if (!date.isValid()) {
                    // No date: the most recent office of anyone with this name.
                    if (bestTerm == nullptr || t.from > bestTerm->from) {
                        bestTerm = &t;
                    }
                    continue;
                }
                if (t.from <= date && date <= to) {
                    if (bestTerm == nullptr || (t.office == QLatin1String("head_of_state") ||
                                                t.office == QLatin1String("head_of_government"))) {
                        bestTerm = &t;
                    }
                } else {
                    const qint64 d = date < t.from ? date.daysTo(t.from) : to.daysTo(date);
                    if (d < nearestDist) {
                        nearestDist = d;
                        nearest = &t;
                    }
                }
            }
        }
        if (bestTerm != nullptr) {
            actor = bestTerm->actor;
            role = bestTerm->role;
            return true;
        }
        if (nearest != nullptr) {
            actor = nearest->actor;
            role.clear();
            return true;
        }
        return false;
    };

    // 2. Mentions: [actor]['s] [role…] [person] | [role…] [person] | [role…] (of|in|from) [the] [actor] | [person]
    QList<Mention> out;
    for (int a = 0; a < atoms.size(); ++a) {
        const Atom &at = atoms.at(a);
        Mention m;
        m.begin = at.begin;
        m.end = at.end;
        m.origins << at.entry->origin;
        const DictEntry::Kind kind = at.entry->kind;
        int next = a + 1;
        const auto atomAt = [&atoms](int idx, int tokenPos) -> const Atom * {
            if (idx < atoms.size() && atoms.at(idx).begin == tokenPos) {
                return &atoms.at(idx);
            }
            return nullptr;
        };
        if (kind == DictEntry::Kind::Place) {
            m.actor = at.entry->actor;
            m.place = true;
            out.append(m);
            continue;
        }
        if (kind == DictEntry::Kind::Person) {
            QString actor;
            QString role;
            if (!resolvePerson(*at.entry, actor, role)) {
                continue;
            }
            m.actor = actor;
            m.role = role;
            m.person = true;
        } else if (kind == DictEntry::Kind::Role) {
            // Role words first: find a person after them, or "of/in/from [the] ACTOR".
            int pos = at.end;
            int k = next;
            QString role = at.entry->role;
            bool office = isOfficeEntry(*at.entry);
            while (const Atom *r = atomAt(k, pos)) {
                if (r->entry->kind != DictEntry::Kind::Role) {
                    break;
                }
                role = r->entry->role;
                office = isOfficeEntry(*r->entry);
                pos = r->end;
                ++k;
            }
            m.office = office;
            if (const Atom *p = atomAt(k, pos); p != nullptr && p->entry->kind == DictEntry::Kind::Person) {
                QString actor;
                QString prole;
                if (!resolvePerson(*p->entry, actor, prole)) {
                    continue;
                }
                m.actor = actor;
                m.role = prole.isEmpty() ? role : prole;
                m.person = true;
                m.end = p->end;
                m.origins << p->entry->origin;
                a = k;
                out.append(m);
                continue;
            }
            // "of"/"in" only: "troops from Germany" after a movement verb is where they leave.
            if (pos < n && (tok.at(pos).norm == QLatin1String("of") || tok.at(pos).norm == QLatin1String("in"))) {
                int q = pos + 1;
                if (q < n && tok.at(q).norm == QLatin1String("the")) {
                    ++q;
                }
                // "militants in northern Syria", "fighters in central Mali"
                if (q + 1 < n && regionWords().contains(tok.at(q).norm)) {
                    ++q;
                }
                const Atom *act = nullptr;
                for (int j = k; j < atoms.size(); ++j) {
                    if (atoms.at(j).begin == q) {
                        act = &atoms.at(j);
                        k = j;
                        break;
                    }
                    if (atoms.at(j).begin > q) {
                        break;
                    }
                }
                // A place locates a role word except a force's ("militants in Idlib" → SYR REB, but
                // "troops in Darwin" are no Australian troops).
                if (act != nullptr && (act->entry->kind == DictEntry::Kind::Name ||
                                       act->entry->kind == DictEntry::Kind::Capital ||
                                       (act->entry->kind == DictEntry::Kind::Place && role != QLatin1String("MIL")))) {
                    m.actor = act->entry->actor;
                    m.role = role;
                    m.end = act->end;
                    m.origins << act->entry->origin;
                    a = k;
                    out.append(m);
                }
            }
            continue;
        } else {
            m.actor = at.entry->actor;
            m.role = at.entry->role;
            m.adjective = kind == DictEntry::Kind::Adjective;
            m.capital = kind == DictEntry::Kind::Capital || kind == DictEntry::Kind::Seat;
            int pos = at.end;
            if (pos < n && tok.at(pos).norm == QLatin1String("'s")) {
                ++pos;
            }
            int k = next;
            bool sawRole = false;
            if (atomAt(k, pos) == nullptr && k < atoms.size() && atoms.at(k).entry->kind == DictEntry::Kind::Role &&
                atoms.at(k).begin > pos && atoms.at(k).begin - pos <= 3) {
                // "Russian Tu-160 strategic bombers", "US F-16 jets": model names and military
                // modifiers between the actor and its role word.
                bool modelOnly = true;
                for (int j = pos; j < atoms.at(k).begin && modelOnly; ++j) {
                    const Token &mt = tok.at(j);
                    bool digit = false;
                    for (const QChar c : mt.norm) {
                        if (c.isDigit()) {
                            digit = true;
                            break;
                        }
                    }
                    modelOnly = digit || mt.norm == QLatin1String("-") || militaryModifiers().contains(mt.norm) ||
                                (mt.isWord && mt.upper && mt.norm.size() >= 3);
                }
                if (modelOnly) {
                    pos = atoms.at(k).begin;
                }
            }
            while (const Atom *r = atomAt(k, pos)) {
                if (r->entry->kind != DictEntry::Kind::Role) {
                    break;
                }
                m.role = r->entry->role;
                m.office = isOfficeEntry(*r->entry);
                m.origins << r->entry->origin;
                pos = r->end;
                m.end = pos;
                sawRole = true;
                ++k;
            }
            if (const Atom *p = atomAt(k, pos); p != nullptr && p->entry->kind == DictEntry::Kind::Person) {
                QString actor;
                QString prole;
                if (resolvePerson(*p->entry, actor, prole)) {
                    m.actor = actor;
                    if (!prole.isEmpty()) {
                        m.role = prole;
                    }
                    m.person = true;
                    m.end = p->end;
                    m.origins << p->entry->origin;
                    ++k;
                }
            }
            Q_UNUSED(sawRole)
            a = k - 1;
        }
        out.append(m);
    }
    return out;
}

void Coder::addReferences(const Sentence &s, QList<Mention> &mentions, const QHash<QString, double> &salience,
                          const std::function<QString(const QString &)> &kindOf, const Mention *prevSubject,
                          const Event *lastEvent) const
{
    const QList<Token> &tok = s.tokens;
    const int n = static_cast<int>(tok.size());
    QList<int> occupied(n, -1);
    for (int m = 0; m < mentions.size(); ++m) {
        for (int k = mentions.at(m).begin; k < mentions.at(m).end && k < n; ++k) {
            occupied[k] = m;
        }
    }
    const int firstToken = datelineEnd(tok);
    const auto isStateKind = [](const QString &kind) {
        return kind == QLatin1String("state") || kind == QLatin1String("territory");
    };
    // Candidates ranked by article salience plus the mentions of this sentence before `pos`.
    const auto ranked = [&](int pos, const std::function<bool(const QString &)> &accept) {
        QHash<QString, double> score;
        for (auto it = salience.cbegin(); it != salience.cend(); ++it) {
            if (accept(it.key())) {
                score[it.key()] += it.value();
            }
        }
        // Named earlier in the sentence: a strong candidate, except the clause's subject and a force's
        // nationality ("US troops stationed in the country"): a description rarely corefers with those.
        bool first = true;
        QSet<QString> excluded;
        for (const Mention &m : std::as_const(mentions)) {
            if (m.end > pos || m.begin < firstToken || m.reference) {
                continue;
            }
            const bool subjectLike = first && (m.begin == firstToken || !prepositions().contains(tok.at(m.begin - 1).norm));
            first = false;
            if ((subjectLike && !m.adjective) || (m.adjective && m.role == QLatin1String("MIL"))) {
                excluded.insert(m.actor);
            } else if (accept(m.actor)) {
                score[m.actor] += 1.5;
            }
        }
        for (const QString &x : std::as_const(excluded)) {
            if (score.contains(x)) {
                score[x] = std::min(score.value(x), 0.3);
            }
        }
        QList<QPair<double, QString>> list;
        for (auto it = score.cbegin(); it != score.cend(); ++it) {
            if (it.value() >= 0.3) {
                list.append({it.value(), it.key()});
            }
        }
        std::sort(list.begin(), list.end(), [](const auto &a, const auto &b) {
            return a.first != b.first ? a.first > b.first : a.second < b.second;
        });
        QStringList out;
        for (const auto &e : std::as_const(list)) {
            out << e.second;
        }
        return out;
    };
    const auto free = [&](int from, int to) {
        for (int k = from; k < to; ++k) {
            if (k >= n || occupied.at(k) >= 0) {
                return false;
            }
        }
        return true;
    };
    const auto verbLike = [&](int k) {
        if (k >= n) {
            return false;
        }
        const QString &w = tok.at(k).norm;
        return m_verbs.contains(w) || auxiliaryModals().contains(w) || (w.endsWith(QLatin1String("ed")) && w.size() > 3) ||
               w == QLatin1String("has") || w == QLatin1String("had") || w == QLatin1String("is") ||
               w == QLatin1String("was") || w == QLatin1String("also");
    };
    QList<Mention> added;
    for (int i = firstToken; i < n; ++i) {
        if (occupied.at(i) >= 0 || !tok.at(i).isWord) {
            continue;
        }
        const QString &w = tok.at(i).norm;
        // Pairs: "the two sides", "both countries", "their two governments".
        {
            int head = -1;
            if (w == QLatin1String("both") && i + 1 < n && pairHeads().contains(tok.at(i + 1).norm)) {
                head = i + 1;
            } else if ((w == QLatin1String("the") || w == QLatin1String("their") || w == QLatin1String("our")) &&
                       i + 2 < n && tok.at(i + 1).norm == QLatin1String("two") &&
                       pairHeads().contains(tok.at(i + 2).norm)) {
                head = i + 2;
            }
            if (head > 0 && free(i, head + 1)) {
                const QString &h = tok.at(head).norm;
                const bool people = h == QLatin1String("leaders") || h == QLatin1String("presidents") ||
                                    h == QLatin1String("ministers") || h == QLatin1String("sides") ||
                                    h == QLatin1String("partners") || h == QLatin1String("allies");
                QString a;
                QString b;
                // Two parties named earlier in the sentence come first ("talks with Orban, where the two
                // governments agreed…"), then a recent event's pair, then the article's most salient two.
                QStringList here;
                for (const Mention &m : std::as_const(mentions)) {
                    if (m.end <= i && m.begin >= firstToken && !m.reference && !m.place && !here.contains(m.actor) &&
                        (people || isStateKind(kindOf(m.actor)))) {
                        here << m.actor;
                    }
                }
                if (here.size() == 2) {
                    a = here.at(0);
                    b = here.at(1);
                } else if (lastEvent != nullptr && !lastEvent->source.isEmpty() && !lastEvent->target.isEmpty() &&
                    (people || (isStateKind(kindOf(lastEvent->source)) && isStateKind(kindOf(lastEvent->target))))) {
                    a = lastEvent->source;
                    b = lastEvent->target;
                } else {
                    const QStringList c = ranked(i, [&](const QString &code) {
                        const QString kind = kindOf(code);
                        return isStateKind(kind) || (people && !kind.isEmpty());
                    });
                    if (c.size() >= 2) {
                        a = c.at(0);
                        b = c.at(1);
                    }
                }
                if (!a.isEmpty() && !b.isEmpty() && a != b) {
                    Mention m;
                    m.begin = i;
                    m.end = head + 1;
                    m.actor = a;
                    m.partner = b;
                    m.reference = true;
                    if (h == QLatin1String("governments") || h == QLatin1String("leaders") ||
                        h == QLatin1String("presidents") || h == QLatin1String("ministers") ||
                        h == QLatin1String("capitals")) {
                        m.role = QStringLiteral("GOV");
                    } else if (h == QLatin1String("militaries") || h == QLatin1String("armies")) {
                        m.role = QStringLiteral("MIL");
                    }
                    m.origins << QStringLiteral("coreference: pair");
                    added.append(m);
                    i = head;
                    continue;
                }
            }
        }
        // Definite descriptions: "the country", "the Gulf kingdom", "the Pacific island nation", "the alliance".
        if (w == QLatin1String("the")) {
            int head = -1;
            bool org = false;
            for (int k = i + 1; k < n && k <= i + 4; ++k) {
                const QString &h = tok.at(k).norm;
                if (!tok.at(k).isWord || occupied.at(k) >= 0) {
                    break;
                }
                if (stateHeads().contains(h) ||
                    (h == QLatin1String("state") && k > i + 1 &&
                     (tok.at(k - 1).capital || tok.at(k - 1).norm == QLatin1String("island")))) {
                    head = k;
                    break;
                }
                if ((h == QLatin1String("alliance") || h == QLatin1String("bloc")) && k == i + 1) {
                    head = k;
                    org = true;
                    break;
                }
                if (newReferentModifiers().contains(h) || prepositions().contains(h) || determiners().contains(h) ||
                    m_verbs.contains(h) || h == QLatin1String("and") || h == QLatin1String("or")) {
                    break;
                }
            }
            if (head > 0) {
                const QString next = head + 1 < n ? tok.at(head + 1).norm : QString();
                // "the country of …", "the country that…" introduce a referent; "the country music" is no country.
                const bool restrictive = next == QLatin1String("of") || next == QLatin1String("that") ||
                                         next == QLatin1String("where") || next == QLatin1String("whose") ||
                                         next == QLatin1String("to") ||
                                         (head + 1 < n && tok.at(head + 1).isWord && !verbLike(head + 1) &&
                                          !prepositions().contains(next) && next != QLatin1String("and") &&
                                          next != QLatin1String("'s") && next != QLatin1String("which") &&
                                          next != QLatin1String("who") && next != QLatin1String("said") &&
                                          next != QLatin1String("but") && next != QLatin1String("or"));
                if (!restrictive) {
                    const QStringList c = ranked(i, [&](const QString &code) {
                        const QString kind = kindOf(code);
                        return org ? kind == QLatin1String("org") : isStateKind(kind);
                    });
                    if (!c.isEmpty()) {
                        Mention m;
                        m.begin = i;
                        m.end = head + 1;
                        m.actor = c.first();
                        m.alternatives = c.mid(1, 3);
                        m.reference = true;
                        m.origins << QStringLiteral("coreference: description");
                        added.append(m);
                        i = head;
                        continue;
                    }
                }
            }
        }
        // Subject pronouns with no actor before them in the sentence: the previous sentence's subject.
        if (prevSubject != nullptr &&
            (w == QLatin1String("it") || w == QLatin1String("they") || w == QLatin1String("he") ||
             w == QLatin1String("she")) &&
            verbLike(i + 1)) {
            bool actorBefore = false;
            for (int k = firstToken; k < i && !actorBefore; ++k) {
                actorBefore = occupied.at(k) >= 0;
            }
            for (const Mention &m : std::as_const(added)) {
                actorBefore = actorBefore || m.begin < i;
            }
            const bool personal = w == QLatin1String("he") || w == QLatin1String("she");
            const QString kind = kindOf(prevSubject->actor);
            bool fits = false;
            if (personal) {
                fits = prevSubject->person;
            } else if (w == QLatin1String("it")) {
                fits = !prevSubject->person && prevSubject->partner.isEmpty() && !kind.isEmpty() &&
                       !(prevSubject->adjective && !prevSubject->role.isEmpty());
            } else {
                fits = !prevSubject->partner.isEmpty() ||
                       (!prevSubject->person && prevSubject->adjective && !prevSubject->role.isEmpty());
            }
            if (!actorBefore && fits) {
                Mention m = *prevSubject;
                m.begin = i;
                m.end = i + 1;
                m.adjective = false;
                m.capital = false;
                m.reference = true;
                m.origins = {QStringLiteral("coreference: pronoun")};
                added.append(m);
            }
        }
    }
    if (!added.isEmpty()) {
        mentions.append(added);
        std::sort(mentions.begin(), mentions.end(), [](const Mention &a, const Mention &b) { return a.begin < b.begin; });
    }
}

QList<QPair<qsizetype, qsizetype>> Coder::mentionSpans(const QString &text, const DatePoint &published) const
{
    QList<QPair<qsizetype, qsizetype>> out;
    for (const Sentence &s : Segmenter::split(text)) {
        for (const Mention &m : findMentions(s, published.start)) {
            out.append({s.tokens.at(m.begin).begin, s.tokens.at(m.end - 1).end});
        }
    }
    return out;
}

QList<Event> Coder::code(const QString &text, const DatePoint &published) const
{
    QList<Event> events;
    const QList<Sentence> sentences = Segmenter::split(text);
    if (sentences.isEmpty()) {
        return events;
    }
    // Discard contexts: an article whose sentences keep talking sport, film or markets yields nothing;
    // otherwise single sentences with such words are skipped.
    QList<bool> discarded(sentences.size(), false);
    int discardedCount = 0;
    QHash<QString, int> contextHits;
    for (int i = 0; i < sentences.size(); ++i) {
        const auto &toks = sentences.at(i).tokens;
        for (int k = 0; k < toks.size(); ++k) {
            QString ctx = m_dict->discardContext(toks.at(k).norm);
            if (ctx.isEmpty() && k + 1 < toks.size()) {
                ctx = m_dict->discardContext(toks.at(k).norm + QLatin1Char(' ') + toks.at(k + 1).norm);
            }
            if (!ctx.isEmpty()) {
                discarded[i] = true;
                ++contextHits[ctx];
                break;
            }
        }
        if (discarded[i]) {
            ++discardedCount;
        }
    }
    if (discardedCount >= 2 && discardedCount * 4 >= sentences.size()) {
        return events;
    }

    const QDate anchorDate = published.isValid() ? published.start : QDate();
    QHash<QString, Event> lastOfFamily;
    std::optional<Event> lastEvent; ///< the article's most recent event (references back of statements)
    int lastEventSentence = -10;
    // Coreference: how prominent each actor is in the article so far (decaying by sentence), and the
    // subject of the previous sentence (for "It will…", "They said…", "He visited…").
    QHash<QString, double> salience;
    std::optional<Mention> prevSubject;
    int prevSubjectSentence = -10;
    const auto kindOf = [this](const QString &code) {
        const auto it = m_dict->actors().constFind(code);
        return it == m_dict->actors().cend() ? QString() : it->kind;
    };

    for (int si = 0; si < sentences.size(); ++si) {
        if (discarded.at(si)) {
            continue;
        }
        const Sentence &s = sentences.at(si);
        const QList<Token> &tok = s.tokens;
        const int n = static_cast<int>(tok.size());
        if (n < 3 || tok.last().norm == QLatin1String("?")) {
            continue; // a question asserts nothing ("Will Russia send troops?")
        }
        const QString sentenceText = text.mid(s.begin, s.end - s.begin);
        const QList<TimeExpression> times = TimeResolver::find(sentenceText, anchorDate);
        // The sentence's own explicit date (for people's terms), else the publication date.
        QDate personDate = anchorDate;
        for (const TimeExpression &te : times) {
            if (te.kind == TimeExpression::Kind::Point && te.date.isValid() && !te.relative) {
                personDate = te.date.start;
                break;
            }
        }
        QList<Mention> foundMentions = findMentions(s, personDate);
        addReferences(s, foundMentions, salience, kindOf,
                      prevSubjectSentence == si - 1 && prevSubject ? &*prevSubject : nullptr,
                      lastEventSentence >= si - 1 && lastEvent ? &*lastEvent : nullptr);
        const QList<Mention> mentions = foundMentions;
        QList<int> mentionAtToken(n, -1);
        for (int m = 0; m < mentions.size(); ++m) {
            for (int k = mentions.at(m).begin; k < mentions.at(m).end; ++k) {
                mentionAtToken[k] = m;
            }
        }
        const Pattern *curPattern = nullptr; ///< the pattern being matched (places fill only some slots)
        const auto placeFits = [&](const Mention &mm, const PatternElement *el) {
            // A place is the host or the scene: the target of a basing, meeting or strike pattern, after
            // a preposition of place or movement or right after the trigger ("deployed to Darwin",
            // "met in New York", "visited Sochi", "struck Kharkiv"). It never acts or speaks.
            if (curPattern == nullptr || el == nullptr || el->slot != 'T' || curPattern->swap ||
                el->adjectiveOnly || el->constraint == QLatin1String("org") || el->constraint == QLatin1String("mil")) {
                return false;
            }
            const QString &type = curPattern->type;
            const bool strike = type == QLatin1String("strike");
            if (!type.startsWith(QLatin1String("basing_")) && type != QLatin1String("meeting_visit") && !strike) {
                return false;
            }
            int k = mm.begin - 1;
            while (k >= 0 && (tok.at(k).norm == QLatin1String("the") || regionWords().contains(tok.at(k).norm))) {
                --k;
            }
            if (k < 0) {
                return false;
            }
            const QString &w = tok.at(k).norm;
            if (w == QLatin1String("in") || w == QLatin1String("to") || w == QLatin1String("at") ||
                w == QLatin1String("into") || w == QLatin1String("from") || w == QLatin1String("on") ||
                w == QLatin1String("inside") || w == QLatin1String("near") ||
                (strike && (w == QLatin1String("against") || w == QLatin1String("toward") ||
                            w == QLatin1String("towards") || w == QLatin1String("over")))) {
                return true;
            }
            for (const PatternElement &pe : curPattern->elements) {
                if (pe.kind == PatternElement::Kind::Words && pe.lemma && pe.words.contains(w)) {
                    return true; // the trigger's direct object
                }
            }
            return false;
        };
        const auto satisfies = [&](int mi, const PatternElement *el) {
            const Mention &mm = mentions.at(mi);
            if (mm.place) {
                return placeFits(mm, el);
            }
            if (el == nullptr) {
                return true;
            }
            if (el->adjectiveOnly && !mm.adjective) {
                return false;
            }
            if (el->constraint.isEmpty()) {
                return true;
            }
            const auto it = m_dict->actors().constFind(mm.actor);
            const QString kind = it == m_dict->actors().cend() ? QString() : it->kind;
            if (el->constraint == QLatin1String("org")) {
                return kind == QLatin1String("org") || kind == QLatin1String("group");
            }
            if (el->constraint == QLatin1String("state")) {
                return kind == QLatin1String("state") || kind == QLatin1String("territory");
            }
            if (el->constraint == QLatin1String("mil")) {
                // A force, not a person holding a military office ("Defence Minister Kihara").
                return mm.role == QLatin1String("MIL") && !mm.person && !mm.office;
            }
            if (el->constraint == QLatin1String("nonmil")) {
                return mm.role != QLatin1String("MIL") || mm.person || mm.office;
            }
            return true;
        };
        const auto mentionStartingNear = [&](int pos, int maxSkip, const PatternElement *el, int limit) -> int {
            // Skips determiners and a few words (never a boundary) to reach a mention.
            int skipped = 0;
            bool viaPlace = false;
            for (int k = pos; k < limit && k < n; ++k) {
                const int m = mentionAtToken.at(k);
                if (m < 0 && k > pos && !viaPlace && placeNouns().contains(tok.at(k - 1).norm) &&
                    (tok.at(k).norm == QLatin1String("in") || tok.at(k).norm == QLatin1String(",") || tok.at(k).norm == QLatin1String("near") ||
                     tok.at(k).norm == QLatin1String("of") || tok.at(k).norm == QLatin1String("outside"))) {
                    // "to Lask air base in central Poland": the place leads to its country.
                    viaPlace = true;
                    skipped = std::max(0, maxSkip - 2);
                    continue;
                }
                if (m < 0 && prepositions().contains(tok.at(k).norm)) {
                    // An object behind a preposition is no direct object of the trigger.
                    return -1;
                }
                if (m >= 0 && mentions.at(m).begin == k && mentions.at(m).end + 1 < n &&
                    tok.at(mentions.at(m).end).norm == QLatin1String("-") && tok.at(mentions.at(m).end).joined &&
                    compoundParticiples().contains(tok.at(mentions.at(m).end + 1).norm)) {
                    // "the Russian-led CSTO": a compound modifier, the noun after it fills the slot.
                    k = mentions.at(m).end + 1;
                    continue;
                }
                if (m >= 0) {
                    // "a brigade in Lithuania" is one mention (LTU MIL); its place, reached through the
                    // pattern's own "in", still fills the slot.
                    const bool placeOfRole = mentions.at(m).begin < k && k >= 2 && k == pos &&
                                             (tok.at(k - 1).norm == QLatin1String("in") ||
                                              (tok.at(k - 1).norm == QLatin1String("the") &&
                                               tok.at(k - 2).norm == QLatin1String("in")));
                    if (mentions.at(m).begin != k && !placeOfRole) {
                        return -1;
                    }
                    if (!satisfies(m, el)) {
                        return -1;
                    }
                    return m;
                }
                if (isBoundary(tok.at(k)) || tok.at(k).norm == QLatin1String(".") ||
                    tok.at(k).norm == QLatin1String("to") || tok.at(k).norm == QLatin1String("that") ||
                    (k > pos && m_verbs.contains(tok.at(k).norm) && !determiners().contains(tok.at(k).norm) &&
                     !placeNouns().contains(tok.at(k).norm))) {
                    return -1;
                }
                if (!determiners().contains(tok.at(k).norm)) {
                    if (++skipped > maxSkip) {
                        return -1;
                    }
                }
            }
            return -1;
        };
        const auto coordinatedRight = [&](int m) {
            QList<int> group{m};
            int pos = mentions.at(m).end;
            while (pos + 1 < n) {
                const QString &c = tok.at(pos).norm;
                if (c != QLatin1String("and") && c != QLatin1String(",") && c != QLatin1String("&")) {
                    break;
                }
                int q = pos + 1;
                if (q < n && tok.at(q).norm == QLatin1String("and")) {
                    ++q;
                }
                if (q < n && tok.at(q).norm == QLatin1String("the")) {
                    ++q;
                }
                if (q >= n || mentionAtToken.at(q) < 0 || mentions.at(mentionAtToken.at(q)).begin != q) {
                    break;
                }
                const int next = mentionAtToken.at(q);
                const Mention &nm = mentions.at(next);
                if ((c == QLatin1String(",") && tok.at(pos + 1).norm != QLatin1String("and") && nm.adjective &&
                     !mentions.at(m).adjective) ||
                    (nm.end + 1 < n && tok.at(nm.end).norm == QLatin1String("-") && tok.at(nm.end).joined &&
                     compoundParticiples().contains(tok.at(nm.end + 1).norm))) {
                    break; // an apposition ("the CSTO, the Russian-led alliance"), not a coordination
                }
                group.append(next);
                pos = nm.end;
            }
            return group;
        };
        const auto coordinatedLeft = [&](int m) {
            QList<int> group{m};
            int pos = mentions.at(m).begin - 1;
            while (pos >= 1) {
                const QString &c = tok.at(pos).norm;
                if (c != QLatin1String("and") && c != QLatin1String(",") && c != QLatin1String("&")) {
                    break;
                }
                int q = pos - 1;
                if (q >= 0 && tok.at(q).norm == QLatin1String(",")) {
                    --q;
                }
                if (q < 0 || mentionAtToken.at(q) < 0) {
                    break;
                }
                const int prev = mentionAtToken.at(q);
                group.prepend(prev);
                pos = mentions.at(prev).begin - 1;
            }
            return group;
        };
        // Asides: a non-restrictive relative or participial clause or an apposition between commas
        // ("Lithuania, which joined NATO in 2004, hosts…", "Jordan, a close US ally, condemned…").
        // asideEnd[k] is the closing comma of the aside that token k lies in, else -1.
        QList<int> asideEnd(n, -1);
        for (int c = 0; c + 2 < n; ++c) {
            if (tok.at(c).norm != QLatin1String(",")) {
                continue;
            }
            static const QSet<QString> openers{QStringLiteral("which"), QStringLiteral("who"),
                                               QStringLiteral("whose"), QStringLiteral("whom"),
                                               QStringLiteral("where"), QStringLiteral("having"),
                                               QStringLiteral("a"),     QStringLiteral("an")};
            if (!openers.contains(tok.at(c + 1).norm)) {
                continue;
            }
            for (int k = c + 2; k < n && k <= c + 25; ++k) {
                if (isBoundary(tok.at(k)) || tok.at(k).norm == QLatin1String(".")) {
                    break;
                }
                if (tok.at(k).norm == QLatin1String(",")) {
                    for (int j = c + 1; j < k; ++j) {
                        asideEnd[j] = k;
                    }
                    break;
                }
            }
        }
        const auto subjectBefore = [&](int pos, bool &fallback, const PatternElement *el) -> int {
            bool nounAnchor = false; // the trigger is a plain noun ("summit", "talks"), not a verb
            if (curPattern != nullptr) {
                for (const PatternElement &pe : curPattern->elements) {
                    if (pe.kind == PatternElement::Kind::Words && !pe.optional && !pe.notNext) {
                        nounAnchor = !pe.lemma;
                        break;
                    }
                }
            }
            // "Kyiv's bid to join the EU", "Niger's decision to leave": the possessor of the noun that
            // governs the infinitive is its subject.
            if (pos >= 4 && tok.at(pos - 1).norm == QLatin1String("to") && tok.at(pos - 2).isWord &&
                !tok.at(pos - 2).norm.endsWith(QLatin1String("ing")) && tok.at(pos - 3).norm == QLatin1String("'s")) {
                const int m = mentionAtToken.at(pos - 4);
                if (m >= 0 && !mentions.at(m).place && satisfies(m, el)) {
                    fallback = false;
                    return m;
                }
            }
            // "Kyiv's bid to join": a trigger right after a possessive is a noun, and the possessor its agent.
            if (pos >= 2 && tok.at(pos - 1).norm == QLatin1String("'s")) {
                const int m = mentionAtToken.at(pos - 2);
                if (m >= 0 && !mentions.at(m).place && satisfies(m, el)) {
                    fallback = false;
                    return m;
                }
            }
            // The nearest mention to the left that reads as a subject: not the object of a preposition,
            // and followed closely by a verb-like word or the trigger itself.
            int nearest = -1;
            for (int k = pos - 1; k >= 0 && pos - k <= 30; --k) {
                if (isBoundary(tok.at(k))) {
                    break;
                }
                const int m = mentionAtToken.at(k);
                if (m < 0) {
                    continue;
                }
                const Mention &mm = mentions.at(m);
                k = mm.begin;
                if (mm.place || !satisfies(m, el)) {
                    continue; // a place never acts by itself ("Geneva said…")
                }
                if (nounAnchor && mm.end + 3 > pos &&
                    ((mm.begin > 0 && tok.at(mm.begin - 1).norm == QLatin1String("-") && tok.at(mm.begin - 1).joined) ||
                     (mm.end < n && tok.at(mm.end).norm == QLatin1String("-") && tok.at(mm.end).joined))) {
                    continue; // "a US-ASEAN summit in Las Vegas": a compound modifier of the noun is no subject
                }
                if (asideEnd.at(mm.begin) >= 0 && asideEnd.at(mm.begin) < pos) {
                    continue; // inside an aside that closed before the trigger
                }
                if (nearest < 0) {
                    nearest = m;
                }
                if (mm.begin > 0 && prepositions().contains(tok.at(mm.begin - 1).norm)) {
                    continue;
                }
                {
                    // The object of an infinitive ("decision to leave ECOWAS was criticised") is no subject.
                    int j = mm.begin - 1;
                    if (j >= 0 && tok.at(j).norm == QLatin1String("the")) {
                        --j;
                    }
                    // ("…to expel the US troops stationed in…": a participle right after it keeps it.)
                    if ((mm.end < pos || beForms().contains(tok.at(pos).norm)) && j >= 1 &&
                        tok.at(j - 1).norm == QLatin1String("to") && tok.at(j).isWord &&
                        !determiners().contains(tok.at(j).norm) && !prepositions().contains(tok.at(j).norm)) {
                        continue;
                    }
                }
                if (mm.adjective && mm.end < pos &&
                    (placeNouns().contains(tok.at(mm.end).norm) || !m_verbs.contains(tok.at(mm.end).norm)) &&
                    !tok.at(mm.end).norm.endsWith(QLatin1String("ed")) && !tok.at(mm.end).norm.endsWith(QLatin1String("ly"))) {
                    // "Iranian military bases to launch…": an adjective before a noun is no subject.
                    continue;
                }
                bool verbFollows = false;
                int budget = 4;
                for (int j = mm.end; j <= pos && j < n && budget > 0; ++j) {
                    if (j == pos || m_verbs.contains(tok.at(j).norm) ||
                        (tok.at(j).norm.endsWith(QLatin1String("ed")) && tok.at(j).norm.size() > 4)) {
                        verbFollows = true;
                        break;
                    }
                    if (tok.at(j).norm == QLatin1String(",") && j + 1 < n && asideEnd.at(j + 1) >= 0 &&
                        asideEnd.at(j + 1) < pos) {
                        j = asideEnd.at(j + 1); // "Jordan, a close US ally, has condemned…"
                        continue;
                    }
                    --budget;
                }
                if (verbFollows) {
                    fallback = false;
                    return m;
                }
            }
            fallback = true;
            return nearest;
        };
        // "Having signed a treaty with Manila in 1951, the United States …": the subject of a leading
        // participial clause is the main clause's, after its comma.
        const int leadToken = datelineEnd(tok);
        const auto subjectAfterLeadingClause = [&](int pos, const PatternElement *el) -> int {
            if (leadToken >= n || (tok.at(leadToken).norm != QLatin1String("having") &&
                                   !(tok.at(leadToken).norm == QLatin1String("after") && leadToken + 1 < n &&
                                     tok.at(leadToken + 1).norm.endsWith(QLatin1String("ing"))))) {
                return -1;
            }
            for (int k = leadToken; k < pos; ++k) {
                if (tok.at(k).norm == QLatin1String(",") || isBoundary(tok.at(k))) {
                    return -1; // the trigger is not in the leading clause
                }
            }
            int comma = -1;
            for (int k = pos; k < n; ++k) {
                if (isBoundary(tok.at(k)) || tok.at(k).norm == QLatin1String(".")) {
                    return -1;
                }
                if (tok.at(k).norm == QLatin1String(",")) {
                    comma = k;
                    break;
                }
            }
            if (comma < 0) {
                return -1;
            }
            for (int k = comma + 1; k < n && k <= comma + 3; ++k) {
                const int m = mentionAtToken.at(k);
                if (m >= 0) {
                    return !mentions.at(m).place && satisfies(m, el) ? m : -1;
                }
                if (!determiners().contains(tok.at(k).norm)) {
                    return -1;
                }
            }
            return -1;
        };

        // A be-auxiliary (with adverbs between) right before a participle makes it passive.
        const auto isPassiveAt = [&](int i) {
            const QString &w = tok.at(i).norm;
            if (!w.endsWith(QLatin1String("ed")) && !w.endsWith(QLatin1String("en")) &&
                !irregularParticiples().contains(w)) {
                return false;
            }
            for (int k = i - 1; k >= 0 && k >= i - 3; --k) {
                const QString &b = tok.at(k).norm;
                if (beForms().contains(b)) {
                    return true;
                }
                if (!(b.endsWith(QLatin1String("ly")) || b == QLatin1String("also") || b == QLatin1String("not") ||
                      b == QLatin1String("n't") || b == QLatin1String("reportedly") || b == QLatin1String("then"))) {
                    return false;
                }
            }
            return false;
        };
        // Pattern matching from each anchor word.
        QList<Match> matches;
        const QList<bool> &passiveGuard = m_passiveGuard;
        for (int i = 0; i < n; ++i) {
            const QList<int> *pats = m_dict->patternsAnchoredAt(tok.at(i).norm);
            if (pats == nullptr) {
                continue;
            }
            for (int pi : *pats) {
                const Pattern &p = m_dict->patterns().at(pi);
                int anchorIdx = 0;
                while (anchorIdx < p.elements.size() && (p.elements.at(anchorIdx).kind != PatternElement::Kind::Words ||
                                                         p.elements.at(anchorIdx).optional)) {
                    ++anchorIdx;
                }
                if (!p.elements.at(anchorIdx).words.contains(tok.at(i).norm)) {
                    continue;
                }
                // Forward matching with backtracking over gaps and optional elements.
                std::function<bool(int, int, Match &)> forward = [&](int ei, int pos, Match &m) -> bool {
                    if (ei == p.elements.size()) {
                        m.end = pos;
                        return true;
                    }
                    const PatternElement &el = p.elements.at(ei);
                    switch (el.kind) {
                    case PatternElement::Kind::Words:
                        if (el.notNext) {
                            if (pos < n && el.words.contains(tok.at(pos).norm)) {
                                return false;
                            }
                            return forward(ei + 1, pos, m);
                        }
                        if (pos < n && el.words.contains(tok.at(pos).norm)) {
                            if (forward(ei + 1, pos + 1, m)) {
                                return true;
                            }
                        }
                        return el.optional && forward(ei + 1, pos, m);
                    case PatternElement::Kind::Gap:
                        for (int g = 0; g <= el.maxGap && pos + g <= n; ++g) {
                            if (g > 0) {
                                const Token &gt = tok.at(pos + g - 1);
                                if (isBoundary(gt) || gt.norm == QLatin1String(".") ||
                                    gt.norm == QLatin1String(",")) {
                                    break;
                                }
                                // A gap never hands a slot the object of a preposition it skipped
                                // ("meet all criteria of NATO").
                                if (prepositions().contains(gt.norm)) {
                                    qsizetype next = ei + 1;
                                    while (next < p.elements.size() &&
                                           p.elements.at(next).kind == PatternElement::Kind::Words &&
                                           p.elements.at(next).optional) {
                                        ++next;
                                    }
                                    if (next < p.elements.size() &&
                                        p.elements.at(next).kind == PatternElement::Kind::Slot) {
                                        continue;
                                    }
                                }
                            }
                            if (forward(ei + 1, pos + g, m)) {
                                return true;
                            }
                        }
                        return false;
                    case PatternElement::Kind::Slot: {
                        const bool last = ei + 1 == p.elements.size();
                        int mi = mentionStartingNear(pos, last ? 3 : 2, &el, n);
                        if (mi >= 0 && (m.s.mentions.contains(mi) || m.t.mentions.contains(mi))) {
                            mi = -1; // one mention never fills both slots ("the units in Lithuania")
                        }
                        if (mi < 0) {
                            return el.optional && forward(ei + 1, pos, m);
                        }
                        SlotFill fill;
                        fill.mentions = coordinatedRight(mi);
                        const int after = mentions.at(fill.mentions.last()).end;
                        if (el.slot == 'S') {
                            m.s = fill;
                        } else {
                            m.t = fill;
                        }
                        if (forward(ei + 1, after, m)) {
                            return true;
                        }
                        // Retry with the single first mention (the coordination may belong to the pattern).
                        fill.mentions = {mi};
                        if (el.slot == 'S') {
                            m.s = fill;
                        } else {
                            m.t = fill;
                        }
                        if (forward(ei + 1, mentions.at(mi).end, m)) {
                            return true;
                        }
                        if (el.slot == 'S') {
                            m.s = {};
                        } else {
                            m.t = {};
                        }
                        return el.optional && forward(ei + 1, pos, m);
                    }
                    }
                    return false;
                };
                Match m;
                m.pattern = &p;
                m.anchor = i;
                curPattern = &p;
                if (!forward(anchorIdx, i, m)) {
                    continue;
                }
                if (anchorIdx > 0 && p.elements.first().kind == PatternElement::Kind::Slot && i > 0 &&
                    tok.at(i).norm.endsWith(QLatin1String("ing")) && mentionAtToken.at(i - 1) < 0 &&
                    placeNouns().contains(tok.at(i - 1).norm)) {
                    // "two Iraqi bases hosting US forces": a participle modifying a noun has that noun,
                    // not the clause subject, as its subject.
                    continue;
                }
                if (passiveGuard.at(pi) && isPassiveAt(i)) {
                    // "Barracks near Belgrade were hit": the subject of a passive is the patient.
                    continue;
                }
                m.anchorEnd = m.end;
                m.begin = i;
                // Elements before the anchor: optional words directly before it, then a leading slot.
                int pos = i;
                bool ok = true;
                for (int ei = anchorIdx - 1; ei >= 0 && ok; --ei) {
                    const PatternElement &el = p.elements.at(ei);
                    if (el.kind == PatternElement::Kind::Words) {
                        if (pos > 0 && el.words.contains(tok.at(pos - 1).norm)) {
                            --pos;
                        } else if (!el.optional) {
                            ok = false;
                        }
                    } else if (el.kind == PatternElement::Kind::Slot) {
                        int mi = -1;
                        bool fallback = false;
                        if (ei == 0 && p.elements.size() > 1 && p.elements.at(1).kind == PatternElement::Kind::Words &&
                            !p.elements.at(1).lemma) {
                            // A slot written right before a plain word ("{S} 's", "{S:mil} in", "{S} could")
                            // must stand right before it, allowing one word ("Russia also could").
                            for (int k = pos - 1; k >= 0 && k >= pos - 2; --k) {
                                if (mentionAtToken.at(k) >= 0) {
                                    mi = mentionAtToken.at(k);
                                    break;
                                }
                                if (isBoundary(tok.at(k)) || tok.at(k).norm == QLatin1String(",")) {
                                    break;
                                }
                            }
                        } else if (ei == 0) {
                            mi = subjectBefore(pos, fallback, &el);
                            if (fallback || mi < 0) {
                                const int after = subjectAfterLeadingClause(pos, &el);
                                if (after >= 0 && !m.s.mentions.contains(after) && !m.t.mentions.contains(after)) {
                                    SlotFill fill;
                                    fill.mentions = coordinatedRight(after);
                                    if (el.slot == 'S') {
                                        m.s = fill;
                                    } else {
                                        m.t = fill;
                                    }
                                    m.subjectFallback = false;
                                    continue; // the match keeps its own begin
                                }
                            }
                        } else {
                            // An inner slot before the anchor must sit right before it.
                            for (int k = pos - 1; k >= 0 && k >= pos - 3; --k) {
                                if (mentionAtToken.at(k) >= 0) {
                                    mi = mentionAtToken.at(k);
                                    break;
                                }
                            }
                        }
                        if (mi >= 0 && (m.s.mentions.contains(mi) || m.t.mentions.contains(mi))) {
                            mi = -1; // one mention never fills both slots
                        }
                        if (mi < 0 || !satisfies(mi, &el)) {
                            if (!el.optional) {
                                ok = false;
                            }
                            continue;
                        }
                        SlotFill fill;
                        fill.mentions = coordinatedLeft(mi);
                        if (el.slot == 'S') {
                            m.s = fill;
                        } else {
                            m.t = fill;
                        }
                        m.subjectFallback = fallback;
                        pos = mentions.at(fill.mentions.first()).begin;
                    }
                }
                if (!ok) {
                    continue;
                }
                m.begin = pos;
                matches.append(m);
            }
        }

        // Matches → events.
        const auto tokenOfOffset = [&](qsizetype off) {
            for (int k = 0; k < n; ++k) {
                if (tok.at(k).end - s.begin > off) {
                    return k;
                }
            }
            return n - 1;
        };
        struct TimeSpan
        {
            int begin;
            int end;
            const TimeExpression *te;
        };
        QList<TimeSpan> timeSpans;
        QList<TimeSpan> sinceSpans; ///< "since 1995": the start of a state, used when nothing else dates it
        for (const TimeExpression &te : times) {
            if (te.kind == TimeExpression::Kind::Since) {
                if (!te.relative && te.date.isValid()) {
                    sinceSpans.append({tokenOfOffset(te.begin), tokenOfOffset(te.end - 1) + 1, &te});
                }
                continue;
            }
            if (te.kind == TimeExpression::Kind::Until) {
                continue;
            }
            timeSpans.append({tokenOfOffset(te.begin), tokenOfOffset(te.end - 1) + 1, &te});
        }
        // A dateline ("MOSCOW, Oct 18 (Wire) -") dates the report, not the events of its sentence.
        if (n > 4 && tok.at(0).isWord && tok.at(0).upper) {
            int dash = -1;
            bool comma = false;
            for (int k = 1; k < std::min(n, 14); ++k) {
                if (tok.at(k).norm == QLatin1String(",")) {
                    comma = true;
                } else if (isBoundary(tok.at(k))) {
                    dash = k;
                    break;
                } else if (tok.at(k).isWord && !tok.at(k).upper && !tok.at(k).capital &&
                           !tok.at(k).norm.at(0).isDigit() && tok.at(k).norm.size() > 3) {
                    break; // running text, not a dateline
                }
            }
            if (dash > 0 && comma) {
                timeSpans.erase(std::remove_if(timeSpans.begin(), timeSpans.end(),
                                               [dash](const TimeSpan &ts) { return ts.begin < dash; }),
                                timeSpans.end());
            }
        }
        int caseByCaseAt = -1;
        for (int k = 0; k + 2 < n; ++k) {
            if (tok.at(k).norm == QLatin1String("case") && tok.at(k + 1).norm == QLatin1String("by") &&
                tok.at(k + 2).norm == QLatin1String("case")) {
                caseByCaseAt = k;
            }
        }
        const auto isClauseBreak = [&](int from, int to) {
            for (int k = std::max(0, from); k < std::min(n, to); ++k) {
                const QString &w = tok.at(k).norm;
                if (isBoundary(tok.at(k)) || w == QLatin1String("which") || w == QLatin1String("but") ||
                    w == QLatin1String("while") || w == QLatin1String("whereas") || w == QLatin1String("after") ||
                    w == QLatin1String("before") || w == QLatin1String("when")) {
                    return true;
                }
                if (w == QLatin1String("and") && k + 1 < n &&
                    (tok.at(k + 1).norm == QLatin1String("have") || tok.at(k + 1).norm == QLatin1String("has") ||
                     tok.at(k + 1).norm == QLatin1String("had") || tok.at(k + 1).norm == QLatin1String("was") ||
                     tok.at(k + 1).norm == QLatin1String("were") || tok.at(k + 1).norm == QLatin1String("is") ||
                     tok.at(k + 1).norm == QLatin1String("are"))) {
                    return true;
                }
            }
            return false;
        };
        const auto speakerOf = [&](int matchBegin, int matchEnd) -> QString {
            // The trigger itself is never the speech verb ("told" in "X told Y").
            for (int v = 0; v < n; ++v) {
                if (v >= matchBegin && v < matchEnd) {
                    continue;
                }
                const QString &w = tok.at(v).norm;
                if (!speechVerbs().contains(w)) {
                    continue;
                }
                if (w == QLatin1String("according")) {
                    const int mi = mentionStartingNear(v + 2, 2, nullptr, n);
                    if (mi >= 0) {
                        return mentions.at(mi).actor;
                    }
                    continue;
                }
                // "said Zarif", "said the Iranian minister"
                int mi = mentionStartingNear(v + 1, 1, nullptr, std::min(n, v + 4));
                if (mi >= 0 && (mi < 0 || mentions.at(mi).begin >= matchEnd || mentions.at(mi).end <= matchBegin ||
                                v >= matchEnd)) {
                    return mentions.at(mi).actor;
                }
                // "Zarif told Reuters", "the ministry said"
                for (int k = v - 1; k >= 0 && k >= v - 4; --k) {
                    if (mentionAtToken.at(k) >= 0 && !mentions.at(mentionAtToken.at(k)).place) {
                        return mentions.at(mentionAtToken.at(k)).actor;
                    }
                    if (tok.at(k).norm == QLatin1String(",") || isBoundary(tok.at(k))) {
                        // "…, its foreign ministry said": a possessive speaker is the sentence's subject.
                        const QString &first = tok.at(std::min(k + 1, n - 1)).norm;
                        if (first == QLatin1String("its") || first == QLatin1String("their")) {
                            for (const Mention &fm : mentions) {
                                if (!fm.place) {
                                    return fm.actor;
                                }
                            }
                        }
                        break;
                    }
                }
            }
            return {};
        };

        QList<Event> sentenceEvents;
        // Events of the sentence that found no date of their own take the date of a referenced event
        // in the same sentence ("The deployment ended … and the minister chided Moscow").
        DatePoint sentenceDate;
        QList<int> undated;
        for (const Match &m : std::as_const(matches)) {
            const Pattern &p = *m.pattern;
            const QString family = familyOf(p.type);
            QList<QPair<QString, QString>> sources;
            QList<QPair<QString, QString>> targets;
            QStringList origins;
            // References keep their other candidates for when the first would pair an actor with itself.
            QHash<QString, QStringList> srcAlts;
            QHash<QString, QStringList> tgtAlts;
            bool viaReference = false;
            bool srcRef = false;
            bool tgtRef = false;
            for (int mi : m.s.mentions) {
                const Mention &mm = mentions.at(mi);
                sources.append({mm.actor, mm.role});
                if (!mm.partner.isEmpty()) {
                    sources.append({mm.partner, mm.role});
                }
                if (!mm.alternatives.isEmpty()) {
                    srcAlts.insert(mm.actor, mm.alternatives);
                }
                srcRef = srcRef || mm.reference;
                viaReference = viaReference || mm.reference;
                origins << mm.origins;
            }
            for (int mi : m.t.mentions) {
                const Mention &mm = mentions.at(mi);
                targets.append({mm.actor, mm.role});
                if (!mm.partner.isEmpty()) {
                    targets.append({mm.partner, mm.role});
                }
                if (!mm.alternatives.isEmpty()) {
                    tgtAlts.insert(mm.actor, mm.alternatives);
                }
                tgtRef = tgtRef || mm.reference;
                viaReference = viaReference || mm.reference;
                origins << mm.origins;
            }
            const Event *ref = nullptr;
            const bool statement = p.type.startsWith(QLatin1String("statement_"));
            if (p.refBack && statement && targets.isEmpty() && !sources.isEmpty() && lastEvent.has_value()) {
                // "X condemned the move", "Y welcomed the decision": a statement about a reference back
                // targets the actor who did what is referred to (or, when that is the speaker, the other party).
                ref = &*lastEvent;
                const QString &speaker = sources.first().first;
                bool speakerActed = false;
                for (const auto &src : std::as_const(sources)) {
                    speakerActed = speakerActed || (src.first == ref->source && sources.size() > 1);
                }
                if (speakerActed) {
                    continue; // "They oppose any action…" said by both parties of the referenced event
                }
                if (ref->source != speaker) {
                    targets.append({ref->source, ref->sourceRole});
                } else {
                    targets.append({ref->target, ref->targetRole});
                }
            } else if (p.refBack && lastOfFamily.contains(family)) {
                ref = &lastOfFamily[family];
                if (sources.isEmpty()) {
                    sources.append({ref->source, ref->sourceRole});
                }
                if (targets.isEmpty()) {
                    targets.append({ref->target, ref->targetRole});
                }
            }
            if (p.swap) {
                std::swap(sources, targets);
                std::swap(srcAlts, tgtAlts);
                std::swap(srcRef, tgtRef);
            }
            QList<QPair<QPair<QString, QString>, QPair<QString, QString>>> pairs;
            if (p.pairs && targets.isEmpty() && sources.size() >= 2) {
                for (int a = 0; a < sources.size(); ++a) {
                    for (int b = a + 1; b < sources.size(); ++b) {
                        pairs.append({sources.at(a), sources.at(b)});
                    }
                }
            } else {
                for (const auto &src : std::as_const(sources)) {
                    for (const auto &tgt : std::as_const(targets)) {
                        pairs.append({src, tgt});
                    }
                }
            }
            if (pairs.isEmpty()) {
                continue;
            }
            // Negation and modality: the words between the subject and the object.
            int winBegin = m.begin;
            if (!m.s.mentions.isEmpty() && mentions.at(m.s.mentions.last()).end <= m.anchor) {
                winBegin = mentions.at(m.s.mentions.last()).end;
            }
            int winEnd = m.end;
            if (!m.t.mentions.isEmpty() && mentions.at(m.t.mentions.first()).begin >= m.anchor) {
                winEnd = mentions.at(m.t.mentions.first()).begin;
            }
            winBegin = std::max(0, std::min(winBegin, m.anchor));
            if (winBegin == m.anchor) {
                // No subject before the trigger: the verb chain before it ("refused on March 1 to let").
                for (int k = m.anchor - 1; k >= 0 && k >= m.anchor - 6; --k) {
                    if (mentionAtToken.at(k) >= 0 || isBoundary(tok.at(k)) || tok.at(k).norm == QLatin1String(",")) {
                        break;
                    }
                    winBegin = k;
                }
            }
            // A coordinated verb phrase ("rejected that claim and blamed Tehran") keeps only the
            // auxiliaries of the first one ("will close … and withdraw").
            int clauseStart = winBegin;
            for (int k = m.anchor - 1; k > winBegin; --k) {
                const QString &w = tok.at(k).norm;
                if (w == QLatin1String("and") || w == QLatin1String("but") || w == QLatin1String(",") ||
                    w == QLatin1String("while") || w == QLatin1String("though") || w == QLatin1String("although") ||
                    isBoundary(tok.at(k))) {
                    clauseStart = k + 1;
                    break;
                }
            }
            bool negated = false;
            bool possible = false;
            bool planned = false;
            const bool grantLike = p.type == QLatin1String("basing_granted") ||
                                   p.type.startsWith(QLatin1String("alliance_"));
            for (int k = winBegin; k < std::max(winEnd, m.anchor + 1) && k < n; ++k) {
                const QString &w = tok.at(k).norm;
                if (k == m.anchor) {
                    continue; // the trigger never qualifies itself ("rejected the claims")
                }
                if (k < clauseStart) {
                    if (auxiliaryModals().contains(w)) {
                        if (possibleWords().contains(w)) {
                            possible = true;
                        } else {
                            planned = true;
                        }
                    }
                    continue;
                }
                if (grantLike && (w == QLatin1String("agreed") || w == QLatin1String("agree") ||
                                  w == QLatin1String("agrees") || w == QLatin1String("decided") ||
                                  w == QLatin1String("committed"))) {
                    continue; // agreeing to allow or to ally is the event itself
                }
                if (negators().contains(w)) {
                    // "ruled out", "no longer" keep their sense; "not only" does not negate.
                    if (!(w == QLatin1String("not") && k + 1 < n && tok.at(k + 1).norm == QLatin1String("only"))) {
                        negated = true;
                    }
                }
                bool own = false; // a word of the pattern itself ("took aim at", "to set up a base")
                for (const PatternElement &pe : p.elements) {
                    own = own || (pe.kind == PatternElement::Kind::Words && !pe.optional && !pe.notNext &&
                                  pe.words.contains(w) && k > m.anchor);
                }
                if (possibleWords().contains(w) && !own) {
                    possible = true;
                }
                if (plannedWords().contains(w) && !own) {
                    planned = true;
                }
            }
            if (p.negated) {
                negated = !negated;
            }
            Modality modality = Modality::Actual;
            if (!p.modality.isEmpty()) {
                modality = modalityFromName(p.modality);
            } else if (possible || (caseByCaseAt >= m.end && caseByCaseAt - m.end < 12 &&
                                    [&] {
                                        for (int k = m.end; k < caseByCaseAt; ++k) {
                                            if (tok.at(k).norm == QLatin1String(",") || isBoundary(tok.at(k))) {
                                                return false;
                                            }
                                        }
                                        return true;
                                    }())) {
                modality = Modality::Possible;
            } else if (planned) {
                modality = Modality::Planned;
            }
            // Date: the nearest time expression in the same clause, else the referenced event's, else
            // the publication date.
            DatePoint date;
            int bestDist = 11;
            for (const TimeSpan &ts : std::as_const(timeSpans)) {
                int dist = 0;
                if (ts.end <= m.begin) {
                    dist = m.begin - ts.end;
                    if (isClauseBreak(ts.end, m.begin)) {
                        continue;
                    }
                } else if (ts.begin >= m.end) {
                    dist = ts.begin - m.end;
                    if (isClauseBreak(m.end, ts.begin)) {
                        continue;
                    }
                } else if (ts.end <= m.anchor) {
                    // Inside the match before the trigger: not when in a relative clause about the
                    // subject ("Trump, who ordered the cut last month, accused Berlin").
                    bool relative = false;
                    for (int k = m.begin; k < ts.begin && !relative; ++k) {
                        const QString &w = tok.at(k).norm;
                        relative = w == QLatin1String("who") || w == QLatin1String("which") ||
                                   w == QLatin1String("whose");
                    }
                    if (relative) {
                        continue;
                    }
                }
                if (dist < bestDist) {
                    bestDist = dist;
                    date = ts.te->date;
                    if (!date.isValid()) {
                        date = DatePoint{};
                    }
                }
            }
            if (bestDist == 11 && ref == nullptr) {
                // "has been headquartered in Bahrain since 1995": a state dated by its start, when the
                // since-phrase follows the match in the same clause.
                for (const TimeSpan &ts : std::as_const(sinceSpans)) {
                    if (ts.begin >= m.end && ts.begin - m.end <= 4 && !isClauseBreak(m.end, ts.begin)) {
                        date = ts.te->date;
                        bestDist = 10;
                        break;
                    }
                }
            }
            if (bestDist == 11 && ref == nullptr) {
                // Further away in the same sentence ("… to Mozambique's northern province …, the
                // government said on Friday"), as long as no relative or time clause intervenes.
                int far = n + 1;
                for (const TimeSpan &ts : std::as_const(timeSpans)) {
                    const int from = ts.end <= m.begin ? ts.end : m.end;
                    const int to = ts.end <= m.begin ? m.begin : ts.begin;
                    if (ts.begin < m.end && ts.end > m.begin) {
                        continue;
                    }
                    bool blocked = isClauseBreak(from, to);
                    for (int k = from; k < to && !blocked; ++k) {
                        const QString &w = tok.at(k).norm;
                        blocked = w == QLatin1String("which") || w == QLatin1String("who") ||
                                  w == QLatin1String("when") || w == QLatin1String("after") ||
                                  w == QLatin1String("before") || w == QLatin1String("since") ||
                                  w == QLatin1String("while") || w == QLatin1String("until") ||
                                  w == QLatin1String("where") || w == QLatin1String("whose") || isBoundary(tok.at(k));
                    }
                    if (!blocked && to - from < far) {
                        far = to - from;
                        date = ts.te->date;
                        bestDist = 10;
                    }
                }
            }
            bool inheritedDate = false;
            if (bestDist == 11) {
                if (ref != nullptr) {
                    date = ref->date;
                    inheritedDate = true;
                } else if (published.isValid()) {
                    date = published;
                }
            }
            if (modality == Modality::Actual && date.isValid() && published.isValid() &&
                date.start > published.end) {
                modality = Modality::Planned;
            }
            const QString speaker = speakerOf(m.anchor, m.anchorEnd);
            double confidence = p.confidence;
            if (m.subjectFallback) {
                confidence *= 0.8;
            }
            if (viaReference) {
                confidence *= 0.9;
            }
            if (ref != nullptr && (m.s.mentions.isEmpty() || m.t.mentions.isEmpty())) {
                confidence *= 0.85;
            }
            const auto isState = [this](const QString &code) {
                const auto it = m_dict->actors().constFind(code);
                return it != m_dict->actors().cend() &&
                       (it->kind == QLatin1String("state") || it->kind == QLatin1String("territory"));
            };
            {
                for (const auto &pairIn : std::as_const(pairs)) {
                    auto pair = pairIn;
                    if (pair.first.first == pair.second.first &&
                        (tgtAlts.contains(pair.second.first) ? sources.size() == 1 : targets.size() == 1)) {
                        // A reference that resolved to the other party: its next candidate.
                        const QStringList alts = tgtAlts.value(pair.second.first, srcAlts.value(pair.first.first));
                        const bool onTarget = tgtAlts.contains(pair.second.first);
                        const QString same = pair.first.first;
                        if (!(onTarget ? srcRef : tgtRef)) {
                            for (const QString &alt : alts) {
                                if (alt != same) {
                                    if (onTarget) {
                                        pair.second.first = alt;
                                        pair.second.second.clear();
                                    } else {
                                        pair.first.first = alt;
                                        pair.first.second.clear();
                                    }
                                    break;
                                }
                            }
                        }
                    }
                    const auto &src = pair.first;
                    const auto &tgt = pair.second;
                    if (src.first.isEmpty() || tgt.first.isEmpty() || src.first == tgt.first) {
                        continue;
                    }
                    Event e;
                    e.type = eventTypeFromName(p.type).value_or(EventType::MeetingVisit);
                    e.source = src.first;
                    e.sourceRole = src.second;
                    e.target = tgt.first;
                    e.targetRole = tgt.second;
                    if (p.location == QLatin1String("target") && isState(tgt.first)) {
                        e.location = tgt.first;
                    } else if (p.location == QLatin1String("source") && isState(src.first)) {
                        e.location = src.first;
                    } else if (p.location != QLatin1String("none")) {
                        for (int k = m.anchor; k + 1 < n; ++k) {
                            if ((tok.at(k).norm == QLatin1String("in") || tok.at(k).norm == QLatin1String("at")) &&
                                mentionAtToken.at(k + 1) >= 0 && isState(mentions.at(mentionAtToken.at(k + 1)).actor)) {
                                e.location = mentions.at(mentionAtToken.at(k + 1)).actor;
                                break;
                            }
                        }
                        // "… at Constitution Hall in Washington during a meeting with …": a place named
                        // before the trigger in the same clause.
                        for (int k = m.anchor - 2; e.location.isEmpty() && k >= m.begin && k >= 0; --k) {
                            if (isBoundary(tok.at(k)) || tok.at(k).norm == QLatin1String(",")) {
                                break;
                            }
                            if ((tok.at(k).norm == QLatin1String("in") || tok.at(k).norm == QLatin1String("at")) &&
                                mentionAtToken.at(k + 1) >= 0 && !mentions.at(mentionAtToken.at(k + 1)).reference &&
                                mentions.at(mentionAtToken.at(k + 1)).begin == k + 1 &&
                                isState(mentions.at(mentionAtToken.at(k + 1)).actor)) {
                                e.location = mentions.at(mentionAtToken.at(k + 1)).actor;
                            }
                        }
                    }
                    if (e.type == EventType::MeetingVisit && !e.location.isEmpty() && e.location == e.source &&
                        e.target != e.location) {
                        // "Biden met Marcos at the White House": the visitor is the one away from home.
                        std::swap(e.source, e.target);
                        std::swap(e.sourceRole, e.targetRole);
                    }
                    e.date = date;
                    e.polarity = negated ? Polarity::Negated : Polarity::Asserted;
                    e.modality = modality;
                    e.attributedTo = speaker;
                    e.confidence = std::clamp(confidence * (pairs.size() > 1 ? 0.95 : 1.0), 0.05, 1.0);
                    e.sentence = text.mid(s.begin, s.end - s.begin);
                    e.spanStart = s.begin;
                    e.spanEnd = s.end;
                    e.pattern = p.id + QStringLiteral(" ") + p.text;
                    e.dictionaryEntries = origins;
                    e.dictionaryEntries.removeDuplicates();
                    if (inheritedDate) {
                        sentenceDate = date;
                    } else if (bestDist == 11) {
                        undated.append(static_cast<int>(sentenceEvents.size()));
                    }
                    sentenceEvents.append(e);
                }
            }
        }
        if (sentenceDate.isValid()) {
            for (int idx : std::as_const(undated)) {
                sentenceEvents[idx].date = sentenceDate;
            }
        }
        // One event per family and actor pair in a sentence: the most confident reading wins.
        QList<Event> kept;
        for (const Event &e : std::as_const(sentenceEvents)) {
            bool replaced = false;
            bool dominated = false;
            for (Event &k : kept) {
                const bool samePair = (k.source == e.source && k.target == e.target) ||
                                      (isUndirected(k.type) && isUndirected(e.type) && k.source == e.target &&
                                       k.target == e.source);
                if (samePair && eventFamily(k.type) == eventFamily(e.type)) {
                    if (e.confidence > k.confidence) {
                        k = e;
                        replaced = true;
                    } else {
                        dominated = true;
                    }
                    break;
                }
            }
            if (!replaced && !dominated) {
                kept.append(e);
            }
        }
        for (const Event &e : std::as_const(kept)) {
            lastOfFamily.insert(familyOf(eventTypeName(e.type)), e);
            lastEvent = e;
            lastEventSentence = si;
            events.append(e);
        }
        // Coreference bookkeeping: salience decays by sentence; the subject is the first mention that
        // is not the object of a preposition and is followed closely by a verb.
        for (auto it = salience.begin(); it != salience.end(); ++it) {
            it.value() *= 0.6;
        }
        const int lead = datelineEnd(tok);
        for (const Mention &mm : mentions) {
            if (mm.begin < lead) {
                continue;
            }
            const double w = mm.reference || mm.place ? 0.5 : 1.0;
            salience[mm.actor] += w;
            if (!mm.partner.isEmpty()) {
                salience[mm.partner] += w;
            }
        }
        prevSubject.reset();
        for (const Mention &mm : mentions) {
            if (mm.begin < lead || (mm.begin > lead && prepositions().contains(tok.at(mm.begin - 1).norm))) {
                continue;
            }
            if ((mm.adjective && mm.role.isEmpty()) || mm.place) {
                continue;
            }
            bool verb = false;
            for (int j = mm.end; j < std::min(n, mm.end + 4) && !verb; ++j) {
                const QString &w = tok.at(j).norm;
                verb = m_verbs.contains(w) || (w.endsWith(QLatin1String("ed")) && w.size() > 4);
            }
            if (verb) {
                prevSubject = mm;
                prevSubjectSentence = si;
            }
            break;
        }
    }
    // Headlines, title lines and citation lines restate the body: an event there whose family and actor
    // pair the body also reports is dropped (the body's reading, with its direction and date, wins).
    // Title case: every longer word capitalised except prepositions ("Readout of X's Meeting with Y").
    static const QSet<QString> titleLower{QStringLiteral("with"),   QStringLiteral("from"),    QStringLiteral("into"),
                                          QStringLiteral("over"),   QStringLiteral("after"),   QStringLiteral("amid"),
                                          QStringLiteral("about"),  QStringLiteral("than"),    QStringLiteral("upon"),
                                          QStringLiteral("under"),  QStringLiteral("within"),  QStringLiteral("without"),
                                          QStringLiteral("against"), QStringLiteral("between"), QStringLiteral("during"),
                                          QStringLiteral("before"), QStringLiteral("onto"),    QStringLiteral("across"),
                                          QStringLiteral("toward"), QStringLiteral("towards"), QStringLiteral("near")};
    const auto titleLike = [&](const Event &e) {
        static const QRegularExpression separators(QStringLiteral("[\\s,;:()\"\u201c\u201d]+"));
        const QStringList words = e.sentence.split(separators, Qt::SkipEmptyParts);
        int capitalised = 0;
        for (const QString &w : words) {
            if (w.contains(QLatin1Char('/')) || w.contains(QLatin1Char('.')) || w.contains(QLatin1Char('@'))) {
                continue; // addresses, abbreviations
            }
            if (w.at(0).isUpper()) {
                ++capitalised;
                continue;
            }
            int letters = 0;
            for (const QChar c : w) {
                letters += c.isLetter() ? 1 : 0;
            }
            if (letters >= 4 && letters == w.size() && !titleLower.contains(w)) {
                return false;
            }
        }
        return capitalised >= 3;
    };
    QList<bool> title(events.size(), false);
    bool anyTitle = false;
    QHash<qsizetype, bool> titleOfSpan; // one decision per sentence
    for (int i = 0; i < events.size(); ++i) {
        const auto it = titleOfSpan.constFind(events.at(i).spanStart);
        title[i] = it != titleOfSpan.cend() ? *it : titleOfSpan.insert(events.at(i).spanStart, titleLike(events.at(i))).value();
        anyTitle = anyTitle || title.at(i);
    }
    if (!anyTitle) {
        return events;
    }
    QList<Event> kept;
    kept.reserve(events.size());
    for (int i = 0; i < events.size(); ++i) {
        const Event &e = events.at(i);
        bool restated = false;
        if (title.at(i)) {
            for (int j = 0; j < events.size() && !restated; ++j) {
                const Event &o = events.at(j);
                restated = j != i && !title.at(j) && eventFamily(o.type) == eventFamily(e.type) &&
                           ((o.source == e.source && o.target == e.target) ||
                            (o.source == e.target && o.target == e.source));
            }
        }
        if (!restated) {
            kept.append(e);
        }
    }
    return kept;
}

} // namespace Entente::Core
