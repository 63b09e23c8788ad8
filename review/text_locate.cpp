#include "review/text_locate.h"

#include <algorithm>

#include "model/utf8.h"

namespace jixiao::review {

namespace {

bool IsNumberChar(char32_t c) { return (c >= U'0' && c <= U'9') || c == U'.'; }

std::u32string Trimmed(const std::string& s) {
  std::u32string t = DecodeUtf8Lossy(s);
  auto space = [](char32_t c) { return c == U' ' || c == U'\t' || c == U'\r' || c == U'\n' || c == U'\u3000'; };
  while (!t.empty() && space(t.back())) t.pop_back();
  size_t i = 0;
  while (i < t.size() && space(t[i])) ++i;
  return t.substr(i);
}

}  // namespace

TextLocator::TextLocator(std::u32string text) : text_(std::move(text)) {
  line_starts_.push_back(0);
  for (size_t i = 0; i < text_.size(); ++i)
    if (text_[i] == U'\n') line_starts_.push_back(i + 1);
}

bool TextLocator::Bounded(size_t begin, size_t end) const {
  if (begin > 0 && IsNumberChar(text_[begin]) && IsNumberChar(text_[begin - 1])) return false;
  if (end < text_.size() && IsNumberChar(text_[end - 1]) && IsNumberChar(text_[end])) return false;
  return true;
}

bool TextLocator::Free(const TextSpan& span) const {
  for (const TextSpan& t : taken_)
    if (span.begin < t.end && t.begin < span.end && !(span == t)) return false;
  return true;
}

std::optional<TextSpan> TextLocator::Search(const std::u32string& raw, size_t from, size_t to) const {
  for (size_t at = text_.find(raw, from); at != std::u32string::npos && at + raw.size() <= to;
       at = text_.find(raw, at + 1)) {
    TextSpan span{at, at + raw.size(), false};
    if (Bounded(span.begin, span.end) && Free(span)) return span;
  }
  return std::nullopt;
}

// The column is read as code points, then as bytes (a converter may count
// either); failing both, the raw text anywhere in that line.
std::optional<TextSpan> TextLocator::AtLine(const std::u32string& raw, const Location& where) const {
  if (where.line <= 0 || static_cast<size_t>(where.line) > line_starts_.size()) return std::nullopt;
  const size_t start = line_starts_[static_cast<size_t>(where.line) - 1];
  const size_t stop = static_cast<size_t>(where.line) < line_starts_.size()
                          ? line_starts_[static_cast<size_t>(where.line)]
                          : text_.size();
  if (where.column > 0) {
    const size_t at = start + static_cast<size_t>(where.column) - 1;
    if (at + raw.size() <= stop && text_.compare(at, raw.size(), raw) == 0) return TextSpan{at, at + raw.size(), true};
    const std::string line_bytes = EncodeUtf8(text_.substr(start, stop - start));
    const size_t byte = static_cast<size_t>(where.column) - 1;
    if (byte <= line_bytes.size()) {
      const size_t at_cp = start + DecodeUtf8Lossy(std::string_view(line_bytes).substr(0, byte)).size();
      if (at_cp + raw.size() <= stop && text_.compare(at_cp, raw.size(), raw) == 0)
        return TextSpan{at_cp, at_cp + raw.size(), true};
    }
  }
  std::optional<TextSpan> span = Search(raw, start, stop);
  if (span) span->by_line = true;
  return span;
}

// First in the rest of a line where the anchor stands (a table row read by
// a converter is one line), then anywhere after the anchor's first mention.
std::optional<TextSpan> TextLocator::NearAnchor(const std::u32string& raw, const std::u32string& anchor,
                                                size_t from) const {
  if (anchor.empty()) return std::nullopt;
  for (size_t at = text_.find(anchor, from); at != std::u32string::npos; at = text_.find(anchor, at + 1)) {
    const size_t eol = text_.find(U'\n', at);
    if (std::optional<TextSpan> span = Search(raw, at, eol == std::u32string::npos ? text_.size() : eol)) return span;
  }
  const size_t first = text_.find(anchor, from);
  return first == std::u32string::npos ? std::nullopt : Search(raw, first, text_.size());
}

size_t TextLocator::Find(const std::string& text) const {
  const std::u32string t = Trimmed(text);
  const size_t at = t.empty() ? std::u32string::npos : text_.find(t);
  return at == std::u32string::npos ? 0 : at;
}

std::optional<TextSpan> TextLocator::Locate(const std::string& raw_text, const Location& where,
                                            const std::string& near, size_t from) {
  const std::u32string raw = Trimmed(raw_text);
  if (raw.empty()) return std::nullopt;
  from = std::min(from, text_.size());
  std::optional<TextSpan> span = AtLine(raw, where);
  if (!span && !near.empty()) span = NearAnchor(raw, Trimmed(near), from);
  if (!span) span = Search(raw, from, text_.size());
  if (!span) span = Search(raw, 0, text_.size());
  if (span && std::find(taken_.begin(), taken_.end(), *span) == taken_.end()) taken_.push_back(*span);
  return span;
}

}  // namespace jixiao::review
