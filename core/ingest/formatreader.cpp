#include <core/ingest/formatreader.h>

#include <core/ingest/htmlextractor.h>
#include <core/ingest/htmltext.h>

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>
#include <QRegularExpression>
#include <QSet>
#include <QStringDecoder>
#include <QXmlStreamReader>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <optional>

using namespace Qt::StringLiterals;

namespace Entente::Core {

namespace {

// Format sniffing looks at this much of a file (after leading whitespace); more never changes
// the answer and keeps detection cheap on big files.
constexpr qsizetype kSniffBytes = 64 * 1024;
// The binary check looks at this much from the start of the file.
constexpr qsizetype kBinaryCheckBytes = 8 * 1024;

const auto kAtomNs = u"http://www.w3.org/2005/Atom"_s;
const auto kXmlNs = u"http://www.w3.org/XML/1998/namespace"_s;
const auto kContentNs = u"http://purl.org/rss/1.0/modules/content/"_s;
const auto kDcNs = u"http://purl.org/dc/elements/1.1/"_s;

Error makeParseError(QString message)
{
    return makeError(Error::Code::Parse, std::move(message));
}

QString megabytes(qint64 size)
{
    // Rounded up to a tenth so that a file just over the limit never reads as "64 MB".
    const double mb = std::ceil(double(size) / (1024.0 * 1024.0) * 10.0) / 10.0;
    QString text = QString::number(mb, 'f', 1);
    if (text.endsWith(u".0"_s)) {
        text.chop(2);
    }
    return text;
}

Error tooLarge(qint64 size)
{
    return makeError(Error::Code::TooLarge, u"file is %1 MB; the limit is %2 MB"_s.arg(
                                                megabytes(size), megabytes(FormatReader::kMaxFileSize)));
}

// ---------------------------------------------------------------------------------------------
// Encodings

enum class Encoding { Utf8, Utf16LE, Utf16BE, Utf32LE, Utf32BE };

struct EncodingGuess
{
    Encoding encoding = Encoding::Utf8;
    qsizetype bomLength = 0;
    bool utf16WithoutBom = false;
};

bool startsWithBytes(const QByteArray &data, const char *magic, qsizetype length)
{
    return data.size() >= length && std::memcmp(data.constData(), magic, size_t(length)) == 0;
}

// UTF-16 without a byte-order mark shows as NUL in every other byte for Latin-script text.
// Both conditions matter: many NULs on one side and almost none on the other, with printable
// bytes beside them, so that binary data with zero padding is not taken for text.
std::optional<Encoding> utf16ByNulPattern(const QByteArray &data)
{
    const qsizetype pairs = std::min<qsizetype>(data.size(), kBinaryCheckBytes) / 2;
    if (pairs < 2) {
        return std::nullopt;
    }
    qsizetype evenNul = 0;
    qsizetype oddNul = 0;
    qsizetype evenPrintable = 0;
    qsizetype oddPrintable = 0;
    for (qsizetype i = 0; i < pairs; ++i) {
        const auto even = uchar(data.at(2 * i));
        const auto odd = uchar(data.at(2 * i + 1));
        evenNul += even == 0;
        oddNul += odd == 0;
        evenPrintable += even >= 0x20 || even == '\n' || even == '\r' || even == '\t';
        oddPrintable += odd >= 0x20 || odd == '\n' || odd == '\r' || odd == '\t';
    }
    if (oddNul * 10 >= pairs * 6 && evenNul * 20 <= pairs && evenPrintable * 10 >= pairs * 9) {
        return Encoding::Utf16LE;
    }
    if (evenNul * 10 >= pairs * 6 && oddNul * 20 <= pairs && oddPrintable * 10 >= pairs * 9) {
        return Encoding::Utf16BE;
    }
    return std::nullopt;
}

EncodingGuess guessEncoding(const QByteArray &data)
{
    // UTF-32 first: its little-endian mark begins with the UTF-16 one.
    if (startsWithBytes(data, "\xFF\xFE\x00\x00", 4)) {
        return {Encoding::Utf32LE, 4, false};
    }
    if (startsWithBytes(data, "\x00\x00\xFE\xFF", 4)) {
        return {Encoding::Utf32BE, 4, false};
    }
    if (startsWithBytes(data, "\xEF\xBB\xBF", 3)) {
        return {Encoding::Utf8, 3, false};
    }
    if (startsWithBytes(data, "\xFF\xFE", 2)) {
        return {Encoding::Utf16LE, 2, false};
    }
    if (startsWithBytes(data, "\xFE\xFF", 2)) {
        return {Encoding::Utf16BE, 2, false};
    }
    if (const auto utf16 = utf16ByNulPattern(data)) {
        return {*utf16, 0, true};
    }
    return {};
}

QStringDecoder decoderFor(Encoding encoding)
{
    switch (encoding) {
    case Encoding::Utf16LE:
        return QStringDecoder(QStringConverter::Utf16LE);
    case Encoding::Utf16BE:
        return QStringDecoder(QStringConverter::Utf16BE);
    case Encoding::Utf32LE:
        return QStringDecoder(QStringConverter::Utf32LE);
    case Encoding::Utf32BE:
        return QStringDecoder(QStringConverter::Utf32BE);
    case Encoding::Utf8:
        break;
    }
    return QStringDecoder(QStringConverter::Utf8);
}

QString encodingName(Encoding encoding)
{
    switch (encoding) {
    case Encoding::Utf16LE:
        return u"UTF-16LE"_s;
    case Encoding::Utf16BE:
        return u"UTF-16BE"_s;
    case Encoding::Utf32LE:
        return u"UTF-32LE"_s;
    case Encoding::Utf32BE:
        return u"UTF-32BE"_s;
    case Encoding::Utf8:
        break;
    }
    return u"UTF-8"_s;
}

struct DecodedText
{
    QString text;
    QStringList warnings;
};

DecodedText decodeText(const QByteArray &data)
{
    const EncodingGuess guess = guessEncoding(data);
    QStringDecoder decoder = decoderFor(guess.encoding);
    DecodedText decoded;
    decoded.text = decoder.decode(QByteArrayView(data).sliced(guess.bomLength));
    if (decoder.hasError()) {
        decoded.warnings << u"invalid %1 replaced"_s.arg(encodingName(guess.encoding));
    }
    if (guess.utf16WithoutBom) {
        decoded.warnings << u"%1 without byte-order mark decoded"_s.arg(encodingName(guess.encoding));
    }
    return decoded;
}

// Line endings to "\n" and NUL characters out; says so when NULs were there.
QString normaliseLines(QString text, QStringList *warnings)
{
    text.replace(u"\r\n"_s, u"\n"_s);
    text.replace(u'\r', u'\n');
    if (text.contains(QChar(0))) {
        text.remove(QChar(0));
        if (warnings) {
            *warnings << u"NUL bytes removed"_s;
        }
    }
    return text;
}

// ---------------------------------------------------------------------------------------------
// Binary detection

struct Magic
{
    const char *bytes;
    qsizetype length;
    const char *kind;
};

QString binaryKind(const QByteArray &data, const EncodingGuess &guess)
{
    static constexpr Magic kMagic[] = {
        {"\x1F\x8B", 2, "gzip archive"},
        {"PK\x03\x04", 4, "zip archive"},
        {"PK\x05\x06", 4, "zip archive"},
        {"%PDF-", 5, "PDF document"},
        {"\x89PNG\r\n\x1A\n", 8, "PNG image"},
        {"\xFF\xD8\xFF", 3, "JPEG image"},
        {"GIF87a", 6, "GIF image"},
        {"GIF89a", 6, "GIF image"},
        {"\177ELF", 4, "ELF executable"}, // octal escapes: a hex escape would swallow the next letter
        {"\3757zXZ\0", 6, "xz archive"},
        {"7z\xBC\xAF\x27\x1C", 6, "7-Zip archive"},
        {"\x28\xB5\x2F\xFD", 4, "zstd archive"},
        {"Rar!\x1A\x07", 6, "RAR archive"},
        {"SQLite format 3\x00", 16, "SQLite database"},
        {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8, "Microsoft Office document"},
        {"OggS", 4, "Ogg media file"},
        {"wOFF", 4, "web font"},
        {"wOF2", 4, "web font"},
        {"\xCA\xFE\xBA\xBE", 4, "Mach-O or Java class file"},
        {"\xCF\xFA\xED\xFE", 4, "Mach-O executable"},
    };
    for (const Magic &magic : kMagic) {
        if (startsWithBytes(data, magic.bytes, magic.length)) {
            return QString::fromLatin1(magic.kind);
        }
    }
    if (startsWithBytes(data, "BZh", 3) && data.size() >= 10 && data.at(3) >= '1' && data.at(3) <= '9' &&
        data.mid(4, 6) == "1AY&SY") {
        return u"bzip2 archive"_s;
    }
    if (startsWithBytes(data, "ID3", 3) && data.size() >= 10 && uchar(data.at(3)) < 0x10) {
        return u"MP3 audio"_s;
    }
    if (startsWithBytes(data, "RIFF", 4)) {
        const QByteArray type = data.mid(8, 4);
        if (type == "WEBP") {
            return u"WebP image"_s;
        }
        return u"RIFF media file"_s;
    }
    if (data.size() >= 12 && data.mid(4, 4) == "ftyp") {
        return u"MP4 or QuickTime media file"_s;
    }
    if (guess.encoding != Encoding::Utf8) {
        // NUL bytes are part of UTF-16 and UTF-32 text.
        return {};
    }
    // A few stray NULs in text happen (and are removed with a warning); many NULs or control
    // characters do not happen in text.
    const qsizetype n = std::min<qsizetype>(data.size(), kBinaryCheckBytes);
    qsizetype nul = 0;
    qsizetype control = 0;
    for (qsizetype i = 0; i < n; ++i) {
        const auto c = uchar(data.at(i));
        if (c == 0) {
            ++nul;
        } else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1B) ||
                   c == 0x7F) {
            ++control;
        }
    }
    if (nul * 100 > n || (nul + control) * 20 > n) {
        return u"NUL bytes and control characters"_s;
    }
    return {};
}

