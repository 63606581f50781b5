#include "textcleaner.h"

#include <QRegularExpression>
#include <QStringList>

namespace Entente::Core {

namespace {

const QString kMonths = QStringLiteral(
    "Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June?|July?|Aug(?:ust|\\.)?|"
    "Sept?(?:ember|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?");

int monthNumber(const QString &name)
{
    static const char *const names[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                        "jul", "aug", "sep", "oct", "nov", "dec"};
    const QString n = name.left(3).toLower();
    for (int i = 0; i < 12; ++i) {
        if (n == QLatin1String(names[i])) {
            return i + 1;
        }
    }
    return 0;
}

int wordCount(const QString &s)
{
    int n = 0;
    bool inWord = false;
    for (const QChar c : s) {
        if (c.isLetterOrNumber()) {
            if (!inWord) {
                ++n;
                inWord = true;
            }
        } else if (c.isSpace()) {
            inWord = false;
        }
    }
    return n;
}

bool endsLikeSentence(const QString &s)
{
    static const QRegularExpression re(QStringLiteral("[.!?…:;][\"'”’)\\]]*$"));
    return re.match(s).hasMatch();
}

/// Headings that open a block of site furniture after an article.
bool isSectionMarker(const QString &p)
{
    static const QRegularExpression re(
        QStringLiteral("^(?:must[- ]reads?|opinion|editorials?|related(?: (?:articles?|stories|news|content|"
                       "coverage|topics|posts|reading))?|read (?:more|next|also)|also read|more (?:from|on|in|"
                       "stories|news|to explore|like this)\\b.*|recommended(?: for you| stories)?|"
                       "(?:most|top) (?:read|popular|viewed|shared)(?: stories| articles)?|trending(?: now| stories)?|"
                       "latest(?: news| stories| videos)?|you (?:may|might) (?:also )?(?:like|be interested in)|"
                       "don'?t miss|editor'?s picks?|what to read next|further reading|see also|in (?:other|case you "
                       "missed).*|comments?(?: \\(\\d+\\))?|\\d+ comments?|leave a (?:comment|reply)|"
                       "join the (?:conversation|discussion)|popular(?: stories| now)?|top stories|"
                       "more (?:headlines|articles)|sponsored(?: content| stories)?|"
                       "from (?:around|across) the web|promoted(?: stories)?|videos?|"
                       "tags?:?|topics?:?|share (?:this|on)\\b.*|follow us\\b.*|"
                       "(?:sign up|subscribe)\\b.*newsletter.*|newsletter)$"),
        QRegularExpression::CaseInsensitiveOption);
    return p.size() < 80 && re.match(p.trimmed()).hasMatch();
}

/// A line that holds only a date or a timestamp ("02 Dec, 2024", "Updated 01 Dec, 2024", "3 hours ago").
bool isDateLine(const QString &p)
{
    static const QRegularExpression re(
        QStringLiteral("^(?:(?:updated|published|posted|last updated)[: ]*(?:on )?)?(?:(?:mon|tue|wed|thu|fri|sat|sun)"
                       "[a-z]*,? )?(?:\\d{1,2}(?:st|nd|rd|th)? (?:") +
            kMonths + QStringLiteral(")\\.?,? \\d{4}|(?:") + kMonths +
            QStringLiteral(")\\.? \\d{1,2}(?:st|nd|rd|th)?,? \\d{4}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4}|"
                           "\\d+ (?:minutes?|hours?|days?|weeks?|months?) ago)(?:,? \\d{1,2}:\\d{2}(?: ?[ap]m)?(?: "
                           "[A-Z]{2,4})?)?$"),
        QRegularExpression::CaseInsensitiveOption);
    return p.size() < 60 && re.match(p.trimmed()).hasMatch();
}

/// Share prompts, subscription calls, copyright lines, credits and similar one-liners.
bool isFurnitureLine(const QString &p)
{
    static const QRegularExpression re(
        QStringLiteral("^(?:advertisement|advertising|ad|sponsored|story continues below(?: advertisement)?|"
                       "continue reading(?: below)?|click here\\b.*|share(?: this)?(?: article| story| on \\w+)?|"
                       "share via\\b.*|(?:tweet|email|print|whatsapp|facebook|twitter|linkedin|reddit|telegram|x)"
                       "(?: ?[|•·] ?(?:tweet|email|print|whatsapp|facebook|twitter|linkedin|reddit|telegram|x))*|"
                       "copy link|link copied|subscribe(?: now| here| today)?\\b.*|sign up\\b.*|log ?in|register|"
                       "follow (?:us|@)\\b.*|read (?:more|also|next)\\s*[:›»>].*|also read\\s*[:›»>].*|"
                       "related\\s*[:›»>].*|watch\\s*[:›»>].*|listen to this article.*|\\d+ min(?:ute)? read|"
                       "(?:©|\\(c\\)|copyright)\\s*\\d{4}.*|all rights reserved.*|"
                       "(?:photo|image|file photo|picture|credit|photograph)s?\\s*(?:[:|—–-]|by)\\s*.*|"
                       "(?:reporting|writing|editing|additional reporting) by .*|"
                       "we use cookies.*|this (?:site|website) uses cookies.*|accept(?: all)?(?: cookies)?|"
                       "(?:back to )?top|home|menu|search|skip to (?:main )?content|"
                       "get (?:the|our) app.*|download (?:the|our) app.*)$"),
        QRegularExpression::CaseInsensitiveOption);
    return p.size() < 160 && re.match(p.trimmed()).hasMatch();
}

bool isBylineLine(const QString &p)
{
    static const QRegularExpression re(
        QStringLiteral("^(?:[Bb]y|[Ff]rom|[Ww]ords by|[Rr]eported by|[Ww]ritten by)\\s+[A-Z][\\w.'’-]+(?:\\s+[A-Z][\\w.'’-]+){0,4}"
                       "(?:\\s*(?:,|and|&)\\s*[A-Z][\\w.'’-]+(?:\\s+[A-Z][\\w.'’-]+){0,4})*(?:\\s*[,|/–—-]\\s*.{0,60})?$"));
    return p.size() < 140 && re.match(p.trimmed()).hasMatch();
}

/// A navigation row: several short items separated by bars, bullets or runs of spaces.
bool isNavigationLine(const QString &p)
{
    static const QRegularExpression sep(QStringLiteral("\\s*[|•·»›]\\s*"));
    const QStringList parts = p.split(sep, Qt::SkipEmptyParts);
    if (parts.size() >= 3) {
        int shortItems = 0;
        for (const QString &part : parts) {
            if (wordCount(part) <= 3) {
                ++shortItems;
            }
        }
        return shortItems * 4 >= static_cast<int>(parts.size()) * 3;
    }
    return false;
}

/// A paragraph that is plausibly article prose.
bool isProse(const QString &p)
{
    return wordCount(p) >= 8 && endsLikeSentence(p);
}

/// Is the block P[i..] a teaser list (headline / date / one-line teaser, repeated)?
bool looksLikeTeaserList(const QStringList &paras, qsizetype from)
{
    const qsizetype n = paras.size() - from;
    if (n < 3) {
        return false;
    }
    int dates = 0;
    int shortLines = 0;
    int teasers = 0;
    for (qsizetype i = from; i < paras.size(); ++i) {
        const QString &p = paras.at(i);
        if (isDateLine(p)) {
            ++dates;
        } else if (!endsLikeSentence(p) && wordCount(p) <= 12) {
            ++shortLines;
        } else if (p.endsWith(QLatin1String("...")) || p.endsWith(QChar(0x2026))) {
            ++teasers;
        }
    }
    return dates >= 2 && (dates + shortLines + teasers) * 2 >= n;
}

} // namespace

QString TextCleaner::normaliseWhitespace(const QString &text)
{
    QString t = text;
    t.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    t.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    t.replace(QChar(0x2028), QLatin1Char('\n'));
    t.replace(QChar(0x2029), QLatin1String("\n\n"));
    t.remove(QChar(0));
    t.remove(QChar(0xFEFF));
    QStringList paras;
    QString current;
    const QStringList lines = t.split(QLatin1Char('\n'));
    for (const QString &raw : lines) {
        QString line;
        line.reserve(raw.size());
        bool space = false;
        for (const QChar c : raw) {
            if (c.isSpace() || c == QChar(0xA0)) {
                space = true;
                continue;
            }
            if (c.category() == QChar::Other_Control) {
                continue;
            }
            if (space && !line.isEmpty()) {
                line.append(QLatin1Char(' '));
            }
            space = false;
            line.append(c);
        }
        if (line.isEmpty()) {
            if (!current.isEmpty()) {
                paras << current;
                current.clear();
            }
            continue;
        }
        // Hard-wrapped text: a line that does not end a sentence continues into the next one, but a
        // short line standing alone (a heading, a date) stays its own paragraph.
        if (!current.isEmpty()) {
            paras << current;
        }
        current = line;
    }
    if (!current.isEmpty()) {
        paras << current;
    }
    return paras.join(QStringLiteral("\n\n"));
}

CleanedText TextCleaner::clean(const QString &input)
{
    CleanedText out;
    QStringList paras = normaliseWhitespace(input).split(QStringLiteral("\n\n"), Qt::SkipEmptyParts);

    // Leading furniture: navigation rows, bylines, credits, timestamps, share rows, before the first prose.
    qsizetype start = 0;
    while (start < paras.size() && start < 12) {
        const QString &p = paras.at(start);
        if (isProse(p)) {
            break;
        }
        if (isNavigationLine(p) || isBylineLine(p) || isFurnitureLine(p) || isDateLine(p)) {
            ++start;
            continue;
        }
        break;
    }
    // A headline: a short line without a final full stop, directly before prose.
    if (start < paras.size()) {
        const QString &p = paras.at(start);
        if (!isProse(p) && !endsLikeSentence(p) && wordCount(p) >= 2 && wordCount(p) <= 25 && p.size() <= 200 &&
            start + 1 < paras.size()) {
            out.title = p;
            ++start;
            while (start < paras.size() && !isProse(paras.at(start)) &&
                   (isBylineLine(paras.at(start)) || isFurnitureLine(paras.at(start)) ||
                    isDateLine(paras.at(start)) || isNavigationLine(paras.at(start)))) {
                ++start;
            }
        }
    }
    out.removedLeading = static_cast<int>(start);

    // Trailing furniture: cut at the first section marker or teaser list after the article has begun.
    qsizetype end = paras.size();
    int bodyWords = 0;
    for (qsizetype i = start; i < paras.size(); ++i) {
        const QString &p = paras.at(i);
        if (bodyWords >= 15 && (isSectionMarker(p) || (isDateLine(p) && looksLikeTeaserList(paras, i)) ||
                                (!isProse(p) && looksLikeTeaserList(paras, i) && i + 1 < paras.size() &&
                                 isDateLine(paras.at(i + 1))))) {
            end = i;
            break;
        }
        bodyWords += wordCount(p);
    }
    // Then peel one-liners of furniture off the end (share rows, copyright, credits).
    while (end > start) {
        const QString &p = paras.at(end - 1);
        if (isFurnitureLine(p) || isNavigationLine(p) || isDateLine(p) || isBylineLine(p) ||
            (wordCount(p) <= 3 && !endsLikeSentence(p) && end - 1 > start)) {
            --end;
        } else {
            break;
        }
    }
    out.removedTrailing = static_cast<int>(paras.size() - end);

    QStringList kept;
    for (qsizetype i = start; i < end; ++i) {
        const QString &p = paras.at(i);
        if (isFurnitureLine(p) && !isProse(p)) {
            ++out.removedInside;
            continue;
        }
        kept << p;
    }
    out.text = kept.join(QStringLiteral("\n\n"));

    // Dateline at the start of the article: "MOSCOW, March 28 (Reuters) -", "ANKARA, July 12, 2016 (AP) —".
    static const QRegularExpression dateline(
        QStringLiteral("^[A-Z][A-Z .,'’-]{1,40}?,?\\s+(?:(\\d{1,2})\\s+)?(") + kMonths +
            QStringLiteral(")\\.?\\s*(\\d{1,2})?(?:st|nd|rd|th)?,?\\s*(\\d{4})?\\s*(?:\\([^)]{1,40}\\))?\\s*[-—–:]"));
    const QRegularExpressionMatch m = dateline.match(out.text.left(160));
    if (m.hasMatch()) {
        const int month = monthNumber(m.captured(2));
        const int day = !m.captured(1).isEmpty() ? m.captured(1).toInt() : m.captured(3).toInt();
        if (month > 0 && day >= 1 && day <= 31) {
            out.datelineMonth = month;
            out.datelineDay = day;
            if (!m.captured(4).isEmpty()) {
                out.dateline = DatePoint::day(QDate(m.captured(4).toInt(), month, day));
            }
        }
    }
    return out;
}

} // namespace Entente::Core
