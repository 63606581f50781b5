#include <core/ingest/htmlextractor.h>
#include <core/ingest/gumboarena.h>

#include <gumbo.h>

#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QRegularExpression>
#include <QStringDecoder>
#include <QUrl>

#include <algorithm>
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

using namespace Qt::StringLiterals;

namespace Entente::Core {

namespace {

// Pages beyond this are cut before parsing: a news article is never this large, and the cut
// keeps memory and time bounded for whatever else arrives with an .html name.
constexpr qsizetype kMaxInputBytes = 24 * 1024 * 1024;
// Nesting beyond this (counting elements that need an end tag) is flattened before gumbo sees
// it: gumbo's scope checks walk the open-element stack, so absurd depth makes parsing quadratic.
constexpr int kMaxNesting = 400;
// A hard cap on tree size for our own passes; real pages stay far below it.
constexpr int kMaxNodes = 1'500'000;

// ---------------------------------------------------------------------------------------------
// Decoding

bool isAsciiSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

bool isAsciiAlpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

char asciiLower(char c)
{
    return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
}

bool startsWithNoCase(const char *p, const char *end, std::string_view word)
{
    if (end - p < qsizetype(word.size())) {
        return false;
    }
    for (size_t i = 0; i < word.size(); ++i) {
        if (asciiLower(p[i]) != word[i]) {
            return false;
        }
    }
    return true;
}

// The charset parameter of a content-type value ("text/html; charset=koi8-r").
QByteArray charsetFromContentType(const QByteArray &content)
{
    const QByteArray lower = content.toLower();
    qsizetype pos = lower.indexOf("charset");
    while (pos >= 0) {
        qsizetype i = pos + 7;
        while (i < lower.size() && isAsciiSpace(lower.at(i))) {
            ++i;
        }
        if (i < lower.size() && lower.at(i) == '=') {
            ++i;
            while (i < lower.size() && isAsciiSpace(lower.at(i))) {
                ++i;
            }
            if (i < lower.size() && (lower.at(i) == '"' || lower.at(i) == '\'')) {
                ++i;
            }
            const qsizetype start = i;
            while (i < lower.size() && !isAsciiSpace(lower.at(i)) && lower.at(i) != ';' && lower.at(i) != '"'
                   && lower.at(i) != '\'') {
                ++i;
            }
            return lower.mid(start, i - start);
        }
        pos = lower.indexOf("charset", pos + 7);
    }
    return {};
}

// The encoding a page declares in its first bytes, following the outline of the HTML
// standard's prescan: <meta charset>, <meta http-equiv=content-type content=...>, or an XML
// declaration. A byte scan rather than a parse, because the bytes cannot be parsed before
// they are decoded.
QByteArray sniffDeclaredCharset(const QByteArray &raw)
{
    const char *begin = raw.constData();
    const char *end = begin + std::min<qsizetype>(raw.size(), 16 * 1024);
    const char *p = begin;
    if (startsWithNoCase(p, end, "<?xml")) {
        const char *close = static_cast<const char *>(std::memchr(p, '>', size_t(end - p)));
        if (close) {
            const QByteArray decl(p, close - p);
            const qsizetype e = decl.indexOf("encoding");
            if (e >= 0) {
                qsizetype i = e + 8;
                while (i < decl.size() && (isAsciiSpace(decl.at(i)) || decl.at(i) == '=')) {
                    ++i;
                }
                if (i < decl.size() && (decl.at(i) == '"' || decl.at(i) == '\'')) {
                    const char quote = decl.at(i);
                    const qsizetype stop = decl.indexOf(quote, i + 1);
                    if (stop > i) {
                        return decl.mid(i + 1, stop - i - 1);
                    }
                }
            }
        }
    }
    while (p < end) {
        if (*p != '<') {
            ++p;
            continue;
        }
        if (startsWithNoCase(p, end, "<!--")) {
            const char *q = p + 4;
            while (q + 2 < end && !(q[0] == '-' && q[1] == '-' && q[2] == '>')) {
                ++q;
            }
            p = q + 3;
            continue;
        }
        if (startsWithNoCase(p, end, "<meta") && p + 5 < end && (isAsciiSpace(p[5]) || p[5] == '/')) {
            p += 5;
            QByteArray charset;
            QByteArray httpEquiv;
            QByteArray content;
            while (p < end && *p != '>') {
                while (p < end && (isAsciiSpace(*p) || *p == '/')) {
                    ++p;
                }
                const char *nameStart = p;
                while (p < end && !isAsciiSpace(*p) && *p != '=' && *p != '>' && *p != '/') {
                    ++p;
                }
                const QByteArray name = QByteArray(nameStart, p - nameStart).toLower();
                while (p < end && isAsciiSpace(*p)) {
                    ++p;
                }
                QByteArray value;
                if (p < end && *p == '=') {
                    ++p;
                    while (p < end && isAsciiSpace(*p)) {
                        ++p;
                    }
                    if (p < end && (*p == '"' || *p == '\'')) {
                        const char quote = *p++;
                        const char *valueStart = p;
                        while (p < end && *p != quote) {
                            ++p;
                        }
                        value = QByteArray(valueStart, p - valueStart);
                        if (p < end) {
                            ++p;
                        }
                    } else {
                        const char *valueStart = p;
                        while (p < end && !isAsciiSpace(*p) && *p != '>') {
                            ++p;
                        }
                        value = QByteArray(valueStart, p - valueStart);
                    }
                }
                if (name == "charset") {
                    charset = value.trimmed();
                } else if (name == "http-equiv") {
                    httpEquiv = value.trimmed().toLower();
                } else if (name == "content") {
                    content = value;
                }
                if (name.isEmpty() && p < end && *p != '>') {
                    ++p; // a stray character; move on rather than loop
                }
            }
            if (!charset.isEmpty()) {
                return charset;
            }
            if (httpEquiv == "content-type") {
                const QByteArray fromContent = charsetFromContentType(content);
                if (!fromContent.isEmpty()) {
                    return fromContent;
                }
            }
            continue;
        }
        ++p;
    }
    return {};
}

// Maps an encoding label to the name we hand to QStringDecoder, with the aliases the HTML
// standard prescribes (a page "in ISO-8859-1" is really windows-1252, and a <meta> claiming
// UTF-16 in an ASCII-compatible byte stream is wrong by construction).
QByteArray canonicalCharset(const QByteArray &label)
{
    const QByteArray l = label.trimmed().toLower();
    static constexpr std::string_view utf8Names[] = {"utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8",
                                                     "unicode20utf8", "utf-16", "utf-16le", "utf-16be",
                                                     "unicode", "ucs-2"};
    static constexpr std::string_view latinNames[] = {"iso-8859-1", "iso8859-1", "iso_8859-1", "latin1",
                                                      "l1", "us-ascii", "ascii", "ansi_x3.4-1968",
                                                      "cp1252", "x-cp1252", "cp819", "ibm819",
                                                      "windows-1252", "iso-ir-100", "csisolatin1"};
    const std::string_view v(l.constData(), size_t(l.size()));
    for (std::string_view n : utf8Names) {
        if (v == n) {
            return "utf-8";
        }
    }
    for (std::string_view n : latinNames) {
        if (v == n) {
            return "windows-1252";
        }
    }
    if (v == "gb2312" || v == "gbk" || v == "x-gbk" || v == "csgb2312" || v == "chinese") {
        return "gb18030";
    }
    if (v == "iso-8859-9" || v == "latin5") {
        return "windows-1254";
    }
    if (v == "tis-620" || v == "iso-8859-11") {
        return "windows-874";
    }
    if (v == "ks_c_5601-1987" || v == "korean" || v == "csksc56011987") {
        return "euc-kr";
    }
    if (v == "x-sjis" || v == "shift-jis" || v == "sjis" || v == "ms_kanji") {
        return "shift_jis";
    }
    return l;
}

// Control bytes other than whitespace are rare in text of any encoding (UTF-16 aside, which a
// byte-order mark announces).
bool looksBinary(const QByteArray &raw)
{
    if (raw.startsWith("\xFF\xFE") || raw.startsWith("\xFE\xFF")) {
        return false;
    }
    const qsizetype n = std::min<qsizetype>(raw.size(), 64 * 1024);
    qsizetype control = 0;
    for (qsizetype i = 0; i < n; ++i) {
        const auto c = static_cast<unsigned char>(raw.at(i));
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
            ++control;
        }
    }
    return n > 0 && control * 100 > n;
}

QString decode(const QByteArray &raw, QStringList &warnings)
{
    if (raw.startsWith("\xEF\xBB\xBF")) {
        QStringDecoder decoder(QStringDecoder::Utf8);
        QString text = decoder.decode(QByteArrayView(raw).sliced(3));
        if (decoder.hasError()) {
            warnings << u"invalid UTF-8 replaced"_s;
        }
        return text;
    }
    if (raw.startsWith("\xFF\xFE") || raw.startsWith("\xFE\xFF")) {
        const bool little = raw.startsWith("\xFF\xFE");
        QStringDecoder decoder(little ? QStringDecoder::Utf16LE : QStringDecoder::Utf16BE);
        QString text = decoder.decode(QByteArrayView(raw).sliced(2));
        if (decoder.hasError()) {
            warnings << u"invalid UTF-16 replaced"_s;
        }
        return text;
    }
    const QByteArray declared = sniffDeclaredCharset(raw);
    const QByteArray charset = canonicalCharset(declared);
    if (!charset.isEmpty() && charset != "utf-8") {
        QStringDecoder decoder(charset.constData());
        if (decoder.isValid()) {
            QString text = decoder.decode(raw);
            warnings << u"declared charset %1 decoded"_s.arg(QString::fromLatin1(declared.trimmed().toLower()));
            if (decoder.hasError()) {
                warnings << u"invalid %1 bytes replaced"_s.arg(QString::fromLatin1(charset));
            }
            return text;
        }
        warnings << u"unknown charset %1; decoded as UTF-8"_s.arg(QString::fromLatin1(declared.trimmed().left(40)));
    }
    QStringDecoder decoder(QStringDecoder::Utf8);
    QString text = decoder.decode(raw);
    if (decoder.hasError()) {
        warnings << u"invalid UTF-8 replaced"_s;
    }
    return text;
}

// ---------------------------------------------------------------------------------------------
// Nesting limiter: a cheap tag scan over the UTF-8 bytes that drops start tags (and their end
// tags) nested deeper than kMaxNesting. Elements whose end tag is optional and void elements
// are not counted, because the parser closes them itself.

bool isCountedForNesting(std::string_view name)
{
    static constexpr std::string_view uncounted[] = {
        "area", "base", "basefont", "bgsound", "br", "col", "colgroup", "caption", "dd", "dt", "embed",
        "frame", "hr", "img", "image", "input", "keygen", "li", "link", "meta", "option", "optgroup", "p",
        "param", "rb", "rp", "rt", "rtc", "source", "tbody", "td", "tfoot", "th", "thead", "tr", "track",
        "wbr", "html", "head", "body", "!doctype"};
    for (std::string_view u : uncounted) {
        if (name == u) {
            return false;
        }
    }
    return true;
}

bool isRawTextElement(std::string_view name)
{
    return name == "script" || name == "style" || name == "textarea" || name == "title" || name == "xmp"
        || name == "iframe" || name == "noembed" || name == "noframes";
}

// Returns true (and rewrites \a html) when something had to be flattened.
bool limitNesting(QByteArray &html)
{
    const char *const begin = html.constData();
    const char *const end = begin + html.size();
    const char *p = begin;
    std::vector<std::string> open;
    open.reserve(64);
    int excess = 0;
    int foreign = 0; // open <svg>/<math> elements
    bool changed = false;
    QByteArray out;
    const char *copiedUpTo = begin;

    auto drop = [&](const char *from, const char *to) {
        if (!changed) {
            changed = true;
            out.reserve(html.size());
        }
        out.append(copiedUpTo, from - copiedUpTo);
        copiedUpTo = to;
    };

    while (p < end) {
        const char *lt = static_cast<const char *>(std::memchr(p, '<', size_t(end - p)));
        if (!lt) {
            break;
        }
        p = lt;
        if (end - p >= 4 && p[1] == '!' && p[2] == '-' && p[3] == '-') {
            const char *q = p + 4;
            while (q + 2 < end && !(q[0] == '-' && q[1] == '-' && q[2] == '>')) {
                ++q;
            }
            p = q + 3;
            continue;
        }
        const bool isEnd = (p + 1 < end && p[1] == '/');
        const char *nameStart = p + (isEnd ? 2 : 1);
        if (nameStart >= end || !isAsciiAlpha(*nameStart)) {
            ++p;
            continue;
        }
        const char *q = nameStart;
        std::string name;
        while (q < end && !isAsciiSpace(*q) && *q != '/' && *q != '>') {
            name.push_back(asciiLower(*q));
            ++q;
        }
        // Skip attributes; quoted values may contain '>'.
        char quote = 0;
        bool selfClosing = false;
        while (q < end) {
            const char c = *q;
            if (quote) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                if (q > nameStart && (q[-1] == '=' || isAsciiSpace(q[-1]))) {
                    quote = c;
                }
            } else if (c == '>') {
                selfClosing = q > nameStart && q[-1] == '/';
                break;
            }
            ++q;
        }
        const char *tagEnd = q < end ? q + 1 : end;
        if (!isEnd && isRawTextElement(name)) {
            // Find the matching end tag, case-insensitively, and skip the raw text.
            const std::string closing = "</" + name;
            const char *r = tagEnd;
            while (r < end) {
                const char *lt2 = static_cast<const char *>(std::memchr(r, '<', size_t(end - r)));
                if (!lt2) {
                    r = end;
                    break;
                }
                if (startsWithNoCase(lt2, end, closing)) {
                    r = lt2;
                    break;
                }
                r = lt2 + 1;
            }
            p = r;
            continue;
        }
        // "<div/>" opens a div in HTML; only inside SVG and MathML does the slash close it.
        if (isCountedForNesting(name) && !(selfClosing && foreign > 0)) {
            if (!isEnd) {
                if (int(open.size()) < kMaxNesting) {
                    if (name == "svg" || name == "math") {
                        ++foreign;
                    }
                    open.push_back(std::move(name));
                } else {
                    ++excess;
                    drop(p, tagEnd);
                }
            } else if (excess > 0) {
                --excess;
                drop(p, tagEnd);
            } else {
                // Pop to the matching open element, looking only a bounded way down so that
                // stray end tags cannot make this scan quadratic.
                const int lookLimit = std::max(0, int(open.size()) - 64);
                for (int i = int(open.size()) - 1; i >= lookLimit; --i) {
                    if (open[size_t(i)] == name) {
                        for (size_t k = size_t(i); k < open.size(); ++k) {
                            if (open[k] == "svg" || open[k] == "math") {
                                --foreign;
                            }
                        }
                        open.resize(size_t(i));
                        break;
                    }
                }
            }
        }
        p = tagEnd;
    }
    if (!changed) {
        return false;
    }
    out.append(copiedUpTo, end - copiedUpTo);
    html = std::move(out);
    return true;
}

