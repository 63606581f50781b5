#pragma once

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace Entente::Tools {

/// One event a generated article should yield, in the gold format of ../shared/corpus/seed
/// (gold.jsonl), so that ../shared/tools/score-events scores a generated corpus like the seed.
struct GoldEvent
{
    QString sentence;
    QString type;
    QString source;
    QString target;
    QString location; ///< empty for none
    QString date;     ///< the product's date format ("2017-03-28", "2017-03", "2016", "A/B")
    QString precision;
    QString polarity = QStringLiteral("asserted");
    QString modality = QStringLiteral("actual");

    QJsonObject toJson(const QString &file) const;
};

/// A generated news article: text with a headline, a dateline, prose and (for a share of articles)
/// junk blocks, plus the events it should yield.
struct GeneratedArticle
{
    qint64 index = 0;
    QString file;           ///< relative path inside the corpus folder ("d000/a000017.txt")
    QString title;
    QDate published;
    QString text;           ///< the whole file, junk included
    QString lastSentence;   ///< the last sentence of the article proper (before any trailing junk)
    QString junkStart;      ///< the first line of the trailing junk block, or empty
    bool junk = false;      ///< carries junk blocks (leading, inside and trailing)
    int words = 0;          ///< words of the article proper
    QList<GoldEvent> events;

    QJsonObject indexJson(quint64 seed) const;
};

/// Deterministic corpus generator for scale runs and scale tests. Article `i` of seed `s` is the
/// same on every machine and in every run (own PRNG, no std distributions, no clock), and can be
/// generated on its own, so corpora of any size are produced in parallel and a test can rebuild
/// one article without the rest.
///
/// The articles are news-style (300–1,200 words, headline, wire dateline with the publication date)
/// and use real actor names from the bundled dictionaries in phrasings the extractor handles, across
/// every event type, with absolute and relative dates, negation, possibility and plans. Filler prose
/// names no actor, so every event an article yields is listed in its gold. A share of the articles
/// carries junk blocks the cleaner must drop (navigation rows, bylines, "Advertisement" lines,
/// teaser lists with event-like headlines, share and copyright lines). Thread-safe: `article()` is
/// const and keeps no state.
class CorpusGenerator final
{
public:
    struct Options
    {
        quint64 seed = 1;
        double junkShare = 0.2;
    };

    explicit CorpusGenerator(Options options) : m_options(options) {}

    GeneratedArticle article(qint64 index) const;
    /// A stand-alone event like the articles' (same phrasings, actors and dates, published between
    /// 1995 and 2024), for filling a database with a million events without a million sentences'
    /// worth of articles.
    GoldEvent event(qint64 index) const;
    static QString fileName(qint64 index);
    const Options &options() const { return m_options; }

    /// Writes `count` articles under `dir` (files in sub-folders of 1,000), index.jsonl and gold.jsonl
    /// in article order, and manifest.json (seed, count, junk share, totals). Generation runs on all
    /// cores. Returns an empty string or an error message.
    QString write(const QString &dir, qint64 count, const std::function<void(qint64 done)> &progress = {}) const;

    /// The generator's version: bumped whenever the output for a given seed changes.
    static constexpr int kVersion = 3;

private:
    Options m_options;
};

} // namespace Entente::Tools
