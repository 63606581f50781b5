#pragma once

#include <QList>
#include <QString>

namespace Entente::Core {

/// A token of the cleaned text. `norm` is lower-cased with diacritics removed and curly quotes
/// straightened, which is what dictionaries match against.
struct Token
{
    qsizetype begin = 0; ///< offset into the text
    qsizetype end = 0;
    QString norm;
    bool isWord = false;   ///< letters or digits (not punctuation)
    bool upper = false;    ///< written entirely in capitals ("US", "NATO")
    bool capital = false;  ///< starts with a capital letter
    bool joined = false;   ///< punctuation written without spaces between two words ("F-16", "U.S.-Japan")
};

struct Sentence
{
    qsizetype begin = 0;
    qsizetype end = 0;
    QList<Token> tokens;
    bool paragraphStart = false;
};

/// Splits cleaned article text into sentences and tokens with character offsets. Knows the
/// abbreviations of news English ("U.S.", "Gen.", "Mr.", "Jan.", initials), keeps closing quotes and
/// brackets with their sentence, and treats paragraph breaks as sentence ends. Thread-safe.
class Segmenter final
{
public:
    static QList<Sentence> split(const QString &text);
    /// Tokens of a short string (dictionary aliases go through the same rules as text).
    static QList<Token> tokenize(const QString &text, qsizetype begin = 0, qsizetype end = -1);
    static QString normalise(QStringView word);
};

} // namespace Entente::Core
