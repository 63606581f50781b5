#pragma once
// The bodies of the libFuzzer targets (tests/fuzz/fuzz_*.cpp), kept apart from the libFuzzer entry
// points so that tests/core/reliability/tst_fuzzcorpus.cpp replays every seed and every saved crash
// through exactly the same code in the ordinary ASan + UBSan test build.
//
// Each target feeds bytes to one entry point of the core and checks the promises its callers rely
// on (offsets inside the text, sorted and non-overlapping matches, values the database's CHECK
// constraints accept). A broken promise aborts, so the fuzzer reports it like a crash.

#include <core/domain/datepoint.h>
#include <core/domain/event.h>
#include <core/extract/coder.h>
#include <core/extract/dictionaries.h>
#include <core/extract/timeresolver.h>
#include <core/ingest/formatreader.h>
#include <core/ingest/htmlextractor.h>
#include <core/ingest/textcleaner.h>

#include <QByteArray>
#include <QDate>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>

namespace EntenteFuzz {

inline void require(bool condition, const char *what)
{
    if (!condition) {
        std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
        std::abort();
    }
}

inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
}

/// A publication date taken from the first two bytes (1990-01-01 plus up to 65,535 days), or none
/// when both are zero; the rest of the input is the text.
inline QDate anchorFrom(const uint8_t *&data, size_t &size)
{
    if (size < 2) {
        return {};
    }
    const int days = data[0] << 8 | data[1];
    data += 2;
    size -= 2;
    return days == 0 ? QDate() : QDate(1990, 1, 1).addDays(days);
}

inline void checkDate(const Entente::Core::DatePoint &d, const char *what)
{
    if (d.isValid()) {
        require(d.start.isValid() && d.end.isValid() && d.start <= d.end, what);
    }
}

/// HtmlExtractor::extract on arbitrary bytes: no crash, and a sane page.
inline int html(const uint8_t *data, size_t size)
{
    const Entente::Core::ExtractedPage page = Entente::Core::HtmlExtractor::extract(bytes(data, size));
    checkDate(page.published, "html: published date with start after end");
    require(page.text.size() <= qsizetype(size) * 8 + 4096, "html: text far longer than its page");
    return 0;
}

/// FormatReader::readBytes with a feed or JSON name chosen by the first byte, and detectFormat.
inline int feed(const uint8_t *data, size_t size)
{
    static const char *const names[] = {"feed.xml", "items.json", "items.jsonl", "feed.rss",
                                        "feed.atom", "feed.rdf",  "page.html",   "notes.txt"};
    if (size == 0) {
        return 0;
    }
    const QString name = QString::fromLatin1(names[data[0] % 8]);
    const QByteArray input = bytes(data + 1, size - 1);
    const QString format = Entente::Core::FormatReader::detectFormat(input, name);
    require(!format.isEmpty(), "feed: no format detected");
    const auto docs = Entente::Core::FormatReader::readBytes(input, name);
    if (docs) {
        for (const Entente::Core::RawDocument &d : *docs) {
            checkDate(d.published, "feed: published date with start after end");
            require(d.itemIndex >= 0, "feed: negative item index");
        }
    } else {
        require(!docs.error().message.isEmpty(), "feed: an error without a message");
    }
    return 0;
}

/// TextCleaner::clean and normaliseWhitespace on arbitrary UTF-8.
inline int text(const uint8_t *data, size_t size)
{
    const QString input = QString::fromUtf8(bytes(data, size));
    const Entente::Core::CleanedText c = Entente::Core::TextCleaner::clean(input);
    checkDate(c.dateline, "text: dateline with start after end");
    require(c.datelineMonth >= 0 && c.datelineMonth <= 12, "text: dateline month out of range");
    require(c.datelineDay >= 0 && c.datelineDay <= 31, "text: dateline day out of range");
    require(c.removedLeading >= 0 && c.removedTrailing >= 0 && c.removedInside >= 0, "text: negative counts");
    const QString normal = Entente::Core::TextCleaner::normaliseWhitespace(input);
    // Line and paragraph separators become "\n\n", so the text may grow, but not more than twice.
    require(normal.size() <= input.size() * 2 + 2, "text: whitespace normalisation grew the text");
    return 0;
}

/// TimeResolver::find: matches inside the text, sorted by begin and not overlapping.
inline int time(const uint8_t *data, size_t size)
{
    const QDate anchor = anchorFrom(data, size);
    const QString input = QString::fromUtf8(bytes(data, size));
    const QList<Entente::Core::TimeExpression> found = Entente::Core::TimeResolver::find(input, anchor);
    qsizetype lastEnd = 0;
    for (const Entente::Core::TimeExpression &e : found) {
        require(e.begin >= 0 && e.begin < e.end && e.end <= input.size(), "time: match outside the text");
        require(e.begin >= lastEnd, "time: matches overlap or are not sorted");
        lastEnd = e.end;
        checkDate(e.date, "time: date with start after end");
    }
    return 0;
}

/// Coder::code with the bundled dictionaries: every event must be storable (the CHECK constraints
/// of the events table) and point into the text.
inline int coder(const uint8_t *data, size_t size)
{
    static const std::shared_ptr<const Entente::Core::Coder> instance = [] {
        const auto dict = Entente::Core::Dictionaries::loadBundled();
        if (!dict.ok()) {
            std::fprintf(stderr, "%s\n", qPrintable(dict.error().message));
        }
        require(dict.ok(), "coder: the bundled dictionaries do not load");
        return std::make_shared<const Entente::Core::Coder>(*dict);
    }();
    const QDate anchor = anchorFrom(data, size);
    const QString input = QString::fromUtf8(bytes(data, size));
    const Entente::Core::DatePoint published =
        anchor.isValid() ? Entente::Core::DatePoint::day(anchor) : Entente::Core::DatePoint();
    for (const Entente::Core::Event &e : instance->code(input, published)) {
        require(e.spanStart >= 0 && e.spanEnd >= e.spanStart && e.spanEnd <= input.size(),
                "coder: event span outside the text");
        require(e.confidence >= 0.0 && e.confidence <= 1.0, "coder: confidence outside [0, 1]");
        require(!e.sentence.isEmpty(), "coder: event without its sentence");
        checkDate(e.date, "coder: event date with start after end");
    }
    instance->mentionSpans(input, published);
    return 0;
}

} // namespace EntenteFuzz
