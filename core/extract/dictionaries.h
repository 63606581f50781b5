#pragma once

#include <core/domain/actor.h>
#include <core/domain/result.h>
#include <core/extract/segmenter.h>

#include <QDate>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace Entente::Core {

/// One name, adjective, metonym, person or role word, as token sequence.
struct DictEntry
{
    /// Place: a city, region or military facility of places.dict; `actor` is the state or territory it
    /// lies in. A place locates events and hosts basing and meetings but never acts or speaks.
    enum class Kind { Name, Adjective, Capital, Seat, Person, Role, Place };
    Kind kind = Kind::Name;
    QStringList tokens;       ///< normalised tokens
    QString actor;            ///< actor code (empty for Role and Person)
    QString role;             ///< implied role (seats, role words)
    int person = -1;          ///< index into people for Person entries
    QDate validFrom;
    QDate validTo;
    bool caseSensitive = false; ///< short all-capital aliases ("US", "AU") match only in capitals
    QString origin;           ///< "states.dict:212" — provenance shown to the analyst
    QString placeKind;        ///< Place entries: "city", "region" or "base"
};

struct PersonTerm
{
    QString actor;
    QString role;
    QString office;
    QDate from;
    QDate to;
};

struct Person
{
    QString name;
    QList<PersonTerm> terms;
    QString origin;
};

/// One event pattern of patterns.dict (see docs/dictionaries.md, "Event patterns").
struct PatternElement
{
    enum class Kind { Words, Slot, Gap };
    Kind kind = Kind::Words;
    QStringList words;     ///< accepted normalised words (Words)
    bool optional = false;
    bool lemma = false;    ///< written as ~lemma (a verb or noun with its inflections)
    bool notNext = false;  ///< written !a/b: the next token must not be one of these (consumes nothing)
    char slot = 0;         ///< 'S' or 'T' (Slot)
    bool adjectiveOnly = false; ///< slot must be filled by an adjective ("Iranian bases")
    /// Further slot constraint: "org" (organisation or group), "state", "mil" (a military role),
    /// "nonmil" (anything but a military role); empty for none.
    QString constraint;
    int maxGap = 0;        ///< Gap: up to this many tokens
};

struct Pattern
{
    QString id;            ///< "patterns.dict:88"
    QString type;          ///< event type name
    double confidence = 0.7;
    QList<PatternElement> elements;
    QString location;      ///< "target", "source", "none", "in" (the actor after "in"/"at" in the sentence)
    QString modality;      ///< forced modality ("planned", "possible") or empty
    bool negated = false;  ///< the phrase itself denies ("denied having a base")
    bool refBack = false;  ///< may take missing actors from the previous event of the same family
    bool swap = false;     ///< the slots bind the other way round (passives written naturally)
    bool pairs = false;    ///< a coordinated subject alone ("Russia and Iran signed a pact") pairs its members
    QString text;          ///< the pattern as written
};

/// The loaded dictionaries: actors, aliases, people with terms, role words, patterns and discard
/// contexts. Immutable after loading; share one instance between threads.
class Dictionaries final
{
public:
    /// Loads the bundled dictionaries from the resources (":/dictionaries").
    static Result<std::shared_ptr<Dictionaries>> loadBundled();
    /// Loads every *.dict file of `dir` (strict: the first bad line is an error naming file and line).
    static Result<std::shared_ptr<Dictionaries>> loadDirectory(const QString &dir);
    /// Parses one file's text into `this`; `fileName` chooses the format by its name.
    Status parse(const QString &fileName, const QString &text);
    /// A copy with the analyst's aliases applied on top (they win over the bundled ones).
    std::shared_ptr<Dictionaries> withUserAliases(const QList<Alias> &aliases) const;

    const QHash<QString, Actor> &actors() const { return m_actors; }
    const QList<DictEntry> &entries() const { return m_entries; }
    const QList<Person> &people() const { return m_people; }
    const QList<Pattern> &patterns() const { return m_patterns; }
    /// Entries whose first token is `token`, longest first.
    const QList<int> *entriesStartingWith(const QString &token) const;
    /// Patterns whose first word element accepts `token`.
    const QList<int> *patternsAnchoredAt(const QString &token) const;
    /// The discard context a word belongs to ("sport", "entertainment", …), or empty.
    QString discardContext(const QString &word) const { return m_discard.value(word); }
    const QHash<QString, QString> &discardWords() const { return m_discard; }
    QString actorName(const QString &code) const;

    /// Inflected forms of a lemma ("use" → use, uses, used, using; "strike" → struck…).
    static QStringList inflections(const QString &lemma);

private:
    Status parseActors(const QString &file, const QString &text);
    Status parsePeople(const QString &file, const QString &text);
    Status parseRoles(const QString &file, const QString &text);
    Status parseDiscard(const QString &file, const QString &text);
    Status parsePlaces(const QString &file, const QString &text);
    /// Places must lie in a known state or territory and must not repeat an actor's own alias.
    Status checkPlaces() const;
    Status parsePatterns(const QString &file, const QString &text);
    void addEntry(DictEntry e);
    void buildIndex();

    QHash<QString, Actor> m_actors;
    QList<DictEntry> m_entries;
    QList<Person> m_people;
    QList<Pattern> m_patterns;
    QHash<QString, QString> m_discard;
    QHash<QString, QList<int>> m_index;
    QHash<QString, QList<int>> m_patternIndex;
};

} // namespace Entente::Core