// ---------------------------------------------------------------------------------------------
// Sniffing decoded text

bool isHtmlExtension(const QString &ext)
{
    return ext == u"html"_s || ext == u"htm"_s || ext == u"xhtml"_s || ext == u"shtml"_s || ext == u"mhtml"_s;
}

bool isKnownHtmlTag(const QString &name)
{
    static const QSet<QString> kTags = {
        u"html"_s,    u"head"_s,     u"body"_s,   u"meta"_s,   u"title"_s,   u"link"_s,   u"script"_s,
        u"style"_s,   u"div"_s,      u"p"_s,      u"span"_s,   u"a"_s,       u"img"_s,    u"table"_s,
        u"article"_s, u"section"_s,  u"header"_s, u"footer"_s, u"nav"_s,     u"main"_s,   u"aside"_s,
        u"h1"_s,      u"h2"_s,       u"h3"_s,     u"h4"_s,     u"h5"_s,      u"h6"_s,     u"ul"_s,
        u"ol"_s,      u"li"_s,       u"br"_s,     u"hr"_s,     u"form"_s,    u"iframe"_s, u"center"_s,
        u"font"_s,    u"b"_s,        u"i"_s,      u"em"_s,     u"strong"_s,  u"pre"_s,    u"blockquote"_s,
        u"base"_s,    u"noscript"_s, u"figure"_s, u"time"_s,   u"template"_s};
    return kTags.contains(name);
}

bool isNameChar(QChar c)
{
    return c.isLetterOrNumber() || c == u':' || c == u'-' || c == u'_' || c == u'.';
}

QString readName(QStringView text, qsizetype from)
{
    qsizetype end = from;
    while (end < text.size() && isNameChar(text.at(end))) {
        ++end;
    }
    return text.sliced(from, end - from).toString();
}

qsizetype skipSpaces(QStringView text, qsizetype from)
{
    while (from < text.size() && text.at(from).isSpace()) {
        ++from;
    }
    return from;
}

// The root element of markup: skips the XML declaration, processing instructions, comments and
// the doctype (whose name already tells a lot). Returns "html", "rss", "atom", "xml" or "text".
QString sniffMarkup(QStringView text, const QString &ext)
{
    qsizetype p = 0;
    bool xmlDeclared = false;
    while (true) {
        p = skipSpaces(text, p);
        if (p >= text.size()) {
            return xmlDeclared ? u"xml"_s : u"text"_s;
        }
        if (text.at(p) != u'<') {
            // Markup prologue followed by plain text: a comment above a Markdown file, say.
            return xmlDeclared ? u"xml"_s : u"text"_s;
        }
        const QStringView rest = text.sliced(p);
        if (rest.startsWith(u"<?")) {
            xmlDeclared = xmlDeclared || rest.startsWith(u"<?xml");
            const qsizetype end = text.indexOf(u"?>", p);
            if (end < 0) {
                return u"xml"_s;
            }
            p = end + 2;
            continue;
        }
        if (rest.startsWith(u"<!--")) {
            const qsizetype end = text.indexOf(u"-->", p + 4);
            if (end < 0) {
                return xmlDeclared ? u"xml"_s : u"html"_s;
            }
            p = end + 3;
            continue;
        }
        if (rest.startsWith(u"<!doctype", Qt::CaseInsensitive)) {
            const QString name = readName(text, skipSpaces(text, p + 9)).toLower();
            if (name == u"html"_s) {
                return u"html"_s;
            }
            if (name == u"rss"_s || name == u"rdf:rdf"_s) {
                return u"rss"_s;
            }
            if (name == u"feed"_s) {
                return u"atom"_s;
            }
            // Unknown doctype: step over it, internal subset included.
            const qsizetype bracket = text.indexOf(u'[', p);
            const qsizetype close = text.indexOf(u'>', p);
            qsizetype end = close;
            if (bracket >= 0 && close >= 0 && bracket < close) {
                const qsizetype subsetEnd = text.indexOf(u"]", bracket);
                end = subsetEnd < 0 ? -1 : text.indexOf(u'>', subsetEnd);
            }
            if (end < 0) {
                return u"xml"_s;
            }
            p = end + 1;
            continue;
        }
        const QString qualified = readName(text, p + 1);
        if (qualified.isEmpty() || !qualified.at(0).isLetter()) {
            return xmlDeclared ? u"xml"_s : u"text"_s;
        }
        const QString name = qualified.toLower();
        const QString local = name.section(u':', -1);
        if (name == u"rss"_s || name == u"rdf:rdf"_s) {
            return u"rss"_s;
        }
        if (local == u"feed"_s) {
            return u"atom"_s;
        }
        if (isKnownHtmlTag(name)) {
            return u"html"_s;
        }
        if (xmlDeclared) {
            return u"xml"_s;
        }
        // An unknown first element without an XML declaration: a custom element at the top of an
        // HTML page, or a tag-like word at the start of a note.
        static const QRegularExpression htmlBody(uR"(<(body|p|div|article|br)\b)"_s,
                                                 QRegularExpression::CaseInsensitiveOption);
        if (isHtmlExtension(ext) || htmlBody.match(text).hasMatch()) {
            return u"html"_s;
        }
        if (ext == u"txt"_s || ext == u"md"_s || ext == u"markdown"_s || ext == u"text"_s) {
            return u"text"_s;
        }
        return u"xml"_s;
    }
}