// ---------------------------------------------------------------------------------------------
// Class and id hints

enum Hint : quint32 {
    HintPositive = 1u << 0,
    HintComment = 1u << 1,
    HintRelated = 1u << 2,
    HintNavigation = 1u << 3,  // nav, menu, footer, header, sidebar, breadcrumb, widget
    HintShare = 1u << 4,       // share and social buttons, print, email
    HintAd = 1u << 5,          // advertising, sponsors
    HintConsent = 1u << 6,     // cookie and privacy notices
    HintSubscribe = 1u << 7,   // newsletter, subscribe, paywall prompts
    HintByline = 1u << 8,      // byline, author, credit, meta line, date stamp
    HintCaption = 1u << 9,     // captions and photo credits
    HintPopup = 1u << 10,      // modals, overlays
    HintHidden = 1u << 11,     // visually hidden or screen-reader-only
    HintHeaderWord = 1u << 12, // "header"/"title": harmless on a heading, boilerplate elsewhere
    HintArticleBody = 1u << 13 // itemprop=articleBody or similar explicit markers
};

constexpr quint32 kNegativeHints = HintComment | HintRelated | HintNavigation | HintShare | HintAd | HintConsent
    | HintSubscribe | HintByline | HintCaption | HintPopup | HintHidden | HintHeaderWord;
// Hints that remove an element even when its class also sounds like content.
constexpr quint32 kStrongNegativeHints = HintComment | HintRelated | HintShare | HintAd | HintConsent
    | HintSubscribe | HintPopup | HintHidden;
// Hints that make a date untrustworthy as the article's publication date.
constexpr quint32 kDateJunkHints = HintComment | HintRelated | HintNavigation | HintAd | HintPopup;

struct TokenHint
{
    std::string_view token;
    quint32 hint;
};

// Sorted by token for binary search.
constexpr TokenHint kTokenHints[] = {
    {"account", HintNavigation},
    {"ad", HintAd},
    {"adbox", HintAd},
    {"ads", HintAd},
    {"adsense", HintAd},
    {"adslot", HintAd},
    {"adunit", HintAd},
    {"adv", HintAd},
    {"advert", HintAd},
    {"advertisement", HintAd},
    {"advertising", HintAd},
    {"adverts", HintAd},
    {"adwrap", HintAd},
    {"adwrapper", HintAd},
    {"alert", HintPopup},
    {"article", HintPositive},
    {"articlebody", HintPositive},
    {"aside", HintNavigation},
    {"author", HintByline},
    {"authors", HintByline},
    {"banner", HintAd},
    {"blog", HintPositive},
    {"body", HintPositive},
    {"bookmark", HintShare},
    {"breadcrumb", HintNavigation},
    {"breadcrumbs", HintNavigation},
    {"byline", HintByline},
    {"bylines", HintByline},
    {"caption", HintCaption},
    {"captions", HintCaption},
    {"comment", HintComment},
    {"commentlist", HintComment},
    {"comments", HintComment},
    {"consent", HintConsent},
    {"content", HintPositive},
    {"contents", HintPositive},
    {"contributor", HintByline},
    {"cookie", HintConsent},
    {"cookiebar", HintConsent},
    {"cookies", HintConsent},
    {"copyright", HintNavigation},
    {"credit", HintCaption},
    {"credits", HintCaption},
    {"crumbs", HintNavigation},
    {"dateline", HintByline},
    {"dfp", HintAd},
    {"disclaimer", HintNavigation},
    {"discussion", HintComment},
    {"disqus", HintComment},
    {"entry", HintPositive},
    {"figcaption", HintCaption},
    {"follow", HintShare},
    {"footer", HintNavigation},
    {"gdpr", HintConsent},
    {"header", HintHeaderWord},
    {"hentry", HintPositive},
    {"lightbox", HintPopup},
    {"livefyre", HintComment},
    {"login", HintNavigation},
    {"main", HintPositive},
    {"masthead", HintNavigation},
    {"menu", HintNavigation},
    {"menus", HintNavigation},
    {"meta", HintByline},
    {"modal", HintPopup},
    {"mostpopular", HintRelated},
    {"mostread", HintRelated},
    {"nav", HintNavigation},
    {"navbar", HintNavigation},
    {"navigation", HintNavigation},
    {"newsletter", HintSubscribe},
    {"newsletters", HintSubscribe},
    {"outbrain", HintRelated},
    {"overlay", HintPopup},
    {"pager", HintNavigation},
    {"pagination", HintNavigation},
    {"paging", HintNavigation},
    {"popover", HintPopup},
    {"popular", HintRelated},
    {"popup", HintPopup},
    {"print", HintShare},
    {"promo", HintRelated},
    {"promos", HintRelated},
    {"promoted", HintRelated},
    {"promotion", HintRelated},
    {"prose", HintPositive},
    {"pullquote", HintCaption},
    {"rail", HintNavigation},
    {"recommend", HintRelated},
    {"recommendation", HintRelated},
    {"recommendations", HintRelated},
    {"recommended", HintRelated},
    {"related", HintRelated},
    {"replies", HintComment},
    {"respond", HintComment},
    {"richtext", HintPositive},
    {"share", HintShare},
    {"sharebar", HintShare},
    {"shares", HintShare},
    {"sharing", HintShare},
    {"sidebar", HintNavigation},
    {"sidebars", HintNavigation},
    {"signin", HintNavigation},
    {"signup", HintSubscribe},
    {"sitemap", HintNavigation},
    {"skiplink", HintNavigation},
    {"social", HintShare},
    {"sponsor", HintAd},
    {"sponsored", HintAd},
    {"sponsors", HintAd},
    {"story", HintPositive},
    {"subscribe", HintSubscribe},
    {"subscription", HintSubscribe},
    {"suggested", HintRelated},
    {"taboola", HintRelated},
    {"tagcloud", HintNavigation},
    {"tags", HintNavigation},
    {"teaser", HintRelated},
    {"teasers", HintRelated},
    {"text", HintPositive},
    {"timestamp", HintByline},
    {"toolbar", HintNavigation},
    {"tools", HintShare},
    {"tooltip", HintPopup},
    {"trending", HintRelated},
    {"widget", HintNavigation},
    {"widgets", HintNavigation},
};

static_assert(std::is_sorted(std::begin(kTokenHints), std::end(kTokenHints),
                             [](const TokenHint &a, const TokenHint &b) { return a.token < b.token; }),
              "kTokenHints must stay sorted for binary search");

// Two-word class names ("more-stories", "sr-only", "read-next") whose words are harmless alone.
struct PairHint
{
    std::string_view first;
    std::string_view second;
    quint32 hint;
};

constexpr PairHint kPairHints[] = {
    {"more", "stories", HintRelated}, {"more", "news", HintRelated},      {"more", "articles", HintRelated},
    {"more", "from", HintRelated},    {"more", "posts", HintRelated},     {"more", "videos", HintRelated},
    {"more", "like", HintRelated},    {"read", "next", HintRelated},      {"up", "next", HintRelated},
    {"see", "also", HintRelated},     {"also", "read", HintRelated},      {"most", "read", HintRelated},
    {"most", "popular", HintRelated}, {"most", "viewed", HintRelated},    {"top", "stories", HintRelated},
    {"skip", "link", HintNavigation}, {"site", "header", HintNavigation},
    {"site", "footer", HintNavigation},   {"photo", "credit", HintCaption}, {"image", "credit", HintCaption},
    {"post", "meta", HintByline},         {"entry", "meta", HintByline},    {"article", "meta", HintByline},
    {"author", "bio", HintByline},        {"email", "signup", HintSubscribe}, {"sign", "up", HintSubscribe},
    {"pull", "quote", HintCaption},       {"inline", "ad", HintAd},
};

quint32 tokenHint(std::string_view token)
{
    const auto *first = std::begin(kTokenHints);
    const auto *last = std::end(kTokenHints);
    const auto *it = std::lower_bound(first, last, token,
                                      [](const TokenHint &h, std::string_view t) { return h.token < t; });
    if (it != last && it->token == token) {
        return it->hint;
    }
    // Compound names the splitter cannot cut ("storycontent", "relatedposts", "sharetools").
    if (token.size() > 7 && (token.starts_with("article") || token.ends_with("content") || token.ends_with("body"))) {
        return HintPositive;
    }
    struct Prefix
    {
        std::string_view prefix;
        quint32 hint;
    };
    static constexpr Prefix prefixes[] = {
        {"related", HintRelated},   {"recommend", HintRelated}, {"promo", HintRelated},     {"share", HintShare},
        {"social", HintShare},      {"newsletter", HintSubscribe}, {"subscri", HintSubscribe},
        {"sidebar", HintNavigation},
        {"footer", HintNavigation}, {"breadcrumb", HintNavigation}, {"advert", HintAd},      {"sponsor", HintAd},
        {"cookie", HintConsent},    {"disqus", HintComment}};
    for (const Prefix &p : prefixes) {
        if (token.size() > p.prefix.size() && token.starts_with(p.prefix)) {
            return p.hint;
        }
    }
    if (token.size() > 7 && token.starts_with("comment") && !token.starts_with("commentar")) {
        return HintComment;
    }
    return 0;
}

