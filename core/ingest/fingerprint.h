#pragma once

#include <QString>

namespace Entente::Core {

/// Duplicate detection fingerprints of a cleaned article text.
///
/// Exact duplicates: SHA-256 of the normalised text (case folded, punctuation and whitespace
/// removed), so re-encoded or re-wrapped copies of one text match.
/// Near duplicates: a 64-bit SimHash over word 3-shingles of the normalised text. Two articles are
/// copies of one story when their fingerprints differ in at most `kNearDuplicateBits` bits (3 of 64,
/// the threshold Manku, Jain and Das Sarma found best for web pages); the store finds candidates by
/// four 16-bit bands, which any pair within 3 bits shares by the pigeonhole principle. Thread-safe.
class Fingerprint final
{
public:
    static constexpr int kNearDuplicateBits = 3;

    static QString contentHash(const QString &text);
    static quint64 simhash(const QString &text);
    static int distance(quint64 a, quint64 b);
    static bool isNearDuplicate(quint64 a, quint64 b) { return distance(a, b) <= kNearDuplicateBits; }
};

} // namespace Entente::Core