bool parsesAsObject(QStringView line)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(line.toUtf8(), &error);
    return error.error == QJsonParseError::NoError && document.isObject();
}

QString sniffJson(QStringView text, const QString &ext)
{
    const qsizetype next = skipSpaces(text, 1);
    const QChar after = next < text.size() ? text.at(next) : QChar();
    if (text.at(0) == u'[') {
        return (after == u'{' || after == u']') ? u"json"_s : u"text"_s;
    }
    if (after != u'"' && after != u'}') {
        return u"text"_s;
    }
    if (ext == u"jsonl"_s || ext == u"ndjson"_s || ext == u"jsonlines"_s) {
        return u"jsonl"_s;
    }
    // One object per line when the first line is a whole object and another follows it.
    const qsizetype newline = text.indexOf(u'\n');
    if (newline < 0 || !parsesAsObject(text.first(newline))) {
        return u"json"_s;
    }
    const qsizetype second = skipSpaces(text, newline);
    return (second < text.size() && text.at(second) == u'{') ? u"jsonl"_s : u"json"_s;
}

QString sniffText(QStringView text, const QString &ext)
{
    if (text.startsWith(u'<')) {
        return sniffMarkup(text, ext);
    }
    if (text.startsWith(u'{') || text.startsWith(u'[')) {
        return sniffJson(text, ext);
    }
    if (isHtmlExtension(ext)) {
        static const QRegularExpression tags(
            uR"(<(p|div|br|body|article|section|h[1-6]|table|span|a)\b[^<>]*>)"_s,
            QRegularExpression::CaseInsensitiveOption);
        if (tags.match(text).hasMatch()) {
            return u"html"_s;
        }
    }
    return u"text"_s;
}

// ---------------------------------------------------------------------------------------------
// Dates

int monthFromName(const QString &name)
{
    static const char *const kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                          "jul", "aug", "sep", "oct", "nov", "dec"};
    const QString lower = name.toLower();
    if (lower.size() < 3) {
        return 0;
    }
    for (int i = 0; i < 12; ++i) {
        if (lower.startsWith(QLatin1String(kMonths[i]))) {
            return i + 1;
        }
    }
    return 0;
}

int fullYear(const QString &digits)
{
    const int year = digits.toInt();
    if (digits.size() == 2) {
        // RFC 822 two-digit years: the window that keeps old feeds right.
        return year < 50 ? 2000 + year : 1900 + year;
    }
    return year;
}

// Publication dates from feeds and JSON. The day is taken as the publisher wrote it, in the
// publisher's own time zone: the article appeared on that day where it was published, and a
// conversion to UTC would move late-evening articles to the next day.
DatePoint parseDate(const QString &input)
{
    const QString text = input.trimmed();
    if (text.isEmpty()) {
        return {};
    }
    static const QRegularExpression iso(
        uR"(^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ]\d{1,2}:\d{2}.*)?$)"_s);
    static const QRegularExpression isoBasic(uR"(^(\d{4})(\d{2})(\d{2})(?:T\d{2}.*)?$)"_s);
    static const QRegularExpression rfc822(
        uR"(^(?:[A-Za-z]{2,9}\.?,?\s+)?(\d{1,2})(?:st|nd|rd|th)?[\s-]+([A-Za-z]{3,9})\.?,?[\s-]+(\d{4}|\d{2})(?:\s.*)?$)"_s);
    static const QRegularExpression monthFirst(
        uR"(^(?:[A-Za-z]{2,9}\.?,?\s+)?([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:\s.*)?$)"_s);
    static const QRegularExpression monthYear(uR"(^([A-Za-z]{3,9})\.?,?\s+(\d{4})$)"_s);

    QRegularExpressionMatch m = iso.match(text);
    if (m.hasMatch()) {
        const int year = m.captured(1).toInt();
        if (!m.hasCaptured(2)) {
            return QDate(year, 1, 1).isValid() ? DatePoint::year(year) : DatePoint{};
        }
        const int month = m.captured(2).toInt();
        if (!m.hasCaptured(3)) {
            return (month >= 1 && month <= 12) ? DatePoint::month(year, month) : DatePoint{};
        }
        return DatePoint::day(QDate(year, month, m.captured(3).toInt()));
    }
    m = isoBasic.match(text);
    if (m.hasMatch()) {
        return DatePoint::day(QDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt()));
    }
    m = rfc822.match(text);
    if (m.hasMatch()) {
        const int month = monthFromName(m.captured(2));
        if (month > 0) {
            return DatePoint::day(QDate(fullYear(m.captured(3)), month, m.captured(1).toInt()));
        }
    }
    m = monthFirst.match(text);
    if (m.hasMatch()) {
        const int month = monthFromName(m.captured(1));
        if (month > 0) {
            return DatePoint::day(QDate(m.captured(3).toInt(), month, m.captured(2).toInt()));
        }
    }
    m = monthYear.match(text);
    if (m.hasMatch()) {
        const int month = monthFromName(m.captured(1));
        if (month > 0) {
            return DatePoint::month(m.captured(2).toInt(), month);
        }
    }
    return {};
}

DatePoint dateFromJson(const QJsonValue &value)
{
    if (value.isString()) {
        return parseDate(value.toString());
    }
    if (value.isDouble()) {
        // Unix time; values this large can only be milliseconds.
        double seconds = value.toDouble();
        if (std::abs(seconds) > 1e11) {
            seconds /= 1000.0;
        }
        const QDateTime time = QDateTime::fromSecsSinceEpoch(qint64(seconds), Qt::UTC);
        return DatePoint::day(time.date());
    }
    return {};
}

// ---------------------------------------------------------------------------------------------
// Text helpers

// Plain text from a feed or JSON field: paragraphs (blank-line separated) kept, whitespace
// inside them collapsed.
QString plainParagraphs(const QString &text)
{
    const QString normalised = normaliseLines(text, nullptr);
    static const QRegularExpression blankLines(uR"(\n[ \t]*\n\s*)"_s);
    QStringList paragraphs;
    for (const QString &part : normalised.split(blankLines)) {
        const QString simplified = part.simplified();
        if (!simplified.isEmpty()) {
            paragraphs << simplified;
        }
    }
    return paragraphs.join(u"\n\n"_s);
}

