#pragma once

#include <QString>

namespace Entente::Core {

/// Turns a fragment of HTML (a feed item's content:encoded or description, an Atom content
/// element, an HTML-valued JSON field) into plain text: block elements become paragraph breaks
/// ("\n\n"), <br> a line break, whitespace inside a paragraph is collapsed, script, style and
/// similar non-text elements are dropped, and character references are decoded by gumbo.
///
/// Unlike HtmlExtractor this keeps all text of the fragment (a feed item holds only its article).
/// Reentrant and free of shared state. Hostile input stays bounded: nesting deeper than a few
/// hundred elements is flattened before parsing and the tree is walked and freed iteratively.
QString htmlFragmentToText(const QString &html);

/// True when \a text looks like it carries HTML markup or character references, i.e. when it
/// should go through htmlFragmentToText() rather than be taken as plain text.
bool looksLikeHtml(const QString &text);

} // namespace Entente::Core
