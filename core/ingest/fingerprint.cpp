#include "fingerprint.h"

#include <QCryptographicHash>
#include <QList>
#include <QStringList>

#include <array>
#include <bit>

namespace Entente::Core {

namespace {
QStringList words(const QString &text)
{
    QStringList out;
    QString current;
    for (const QChar c : text) {
        if (c.isLetterOrNumber()) {
            current.append(c.toCaseFolded());
        } else if (!current.isEmpty()) {
            out << current;
            current.clear();
        }
    }
    if (!current.isEmpty()) {
        out << current;
    }
    return out;
}

/// 64-bit FNV-1a followed by a murmur finaliser, so every output bit depends on every input bit.
quint64 hash64(const QString &s)
{
    quint64 h = 1469598103934665603ULL;
    for (const QChar c : s) {
        h ^= c.unicode();
        h *= 1099511628211ULL;
    }
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
}
} // namespace

namespace {
QString hashOfWords(const QStringList &w)
{
    const QString norm = w.join(QLatin1Char(' '));
    return QString::fromLatin1(QCryptographicHash::hash(norm.toUtf8(), QCryptographicHash::Sha256).toHex());
}

quint64 simhashOfWords(const QStringList &w);
} // namespace

QString Fingerprint::contentHash(const QString &text)
{
    return hashOfWords(words(text));
}

quint64 Fingerprint::simhash(const QString &text)
{
    return simhashOfWords(words(text));
}

Fingerprint::Both Fingerprint::both(const QString &text)
{
    // One pass over the text for both fingerprints: the import computes them for every article.
    const QStringList w = words(text);
    return {hashOfWords(w), simhashOfWords(w)};
}

namespace {
quint64 simhashOfWords(const QStringList &w)
{
    if (w.isEmpty()) {
        return 0;
    }
    std::array<int, 64> v{};
    const qsizetype n = w.size() < 3 ? 1 : w.size() - 2;
    for (qsizetype i = 0; i < n; ++i) {
        const QString shingle = w.size() < 3 ? w.join(QLatin1Char(' '))
                                             : w.at(i) + QLatin1Char(' ') + w.at(i + 1) + QLatin1Char(' ') + w.at(i + 2);
        const quint64 h = hash64(shingle);
        for (int b = 0; b < 64; ++b) {
            v[b] += ((h >> b) & 1U) != 0U ? 1 : -1;
        }
    }
    quint64 out = 0;
    for (int b = 0; b < 64; ++b) {
        if (v[b] > 0) {
            out |= (1ULL << b);
        }
    }
    // Zero means "no fingerprint" in the store; a text that hashes to it gets one set bit.
    return out == 0 ? 1 : out;
}
} // namespace

QList<int> Fingerprint::bands(quint64 simhash)
{
    static constexpr int widths[kBands] = {11, 11, 11, 11, 10, 10};
    QList<int> out;
    int shift = 0;
    for (int w : widths) {
        out.append(static_cast<int>((simhash >> shift) & ((1ULL << w) - 1)));
        shift += w;
    }
    return out;
}

int Fingerprint::distance(quint64 a, quint64 b)
{
    return std::popcount(a ^ b);
}

} // namespace Entente::Core
