#pragma once

#include <QString>

namespace Entente::Core {

/// Duplicate detection fingerprints of a cleaned article text.
///
/// Exact duplicates: SHA-256 of the normalised text (case folded, punctuation and whitespace
/// removed), so re-encoded or re-wrapped copies of one text match.
/// Near duplicates: a 64-bit SimHash over word 3-shingles of the normalised text. Two articles are
/// copies of one story when their fingerprints differ in at most `kNearDuplicateBits` bits. Manku,
/// Jain and Das Sarma found 3 of 64 best for whole web pages; cleaned news articles are shorter (a
/// one-word edit in a 150-word text moves 4–7 bits), so Entente allows 5, measured in tst_importer.
/// The store finds candidates by six bands of 10–11 bits (`bands()`), which any pair within 5 bits
/// shares by the pigeonhole principle. Thread-safe.
class Fingerprint final
{
public:
    static constexpr int kNearDuplicateBits = 5;
    static constexpr int kBands = kNearDuplicateBits + 1;
    /// The fingerprint cut into kBands bands (values below 2^11) for the candidate index.
    static QList<int> bands(quint64 simhash);

    static QString contentHash(const QString &text);
    struct Both
    {
        QString contentHash;
        quint64 simhash = 0;
    };
    /// Both fingerprints from one pass over the text (same values as the two functions).
    static Both both(const QString &text);
    static quint64 simhash(const QString &text);
    static int distance(quint64 a, quint64 b);
    static bool isNearDuplicate(quint64 a, quint64 b) { return distance(a, b) <= kNearDuplicateBits; }
};

} // namespace Entente::Core