QString fieldText(const QString &value)
{
    return looksLikeHtml(value) ? htmlFragmentToText(value) : plainParagraphs(value);
}

QString singleLine(const QString &value)
{
    return (looksLikeHtml(value) ? htmlFragmentToText(value) : value).simplified();
}

// A first line reads as a headline when it is short, is not a sentence, and more text follows.
bool looksLikeHeadline(const QString &line, const QString &nextLine, bool blankFollows)
{
    if (line.size() > 200 || line.size() < 2) {
        return false;
    }
    // A sentence end, also before closing quotes or brackets ("…basis.”"), means prose, not a headline.
    static const QString kTerminal = u".,;:!?\u2026"_s;
    static const QString kClosers = u"\"'\u201d\u2019)]"_s;
    qsizetype last = line.size() - 1;
    while (last > 0 && kClosers.contains(line.at(last))) {
        --last;
    }
    if (kTerminal.contains(line.at(last)) && !(line.at(last) == u'?' && line.size() < 90)) {
        return false;
    }
    // Headlines are short: more than 25 words is a paragraph.
    if (line.count(u' ') >= 25) {
        return false;
    }
    if (!std::any_of(line.cbegin(), line.cend(), [](QChar c) { return c.isLetter(); })) {
        return false;
    }
    if (!blankFollows) {
        // Without a blank line the next line must start something new; a lower-case start
        // means the first line is a hard-wrapped piece of a paragraph.
        if (line.size() > 120 || nextLine.isEmpty() || nextLine.front().isLower()) {
            return false;
        }
    }
    return true;
}

void splitHeadline(const QString &text, QString *title, QString *body)
{
    const QStringList lines = text.split(u'\n');
    qsizetype first = 0;
    while (first < lines.size() && lines.at(first).trimmed().isEmpty()) {
        ++first;
    }
    if (first >= lines.size()) {
        *body = text.trimmed();
        return;
    }
    QString line = lines.at(first).trimmed();
    qsizetype rest = first + 1;
    bool heading = false;
    static const QRegularExpression atx(uR"(^#{1,6}\s+(.*?)(\s+#+)?$)"_s);
    static const QRegularExpression setext(uR"(^(=+|-+)$)"_s);
    const QRegularExpressionMatch atxMatch = atx.match(line);
    if (atxMatch.hasMatch()) {
        line = atxMatch.captured(1).trimmed();
        heading = true;
    } else if (rest < lines.size() && lines.at(rest).trimmed().size() >= 2 &&
               setext.match(lines.at(rest).trimmed()).hasMatch()) {
        heading = true;
        ++rest;
    }
    QString remainder = lines.mid(rest).join(u'\n').trimmed();
    const QString next = rest < lines.size() ? lines.at(rest).trimmed() : QString();
    const bool blankFollows = next.isEmpty();
    const bool isTitle = !remainder.isEmpty() && !line.isEmpty() &&
                         (heading ? line.size() <= 200 : looksLikeHeadline(line, next, blankFollows));
    if (isTitle) {
        *title = line;
        *body = remainder;
    } else {
        *body = text.trimmed();
    }
}

// ---------------------------------------------------------------------------------------------
// Readers

Result<QList<RawDocument>> readText(const QByteArray &data)
{
    DecodedText decoded = decodeText(data);
    RawDocument doc;
    doc.format = u"text"_s;
    doc.warnings = decoded.warnings;
    doc.rawText = normaliseLines(std::move(decoded.text), &doc.warnings);
    if (doc.rawText.trimmed().isEmpty()) {
        return makeParseError(u"empty file"_s);
    }
    splitHeadline(doc.rawText, &doc.title, &doc.text);
    return QList<RawDocument>{doc};
}

QString decodeHtmlSource(const QByteArray &data)
{
    const EncodingGuess guess = guessEncoding(data);
    if (guess.encoding == Encoding::Utf8) {
        QStringDecoder utf8(QStringDecoder::Utf8);
        QString text = utf8.decode(QByteArrayView(data).sliced(guess.bomLength));
        if (!utf8.hasError() || guess.bomLength > 0) {
            return text;
        }
        // Not UTF-8: the page's own declaration decides (the extractor reports on it).
        static const QRegularExpression charset(uR"(charset\s*=\s*["']?([A-Za-z0-9._:-]+))"_s,
                                                QRegularExpression::CaseInsensitiveOption);
        const QRegularExpressionMatch m = charset.match(QString::fromLatin1(data.left(4096)));
        if (m.hasMatch()) {
            QStringDecoder declared(m.captured(1).toLatin1().constData());
            if (declared.isValid()) {
                return declared.decode(data);
            }
        }
        return text;
    }
    return decodeText(data).text;
}

Result<QList<RawDocument>> readHtml(const QByteArray &data, const QString &fileName)
{
    const ExtractedPage page = HtmlExtractor::extract(data, fileName);
    if (page.text.trimmed().isEmpty()) {
        return makeParseError(u"no article text found in the HTML page"_s);
    }
    RawDocument doc;
    doc.format = u"html"_s;
    doc.title = page.title;
    doc.text = page.text;
    doc.rawText = normaliseLines(decodeHtmlSource(data), nullptr);
    doc.published = page.published;
    doc.source = page.source;
    doc.url = page.url;
    doc.language = page.language;
    doc.warnings = page.warnings;
    return QList<RawDocument>{doc};
}

// --- feeds

QString escapeXml(QStringView text, bool attribute)
{
    QString out;
    out.reserve(text.size());
    for (QChar c : text) {
        if (c == u'&') {
            out += u"&amp;"_s;
        } else if (c == u'<') {
            out += u"&lt;"_s;
        } else if (c == u'>') {
            out += u"&gt;"_s;
        } else if (attribute && c == u'"') {
            out += u"&quot;"_s;
        } else {
            out += c;
        }
    }
    return out;
}

// Writes the reader's current token back as XML, prefixes as in the source (declarations made
// on ancestors are not repeated). Used for an item's raw text and for inline XHTML content.
void appendToken(const QXmlStreamReader &reader, QString *out)
{
    switch (reader.tokenType()) {
    case QXmlStreamReader::StartElement:
        *out += u'<' + reader.qualifiedName();
        for (const QXmlStreamNamespaceDeclaration &ns : reader.namespaceDeclarations()) {
            if (ns.prefix().isEmpty()) {
                *out += u" xmlns=\""_s + escapeXml(ns.namespaceUri(), true) + u'"';
            } else {
                *out += u" xmlns:"_s + ns.prefix() + u"=\""_s + escapeXml(ns.namespaceUri(), true) + u'"';
            }
        }
        for (const QXmlStreamAttribute &attribute : reader.attributes()) {
            *out += u' ' + attribute.qualifiedName() + u"=\""_s + escapeXml(attribute.value(), true) + u'"';
        }
        *out += u'>';
        break;
    case QXmlStreamReader::EndElement:
        *out += u"</"_s + reader.qualifiedName() + u'>';
        break;
    case QXmlStreamReader::Characters:
        if (reader.isCDATA()) {
            *out += u"<![CDATA["_s + reader.text() + u"]]>"_s;
        } else {
            *out += escapeXml(reader.text(), false);
        }
        break;
    case QXmlStreamReader::Comment:
        *out += u"<!--"_s + reader.text() + u"-->"_s;
        break;
    case QXmlStreamReader::EntityReference:
        *out += u'&' + reader.name() + u';';
        break;
    default:
        break;
    }
}