// Class names that describe the page's taxonomy rather than the element's role: WordPress and
// friends add "tag-social-media" or "category-comments" to the article itself.
bool isTaxonomyClass(std::string_view cls)
{
    static constexpr std::string_view prefixes[] = {"tag-", "tag_", "category-", "category_", "postid-",
                                                    "post-id-", "format-", "status-", "type-", "author-",
                                                    "has-", "no-", "with-", "without-", "topic-", "section-name-",
                                                    "single-", "page-id-", "template-", "lang-"};
    for (std::string_view p : prefixes) {
        if (cls.size() > p.size() && cls.substr(0, p.size()) == p) {
            return true;
        }
    }
    return false;
}

// Whole class names that hide an element from sighted readers. Matched whole, because
// "hidden-xs" or "field-label-hidden" hide something else or only on some screens.
bool isHiddenClass(std::string_view cls)
{
    static constexpr std::string_view names[] = {
        "hidden", "hide", "invisible", "is-hidden", "u-hidden", "sr-only", "visually-hidden", "visuallyhidden",
        "screen-reader-text", "screen-reader-only", "screenreader-only", "element-invisible", "offscreen",
        "a11y-hidden", "assistive-text", "vh", "u-visually-hidden", "show-for-sr", "sr-text"};
    for (std::string_view n : names) {
        if (cls.size() == n.size()) {
            bool same = true;
            for (size_t i = 0; i < n.size() && same; ++i) {
                same = asciiLower(cls[i]) == n[i];
            }
            if (same) {
                return true;
            }
        }
    }
    return false;
}

// Splits "relatedArticles main-nav_2" into lower-case words (related, articles, main, nav, 2).
void splitWords(std::string_view value, std::vector<std::string> &words)
{
    std::string current;
    auto flush = [&]() {
        if (!current.empty()) {
            words.push_back(current);
            current.clear();
        }
    };
    for (size_t i = 0; i < value.size(); ++i) {
        const char c = value[i];
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (!alnum) {
            flush();
            continue;
        }
        const bool upper = c >= 'A' && c <= 'Z';
        if (upper && !current.empty()) {
            const char prev = value[i - 1];
            const bool prevLower = prev >= 'a' && prev <= 'z';
            if (prevLower) {
                flush();
            }
        }
        current.push_back(asciiLower(c));
    }
    flush();
}

quint32 hintsForValue(std::string_view value, bool isClass)
{
    quint32 hints = 0;
    std::vector<std::string> words;
    size_t i = 0;
    while (i < value.size()) {
        while (i < value.size() && isAsciiSpace(value[i])) {
            ++i;
        }
        const size_t start = i;
        while (i < value.size() && !isAsciiSpace(value[i])) {
            ++i;
        }
        if (i == start) {
            break;
        }
        const std::string_view cls = value.substr(start, i - start);
        if (isClass && isTaxonomyClass(cls)) {
            continue;
        }
        if (isClass && isHiddenClass(cls)) {
            hints |= HintHidden;
            continue;
        }
        words.clear();
        splitWords(cls, words);
        quint32 own = 0;
        for (size_t w = 0; w < words.size(); ++w) {
            own |= tokenHint(words[w]);
            for (const PairHint &pair : kPairHints) {
                if (words[w] == pair.first) {
                    if (w + 1 < words.size() && words[w + 1] == pair.second) {
                        own |= pair.hint;
                    }
                }
            }
        }
        // Within one name the negative word names the part: "article-header", "entry-author-bio",
        // "ArticlePage-authorName" are furniture of the article, not the article.
        if (own & kNegativeHints) {
            own &= ~quint32(HintPositive);
        }
        hints |= own;
    }
    return hints;
}

const char *attribute(const GumboElement &e, const char *name)
{
    const GumboAttribute *a = gumbo_get_attribute(&e.attributes, name);
    return a ? a->value : nullptr;
}

std::string lowerAscii(const char *s)
{
    std::string out;
    if (!s) {
        return out;
    }
    for (; *s; ++s) {
        out.push_back(asciiLower(*s));
    }
    return out;
}

bool isHiddenByStyle(const char *style)
{
    if (!style) {
        return false;
    }
    std::string compact;
    for (const char *s = style; *s; ++s) {
        if (!isAsciiSpace(*s)) {
            compact.push_back(asciiLower(*s));
        }
    }
    return compact.find("display:none") != std::string::npos || compact.find("visibility:hidden") != std::string::npos;
}

quint32 elementHints(const GumboElement &e)
{
    quint32 hints = 0;
    if (const char *cls = attribute(e, "class")) {
        hints |= hintsForValue(cls, true);
    }
    if (const char *id = attribute(e, "id")) {
        hints |= hintsForValue(id, false);
    }
    if (const char *role = attribute(e, "role")) {
        const std::string r = lowerAscii(role);
        if (r == "navigation" || r == "banner" || r == "contentinfo" || r == "complementary" || r == "search"
            || r == "menu" || r == "menubar") {
            hints |= HintNavigation;
        } else if (r == "dialog" || r == "alertdialog") {
            hints |= HintPopup;
        } else if (r == "main" || r == "article") {
            hints |= HintPositive;
        }
    }
    if (const char *itemprop = attribute(e, "itemprop")) {
        const std::string ip = lowerAscii(itemprop);
        if (ip.find("articlebody") != std::string::npos || ip == "text" || ip == "reviewbody") {
            hints |= HintPositive | HintArticleBody;
        } else if (ip == "author" || ip == "datepublished" || ip == "datemodified") {
            hints |= HintByline;
        }
    }
    if (gumbo_get_attribute(&e.attributes, "hidden") || isHiddenByStyle(attribute(e, "style"))) {
        hints |= HintHidden;
    }
    return hints;
}

// ---------------------------------------------------------------------------------------------
// The flattened tree

enum NodeFlag : quint32 {
    InLink = 1u << 0,
    InList = 1u << 1,
    InBlockquote = 1u << 2,
    InPre = 1u << 3,
    InTable = 1u << 4,
    InHeading = 1u << 5,
    InArticleElement = 1u << 6,
    InDateJunk = 1u << 7,
    InFigure = 1u << 8,
    InArticleTag = 1u << 9,
};

struct Node
{
    const GumboNode *g = nullptr;
    GumboTag tag = GUMBO_TAG_UNKNOWN;
    int parent = -1;
    int end = 0;        // one past the last node of the subtree (pre-order)
    int blockOwner = -1; // nearest block-level element (itself when block-level)
    int list = -1;       // nearest ul/ol/dl ancestor
    quint32 flags = 0;   // inherited context (NodeFlag)
    quint32 hints = 0;   // own class/id hints (Hint)
    bool isText = false;
    bool isBlock = false;
    bool removed = false;
    bool teaser = false; // inside a headline-plus-summary card
};

bool isBlockTag(GumboTag t)
{
    switch (t) {
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIR:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_LISTING:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_P:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_PLAINTEXT:
        return true;
    default:
        return false;
    }
}

// Elements that never hold article prose.
bool isNeverContent(GumboTag t)
{
    switch (t) {
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_APPLET:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_FRAMESET:
    case GUMBO_TAG_FRAME:
    case GUMBO_TAG_NOFRAMES:
    case GUMBO_TAG_DATALIST:
    case GUMBO_TAG_OPTION:
    case GUMBO_TAG_LABEL:
    case GUMBO_TAG_MAP:
    case GUMBO_TAG_KEYGEN:
    case GUMBO_TAG_PROGRESS:
    case GUMBO_TAG_METER:
    case GUMBO_TAG_OUTPUT:
    case GUMBO_TAG_LEGEND:
        return true;
    default:
        return false;
    }
}

bool isHeadingTag(GumboTag t)
{
    return t == GUMBO_TAG_H1 || t == GUMBO_TAG_H2 || t == GUMBO_TAG_H3 || t == GUMBO_TAG_H4 || t == GUMBO_TAG_H5
        || t == GUMBO_TAG_H6;
}

struct Tree
{
    std::vector<Node> nodes;
    bool truncated = false;
};

Tree buildTree(const GumboNode *root)
{
    Tree tree;
    tree.nodes.reserve(4096);
    struct Pending
    {
        const GumboNode *node;
        int parent;
    };
    std::vector<Pending> stack;
    stack.push_back({root, -1});
    while (!stack.empty()) {
        const Pending cur = stack.back();
        stack.pop_back();
        const GumboNode *g = cur.node;
        if (g->type == GUMBO_NODE_COMMENT || g->type == GUMBO_NODE_DOCUMENT) {
            continue;
        }
        if (int(tree.nodes.size()) >= kMaxNodes) {
            tree.truncated = true;
            break;
        }
        const int index = int(tree.nodes.size());
        Node n;
        n.g = g;
        n.parent = cur.parent;
        n.end = index + 1;
        const Node *parent = cur.parent >= 0 ? &tree.nodes[size_t(cur.parent)] : nullptr;
        quint32 inherited = parent ? parent->flags : 0;
        if (g->type == GUMBO_NODE_ELEMENT || g->type == GUMBO_NODE_TEMPLATE) {
            const GumboElement &e = g->v.element;
            n.tag = e.tag;
            n.isBlock = isBlockTag(e.tag);
            // <html> and <body> classes describe the page ("nav-open", "has-sidebar"), not a part of it.
            n.hints = (e.tag == GUMBO_TAG_HTML || e.tag == GUMBO_TAG_BODY) ? 0 : elementHints(e);
            n.list = parent ? parent->list : -1;
            switch (e.tag) {
            case GUMBO_TAG_A:
                inherited |= InLink;
                break;
            case GUMBO_TAG_LI:
            case GUMBO_TAG_DD:
            case GUMBO_TAG_DT:
                inherited |= InList;
                break;
            case GUMBO_TAG_UL:
            case GUMBO_TAG_OL:
            case GUMBO_TAG_DL:
                n.list = index;
                break;
            case GUMBO_TAG_BLOCKQUOTE:
                inherited |= InBlockquote;
                break;
            case GUMBO_TAG_PRE:
            case GUMBO_TAG_LISTING:
            case GUMBO_TAG_PLAINTEXT:
                inherited |= InPre;
                break;
            case GUMBO_TAG_TABLE:
                inherited |= InTable;
                break;
            case GUMBO_TAG_ARTICLE:
                inherited |= InArticleElement | InArticleTag;
                break;
            case GUMBO_TAG_MAIN:
                inherited |= InArticleElement;
                break;
            case GUMBO_TAG_FIGURE:
                inherited |= InFigure;
                break;
            case GUMBO_TAG_FOOTER:
            case GUMBO_TAG_ASIDE:
            case GUMBO_TAG_NAV:
                inherited |= InDateJunk;
                break;
            default:
                break;
            }
            if (isHeadingTag(e.tag)) {
                inherited |= InHeading;
            }
            if (n.hints & HintArticleBody) {
                inherited |= InArticleElement;
            }
            if (n.hints & kDateJunkHints) {
                inherited |= InDateJunk;
            }
            n.flags = inherited;
            n.blockOwner = n.isBlock ? index : (parent ? parent->blockOwner : index);
            tree.nodes.push_back(n);
            const GumboVector &children = e.children;
            for (unsigned i = children.length; i > 0; --i) {
                stack.push_back({static_cast<const GumboNode *>(children.data[i - 1]), index});
            }
        } else {
            // Text, whitespace and CDATA.
            n.isText = true;
            n.flags = inherited;
            n.list = parent ? parent->list : -1;
            n.blockOwner = parent ? parent->blockOwner : index;
            tree.nodes.push_back(n);
        }
    }
    std::vector<Node> &nodes = tree.nodes;
    for (int i = int(nodes.size()) - 1; i > 0; --i) {
        Node &parent = nodes[size_t(nodes[size_t(i)].parent)];
        parent.end = std::max(parent.end, nodes[size_t(i)].end);
    }
    return tree;
}

