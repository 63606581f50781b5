#pragma once

#include <core/domain/event.h>
#include <core/extract/dictionaries.h>
#include <core/extract/segmenter.h>

#include <functional>
#include <memory>

namespace Entente::Core {

/// An actor mention found in a sentence: token range, the actor and role it resolves to.
struct Mention
{
    int begin = 0; ///< first token (index into the sentence's tokens)
    int end = 0;   ///< one past the last token
    QString actor;
    QString role;
    bool adjective = false; ///< begins with an adjective or demonym ("Iranian bases")
    bool capital = false;   ///< a capital or seat used as metonym ("Moscow", "the Kremlin")
    bool person = false;
    bool office = false;    ///< a role word naming an office-holder ("the defence secretary", "army chief"), not a
                            ///< force: it never fills a `:mil` slot and it does fill a `:nonmil` one
    bool place = false;     ///< a place of places.dict ("Darwin", "Incirlik"): `actor` is the state it lies in.
                            ///< It fills only a target slot after in/to/at/into/from/on (or right after the
                            ///< trigger) of basing, meeting and strike patterns, and locates events; it is
                            ///< never a subject, a speaker or a source.
    bool reference = false; ///< a pronoun or definite description resolved from the article ("the country")
    QString partner;        ///< second actor of a pair reference ("the two sides", "both countries")
    QStringList alternatives; ///< further candidates of a reference, best first, used when the first
                              ///< would pair an actor with itself
    QStringList origins;    ///< dictionary entries that produced it
};

/// The event coder: segmentation, actor resolution, pattern matching, negation and modality,
/// reported speech, references back and time resolution, turning cleaned article text into events.
/// Immutable after construction; `code()` is const and thread-safe, so one coder serves all threads.
class Coder final
{
public:
    explicit Coder(std::shared_ptr<const Dictionaries> dictionaries);

    /// Events of one article. `published` anchors relative dates and person terms; it may be unknown.
    QList<Event> code(const QString &text, const DatePoint &published) const;
    /// Actor mentions of a text (for highlighting in the reader).
    QList<QPair<qsizetype, qsizetype>> mentionSpans(const QString &text, const DatePoint &published) const;

    const Dictionaries &dictionaries() const { return *m_dict; }

private:
    QList<Mention> findMentions(const Sentence &s, QDate date) const;
    /// Adds the sentence's references to earlier actors: definite descriptions ("the country", "the
    /// island nation", "the alliance"), pairs ("the two sides", "both countries") and subject pronouns
    /// ("It will…" after a sentence whose subject was an actor). `salience` weighs the article's actors
    /// so far; `prevSubject` is the previous sentence's subject, `lastEvent` a recent event (or null).
    void addReferences(const Sentence &s, QList<Mention> &mentions, const QHash<QString, double> &salience,
                       const std::function<QString(const QString &)> &kindOf, const Mention *prevSubject,
                       const Event *lastEvent) const;

    std::shared_ptr<const Dictionaries> m_dict;
    QSet<QString> m_verbs;
    QList<bool> m_passiveGuard; ///< per pattern: an active-voice trigger taking its object slot directly
};

} // namespace Entente::Core