enum class FeedKind { Rss, Atom };

enum class Field {
    None,
    Title,
    Link,
    Description,
    ContentEncoded,
    AtomContent,
    AtomSummary,
    PubDate,
    DcDate,
    Published,
    Updated,
    Guid,
    Id,
    Language,
    ItemSource,
};

struct FeedItem
{
    QString title;
    bool titleIsMarkup = false;
    QString link;
    QString firstLink;
    QString description;
    QString contentEncoded;
    QString atomContent;
    bool contentIsMarkup = false;
    QString atomSummary;
    bool summaryIsMarkup = false;
    QString pubDate;
    QString dcDate;
    QString published;
    QString updated;
    QString guid;
    bool guidIsPermaLink = true;
    QString id;
    QString language;
    QString itemSource;
    QString raw;
    int index = 0;
};

struct OpenField
{
    Field field = Field::None;
    int depth = 0;
    // Atom type="xhtml": the content is inline markup that must be kept as markup.
    bool inlineMarkup = false;
    QString text;
    // Atom text construct type: "text", "html", "xhtml", or empty when not given.
    QString atomType;
};

Field rssField(QStringView ns, QStringView name)
{
    if (ns == kAtomNs) {
        // atom:link rel="self" and friends inside RSS items are not the article's link.
        return Field::None;
    }
    if (ns == kContentNs && name == u"encoded") {
        return Field::ContentEncoded;
    }
    if (ns == kDcNs) {
        if (name == u"date") {
            return Field::DcDate;
        }
        if (name == u"language") {
            return Field::Language;
        }
        return Field::None;
    }
    if (name == u"title") {
        return Field::Title;
    }
    if (name == u"link") {
        return Field::Link;
    }
    if (name == u"description") {
        return Field::Description;
    }
    if (name == u"pubDate") {
        return Field::PubDate;
    }
    if (name == u"guid") {
        return Field::Guid;
    }
    if (name == u"source") {
        return Field::ItemSource;
    }
    return Field::None;
}

Field atomField(QStringView ns, QStringView name)
{
    if (ns == kDcNs) {
        return name == u"date" ? Field::DcDate : Field::None;
    }
    if (name == u"title") {
        return Field::Title;
    }
    if (name == u"link") {
        return Field::Link;
    }
    if (name == u"content") {
        return Field::AtomContent;
    }
    if (name == u"summary") {
        return Field::AtomSummary;
    }
    if (name == u"published") {
        return Field::Published;
    }
    if (name == u"updated") {
        return Field::Updated;
    }
    if (name == u"id") {
        return Field::Id;
    }
    return Field::None;
}

bool isWebLink(const QString &text)
{
    return text.startsWith(u"http://"_s, Qt::CaseInsensitive) ||
           text.startsWith(u"https://"_s, Qt::CaseInsensitive);
}

// Atom says what its text constructs hold; a missing type should mean plain text, but feeds
// often leave it out on escaped HTML, so then the content decides.
bool isMarkup(const OpenField &open)
{
    if (open.inlineMarkup || open.atomType == u"html"_s) {
        return true;
    }
    if (open.atomType == u"text"_s) {
        return false;
    }
    return looksLikeHtml(open.text);
}

void storeField(FeedItem *item, const OpenField &open, bool markup)
{
    const QString value = open.text;
    switch (open.field) {
    case Field::Title:
        item->title = value;
        item->titleIsMarkup = markup;
        break;
    case Field::Link:
        // RSS links are text; Atom links are handled from their attributes.
        if (item->link.isEmpty()) {
            item->link = value.trimmed();
        }
        break;
    case Field::Description:
        item->description = value;
        break;
    case Field::ContentEncoded:
        item->contentEncoded = value;
        break;
    case Field::AtomContent:
        item->atomContent = value;
        item->contentIsMarkup = markup;
        break;
    case Field::AtomSummary:
        item->atomSummary = value;
        item->summaryIsMarkup = markup;
        break;
    case Field::PubDate:
        item->pubDate = value;
        break;
    case Field::DcDate:
        item->dcDate = value;
        break;
    case Field::Published:
        item->published = value;
        break;
    case Field::Updated:
        item->updated = value;
        break;
    case Field::Guid:
        item->guid = value.trimmed();
        break;
    case Field::Id:
        item->id = value.trimmed();
        break;
    case Field::Language:
        item->language = value.trimmed();
        break;
    case Field::ItemSource:
        item->itemSource = value.simplified();
        break;
    case Field::None:
        break;
    }
}

// Atom text constructs: type "html" holds escaped HTML, "xhtml" inline markup, "text" (the
// default) plain text.
QString atomText(const QString &value, bool markup)
{
    return markup ? htmlFragmentToText(value) : plainParagraphs(value);
}

std::optional<RawDocument> itemToDocument(const FeedItem &item, FeedKind kind, const QString &feedTitle,
                                          const QString &feedLanguage, QStringList *warnings)
{
    RawDocument doc;
    doc.format = kind == FeedKind::Rss ? u"rss"_s : u"atom"_s;
    doc.itemIndex = item.index;
    doc.rawText = item.raw;
    QString dateText;
    if (kind == FeedKind::Rss) {
        doc.title = singleLine(item.title);
        doc.text =
            fieldText(!item.contentEncoded.trimmed().isEmpty() ? item.contentEncoded : item.description);
        doc.url = item.link;
        if (doc.url.isEmpty() && item.guidIsPermaLink && isWebLink(item.guid)) {
            doc.url = item.guid;
        }
        dateText = !item.pubDate.trimmed().isEmpty() ? item.pubDate : item.dcDate;
    } else {
        doc.title =
            item.titleIsMarkup ? htmlFragmentToText(item.title).simplified() : item.title.simplified();
        doc.text = !item.atomContent.trimmed().isEmpty() ? atomText(item.atomContent, item.contentIsMarkup)
                                                         : atomText(item.atomSummary, item.summaryIsMarkup);
        doc.url = !item.link.isEmpty() ? item.link : item.firstLink;
        if (doc.url.isEmpty() && isWebLink(item.id)) {
            doc.url = item.id;
        }
        for (const QString &candidate : {item.published, item.updated, item.dcDate}) {
            if (!candidate.trimmed().isEmpty()) {
                dateText = candidate;
                break;
            }
        }
    }
    // An aggregator names the original publication on the item; that is the article's source.
    doc.source = !item.itemSource.isEmpty() ? item.itemSource : feedTitle;
    doc.language = !item.language.isEmpty() ? item.language : feedLanguage;
    if (doc.title.isEmpty() && doc.text.isEmpty()) {
        *warnings << u"item %1 has neither title nor text; skipped"_s.arg(item.index + 1);
        return std::nullopt;
    }
    doc.published = parseDate(dateText);
    if (!dateText.trimmed().isEmpty() && !doc.published.isValid()) {
        doc.warnings << u"unreadable date \"%1\""_s.arg(dateText.trimmed().left(60));
    }
    return doc;
}