// ---------------------------------------------------------------------------------------------
// Text blocks: maximal runs of inline text under one block-level element.

struct Block
{
    int owner = -1;
    int first = -1; // first text node
    int last = -1;  // last text node
    QString text;   // normalised; lines from <br> joined with '\n'
    int chars = 0;  // non-space characters
    int linkChars = 0;
    int sentenceEnds = 0;
    int commas = 0;
    int words = 0;
    quint32 flags = 0;
    GumboTag ownerTag = GUMBO_TAG_UNKNOWN;
    double value = 0.0;
    bool teaser = false;     // part of a headline-plus-summary card linking elsewhere
    bool afterImage = false; // an <img> precedes the text inside the same block element
    QString imageAlt;        // that image's alt text

    double linkDensity() const { return chars > 0 ? double(linkChars) / chars : 0.0; }
};

bool isZeroWidth(char16_t c)
{
    return c == 0x200B || c == 0x200C || c == 0x200D || c == 0xFEFF || c == 0x00AD || c == 0x2060;
}

struct TextStats
{
    int chars = 0;
    int sentenceEnds = 0;
    int commas = 0;
};

TextStats statsOf(const QString &s)
{
    TextStats st;
    const qsizetype n = s.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = s.at(i);
        if (c.isSpace()) {
            continue;
        }
        ++st.chars;
        const char16_t u = c.unicode();
        if (u == '.' || u == '!' || u == '?' || u == 0x3002 || u == 0xFF01 || u == 0xFF1F || u == 0x061F) {
            const bool atEnd = i + 1 >= n || s.at(i + 1).isSpace() || s.at(i + 1) == u'"' || s.at(i + 1) == u'\u201D'
                || s.at(i + 1) == u')' || u >= 0x3000;
            if (atEnd) {
                ++st.sentenceEnds;
            }
        } else if (u == ',' || u == 0xFF0C || u == 0x3001 || u == 0x060C) {
            ++st.commas;
        }
    }
    return st;
}

QString normaliseLine(const QString &raw)
{
    QString s;
    s.reserve(raw.size());
    for (QChar c : raw) {
        if (!isZeroWidth(c.unicode())) {
            s.append(c);
        }
    }
    return s.simplified();
}

QString textOf(const char *s)
{
    return s ? QString::fromUtf8(s).simplified() : QString();
}

// Letters and digits only, lower-cased: for comparing names and captions loosely.
QString squashText(const QString &s)
{
    QString out;
    out.reserve(s.size());
    for (const QChar c : s) {
        if (c.isLetterOrNumber()) {
            out.append(c.toLower());
        }
    }
    return out;
}

class BlockBuilder
{
public:
    explicit BlockBuilder(const std::vector<Node> &nodes)
        : m_nodes(nodes)
    {
    }

    std::vector<Block> build()
    {
        const int n = int(m_nodes.size());
        int i = 0;
        while (i < n) {
            const Node &node = m_nodes[size_t(i)];
            if (node.removed) {
                i = node.end;
                continue;
            }
            if (node.isText) {
                appendText(i);
            } else if (node.tag == GUMBO_TAG_BR) {
                lineBreak(i);
            } else if (node.tag == GUMBO_TAG_IMG) {
                m_lastBoundary = i;
                m_lastImage = i;
            } else if (node.isBlock) {
                m_lastBoundary = i;
            }
            ++i;
        }
        finish();
        return std::move(m_blocks);
    }

private:
    void appendText(int index)
    {
        const Node &node = m_nodes[size_t(index)];
        const GumboText &t = node.g->v.text;
        const bool whitespace = node.g->type == GUMBO_NODE_WHITESPACE;
        const bool sameBlock = m_open && m_current.owner == node.blockOwner && m_lastBoundary < m_current.last;
        if (!sameBlock) {
            if (whitespace) {
                return;
            }
            finish();
            m_open = true;
            m_current = Block();
            m_current.owner = node.blockOwner;
            m_current.first = index;
            m_current.flags = m_nodes[size_t(node.blockOwner)].flags;
            m_current.ownerTag = m_nodes[size_t(node.blockOwner)].tag;
            if (m_lastImage > node.blockOwner) {
                m_current.afterImage = true;
                m_current.imageAlt = normaliseLine(textOf(attribute(m_nodes[size_t(m_lastImage)].g->v.element, "alt")));
            }
            m_lines.clear();
            m_line.clear();
            m_linkChars = 0;
            m_pendingBreaks = 0;
        }
        m_current.last = index;
        const QString piece = QString::fromUtf8(t.text);
        if (!whitespace && m_pendingBreaks > 0) {
            m_lines.append(m_line);
            if (m_pendingBreaks > 1) {
                m_lines.append(QString());
            }
            m_line.clear();
            m_pendingBreaks = 0;
        }
        m_line.append(piece);
        if (node.flags & InLink) {
            for (QChar c : piece) {
                if (!c.isSpace()) {
                    ++m_linkChars;
                }
            }
        }
    }

    void lineBreak(int index)
    {
        const Node &node = m_nodes[size_t(index)];
        if (m_open && m_current.owner == node.blockOwner && m_lastBoundary < m_current.last) {
            ++m_pendingBreaks;
        }
    }

    void finish()
    {
        if (!m_open) {
            return;
        }
        m_open = false;
        m_lines.append(m_line);
        QString text;
        bool blankPending = false;
        for (const QString &raw : std::as_const(m_lines)) {
            const QString line = normaliseLine(raw);
            if (line.isEmpty()) {
                blankPending = !text.isEmpty();
                continue;
            }
            if (!text.isEmpty()) {
                text += blankPending ? u"\n\n"_s : u"\n"_s;
            }
            blankPending = false;
            text += line;
        }
        if (text.isEmpty()) {
            return;
        }
        const TextStats st = statsOf(text);
        m_current.text = text;
        m_current.chars = st.chars;
        m_current.sentenceEnds = st.sentenceEnds;
        m_current.commas = st.commas;
        m_current.words = int(text.count(u' ') + text.count(u'\n') + 1);
        m_current.linkChars = std::min(m_linkChars, st.chars);
        m_blocks.push_back(std::move(m_current));
    }

    const std::vector<Node> &m_nodes;
    std::vector<Block> m_blocks;
    Block m_current;
    QStringList m_lines;
    QString m_line;
    int m_linkChars = 0;
    int m_pendingBreaks = 0;
    int m_lastBoundary = -1;
    int m_lastImage = -1;
    bool m_open = false;
};

// For each node index i, the number of blocks whose first text node is before i.
std::vector<int> blockStarts(const std::vector<Block> &blocks, size_t nodeCount)
{
    std::vector<int> starts(nodeCount + 1, 0);
    size_t b = 0;
    for (size_t i = 0; i <= nodeCount; ++i) {
        while (b < blocks.size() && size_t(blocks[b].first) < i) {
            ++b;
        }
        starts[i] = int(b);
    }
    return starts;
}

// How much a block looks like article prose (positive) or boilerplate (negative), in
// characters: the container that maximises the sum of its blocks' values is the article.
double blockValue(const Block &b)
{
    const double ld = b.linkDensity();
    const double chars = b.chars;
    if (b.flags & InHeading) {
        return 0.0;
    }
    const bool paragraph = b.ownerTag == GUMBO_TAG_P;
    const bool prose = b.chars >= 120 || (b.sentenceEnds >= 1 && b.chars >= 50) || (paragraph && b.chars >= 30);
    if (prose) {
        // Links inside prose are normal; prose that is mostly link text is a teaser list.
        double v = chars * (1.0 - 2.0 * ld);
        if (paragraph) {
            v *= 1.25;
        }
        if (ld < 0.3) {
            v += 10.0 * std::min(b.commas, 10);
        }
        return v;
    }
    if (ld > 0.5) {
        return -chars;
    }
    if (b.chars < 40 && b.sentenceEnds == 0) {
        if (b.flags & (InTable | InList)) {
            return 0.0; // data cells and bullet points: neither prose nor boilerplate
        }
        return -0.3 * chars - 3.0;
    }
    return -0.2 * chars;
}

// Teaser cards: a linked headline followed by a short summary (and often an author and a date),
// repeated down "more stories" rails. The summary reads like prose, so without this it would
// pull the container outwards to the whole page.
void markTeasers(std::vector<Node> &nodes, std::vector<Block> &blocks)
{
    const std::vector<int> starts = blockStarts(blocks, nodes.size());
    for (size_t i = 0; i < nodes.size(); ++i) {
        Node &n = nodes[i];
        if (n.isText || n.removed || n.teaser) {
            continue;
        }
        const int from = starts[i];
        const int to = starts[size_t(n.end)];
        if (to - from < 2 || to - from > 8) {
            continue;
        }
        int firstHeadline = -1;
        int firstProse = -1;
        int proseChars = 0;
        for (int k = from; k < to; ++k) {
            const Block &b = blocks[size_t(k)];
            if (firstHeadline < 0 && b.linkDensity() >= 0.9 && b.words >= 3 && b.chars >= 15) {
                firstHeadline = k;
            }
            if (b.value > 0) {
                if (firstProse < 0) {
                    firstProse = k;
                }
                proseChars += b.chars;
            }
        }
        if (firstHeadline >= 0 && firstProse > firstHeadline && proseChars <= 400) {
            n.teaser = true;
        }
    }
    for (Node &n : nodes) {
        if (n.parent >= 0 && nodes[size_t(n.parent)].teaser) {
            n.teaser = true;
        }
    }
}

