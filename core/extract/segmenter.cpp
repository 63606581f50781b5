#include "segmenter.h"

#include <QSet>

namespace Entente::Core {

namespace {

bool isApostrophe(QChar c)
{
    return c == QLatin1Char('\'') || c == QChar(0x2019) || c == QChar(0x2018);
}

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c.category() == QChar::Mark_NonSpacing;
}

const QSet<QString> &abbreviations()
{
    static const QSet<QString> set = [] {
        QSet<QString> s;
        for (const char *a : {"mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "adm",
                              "cmdr", "gov", "sen", "rep", "st", "rev", "hon", "pres", "amb", "brig", "jan", "feb", "mar",
                              "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "nos", "vol", "vs",
                              "etc", "inc", "ltd", "co", "corp", "jr", "sr", "approx", "est", "dept", "univ", "fig",
                              "u.s", "u.k", "u.n", "e.u", "u.s.s.r", "a.m", "p.m", "i.e", "e.g", "op", "cf", "al",
                              "mt", "ft", "sq", "km", "gov't"}) {
            s.insert(QString::fromLatin1(a));
        }
        return s;
    }();
    return set;
}

} // namespace

QString Segmenter::normalise(QStringView word)
{
    QString out;
    out.reserve(word.size());
    bool ascii = true;
    for (const QChar c : word) {
        if (c.unicode() >= 0x80) {
            ascii = false;
            break;
        }
    }
    if (ascii) {
        for (const QChar c : word) {
            out.append(c.toLower());
        }
        return out;
    }
    const QString decomposed = word.toString().normalized(QString::NormalizationForm_KD);
    for (const QChar c : decomposed) {
        if (c.category() == QChar::Mark_NonSpacing) {
            continue;
        }
        if (isApostrophe(c)) {
            out.append(QLatin1Char('\''));
        } else if (c == QChar(0x2013) || c == QChar(0x2014) || c == QChar(0x2010) || c == QChar(0x2011)) {
            out.append(QLatin1Char('-'));
        } else if (c == QChar(0x131)) {
            out.append(QLatin1Char('i'));
        } else {
            out.append(c.toLower());
        }
    }
    if (out.isEmpty() && !word.isEmpty()) {
        // A word of combining marks alone would normalise to nothing, and every reader of a
        // token's norm may take its first character (found by fuzzing, fuzz_coder).
        return word.toString().toLower();
    }
    return out;
}

