#include <core/ingest/htmltext.h>
#include <core/ingest/gumboarena.h>

#include <gumbo.h>

#include <QByteArray>
#include <QRegularExpression>
#include <QStringList>

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

// Deeper nesting than this is flattened before gumbo sees it: gumbo's scope checks walk the
// stack of open elements, so a hostile fragment of nested <div>s would make parsing quadratic.
// Real article markup stays far below it.
constexpr int kMaxNesting = 300;
// How far down the open-element stack an end tag may close elements. Bounded so that a stream
// of stray end tags cannot make the scan quadratic.
constexpr int kEndTagLookDown = 32;

// ---------------------------------------------------------------------------------------------
// Nesting limiter: a tag scan over the UTF-8 bytes.

bool isSpaceByte(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

bool isAlphaByte(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

char lowerByte(char c)
{
    return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
}

// Void elements and elements whose end tag is optional are closed by the parser itself, so they
// do not add to the depth that matters.
bool addsDepth(std::string_view name)
{
    static constexpr std::string_view kFlat[] = {
        "area",  "base", "br",    "col",  "colgroup", "caption",  "dd",    "dt",    "embed", "hr",   "img",
        "input", "li",   "link",  "meta", "option",   "optgroup", "p",     "param", "rp",    "rt",   "source",
        "tbody", "td",   "tfoot", "th",   "thead",    "tr",       "track", "wbr",   "html",  "head", "body"};
    for (std::string_view flat : kFlat) {
        if (name == flat) {
            return false;
        }
    }
    return true;
}

bool isRawText(std::string_view name)
{
    return name == "script" || name == "style" || name == "textarea" || name == "title" || name == "xmp" ||
           name == "iframe" || name == "noembed" || name == "noframes" || name == "noscript";
}

const char *findEndTag(const char *from, const char *end, std::string_view name)
{
    const char *p = from;
    while (p < end) {
        const char *lt = static_cast<const char *>(std::memchr(p, '<', size_t(end - p)));
        if (!lt) {
            return end;
        }
        if (end - lt >= qsizetype(name.size()) + 2 && lt[1] == '/') {
            bool same = true;
            for (size_t i = 0; i < name.size(); ++i) {
                if (lowerByte(lt[2 + i]) != name[i]) {
                    same = false;
                    break;
                }
            }
            if (same) {
                return lt;
            }
        }
        p = lt + 1;
    }
    return end;
}

// Drops start tags (and the end tags that would close them) beyond kMaxNesting.
QByteArray limitNesting(const QByteArray &html)
{
    const char *const begin = html.constData();
    const char *const end = begin + html.size();
    const char *p = begin;
    const char *copied = begin;
    std::vector<std::string> open;
    int dropped = 0;
    QByteArray out;

    auto cut = [&](const char *from, const char *to) {
        if (out.isEmpty()) {
            out.reserve(html.size());
        }
        out.append(copied, from - copied);
        copied = to;
    };

    while (p < end) {
        const char *lt = static_cast<const char *>(std::memchr(p, '<', size_t(end - p)));
        if (!lt) {
            break;
        }
        p = lt;
        if (end - p >= 4 && std::memcmp(p, "<!--", 4) == 0) {
            const char *close = p + 4;
            while (close + 2 < end && std::memcmp(close, "-->", 3) != 0) {
                ++close;
            }
            p = close + 3;
            continue;
        }
        const bool isEnd = end - p > 1 && p[1] == '/';
        const char *nameStart = p + (isEnd ? 2 : 1);
        if (nameStart >= end || !isAlphaByte(*nameStart)) {
            ++p;
            continue;
        }
        const char *q = nameStart;
        std::string name;
        while (q < end && !isSpaceByte(*q) && *q != '/' && *q != '>') {
            name.push_back(lowerByte(*q));
            ++q;
        }
        // Attribute values may hold '>' inside quotes.
        char quote = 0;
        bool selfClosing = false;
        while (q < end) {
            if (quote) {
                if (*q == quote) {
                    quote = 0;
                }
            } else if ((*q == '"' || *q == '\'') && (q[-1] == '=' || isSpaceByte(q[-1]))) {
                quote = *q;
            } else if (*q == '>') {
                selfClosing = q[-1] == '/';
                break;
            }
            ++q;
        }
        const char *tagEnd = q < end ? q + 1 : end;
        if (!isEnd && isRawText(name)) {
            p = findEndTag(tagEnd, end, name);
            if (p < end) {
                // Step over "</name" so the end tag is not read as a stray one.
                p += 2 + name.size();
            }
            continue;
        }
        if (addsDepth(name) && !selfClosing) {
            if (!isEnd) {
                if (int(open.size()) < kMaxNesting) {
                    open.push_back(std::move(name));
                } else {
                    ++dropped;
                    cut(p, tagEnd);
                }
            } else if (dropped > 0) {
                --dropped;
                cut(p, tagEnd);
            } else {
                const int lowest = std::max(0, int(open.size()) - kEndTagLookDown);
                for (int i = int(open.size()) - 1; i >= lowest; --i) {
                    if (open[size_t(i)] == name) {
                        open.resize(size_t(i));
                        break;
                    }
                }
            }
        }
        p = tagEnd;
    }
    if (copied == begin) {
        return html;
    }
    out.append(copied, end - copied);
    return out;
}

// ---------------------------------------------------------------------------------------------
// Tree to text

enum class Role { Inline, Block, Skip, LineBreak, Cell };

Role roleOf(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_BUTTON:
        return Role::Skip;
    case GUMBO_TAG_BR:
        return Role::LineBreak;
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
        return Role::Cell;
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_LEGEND:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_BODY:
        return Role::Block;
    default:
        return Role::Inline;
    }
}

// Collects text into paragraphs. Inside the current paragraph '\n' marks a <br> (or a line of
// <pre>); every other whitespace is a plain space until the paragraph is flushed.
class TextCollector final
{
public:
    void addText(const char *utf8, bool preformatted)
    {
        QString piece = QString::fromUtf8(utf8);
        for (QChar &c : piece) {
            if (c == u'\r' || c == u'\t' || c == u'\f' || (c == u'\n' && !preformatted)) {
                c = u' ';
            }
        }
        m_current += piece;
    }
    void addLineBreak() { m_current += u'\n'; }
    void addSpace() { m_current += u' '; }

    void endParagraph()
    {
        if (m_current.isEmpty()) {
            return;
        }
        // Lines are simplified one by one; an empty line (two <br> in a row) ends a paragraph,
        // which is how many feeds separate paragraphs.
        QStringList lines;
        const QStringList rawLines = m_current.split(u'\n');
        for (const QString &raw : rawLines) {
            const QString line = raw.simplified();
            if (line.isEmpty()) {
                flushLines(lines);
            } else {
                lines << line;
            }
        }
        flushLines(lines);
        m_current.clear();
    }

    QString result()
    {
        endParagraph();
        return m_paragraphs.join(u"\n\n"_s);
    }

private:
    void flushLines(QStringList &lines)
    {
        if (!lines.isEmpty()) {
            m_paragraphs << lines.join(u'\n');
            lines.clear();
        }
    }

    QString m_current;
    QStringList m_paragraphs;
};

struct Step
{
    const GumboNode *node;
    bool leaving;
};

} // namespace