QString declaredXmlEncoding(const QByteArray &data)
{
    static const QRegularExpression declaration(
        uR"(^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["'])"_s);
    const QRegularExpressionMatch m = declaration.match(QString::fromLatin1(data.left(256)));
    return m.hasMatch() ? m.captured(1) : QString();
}

bool isUtf8Name(const QString &name)
{
    const QString lower = name.toLower();
    return lower == u"utf-8"_s || lower == u"utf8"_s || lower == u"us-ascii"_s || lower == u"ascii"_s;
}

struct FeedParse
{
    QList<RawDocument> documents;
    QStringList warnings;
};

// One pass over the feed. `reader` is positioned at the start; an error is returned as a value.
Result<FeedParse> parseFeed(QXmlStreamReader &reader)
{
    FeedParse parse;
    std::optional<FeedKind> kind;
    QStringList path; // local names of the open elements
    QString feedTitle;
    QString feedLanguage;
    std::optional<FeedItem> item;
    int itemDepth = 0;
    int itemCount = 0;
    OpenField open;
    // The Atom link chosen so far for the current entry: rel="alternate" wins over others.
    bool haveAlternate = false;

    while (!reader.atEnd()) {
        const QXmlStreamReader::TokenType token = reader.readNext();
        switch (token) {
        case QXmlStreamReader::DTD:
            // Refused before anything in it is used: internal entities could expand without
            // bound ("billion laughs") and external ones would read local files or the network.
            return makeError(Error::Code::Unsupported,
                             u"XML with a DTD is not accepted (entity declarations are never expanded)"_s);
        case QXmlStreamReader::StartElement: {
            const QStringView name = reader.name();
            const QStringView ns = reader.namespaceUri();
            path << name.toString();
            const int depth = int(path.size());
            if (depth == 1) {
                if (name == u"rss" || name == u"RDF") {
                    kind = FeedKind::Rss;
                } else if (name == u"feed") {
                    kind = FeedKind::Atom;
                    feedLanguage = reader.attributes().value(kXmlNs, u"lang"_s).toString();
                } else {
                    return makeError(
                        Error::Code::Unsupported,
                        u"XML document with root element <%1> is neither an RSS nor an Atom feed"_s.arg(
                            reader.qualifiedName()));
                }
                break;
            }
            if (item) {
                appendToken(reader, &item->raw);
                if (open.field != Field::None) {
                    if (open.inlineMarkup) {
                        appendToken(reader, &open.text);
                    }
                    break;
                }
                if (depth != itemDepth + 1) {
                    break;
                }
                const Field field = *kind == FeedKind::Rss ? rssField(ns, name) : atomField(ns, name);
                const QXmlStreamAttributes attributes = reader.attributes();
                if (*kind == FeedKind::Atom && field == Field::Link) {
                    const QString rel = attributes.value(u"rel"_s).toString();
                    const QString href = attributes.value(u"href"_s).toString().trimmed();
                    if ((rel.isEmpty() || rel == u"alternate"_s) && !haveAlternate && !href.isEmpty()) {
                        item->link = href;
                        haveAlternate = true;
                    } else if (item->firstLink.isEmpty() && rel != u"self"_s && rel != u"replies"_s &&
                               rel != u"edit"_s && rel != u"enclosure"_s) {
                        // A stand-in when no alternate link is given; never the comments or the
                        // feed's own address.
                        item->firstLink = href;
                    }
                    break;
                }
                if (field == Field::None) {
                    break;
                }
                open = OpenField{field, depth, false, {}, {}};
                if (field == Field::Guid) {
                    item->guidIsPermaLink = attributes.value(u"isPermaLink"_s) != u"false";
                }
                if (*kind == FeedKind::Atom) {
                    open.atomType = attributes.value(u"type"_s).toString().toLower();
                    open.inlineMarkup = open.atomType == u"xhtml"_s;
                    if (field == Field::AtomContent && attributes.hasAttribute(u"src"_s)) {
                        // Content kept elsewhere is never fetched; the summary stands in for it.
                        open.field = Field::None;
                    }
                }
                break;
            }
            const QString parent = path.at(depth - 2);
            const bool rssItem =
                *kind == FeedKind::Rss && name == u"item" && (parent == u"channel"_s || parent == u"RDF"_s);
            const bool atomEntry = *kind == FeedKind::Atom && name == u"entry" && depth == 2;
            if (rssItem || atomEntry) {
                item = FeedItem{};
                item->index = itemCount++;
                itemDepth = depth;
                haveAlternate = false;
                appendToken(reader, &item->raw);
                if (atomEntry) {
                    item->language = reader.attributes().value(kXmlNs, u"lang"_s).toString();
                }
                break;
            }
            const bool feedLevel = (*kind == FeedKind::Rss && parent == u"channel"_s && depth == 3) ||
                                   (*kind == FeedKind::Atom && depth == 2);
            if (feedLevel && name == u"title") {
                open = OpenField{Field::Title, depth, false, {}, {}};
            } else if (feedLevel && (name == u"language" || (ns == kDcNs && name == u"language"))) {
                open = OpenField{Field::Language, depth, false, {}, {}};
            }
            break;
        }
        case QXmlStreamReader::EndElement: {
            const int depth = int(path.size());
            if (item) {
                appendToken(reader, &item->raw);
            }
            if (open.field != Field::None) {
                if (depth == open.depth) {
                    if (item) {
                        storeField(&*item, open, isMarkup(open));
                    } else if (open.field == Field::Title) {
                        feedTitle = singleLine(open.text);
                    } else if (open.field == Field::Language) {
                        feedLanguage = open.text.trimmed();
                    }
                    open = OpenField{};
                } else if (open.inlineMarkup) {
                    appendToken(reader, &open.text);
                }
            }
            if (item && depth == itemDepth) {
                if (auto doc = itemToDocument(*item, *kind, feedTitle, feedLanguage, &parse.warnings)) {
                    parse.documents << *doc;
                }
                item.reset();
            }
            path.removeLast();
            break;
        }
        case QXmlStreamReader::Characters:
        case QXmlStreamReader::EntityReference:
            if (item) {
                appendToken(reader, &item->raw);
            }
            if (open.field != Field::None) {
                if (open.inlineMarkup) {
                    appendToken(reader, &open.text);
                } else {
                    open.text += reader.text();
                }
            }
            break;
        case QXmlStreamReader::Comment:
            if (item) {
                appendToken(reader, &item->raw);
            }
            break;
        default:
            break;
        }
    }
    if (reader.hasError()) {
        const QString where = u"line %1"_s.arg(reader.lineNumber());
        if (reader.error() == QXmlStreamReader::PrematureEndOfDocumentError) {
            return makeParseError(u"truncated XML at %1: %2"_s.arg(where, reader.errorString()));
        }
        return makeParseError(u"invalid XML at %1, column %2: %3"_s.arg(where)
                                  .arg(reader.columnNumber())
                                  .arg(reader.errorString()));
    }
    if (!kind) {
        return makeParseError(u"XML document without a root element"_s);
    }
    return parse;
}

Result<QList<RawDocument>> readFeed(const QByteArray &data)
{
    QStringList fileWarnings;
    QXmlStreamReader reader(data);
    Result<FeedParse> parse = parseFeed(reader);
    const QString declared = declaredXmlEncoding(data);
    if (!parse.ok() && reader.error() == QXmlStreamReader::NotWellFormedError &&
        reader.errorString().contains(u"encoded"_s) && (declared.isEmpty() || isUtf8Name(declared))) {
        // Bytes that are not the UTF-8 the feed claims: read it again with them replaced rather
        // than losing every item. A QString input makes the reader ignore the declaration.
        DecodedText decoded = decodeText(data);
        QXmlStreamReader again(decoded.text);
        parse = parseFeed(again);
        fileWarnings << decoded.warnings;
    } else if (!declared.isEmpty() && !isUtf8Name(declared)) {
        fileWarnings << u"declared charset %1 decoded"_s.arg(declared);
    }
    if (!parse.ok()) {
        return parse.error();
    }
    FeedParse &feed = *parse;
    if (feed.documents.isEmpty()) {
        QString message = u"the feed has no items"_s;
        if (!feed.warnings.isEmpty()) {
            message += u" with a title or text"_s;
        }
        return makeParseError(message);
    }
    feed.documents.first().warnings = fileWarnings + feed.warnings + feed.documents.first().warnings;
    return feed.documents;
}

// --- JSON

QString jsonString(const QJsonObject &object, std::initializer_list<QLatin1String> keys)
{
    for (QLatin1String key : keys) {
        const QJsonValue value = object.value(key);
        if (value.isString() && !value.toString().trimmed().isEmpty()) {
            return value.toString();
        }
    }
    return {};
}

// Fills \a doc from one JSON article; false when it holds neither a title nor text.
bool objectToDocument(const QJsonObject &object, RawDocument *doc)
{
    doc->title = singleLine(jsonString(object, {"title"_L1, "headline"_L1}));
    doc->text = fieldText(
        jsonString(object, {"text"_L1, "body"_L1, "content"_L1, "articleBody"_L1, "description"_L1}));
    doc->url = jsonString(object, {"url"_L1, "link"_L1}).trimmed();
    doc->language = jsonString(object, {"language"_L1, "lang"_L1, "inLanguage"_L1}).trimmed();
    for (QLatin1String key : {"source"_L1, "site"_L1, "siteName"_L1, "publisher"_L1}) {
        const QJsonValue value = object.value(key);
        if (value.isString()) {
            doc->source = value.toString().simplified();
        } else if (value.isObject()) {
            // NewsAPI and schema.org name the source in an object.
            doc->source = jsonString(value.toObject(), {"name"_L1, "title"_L1}).simplified();
        }
        if (!doc->source.isEmpty()) {
            break;
        }
    }
    for (QLatin1String key :
         {"published"_L1, "date"_L1, "pubDate"_L1, "datePublished"_L1, "publishedAt"_L1, "published_at"_L1}) {
        const QJsonValue value = object.value(key);
        if (value.isUndefined() || value.isNull()) {
            continue;
        }
        doc->published = dateFromJson(value);
        if (!doc->published.isValid() && value.isString() && !value.toString().trimmed().isEmpty()) {
            doc->warnings << u"unreadable date \"%1\""_s.arg(value.toString().trimmed().left(60));
        }
        break;
    }
    return !doc->title.isEmpty() || !doc->text.isEmpty();
}

QString jsonErrorPosition(const QByteArray &utf8, int offset)
{
    const QByteArrayView before = QByteArrayView(utf8).first(std::clamp<qsizetype>(offset, 0, utf8.size()));
    const qsizetype line = before.count('\n') + 1;
    const qsizetype lineStart = before.lastIndexOf('\n') + 1;
    return u"line %1, column %2"_s.arg(line).arg(before.size() - lineStart + 1);
}

Result<QList<RawDocument>> readJsonLines(const QString &text, QStringList fileWarnings)
{
    QList<RawDocument> documents;
    QString firstProblem;
    const QStringList lines = text.split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        if (line.isEmpty()) {
            continue;
        }
        QString problem;
        QJsonParseError error{};
        const QByteArray utf8 = line.toUtf8();
        const QJsonDocument json = QJsonDocument::fromJson(utf8, &error);
        RawDocument doc;
        if (error.error != QJsonParseError::NoError) {
            problem = u"invalid JSON (%1 at column %2)"_s.arg(error.errorString()).arg(error.offset + 1);
        } else if (!json.isObject()) {
            problem = u"not a JSON object"_s;
        } else if (!objectToDocument(json.object(), &doc)) {
            problem = u"neither title nor text"_s;
        }
        if (!problem.isEmpty()) {
            const QString message = u"line %1: %2"_s.arg(i + 1).arg(problem);
            fileWarnings << message + u"; skipped"_s;
            if (firstProblem.isEmpty()) {
                firstProblem = message;
            }
            continue;
        }
        doc.format = u"jsonl"_s;
        doc.itemIndex = int(i);
        doc.rawText = line;
        documents << doc;
    }
    if (documents.isEmpty()) {
        return makeParseError(u"no readable JSON line (%1)"_s.arg(firstProblem));
    }
    documents.first().warnings = fileWarnings + documents.first().warnings;
    return documents;
}