// Values every block, then marks teaser cards (which need the values) and devalues them.
// Cards found in an earlier pass stay marked on their nodes.
void scoreBlocks(std::vector<Node> &nodes, std::vector<Block> &blocks)
{
    for (Block &b : blocks) {
        b.value = blockValue(b);
    }
    markTeasers(nodes, blocks);
    for (Block &b : blocks) {
        b.teaser = nodes[size_t(b.first)].teaser;
        if (b.teaser) {
            b.value = -0.5 * b.chars;
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Dates

struct DatePatterns
{
    QRegularExpression isoDay{uR"(^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d))"_s};
    QRegularExpression compactDay{uR"(^\s*(\d{4})(\d{2})(\d{2})(?:T|\s|$))"_s};
    QRegularExpression isoMonth{uR"(^\s*(\d{4})-(\d{2})\s*$)"_s};
    QRegularExpression isoYear{uR"(^\s*(\d{4})\s*$)"_s};
    QRegularExpression epoch{uR"(^\s*(\d{10})(\d{3})?\s*$)"_s};
    QRegularExpression dayMonthYear{
        uR"((?<!\d)(\d{1,2})(?:st|nd|rd|th)?\.?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*)"
        uR"(\.?,?\s+(\d{4}))"_s,
        QRegularExpression::CaseInsensitiveOption};
    QRegularExpression monthDayYear{
        uR"((jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4}))"_s,
        QRegularExpression::CaseInsensitiveOption};
    QRegularExpression numericDmy{uR"((?<!\d)(\d{1,2})([./])(\d{1,2})[./](\d{4})(?!\d))"_s};
    QRegularExpression urlDay{uR"(/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|$|[-_.]))"_s};
    QRegularExpression urlMonth{uR"(/((?:19|20)\d{2})/(\d{1,2})/)"_s};
};

int monthFromName(const QString &name)
{
    static constexpr std::u16string_view months[] = {u"jan", u"feb", u"mar", u"apr", u"may", u"jun",
                                                      u"jul", u"aug", u"sep", u"oct", u"nov", u"dec"};
    const QString lower = name.left(3).toLower();
    for (int i = 0; i < 12; ++i) {
        if (QStringView(lower) == QStringView(months[i].data(), qsizetype(months[i].size()))) {
            return i + 1;
        }
    }
    return 0;
}

DatePoint dayIfValid(int y, int m, int d)
{
    if (y < 1900 || y > 2100) {
        return {};
    }
    return DatePoint::day(QDate(y, m, d));
}

DatePoint parseDateValue(const QString &value, const DatePatterns &pat)
{
    const QString v = value.trimmed();
    if (v.isEmpty() || v.size() > 200) {
        return {};
    }
    QRegularExpressionMatch m = pat.epoch.match(v);
    if (m.hasMatch()) {
        const qint64 secs = m.captured(1).toLongLong();
        const QDate d = QDateTime::fromSecsSinceEpoch(secs, Qt::UTC).date();
        return dayIfValid(d.year(), d.month(), d.day());
    }
    m = pat.isoDay.match(v);
    if (m.hasMatch()) {
        return dayIfValid(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    }
    m = pat.compactDay.match(v);
    if (m.hasMatch()) {
        return dayIfValid(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    }
    m = pat.isoMonth.match(v);
    if (m.hasMatch()) {
        const int y = m.captured(1).toInt();
        if (y >= 1900 && y <= 2100) {
            return DatePoint::month(y, m.captured(2).toInt());
        }
        return {};
    }
    m = pat.isoYear.match(v);
    if (m.hasMatch()) {
        const int y = m.captured(1).toInt();
        if (y >= 1900 && y <= 2100) {
            return DatePoint::year(y);
        }
        return {};
    }
    m = pat.dayMonthYear.match(v);
    if (m.hasMatch()) {
        return dayIfValid(m.captured(3).toInt(), monthFromName(m.captured(2)), m.captured(1).toInt());
    }
    m = pat.monthDayYear.match(v);
    if (m.hasMatch()) {
        return dayIfValid(m.captured(3).toInt(), monthFromName(m.captured(1)), m.captured(2).toInt());
    }
    m = pat.numericDmy.match(v);
    if (m.hasMatch()) {
        const int a = m.captured(1).toInt();
        const int b = m.captured(3).toInt();
        const int y = m.captured(4).toInt();
        // Dots are the European day.month order; slashes are read month/day unless that is impossible.
        if (m.captured(2) == u"."_s || a > 12) {
            return dayIfValid(y, b, a);
        }
        return dayIfValid(y, a, b);
    }
    return {};
}

DatePoint dateFromUrl(const QString &url, const DatePatterns &pat)
{
    if (url.isEmpty()) {
        return {};
    }
    const QString path = QUrl(url).path();
    QRegularExpressionMatch m = pat.urlDay.match(path);
    if (m.hasMatch()) {
        const DatePoint d = dayIfValid(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
        if (d.isValid()) {
            return d;
        }
    }
    m = pat.urlMonth.match(path);
    if (m.hasMatch()) {
        const int y = m.captured(1).toInt();
        const int mo = m.captured(2).toInt();
        if (mo >= 1 && mo <= 12) {
            return DatePoint::month(y, mo);
        }
    }
    return {};
}

// ---------------------------------------------------------------------------------------------
// Metadata from <head>, microdata and JSON-LD

struct Metadata
{
    QString ogTitle;
    QString titleTag;
    QString ogSiteName;
    QString ogUrl;
    QString canonical;
    QString baseHref;
    QString savedFromUrl;
    QString lang;
    QString contentLanguage;
    QString publishedTime;              // article:published_time and its aliases
    std::vector<QString> metaDates;     // the named meta dates, in priority order
    QString itempropDate;               // microdata datePublished outside boilerplate
    QString ldHeadline;
    QString ldDate;
    QString ldPublisher;
    QString ldUrl;
    QString ldBody;
    QString ldSiteName;
};

// Meta names that carry the publication date, best first.
constexpr std::string_view kDateMetaNames[] = {
    "article:published_time", "og:published_time", "article:published", "datepublished",
    "date", "pubdate", "publishdate", "publish-date", "publish_date", "published_date", "publication_date",
    "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "dcterms.created", "dc.date.created",
    "sailthru.date", "parsely-pub-date", "article.published", "article_date_original", "original-publish-date",
    "cxenseparse:recs:publishtime", "bt:pubdate", "pdate", "displaydate", "date.release", "citation_publication_date",
    "citation_date", "prism.publicationdate"};

int dateMetaRank(const std::string &name)
{
    for (size_t i = 0; i < std::size(kDateMetaNames); ++i) {
        if (name == kDateMetaNames[i]) {
            return int(i);
        }
    }
    return -1;
}

// Site-specific meta names ("sn-post-date", "article-publish-date") that still say what they hold.
bool isLikelyPublicationKey(const std::string &key)
{
    const bool dated = key.find("publish") != std::string::npos || key.find("pubdate") != std::string::npos
        || key.find("pub_date") != std::string::npos || key.find("pub-date") != std::string::npos
        || key.find("post-date") != std::string::npos || key.find("post_date") != std::string::npos
        || key.find("postdate") != std::string::npos;
    const bool other = key.find("modif") != std::string::npos || key.find("updat") != std::string::npos
        || key.find("expir") != std::string::npos || key.find("revis") != std::string::npos
        || key.find("publisher") != std::string::npos;
    return dated && !other;
}

bool isArticleType(const QJsonValue &type)
{
    static constexpr std::u16string_view types[] = {
        u"article", u"newsarticle", u"blogposting", u"reportagenewsarticle", u"analysisnewsarticle",
        u"opinionnewsarticle", u"backgroundnewsarticle", u"reviewnewsarticle", u"techarticle",
        u"scholarlyarticle", u"report", u"liveblogposting", u"socialmediaposting", u"posting",
        u"review", u"askpublicnewsarticle", u"satiricalarticle", u"medicalscholarlyarticle"};
    auto matches = [&](const QString &t) {
        const QString lower = t.toLower();
        for (std::u16string_view name : types) {
            if (QStringView(lower) == QStringView(name.data(), qsizetype(name.size()))) {
                return true;
            }
        }
        return false;
    };
    if (type.isString()) {
        return matches(type.toString());
    }
    if (type.isArray()) {
        for (const QJsonValue &v : type.toArray()) {
            if (v.isString() && matches(v.toString())) {
                return true;
            }
        }
    }
    return false;
}

QString jsonName(const QJsonValue &v)
{
    if (v.isString()) {
        return v.toString().simplified();
    }
    if (v.isObject()) {
        return v.toObject().value(u"name"_s).toString().simplified();
    }
    if (v.isArray()) {
        for (const QJsonValue &item : v.toArray()) {
            const QString name = jsonName(item);
            if (!name.isEmpty()) {
                return name;
            }
        }
    }
    return {};
}

QString jsonUrl(const QJsonValue &v)
{
    if (v.isString()) {
        return v.toString().trimmed();
    }
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        const QString id = o.value(u"@id"_s).toString();
        return id.isEmpty() ? o.value(u"url"_s).toString().trimmed() : id.trimmed();
    }
    return {};
}

void readJsonLd(const QString &script, Metadata &meta)
{
    // Sites often leave raw newlines and tabs inside JSON strings; outside strings they are
    // whitespace anyway, so blanking them makes the strict parser accept such blocks.
    QString cleaned = script;
    for (QChar &c : cleaned) {
        if (c.unicode() < 0x20) {
            c = u' ';
        }
    }
    cleaned = cleaned.trimmed();
    if (cleaned.startsWith(u"<!--"_s)) {
        cleaned = cleaned.mid(4);
    }
    if (cleaned.endsWith(u"-->"_s)) {
        cleaned.chop(3);
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(cleaned.toUtf8(), &error);
    if (doc.isNull()) {
        return;
    }
    // Walk objects iteratively (a hostile document can nest deeply), with a budget.
    std::vector<QJsonValue> pending;
    pending.push_back(doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object()));
    int budget = 2000;
    bool haveArticle = !meta.ldHeadline.isEmpty() || !meta.ldDate.isEmpty();
    while (!pending.empty() && budget-- > 0) {
        const QJsonValue v = pending.back();
        pending.pop_back();
        if (v.isArray()) {
            const QJsonArray a = v.toArray();
            for (qsizetype i = a.size(); i > 0; --i) {
                pending.push_back(a.at(i - 1));
            }
            continue;
        }
        if (!v.isObject()) {
            continue;
        }
        const QJsonObject o = v.toObject();
        const QJsonValue type = o.value(u"@type"_s);
        if (isArticleType(type)) {
            if (!haveArticle) {
                haveArticle = true;
                meta.ldHeadline = o.value(u"headline"_s).toString().simplified();
                if (meta.ldHeadline.isEmpty()) {
                    meta.ldHeadline = o.value(u"name"_s).toString().simplified();
                }
                meta.ldDate = o.value(u"datePublished"_s).toString().trimmed();
                if (meta.ldDate.isEmpty()) {
                    meta.ldDate = o.value(u"dateCreated"_s).toString().trimmed();
                }
                meta.ldPublisher = jsonName(o.value(u"publisher"_s));
                meta.ldUrl = jsonUrl(o.value(u"url"_s));
                if (meta.ldUrl.isEmpty()) {
                    meta.ldUrl = jsonUrl(o.value(u"mainEntityOfPage"_s));
                }
                meta.ldBody = o.value(u"articleBody"_s).toString();
            }
        } else if (type.isString() && type.toString().compare(u"WebSite"_s, Qt::CaseInsensitive) == 0
                   && meta.ldSiteName.isEmpty()) {
            meta.ldSiteName = o.value(u"name"_s).toString().simplified();
        }
        for (const QString &key : {u"@graph"_s, u"mainEntity"_s}) {
            const QJsonValue child = o.value(key);
            if (child.isArray() || child.isObject()) {
                pending.push_back(child);
            }
        }
    }
}

QString collectText(const std::vector<Node> &nodes, int element)
{
    QString out;
    const int end = nodes[size_t(element)].end;
    for (int i = element + 1; i < end; ++i) {
        const Node &n = nodes[size_t(i)];
        if (n.isText) {
            out += QString::fromUtf8(n.g->v.text.text);
        } else if (isNeverContent(n.tag)) {
            i = n.end - 1;
        }
        if (out.size() > 20000) {
            break;
        }
    }
    return normaliseLine(out);
}

Metadata readMetadata(const GumboOutput *output, const std::vector<Node> &nodes)
{
    Metadata meta;
    std::vector<std::pair<int, QString>> rankedDates;
    // "Save page as" leaves <!-- saved from url=(0042)https://... --> before <html>.
    const GumboVector &docChildren = output->document->v.document.children;
    for (unsigned i = 0; i < docChildren.length; ++i) {
        const auto *child = static_cast<const GumboNode *>(docChildren.data[i]);
        if (child->type == GUMBO_NODE_COMMENT) {
            const QString c = QString::fromUtf8(child->v.text.text);
            const qsizetype at = c.indexOf(u"saved from url="_s);
            if (at >= 0) {
                const qsizetype http = c.indexOf(u"http"_s, at);
                if (http >= 0) {
                    meta.savedFromUrl = c.mid(http).section(u' ', 0, 0).trimmed();
                }
            }
        }
    }
    if (!nodes.empty() && nodes[0].tag == GUMBO_TAG_HTML) {
        meta.lang = textOf(attribute(nodes[0].g->v.element, "lang"));
        if (meta.lang.isEmpty()) {
            meta.lang = textOf(attribute(nodes[0].g->v.element, "xml:lang"));
        }
    }
    for (size_t i = 0; i < nodes.size(); ++i) {
        const Node &n = nodes[i];
        if (n.isText) {
            continue;
        }
        const GumboElement &e = n.g->v.element;
        switch (n.tag) {
        case GUMBO_TAG_META: {
            const char *content = attribute(e, "content");
            if (!content) {
                break;
            }
            std::string key = lowerAscii(attribute(e, "property"));
            if (key.empty()) {
                key = lowerAscii(attribute(e, "name"));
            }
            if (key.empty()) {
                key = lowerAscii(attribute(e, "itemprop"));
            }
            const std::string httpEquiv = lowerAscii(attribute(e, "http-equiv"));
            const QString value = textOf(content);
            if (key == "og:title" && meta.ogTitle.isEmpty()) {
                meta.ogTitle = value;
            } else if (key == "og:site_name" && meta.ogSiteName.isEmpty()) {
                meta.ogSiteName = value;
            } else if (key == "og:url" && meta.ogUrl.isEmpty()) {
                meta.ogUrl = value;
            } else if (httpEquiv == "content-language" && meta.contentLanguage.isEmpty()) {
                meta.contentLanguage = value;
            } else if (key == "og:locale" && meta.contentLanguage.isEmpty()) {
                meta.contentLanguage = value;
            }
            if (key == "article:published_time" || key == "og:published_time" || key == "article:published") {
                if (meta.publishedTime.isEmpty() && !(n.flags & InDateJunk)) {
                    meta.publishedTime = value;
                }
            } else if (key == "datepublished" && attribute(e, "itemprop")) {
                if (meta.itempropDate.isEmpty() && !(n.flags & InDateJunk)) {
                    meta.itempropDate = value;
                }
            } else if (!(n.flags & InDateJunk)) {
                int rank = dateMetaRank(key);
                if (rank < 0 && isLikelyPublicationKey(key)) {
                    rank = int(std::size(kDateMetaNames));
                }
                if (rank >= 0) {
                    rankedDates.emplace_back(rank, value);
                }
            }
            break;
        }
        case GUMBO_TAG_LINK: {
            const std::string rel = lowerAscii(attribute(e, "rel"));
            if (rel == "canonical" && meta.canonical.isEmpty()) {
                meta.canonical = textOf(attribute(e, "href"));
            }
            break;
        }
        case GUMBO_TAG_BASE:
            if (meta.baseHref.isEmpty()) {
                meta.baseHref = textOf(attribute(e, "href"));
            }
            break;
        case GUMBO_TAG_TITLE:
            if (meta.titleTag.isEmpty()) {
                meta.titleTag = collectText(nodes, int(i));
            }
            break;
        case GUMBO_TAG_SCRIPT: {
            const std::string type = lowerAscii(attribute(e, "type"));
            if (type == "application/ld+json" && e.children.length > 0) {
                const auto *child = static_cast<const GumboNode *>(e.children.data[0]);
                if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_CDATA
                    || child->type == GUMBO_NODE_WHITESPACE) {
                    readJsonLd(QString::fromUtf8(child->v.text.text), meta);
                }
            }
            break;
        }
        default: {
            if (meta.itempropDate.isEmpty() && !(n.flags & InDateJunk)) {
                const char *itemprop = attribute(e, "itemprop");
                if (itemprop && lowerAscii(itemprop) == "datepublished") {
                    const char *v = attribute(e, "datetime");
                    if (!v) {
                        v = attribute(e, "content");
                    }
                    meta.itempropDate = v ? textOf(v) : collectText(nodes, int(i));
                }
            }
            break;
        }
        }
    }
    std::stable_sort(rankedDates.begin(), rankedDates.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    for (auto &d : rankedDates) {
        meta.metaDates.push_back(d.second);
    }
    return meta;
}

// ---------------------------------------------------------------------------------------------
// Choosing and cleaning the main content

// A case-insensitive regular expression matching a whole line against any of \a alternatives.
QRegularExpression wholeLine(std::initializer_list<std::u16string_view> alternatives)
{
    QString pattern = u"^(?:"_s;
    bool first = true;
    for (std::u16string_view alt : alternatives) {
        if (!first) {
            pattern += u'|';
        }
        first = false;
        pattern += QStringView(alt.data(), qsizetype(alt.size()));
    }
    pattern += u")$"_s;
    return QRegularExpression(pattern, QRegularExpression::CaseInsensitiveOption);
}

struct BoilerplatePatterns
{
    // Whole short lines that are page furniture rather than article text.
    QRegularExpression furniture = wholeLine({
        uR"(advertisements?|adverts?|ads?|sponsored( content)?|this slideshow requires javascript\.?)",
        uR"(story continues below( advertisement)?|continue reading( below)?)",
        uR"((scroll|article) continues? .*|skip (to|ad).*)",
        uR"(share( this)?( (article|story|post|page))?( on.*)?:?|share via.*)",
        uR"(tweet( this)?|email( this)?|print( this)?( (article|page))?)",
        uR"(like this (story|article|post)\?.*)",
        uR"(comments?|\d+ comments?|(view|show|read) comments?|leave a (comment|reply)|post a comment)",
        uR"(follow us( on .*)?|like us on .*|sign up( for.*)?|subscribe( now| today)?( to .*)?|newsletter)",
        uR"(related( (articles?|stories|posts|content|coverage|news|reading|topics|links))?:?)",
        uR"(read more:?|read next:?|more:)",
        uR"(more (from|on|about|stories|news) .*|see also:?|also read:?)",
        uR"(you (may|might) also like:?|recommended( for you)?:?)",
        uR"(trending( now)?:?|most (read|popular|viewed):?|top stories)",
        uR"(highlights|topics?:?|tags?:?.*|filed under:?.*|posted in .*)",
        uR"(captions?|photo:.*|image:.*|photograph:.*|pictured:.*)",
        uR"(video:.*|(image|photo|picture) (credit|source|courtesy)s?:?.*)",
        uR"(getty images|shutterstock|ap photo.*|reuters/.*|afp/.*)",
        uR"(click here to .*|(\d+ )?min(ute)?s? read|(reading|read) time:?.*)",
        uR"(loading\.*|please enable javascript.*|text size)",
        uR"(we use cookies.*|this (site|website) uses cookies.*|accept( all)?( cookies)?|close|back to top)",
        uR"(next( article| story| post)?|previous( article| story| post)?|\d+ (of|/) \d+|\d+ - \d+ of \d+|arrow_\w+)",
    });
    // Lines that open an article but are not its text: bylines, datelines of the page, credits.
    QRegularExpression byline{
        uR"(^(?i:by|written by|words by|reporting by|posted by|story by|von|par|por|di|door|de)\s+\p{Lu}.{0,100}$)"_s};
    QRegularExpression dateLine = wholeLine({
        uR"(((published|updated|posted|last updated|first published|modified|created)( on| at)?:?\s*)?)"
        uR"(((mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?(\d{1,2}(st|nd|rd|th)?\s+)?)"
        uR"((jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2}(st|nd|rd|th)?,?\s+)?\d{4}.{0,40})",
        uR"(((published|updated|posted|last updated|modified)( on| at)?:?\s*)?\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}.{0,40})",
        uR"((published|updated|posted|last updated)\b.{0,60})",
    });
    QRegularExpression credit = wholeLine({
        uR"([(\[]?\s*(photo|image|picture|illustration|graphic|video|file photo|credit)s?\b.{0,120})",
        uR"(.{0,120}\b(getty images|shutterstock|associated press|ap photo|afp|reuters|epa|istock|via getty)\s*[)\]]?)",
        uR"(.{0,300}\((photo |image )?credits?:[^)]{0,80}\))",
    });
    // Lead-ins to links or calls to action that end an article.
    QRegularExpression trailer{
        uR"(^(read more|read next|related|more:|see also|also read|also see|recommended|you (may|might) also)"
        uR"(|more (from|on|about|stories|news)|follow (us|me|him|her|them)|share (this|on)|sign up|subscribe)"
        uR"(|join (us|our)|like us|get (our|the) .*newsletter|tags?:|topics?:|filed under|posted in|categor(y|ies):)"
        uR"(|comments?\b|leave a (comment|reply)|click here|related (articles?|stories|posts|content|coverage))"
        uR"(|previous (article|story|post)|next (article|story|post)|if you (enjoyed|liked) this)"
        uR"(|copyright|all rights reserved|©).{0,600}$)"_s,
        QRegularExpression::CaseInsensitiveOption};
    // Cookie and consent notices that slipped into the text.
    QRegularExpression cookieNotice{
        uR"(\bcookies?\b.*\b(website|site|browsing|browser|consent|accept|opt-out|settings)\b)"_s,
        QRegularExpression::CaseInsensitiveOption};
};

// A line under a picture that describes it: it repeats the image's alt text, or it is a short
// label in the picture's own wrapper.
bool isImageCaption(const Block &b)
{
    if (!b.afterImage || b.chars >= 200 || b.ownerTag == GUMBO_TAG_P || b.ownerTag == GUMBO_TAG_LI
        || (b.flags & InHeading)) {
        return false;
    }
    if (b.imageAlt.size() >= 12) {
        const QString alt = squashText(b.imageAlt);
        const QString text = squashText(b.text);
        if (!alt.isEmpty() && (text.startsWith(alt) || alt.startsWith(text))) {
            return true;
        }
    }
    return b.chars < 120 && b.sentenceEnds == 0;
}

// A short line of capitalised words without a full stop: a section label ("More Great Stories",
// "Topics") when it ends the text.
bool isLabelLine(const Block &b)
{
    if (b.chars >= 50 || b.sentenceEnds > 0) {
        return false;
    }
    const QStringList words = b.text.split(u' ', Qt::SkipEmptyParts);
    for (const QString &w : words) {
        if (w.size() >= 4 && w.at(0).isLetter() && !w.at(0).isUpper()) {
            return false;
        }
    }
    return true;
}

// Marks elements that never hold article text (scripts, forms controls, navigation, captions).
void markHardRemovals(std::vector<Node> &nodes)
{
    for (Node &n : nodes) {
        if (n.isText) {
            continue;
        }
        if (isNeverContent(n.tag)) {
            n.removed = true;
        }
    }
}

std::vector<double> prefixValues(const std::vector<Block> &blocks)
{
    std::vector<double> prefix(blocks.size() + 1, 0.0);
    for (size_t i = 0; i < blocks.size(); ++i) {
        prefix[i + 1] = prefix[i] + blocks[i].value;
    }
    return prefix;
}

// Removes elements that the class/id words or the tag call boilerplate (sidebars, comments, share
// bars, headers and footers), unless the element holds the bulk of the page's prose: some sites
// hang "sidebar" or "ad" classes on the wrapper of everything.
void markSoftRemovals(std::vector<Node> &nodes, const std::vector<Block> &blocks)
{
    std::vector<double> positive(blocks.size() + 1, 0.0);
    std::vector<int> proseCount(blocks.size() + 1, 0);
    for (size_t i = 0; i < blocks.size(); ++i) {
        positive[i + 1] = positive[i] + std::max(0.0, blocks[i].value);
        proseCount[i + 1] = proseCount[i] + (blocks[i].value > 0 ? 1 : 0);
    }
    const double total = positive.back();
    const std::vector<int> starts = blockStarts(blocks, nodes.size());
    // Elements holding the headline or an <article>/<main>: a cookie dialog full of prose has
    // neither, the page wrapper that some template calls "ad-margins" or "overlay" has both.
    std::vector<bool> anchored(nodes.size(), false);
    for (size_t i = nodes.size(); i > 0; --i) {
        const Node &n = nodes[i - 1];
        if (n.tag == GUMBO_TAG_H1 || n.tag == GUMBO_TAG_ARTICLE || n.tag == GUMBO_TAG_MAIN
            || (n.hints & HintArticleBody)) {
            anchored[i - 1] = true;
        }
        if (anchored[i - 1] && n.parent >= 0) {
            anchored[size_t(n.parent)] = true;
        }
    }
    for (size_t i = 0; i < nodes.size(); ++i) {
        Node &n = nodes[i];
        if (n.removed) {
            i = size_t(n.end) - 1;
            continue;
        }
        if (n.isText || n.tag == GUMBO_TAG_HTML || n.tag == GUMBO_TAG_BODY) {
            continue;
        }
        quint32 negative = n.hints & kNegativeHints & ~quint32(HintHeaderWord);
        if ((n.hints & HintHeaderWord) && !isHeadingTag(n.tag)) {
            negative |= HintNavigation;
        }
        // A positive word outweighs a weak negative one ("content-with-sidebar", "article-header"
        // keeps its place only if it carries the text), never a strong one ("comment-body").
        if ((n.hints & HintPositive) && !(negative & kStrongNegativeHints)) {
            negative = 0;
        }
        // An <article> inside another is a comment or a related post (HTML's own examples).
        const bool nestedArticle = n.tag == GUMBO_TAG_ARTICLE && n.parent >= 0
            && (nodes[size_t(n.parent)].flags & InArticleTag);
        const bool structural = n.tag == GUMBO_TAG_HEADER || n.tag == GUMBO_TAG_FOOTER || n.tag == GUMBO_TAG_ASIDE
            || n.tag == GUMBO_TAG_FORM || nestedArticle;
        if (!negative && !structural) {
            continue;
        }
        const size_t from = size_t(starts[i]);
        const size_t to = size_t(starts[size_t(n.end)]);
        const double inside = positive[to] - positive[from];
        // A wrapper of the whole article with an unlucky class keeps its place; a footer that
        // happens to outweigh a two-paragraph story does not.
        if (total > 0 && inside > 0.5 * total && (proseCount[to] - proseCount[from] >= 3 || inside > 0.8 * total)
            && (anchored[i] || (n.hints & HintPositive) || !(negative & kStrongNegativeHints))) {
            continue;
        }
        n.removed = true;
        i = size_t(n.end) - 1; // descendants go with it
    }
}

bool isCandidateTag(GumboTag t)
{
    switch (t) {
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_UNKNOWN:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_SPAN:
    case GUMBO_TAG_FONT:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_P:
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_LI:
        return true;
    default:
        return false;
    }
}

// Sums of block values over any subtree in constant time.
class SubtreeScores
{
public:
    SubtreeScores(const std::vector<Node> &nodes, const std::vector<Block> &blocks)
        : m_nodes(nodes)
        , m_prefix(prefixValues(blocks))
        , m_starts(blockStarts(blocks, nodes.size()))
    {
    }

    double sum(int node) const
    {
        return m_prefix[size_t(m_starts[size_t(m_nodes[size_t(node)].end)])] - m_prefix[size_t(m_starts[size_t(node)])];
    }

private:
    const std::vector<Node> &m_nodes;
    std::vector<double> m_prefix;
    std::vector<int> m_starts;
};

int chooseContainer(const std::vector<Node> &nodes, const SubtreeScores &scores)
{
    int best = -1;
    double bestScore = 0.0;
    for (size_t i = 0; i < nodes.size(); ++i) {
        const Node &n = nodes[i];
        if (n.isText || !isCandidateTag(n.tag)) {
            continue;
        }
        if (n.removed) {
            i = size_t(n.end) - 1;
            continue;
        }
        double score = scores.sum(int(i));
        if (n.hints & HintArticleBody) {
            score *= 1.1;
        }
        // Ties go to the deeper element: equal value means the extra wrapper adds nothing.
        const bool deeper = best >= 0 && int(i) < nodes[size_t(best)].end;
        if (score > bestScore || (deeper && score >= bestScore && score > 0)) {
            best = int(i);
            bestScore = score;
        }
    }
    return best;
}

// Node ranges [first, end) whose blocks make up the article.
using Regions = std::vector<std::pair<int, int>>;

// The container plus those of its siblings that are worth reading on their own: when an ad
// slot or a product box sits between two halves of a story, the parent scores lower than the
// better half, and the other half has to be brought back individually.
Regions contentRegions(const std::vector<Node> &nodes, const SubtreeScores &scores, int container)
{
    Regions regions;
    if (container < 0) {
        return regions;
    }
    const int parent = nodes[size_t(container)].parent;
    if (parent < 0) {
        regions.emplace_back(container, nodes[size_t(container)].end);
        return regions;
    }
    std::vector<int> siblings;
    size_t at = 0;
    for (int child = parent + 1; child < nodes[size_t(parent)].end; child = nodes[size_t(child)].end) {
        if (child == container) {
            at = siblings.size();
        }
        siblings.push_back(child);
    }
    const double own = scores.sum(container);
    const double threshold = std::max(60.0, 0.1 * own);
    // Walk away from the container on both sides; a sizeable run of boilerplate (a link list, a
    // teaser rail) ends the article on that side, small ad slots and empty spacers do not.
    std::vector<bool> take(siblings.size(), false);
    take[at] = true;
    for (int direction : {-1, 1}) {
        for (qsizetype k = qsizetype(at) + direction; k >= 0 && k < qsizetype(siblings.size()); k += direction) {
            const Node &n = nodes[size_t(siblings[size_t(k)])];
            if (n.removed || n.isText) {
                continue;
            }
            const double value = scores.sum(siblings[size_t(k)]);
            if (value <= -50.0) {
                break;
            }
            take[size_t(k)] = value >= threshold;
        }
    }
    for (size_t k = 0; k < siblings.size(); ++k) {
        if (take[k]) {
            regions.emplace_back(siblings[k], nodes[size_t(siblings[k])].end);
        }
    }
    return regions;
}

// Which blocks start inside the regions. Both lists are in document order, so one sweep does it.
std::vector<bool> blocksInRegions(const std::vector<Block> &blocks, const Regions &regions)
{
    std::vector<bool> inside(blocks.size(), false);
    size_t r = 0;
    for (size_t i = 0; i < blocks.size(); ++i) {
        const int first = blocks[i].first;
        while (r < regions.size() && regions[r].second <= first) {
            ++r;
        }
        inside[i] = r < regions.size() && first >= regions[r].first;
    }
    return inside;
}

bool startsWithWordChar(const QString &s)
{
    return !s.isEmpty() && s.at(0).isLetterOrNumber();
}

std::vector<size_t> selectBlocks(const std::vector<Node> &nodes, std::vector<Block> &blocks, const Regions &regions,
                                 const BoilerplatePatterns &pat)
{
    std::vector<size_t> chosen;
    if (regions.empty()) {
        return chosen;
    }
    const std::vector<bool> inside = blocksInRegions(blocks, regions);
    // List-level link density: a list of links is navigation even when each item is short.
    std::vector<std::pair<int, std::pair<int, int>>> listStats; // list node -> (chars, linkChars)
    auto statsFor = [&](int list) -> std::pair<int, int> & {
        for (auto &entry : listStats) {
            if (entry.first == list) {
                return entry.second;
            }
        }
        listStats.push_back({list, {0, 0}});
        return listStats.back().second;
    };
    for (size_t i = 0; i < blocks.size(); ++i) {
        const Block &b = blocks[i];
        if (!inside[i]) {
            continue;
        }
        const int list = nodes[size_t(b.first)].list;
        if (list >= 0 && (b.flags & InList) && listStats.size() < 256) {
            auto &st = statsFor(list);
            st.first += b.chars;
            st.second += b.linkChars;
        }
    }
    for (size_t i = 0; i < blocks.size(); ++i) {
        Block &b = blocks[i];
        if (!inside[i]) {
            continue;
        }
        const double ld = b.linkDensity();
        if (b.ownerTag == GUMBO_TAG_H1 || b.teaser) {
            continue;
        }
        if (b.flags & InHeading) {
            if (b.chars <= 200 && ld <= 0.5) {
                chosen.push_back(i);
            }
            continue;
        }
        const int list = nodes[size_t(b.first)].list;
        if (list >= 0 && (b.flags & InList)) {
            bool found = false;
            double listDensity = 0.0;
            for (const auto &entry : listStats) {
                if (entry.first == list) {
                    found = true;
                    listDensity = entry.second.first > 0 ? double(entry.second.second) / entry.second.first : 0.0;
                }
            }
            if (found && listDensity > 0.5) {
                continue;
            }
        }
        if (ld > 0.5 && !(b.sentenceEnds >= 2 && ld <= 0.7)) {
            continue;
        }
        if (b.chars < 80 && pat.furniture.match(b.text).hasMatch()) {
            continue;
        }
        if (b.chars < 400 && pat.cookieNotice.match(b.text).hasMatch()) {
            continue;
        }
        if (isImageCaption(b)) {
            continue;
        }
        if (b.flags & InFigure) {
            if (b.chars < 300 || pat.credit.match(b.text).hasMatch()) {
                continue;
            }
        }
        chosen.push_back(i);
    }
    // Leading bylines, dates and credits.
    size_t head = 0;
    while (head < chosen.size() && head < 6) {
        const Block &b = blocks[chosen[head]];
        const bool shortLine = b.chars < 160;
        const bool byline = b.chars < 100 && b.sentenceEnds <= (b.chars < 60 ? 1 : 0)
            && pat.byline.match(b.text).hasMatch();
        if (shortLine
            && (byline || pat.dateLine.match(b.text).hasMatch() || pat.credit.match(b.text).hasMatch()
                || (b.flags & InHeading))) {
            ++head;
            continue;
        }
        break;
    }
    chosen.erase(chosen.begin(), chosen.begin() + qsizetype(head));
    // Trailing calls to action, link lead-ins, orphan headings.
    while (!chosen.empty()) {
        const Block &b = blocks[chosen.back()];
        const bool shortLine = b.chars < 200;
        if ((b.flags & InHeading) || (shortLine && b.linkDensity() > 0.3)
            || (b.chars < 600 && pat.trailer.match(b.text).hasMatch())
            || (b.chars < 100 && b.sentenceEnds == 0 && pat.byline.match(b.text).hasMatch())
            || (shortLine && pat.credit.match(b.text).hasMatch()) || (chosen.size() > 1 && isLabelLine(b))
            || (b.chars < 3 && !startsWithWordChar(b.text))) {
            chosen.pop_back();
            continue;
        }
        break;
    }
    // Headings whose section was dropped say nothing on their own.
    std::vector<size_t> result;
    result.reserve(chosen.size());
    for (size_t k = 0; k < chosen.size(); ++k) {
        const Block &b = blocks[chosen[k]];
        if ((b.flags & InHeading) && k + 1 < chosen.size() && (blocks[chosen[k + 1]].flags & InHeading)) {
            const Block &next = blocks[chosen[k + 1]];
            if (nodes[size_t(next.owner)].tag == nodes[size_t(b.owner)].tag) {
                continue;
            }
        }
        result.push_back(chosen[k]);
    }
    return result;
}

// The article text of the page, and (in \a container) the element chosen as its main container.
QString mainText(std::vector<Node> &nodes, int &container)
{
    markHardRemovals(nodes);
    std::vector<Block> blocks = BlockBuilder(nodes).build();
    scoreBlocks(nodes, blocks);
    // Soft removal needs the first scores to see which elements hold the prose; afterwards the
    // blocks are rebuilt, because removing an inline element can join or split them.
    markSoftRemovals(nodes, blocks);
    blocks = BlockBuilder(nodes).build();
    scoreBlocks(nodes, blocks);
    const SubtreeScores scores(nodes, blocks);
    container = chooseContainer(nodes, scores);
    Regions regions = contentRegions(nodes, scores, container);
    const BoilerplatePatterns patterns;
    std::vector<size_t> kept = selectBlocks(nodes, blocks, regions, patterns);
    if (kept.empty() && !nodes.empty()) {
        // No block reads like prose (a one-line note, a table of figures): keep whatever is
        // not navigation rather than nothing.
        regions = {{0, nodes.front().end}};
        kept = selectBlocks(nodes, blocks, regions, patterns);
    }
    QStringList paragraphs;
    int lastRow = -1;
    for (size_t i : kept) {
        const Block &b = blocks[i];
        // Cells of one table row read as one line.
        const bool cell = b.ownerTag == GUMBO_TAG_TD || b.ownerTag == GUMBO_TAG_TH;
        const int row = cell ? nodes[size_t(b.owner)].parent : -1;
        if (cell && row == lastRow && !paragraphs.isEmpty()) {
            paragraphs.last() += u' ' + b.text;
        } else {
            paragraphs << b.text;
        }
        lastRow = row;
    }
    return paragraphs.join(u"\n\n"_s);
}

// ---------------------------------------------------------------------------------------------
// Title, source, url

QString hostOf(const QString &url)
{
    QString host = QUrl(url).host().toLower();
    if (host.startsWith(u"www."_s)) {
        host = host.mid(4);
    }
    return host;
}

// True when \a segment names the site (" | The Daily Planet", " - dailyplanet.com").
bool looksLikeSiteName(const QString &segment, const QString &site, const QString &host)
{
    const QString s = squashText(segment);
    if (s.isEmpty()) {
        return false;
    }
    const QString siteSquashed = squashText(site);
    if (!siteSquashed.isEmpty() && (s == siteSquashed || s.contains(siteSquashed) || siteSquashed.contains(s))) {
        return true;
    }
    const QString hostSquashed = squashText(host.section(u'.', 0, -2));
    if (!hostSquashed.isEmpty() && (s == hostSquashed || s.contains(hostSquashed) || hostSquashed.contains(s))) {
        return true;
    }
    if (segment.contains(u'.') && !segment.contains(u' ')) {
        return true; // "example.com"
    }
    // Short runs of capitalised words ("BBC News", "The Verge") are site names far more often
    // than they are the tail of a headline.
    const QStringList words = segment.split(u' ', Qt::SkipEmptyParts);
    if (words.size() > 4 || segment.size() > 40) {
        return false;
    }
    for (const QString &w : words) {
        if (!w.at(0).isUpper() && !w.at(0).isDigit()) {
            return false;
        }
    }
    return true;
}

QString stripSiteSuffix(const QString &title, const QString &site, const QString &host)
{
    static constexpr std::u16string_view separators[] = {u" | ", u" - ", u" — ", u" – ", u" :: ", u" · ", u" « ",
                                                          u" » ", u" // "};
    QString t = title;
    for (int round = 0; round < 2; ++round) {
        qsizetype bestPos = -1;
        qsizetype sepLen = 0;
        for (std::u16string_view sep : separators) {
            const QString s = QString::fromUtf16(sep.data(), qsizetype(sep.size()));
            const qsizetype pos = t.lastIndexOf(s);
            if (pos > bestPos) {
                bestPos = pos;
                sepLen = s.size();
            }
        }
        if (bestPos <= 0) {
            break;
        }
        const QString head = t.left(bestPos).trimmed();
        const QString tail = t.mid(bestPos + sepLen).trimmed();
        if (head.split(u' ', Qt::SkipEmptyParts).size() < 2 || !looksLikeSiteName(tail, site, host)) {
            break;
        }
        t = head;
    }
    // "Site | Headline"
    for (std::u16string_view sep : separators) {
        const QString s = QString::fromUtf16(sep.data(), qsizetype(sep.size()));
        const qsizetype pos = t.indexOf(s);
        if (pos > 0) {
            const QString headSeg = t.left(pos).trimmed();
            const QString rest = t.mid(pos + s.size()).trimmed();
            const QString siteSquashed = squashText(site);
            if (!siteSquashed.isEmpty() && squashText(headSeg) == siteSquashed
                && rest.split(u' ', Qt::SkipEmptyParts).size() >= 2) {
                t = rest;
            }
            break;
        }
    }
    return t;
}

QString resolveUrl(const QString &url, const QString &base)
{
    if (url.isEmpty()) {
        return url;
    }
    const QUrl u(url);
    if (!u.isRelative() || base.isEmpty()) {
        return u.isRelative() ? QString() : url;
    }
    const QUrl b(base);
    if (b.isRelative()) {
        return {};
    }
    return b.resolved(u).toString();
}

// The page's headline element: the first <h1> inside an <article>/<main>, else the first <h1>.
int headlineElement(const std::vector<Node> &nodes)
{
    int first = -1;
    for (size_t i = 0; i < nodes.size(); ++i) {
        const Node &n = nodes[i];
        if (n.isText || n.tag != GUMBO_TAG_H1) {
            continue;
        }
        if (n.flags & InArticleElement) {
            return int(i);
        }
        if (first < 0) {
            first = int(i);
        }
    }
    return first;
}

// A date from the <time> elements of the article: those between the headline and the end of
// the main text, or inside the <article> holding the text; never in comments, related lists,
// footers or sidebars.
DatePoint dateFromTimeElements(const std::vector<Node> &nodes, int container, int headline, const DatePatterns &pat)
{
    if (container < 0) {
        return {};
    }
    int from = container;
    int to = nodes[size_t(container)].end;
    for (int up = nodes[size_t(container)].parent, steps = 0; up >= 0 && steps < 6;
         up = nodes[size_t(up)].parent, ++steps) {
        if (nodes[size_t(up)].tag == GUMBO_TAG_ARTICLE) {
            from = up;
            to = nodes[size_t(up)].end;
            break;
        }
    }
    if (headline >= 0 && headline < from) {
        from = headline;
    }
    DatePoint fallback;
    for (int i = from; i < to; ++i) {
        const Node &n = nodes[size_t(i)];
        if (n.isText || n.tag != GUMBO_TAG_TIME || (n.flags & InDateJunk)) {
            continue;
        }
        const char *dt = attribute(n.g->v.element, "datetime");
        const DatePoint d = parseDateValue(dt ? textOf(dt) : collectText(nodes, i), pat);
        if (!d.isValid()) {
            continue;
        }
        // An "updated" stamp often comes first; the publication stamp is the one we want.
        const std::string cls = lowerAscii(attribute(n.g->v.element, "class")) + ' '
            + lowerAscii(attribute(n.g->v.element, "itemprop"))
            + (n.parent >= 0 ? ' ' + lowerAscii(attribute(nodes[size_t(n.parent)].g->v.element, "class"))
                             : std::string());
        const bool updated = cls.find("updat") != std::string::npos || cls.find("modif") != std::string::npos;
        if (!updated) {
            return d;
        }
        if (!fallback.isValid()) {
            fallback = d;
        }
    }
    return fallback;
}

// A date written out in the lines just below the headline ("by Jane Doe | Monday, November 18,
// 2019"), for pages that give no machine-readable one.
DatePoint dateNearHeadline(const std::vector<Node> &nodes, int headline, const DatePatterns &pat)
{
    if (headline < 0) {
        return {};
    }
    const int limit = std::min<int>(int(nodes.size()), nodes[size_t(headline)].end + 250);
    for (int i = nodes[size_t(headline)].end; i < limit; ++i) {
        const Node &n = nodes[size_t(i)];
        if (!n.isText) {
            if (isNeverContent(n.tag) || (n.flags & InDateJunk)) {
                i = n.end - 1;
            }
            continue;
        }
        const char *text = n.g->v.text.text;
        const size_t length = std::strlen(text);
        if (length < 6 || length > 120) {
            continue;
        }
        const DatePoint d = parseDateValue(QString::fromUtf8(text, qsizetype(length)), pat);
        if (d.isValid() && d.precision == DatePrecision::Day) {
            return d;
        }
    }
    return {};
}

DatePoint publicationDate(const std::vector<Node> &nodes, const Metadata &meta, int container, int headline,
                          const QString &url, const DatePatterns &pat)
{
    DatePoint date = parseDateValue(meta.publishedTime, pat);
    if (!date.isValid()) {
        date = parseDateValue(meta.ldDate, pat);
    }
    if (!date.isValid()) {
        date = parseDateValue(meta.itempropDate, pat);
    }
    if (!date.isValid()) {
        date = dateFromTimeElements(nodes, container, headline, pat);
    }
    for (size_t i = 0; i < meta.metaDates.size() && !date.isValid(); ++i) {
        date = parseDateValue(meta.metaDates[i], pat);
    }
    if (date.isValid() && date.precision == DatePrecision::Day) {
        return date;
    }
    const DatePoint fromUrl = dateFromUrl(url, pat);
    if (!date.isValid()) {
        date = fromUrl;
    }
    if (date.isValid() && date.precision == DatePrecision::Day) {
        return date;
    }
    // A day written under the headline refines a month or a year from elsewhere, and stands in
    // when nothing else is known.
    const DatePoint written = dateNearHeadline(nodes, headline, pat);
    if (written.isValid() && (!date.isValid() || (written.start >= date.start && written.end <= date.end))) {
        return written;
    }
    return date;
}

} // namespace

ExtractedPage HtmlExtractor::extract(const QByteArray &html, const QString &fileName)
{
    ExtractedPage page;
    QByteArray raw = html;
    if (raw.size() > kMaxInputBytes) {
        raw.truncate(kMaxInputBytes);
        page.warnings << u"page larger than %1 MiB; only its beginning was read"_s.arg(kMaxInputBytes / (1024 * 1024));
    }
    if (looksBinary(raw)) {
        page.warnings << u"content looks like binary data, not HTML"_s;
    }
    QByteArray utf8 = decode(raw, page.warnings).toUtf8();
    raw.clear();
    if (limitNesting(utf8)) {
        page.warnings << u"markup nested deeper than %1 elements was flattened"_s.arg(kMaxNesting);
    }

    GumboArena arena;
    GumboOptions options = kGumboDefaultOptions;
    options.allocator = &GumboArena::allocate;
    options.deallocator = &GumboArena::deallocate;
    options.userdata = &arena;
    options.max_errors = 0; // we never read gumbo's error list; don't let it grow
    const GumboOutput *output = gumbo_parse_with_options(&options, utf8.constData(), size_t(utf8.size()));
    if (!output || !output->root) {
        page.warnings << u"the page could not be parsed"_s;
        return page;
    }
    Tree tree = buildTree(output->root);
    if (tree.truncated) {
        page.warnings << u"page has more than %1 elements; the rest was ignored"_s.arg(kMaxNodes);
    }
    std::vector<Node> &nodes = tree.nodes;

    const Metadata meta = readMetadata(output, nodes);

    // Main content.
    int container = -1;
    page.text = mainText(nodes, container);
    if (page.text.isEmpty()) {
        page.warnings << u"no main text found"_s;
    }

    // URL and source.
    QString base = meta.ogUrl;
    if (!meta.baseHref.isEmpty()) {
        base = resolveUrl(meta.baseHref, meta.ogUrl.isEmpty() ? meta.savedFromUrl : meta.ogUrl);
    }
    if (base.isEmpty()) {
        base = meta.savedFromUrl;
    }
    for (const QString &candidate : {meta.canonical, meta.ogUrl, meta.ldUrl, meta.savedFromUrl}) {
        const QString resolved = resolveUrl(candidate, base);
        if (!resolved.isEmpty()) {
            page.url = resolved;
            break;
        }
    }
    const QString host = hostOf(page.url);
    // Some sites put their address in og:site_name; the host reads better.
    const QString siteName = meta.ogSiteName.contains(u"://"_s) ? hostOf(meta.ogSiteName) : meta.ogSiteName;
    page.source = !siteName.isEmpty()      ? siteName
        : !meta.ldPublisher.isEmpty()        ? meta.ldPublisher
        : !meta.ldSiteName.isEmpty()         ? meta.ldSiteName
                                             : host;

    // Title.
    const int titleH1 = headlineElement(nodes);
    const QString h1 = titleH1 >= 0 ? collectText(nodes, titleH1) : QString();
    if (!meta.ogTitle.isEmpty()) {
        page.title = stripSiteSuffix(meta.ogTitle, page.source, host);
    } else if (!meta.ldHeadline.isEmpty()) {
        page.title = meta.ldHeadline;
    } else if (!h1.isEmpty()) {
        page.title = h1;
    } else if (!meta.titleTag.isEmpty()) {
        page.title = stripSiteSuffix(meta.titleTag, page.source, host);
    } else if (!fileName.isEmpty()) {
        page.title = QFileInfo(fileName).completeBaseName();
    }

    // Publication date.
    const DatePatterns datePatterns;
    page.published = publicationDate(nodes, meta, container, titleH1, page.url, datePatterns);

    page.language = !meta.lang.isEmpty() ? meta.lang : meta.contentLanguage;
    return page;
}

} // namespace Entente::Core