bool looksLikeHtml(const QString &text)
{
    static const QRegularExpression markup(
        uR"(<\s*/?\s*[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?/?>|<!--|&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});)"_s);
    return markup.match(text).hasMatch();
}

QString htmlFragmentToText(const QString &html)
{
    if (html.trimmed().isEmpty()) {
        return {};
    }
    const QByteArray utf8 = limitNesting(html.toUtf8());

    GumboArena pool;
    GumboOptions options = kGumboDefaultOptions;
    options.allocator = &GumboArena::allocate;
    options.deallocator = &GumboArena::deallocate;
    options.userdata = &pool;
    // Parse errors are of no use here; recording them would only cost memory.
    options.max_errors = 0;
    GumboOutput *output = gumbo_parse_with_options(&options, utf8.constData(), size_t(utf8.size()));
    if (!output || !output->root) {
        return {};
    }

    TextCollector collector;
    int preDepth = 0;
    std::vector<Step> stack;
    stack.push_back({output->root, false});
    while (!stack.empty()) {
        const Step step = stack.back();
        stack.pop_back();
        const GumboNode *node = step.node;
        switch (node->type) {
        case GUMBO_NODE_TEXT:
        case GUMBO_NODE_CDATA:
        case GUMBO_NODE_WHITESPACE:
            collector.addText(node->v.text.text, preDepth > 0);
            break;
        case GUMBO_NODE_ELEMENT:
        case GUMBO_NODE_TEMPLATE: {
            const GumboTag tag = node->v.element.tag;
            const Role role = roleOf(tag);
            if (step.leaving) {
                if (role == Role::Block) {
                    collector.endParagraph();
                }
                if (tag == GUMBO_TAG_PRE) {
                    --preDepth;
                }
                break;
            }
            if (role == Role::Skip) {
                break;
            }
            if (role == Role::LineBreak) {
                collector.addLineBreak();
                break;
            }
            if (role == Role::Cell) {
                collector.addSpace();
            }
            if (role == Role::Block) {
                collector.endParagraph();
            }
            if (tag == GUMBO_TAG_PRE) {
                ++preDepth;
            }
            stack.push_back({node, true});
            const GumboVector &children = node->v.element.children;
            // Pushed in reverse so that the first child is visited first.
            for (unsigned int i = children.length; i > 0; --i) {
                stack.push_back({static_cast<const GumboNode *>(children.data[i - 1]), false});
            }
            break;
        }
        case GUMBO_NODE_DOCUMENT:
        case GUMBO_NODE_COMMENT:
            break;
        }
    }
    // The pool frees the tree; gumbo_destroy_output() would recurse through it.
    return collector.result();
}

} // namespace Entente::Core