// A JSON document that fails to parse as a whole may still be JSON Lines whose first line is bad.
bool looksLikeJsonLines(const QString &text)
{
    int lines = 0;
    bool anyObject = false;
    for (const QString &raw : text.split(u'\n')) {
        const QString line = raw.trimmed();
        if (line.isEmpty()) {
            continue;
        }
        ++lines;
        anyObject = anyObject || (line.startsWith(u'{') && line.endsWith(u'}') && parsesAsObject(line));
    }
    return lines >= 2 && anyObject;
}

Result<QList<RawDocument>> readJson(const QByteArray &data, bool lines)
{
    DecodedText decoded = decodeText(data);
    QStringList fileWarnings = decoded.warnings;
    const QString text = normaliseLines(decoded.text, &fileWarnings);
    if (lines) {
        return readJsonLines(text, fileWarnings);
    }
    const QByteArray utf8 = text.toUtf8();
    QJsonParseError error{};
    const QJsonDocument json = QJsonDocument::fromJson(utf8, &error);
    if (error.error != QJsonParseError::NoError) {
        if (looksLikeJsonLines(text)) {
            return readJsonLines(text, fileWarnings);
        }
        return makeParseError(
            u"invalid JSON at %1: %2"_s.arg(jsonErrorPosition(utf8, error.offset), error.errorString()));
    }
    QJsonArray items;
    if (json.isArray()) {
        items = json.array();
    } else {
        const QJsonObject root = json.object();
        if (root.value("articles"_L1).isArray()) {
            items = root.value("articles"_L1).toArray();
        } else if (root.value("items"_L1).isArray()) {
            items = root.value("items"_L1).toArray();
        } else {
            items.append(root);
        }
    }
    QList<RawDocument> documents;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonValue value = items.at(i);
        RawDocument doc;
        if (!value.isObject()) {
            fileWarnings << u"item %1 is not a JSON object; skipped"_s.arg(i + 1);
            continue;
        }
        if (!objectToDocument(value.toObject(), &doc)) {
            fileWarnings << u"item %1 has neither title nor text; skipped"_s.arg(i + 1);
            continue;
        }
        doc.format = u"json"_s;
        doc.itemIndex = int(i);
        doc.rawText = QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Indented));
        documents << doc;
    }
    if (documents.isEmpty()) {
        return makeParseError(
            u"no article in the JSON (expected an object, an array of objects, or {\"articles\": [...]}, "
            "each with a title or text)"_s);
    }
    documents.first().warnings = fileWarnings + documents.first().warnings;
    return documents;
}