QList<Token> Segmenter::tokenize(const QString &text, qsizetype begin, qsizetype end)
{
    if (end < 0 || end > text.size()) {
        end = text.size();
    }
    QList<Token> out;
    qsizetype i = begin;
    bool singleQuoteOpen = false; ///< a single quotation mark opened a quote ("the 'Axis' states")
    while (i < end) {
        const QChar c = text.at(i);
        if (c.isSpace()) {
            ++i;
            continue;
        }
        if (isApostrophe(c) && (i == begin || !isWordChar(text.at(i - 1))) && i + 1 < end && isWordChar(text.at(i + 1))) {
            singleQuoteOpen = true;
        } else if (isApostrophe(c) && !singleQuoteOpen && !out.isEmpty() && out.last().end == i && out.last().isWord &&
                   out.last().norm.size() > 2 && out.last().norm.endsWith(QLatin1Char('s')) &&
                   (i + 1 >= end || !isWordChar(text.at(i + 1)))) {
            // The possessive of a plural or of a name in -s ("the United States' commitment").
            Token t;
            t.begin = i;
            t.end = i + 1;
            t.norm = QStringLiteral("'s");
            t.isWord = true;
            out.append(t);
            i = t.end;
            continue;
        } else if (isApostrophe(c) && singleQuoteOpen && i > begin && isWordChar(text.at(i - 1))) {
            singleQuoteOpen = false;
        }
        Token t;
        t.begin = i;
        if (isWordChar(c)) {
            // Letter-dot abbreviations: "U.S.", "U.K.", "a.m."
            qsizetype j = i;
            bool dotted = false;
            while (j + 1 < end && text.at(j).isLetter() && text.at(j + 1) == QLatin1Char('.') &&
                   (j == i || text.at(j - 1) == QLatin1Char('.'))) {
                j += 2;
                if (j - i >= 4) {
                    dotted = true;
                }
            }
            if (dotted && (j >= end || !text.at(j).isLetterOrNumber())) {
                t.end = j;
            } else {
                j = i;
                while (j < end) {
                    const QChar d = text.at(j);
                    if (isWordChar(d)) {
                        ++j;
                    } else if ((d == QLatin1Char('.') || d == QLatin1Char(',')) && j + 1 < end &&
                               text.at(j - 1).isDigit() && text.at(j + 1).isDigit()) {
                        ++j; // 2,000 or 3.5
                    } else if (isApostrophe(d) && j + 1 < end && text.at(j + 1).isLetter() &&
                               !(text.at(j + 1).toLower() == QLatin1Char('s') &&
                                 (j + 2 >= end || !text.at(j + 2).isLetter())) &&
                               !(text.at(j + 1).toLower() == QLatin1Char('t') && j > i &&
                                 text.at(j - 1).toLower() == QLatin1Char('n'))) {
                        ++j; // O'Brien, Jama'at (but not Iran's or don't)
                    } else {
                        break;
                    }
                }
                // "doesn't" → "does" + "n't"
                if (j + 1 < end && isApostrophe(text.at(j)) && text.at(j + 1).toLower() == QLatin1Char('t') &&
                    j - 1 > i && text.at(j - 1).toLower() == QLatin1Char('n')) {
                    t.end = j - 1;
                    t.norm = normalise(QStringView(text).mid(t.begin, t.end - t.begin));
                    t.isWord = true;
                    out.append(t);
                    Token n;
                    n.begin = j - 1;
                    n.end = j + 2;
                    n.norm = QStringLiteral("n't");
                    n.isWord = true;
                    out.append(n);
                    i = j + 2;
                    continue;
                }
                t.end = j;
            }
            t.isWord = true;
        } else if (isApostrophe(c) && i + 1 < end && text.at(i + 1).toLower() == QLatin1Char('s') &&
                   (i + 2 >= end || !text.at(i + 2).isLetter()) && !out.isEmpty() && out.last().end == i) {
            t.end = i + 2;
            t.norm = QStringLiteral("'s");
            t.isWord = true;
            out.append(t);
            i = t.end;
            continue;
        } else {
            t.end = i + 1;
            t.joined = i > begin && i + 1 < end && isWordChar(text.at(i + 1)) &&
                       (isWordChar(text.at(i - 1)) || text.at(i - 1) == QLatin1Char('.'));
        }
        const QStringView raw = QStringView(text).mid(t.begin, t.end - t.begin);
        t.norm = normalise(raw);
        bool anyLetter = false;
        bool allUpper = true;
        for (const QChar d : raw) {
            if (d.isLetter()) {
                anyLetter = true;
                if (!d.isUpper()) {
                    allUpper = false;
                }
            }
        }
        t.upper = anyLetter && allUpper;
        t.capital = !raw.isEmpty() && raw.at(0).isUpper();
        out.append(t);
        i = t.end;
    }
    return out;
}

namespace {

/// Text without sentence ends (a table or list dumped as text, a page run together, hostile input)
/// would make one "sentence" of thousands of tokens, and the coder's matching grows much faster than
/// linearly with sentence length (a 4,000-token run took minutes). News sentences stay far below this
/// limit (the longest in the development set has under 80 tokens), so only runaway text is cut, into
/// pieces of at most this many tokens.
constexpr qsizetype kMaxSentenceTokens = 160;

void appendSentence(QList<Sentence> &out, const QList<Token> &tokens, bool paragraphStart)
{
    for (qsizetype start = 0; start < tokens.size(); start += kMaxSentenceTokens) {
        Sentence s;
        s.tokens = tokens.mid(start, kMaxSentenceTokens);
        s.begin = s.tokens.first().begin;
        s.end = s.tokens.last().end;
        s.paragraphStart = paragraphStart && start == 0;
        out.append(s);
    }
}

} // namespace