// ---------------------------------------------------------------------------------------------
// Folders

bool isHiddenEntry(const QFileInfo &info)
{
    return info.fileName().startsWith(u'.') || info.isHidden();
}

} // namespace

QString FormatReader::detectFormat(const QByteArray &head, const QString &fileName)
{
    if (head.isEmpty()) {
        return u"empty"_s;
    }
    const EncodingGuess guess = guessEncoding(head);
    if (!binaryKind(head, guess).isEmpty()) {
        return u"binary"_s;
    }
    // Leading whitespace is skipped on the code units, so that the sniffing window starts at content.
    const qsizetype unit = guess.encoding == Encoding::Utf8                                               ? 1
                           : (guess.encoding == Encoding::Utf16LE || guess.encoding == Encoding::Utf16BE) ? 2
                                                                                                          : 4;
    const bool littleEndian = guess.encoding == Encoding::Utf16LE || guess.encoding == Encoding::Utf32LE;
    auto codeUnitAt = [&](qsizetype pos) {
        quint32 value = 0;
        for (qsizetype i = 0; i < unit; ++i) {
            const quint32 byte = uchar(head.at(pos + (littleEndian ? unit - 1 - i : i)));
            value = (value << 8) | byte;
        }
        return value;
    };
    qsizetype start = guess.bomLength;
    while (start + unit <= head.size()) {
        const quint32 c = codeUnitAt(start);
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0) {
            break;
        }
        start += unit;
    }
    if (start + unit > head.size()) {
        return u"empty"_s;
    }
    const qsizetype window = std::min<qsizetype>(head.size() - start, kSniffBytes) / unit * unit;
    QStringDecoder decoder = decoderFor(guess.encoding);
    const QString text = decoder.decode(QByteArrayView(head).sliced(start, window));
    if (text.trimmed().isEmpty()) {
        return u"empty"_s;
    }
    const QString ext = QFileInfo(fileName).suffix().toLower();
    return sniffText(text, ext);
}

Result<QList<RawDocument>> FormatReader::readFile(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists()) {
        return makeError(Error::Code::Io, info.isSymLink() ? u"broken symbolic link"_s : u"file not found"_s);
    }
    if (info.isDir()) {
        return makeError(Error::Code::Unsupported, u"is a folder, not a file"_s);
    }
    if (!info.isFile()) {
        // A pipe or device could block or never end.
        return makeError(Error::Code::Unsupported, u"not a regular file"_s);
    }
    // Decided from the size alone, before a byte is read.
    if (info.size() > kMaxFileSize) {
        return tooLarge(info.size());
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return makeError(Error::Code::Io, u"cannot open the file: %1"_s.arg(file.errorString()));
    }
    // Bounded even if the file grows meanwhile or reports no size (a pipe, /proc).
    const QByteArray data = file.read(kMaxFileSize + 1);
    if (file.error() != QFileDevice::NoError) {
        return makeError(Error::Code::Io, u"cannot read the file: %1"_s.arg(file.errorString()));
    }
    if (data.size() > kMaxFileSize) {
        return tooLarge(qMax<qint64>(data.size(), info.size()));
    }
    return readBytes(data, path);
}

Result<QList<RawDocument>> FormatReader::readBytes(const QByteArray &data, const QString &fileName)
{
    if (data.size() > kMaxFileSize) {
        return tooLarge(data.size());
    }
    const QString format = detectFormat(data, fileName);
    if (format == u"empty"_s) {
        return makeParseError(u"empty file"_s);
    }
    if (format == u"binary"_s) {
        return makeError(Error::Code::Unsupported,
                         u"binary file (%1)"_s.arg(binaryKind(data, guessEncoding(data))));
    }
    auto read = [&]() -> Result<QList<RawDocument>> {
        if (format == u"html"_s) {
            return readHtml(data, fileName);
        }
        if (format == u"rss"_s || format == u"atom"_s || format == u"xml"_s) {
            // Other XML goes through the feed reader too, which refuses it by its root element
            // (after the DTD check, so hostile XML is reported as such whatever its root).
            return readFeed(data);
        }
        if (format == u"json"_s || format == u"jsonl"_s) {
            return readJson(data, format == u"jsonl"_s);
        }
        return readText(data);
    };
    Result<QList<RawDocument>> result = read();
    if (result.ok()) {
        for (RawDocument &doc : *result) {
            doc.filePath = fileName;
        }
    }
    return result;
}

QStringList FormatReader::collectFiles(const QStringList &paths, QList<QPair<QString, QString>> *errors)
{
    auto report = [errors](const QString &path, const QString &message) {
        if (errors) {
            errors->append({path, message});
        }
    };
    QStringList files;
    QSet<QString> seenFiles;
    QSet<QString> visitedDirs;
    auto addFile = [&](const QFileInfo &info) {
        const QString canonical = info.canonicalFilePath();
        if (!seenFiles.contains(canonical)) {
            seenFiles.insert(canonical);
            files << QDir::cleanPath(info.absoluteFilePath());
        }
    };

    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (!info.exists()) {
            report(path, info.isSymLink() ? u"broken symbolic link"_s : u"no such file or folder"_s);
            continue;
        }
        if (!info.isReadable()) {
            report(path, u"permission denied"_s);
            continue;
        }
        if (!info.isDir()) {
            if (info.isFile()) {
                addFile(info);
            } else {
                report(path, u"not a regular file"_s);
            }
            continue;
        }
        // An explicit stack rather than recursion, and a set of canonical folder paths so that a
        // link back up the tree is entered once only.
        QStringList pending{QDir::cleanPath(info.absoluteFilePath())};
        while (!pending.isEmpty()) {
            const QString dirPath = pending.takeLast();
            const QString canonical = QFileInfo(dirPath).canonicalFilePath();
            if (visitedDirs.contains(canonical)) {
                continue;
            }
            visitedDirs.insert(canonical);
            const QDir dir(dirPath);
            if (!QFileInfo(dirPath).isReadable() || !dir.isReadable()) {
                report(dirPath, u"permission denied"_s);
                continue;
            }
            const QFileInfoList entries =
                dir.entryInfoList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden, QDir::Name);
            for (const QFileInfo &entry : entries) {
                if (isHiddenEntry(entry)) {
                    continue;
                }
                if (entry.isDir()) {
                    pending << entry.absoluteFilePath();
                } else if (entry.isFile()) {
                    if (entry.isReadable()) {
                        addFile(entry);
                    } else {
                        report(entry.absoluteFilePath(), u"permission denied"_s);
                    }
                }
            }
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

} // namespace Entente::Core