QList<Sentence> Segmenter::split(const QString &text)
{
    QList<Sentence> out;
    const auto &abbr = abbreviations();
    qsizetype paraStart = 0;
    while (paraStart < text.size()) {
        qsizetype paraEnd = text.indexOf(QLatin1String("\n\n"), paraStart);
        if (paraEnd < 0) {
            paraEnd = text.size();
        }
        const QList<Token> tokens = tokenize(text, paraStart, paraEnd);
        qsizetype sentStart = 0;
        int depth = 0;
        bool first = true;
        for (qsizetype k = 0; k < tokens.size(); ++k) {
            const Token &t = tokens.at(k);
            if (t.norm == QLatin1String("(") || t.norm == QLatin1String("[")) {
                ++depth;
            } else if ((t.norm == QLatin1String(")") || t.norm == QLatin1String("]")) && depth > 0) {
                --depth;
            }
            const bool terminal = t.norm == QLatin1String(".") || t.norm == QLatin1String("!") ||
                                  t.norm == QLatin1String("?") || t.norm == QStringLiteral("\u2026");
            const bool dottedAbbrevEnd = t.isWord && t.norm.endsWith(QLatin1Char('.')) && t.norm.size() >= 4;
            if (!terminal && !dottedAbbrevEnd) {
                continue;
            }
            if (terminal && k > 0) {
                const Token &prev = tokens.at(k - 1);
                const bool adjacent = prev.end == t.begin;
                // "Gen." "Mr." "Jan." and initials ("George W. Bush") do not end a sentence.
                if (t.norm == QLatin1String(".") && adjacent && prev.isWord &&
                    (abbr.contains(prev.norm) || (prev.norm.size() == 1 && prev.capital))) {
                    continue;
                }
            }
            // Take closing quotes and brackets along.
            qsizetype endTok = k;
            while (endTok + 1 < tokens.size()) {
                const QString &n = tokens.at(endTok + 1).norm;
                if (n == QLatin1String("\"") || n == QStringLiteral("\u201d") || n == QLatin1String("'") ||
                    n == QLatin1String(")") || n == QLatin1String("]") || n == QStringLiteral("\u2019")) {
                    ++endTok;
                } else {
                    break;
                }
            }
            if (endTok + 1 < tokens.size()) {
                const Token &next = tokens.at(endTok + 1);
                const QChar nc = text.at(next.begin);
                // A sentence ends only before something that can start one.
                const bool startsSentence = nc.isUpper() || nc.isDigit() || nc == QLatin1Char('"') ||
                                            nc == QChar(0x201c) || nc == QLatin1Char('(') || nc == QChar(0x2018) ||
                                            nc == QLatin1Char('\'');
                if (!startsSentence) {
                    continue;
                }
                if (dottedAbbrevEnd && !terminal) {
                    // "U.S." ends a sentence only before a word that cannot continue the name.
                    static const QSet<QString> continuing{QStringLiteral("army"), QStringLiteral("navy"),
                                                          QStringLiteral("air"), QStringLiteral("forces"),
                                                          QStringLiteral("president"), QStringLiteral("secretary"),
                                                          QStringLiteral("officials"), QStringLiteral("marines"),
                                                          QStringLiteral("troops"), QStringLiteral("military")};
                    if ((next.capital && !next.upper) || nc.isDigit()) {
                        // "U.S. 5th Fleet", "U.S. 2nd Infantry Division" continue the name too.
                        // Most often "U.S. Ambassador", "U.S. Central Command": a continuation.
                        continue;
                    }
                    if (continuing.contains(next.norm)) {
                        continue;
                    }
                }
            } else if (dottedAbbrevEnd && !terminal) {
                // Paragraph end after "U.S." closes the sentence anyway below.
            }
            appendSentence(out, tokens.mid(sentStart, endTok - sentStart + 1), first);
            first = false;
            sentStart = endTok + 1;
            k = endTok;
            depth = 0;
        }
        if (sentStart < tokens.size()) {
            appendSentence(out, tokens.mid(sentStart), first);
        }
        paraStart = paraEnd + 2;
        while (paraStart < text.size() && text.at(paraStart) == QLatin1Char('\n')) {
            ++paraStart;
        }
    }
    return out;
}

} // namespace Entente::Core
