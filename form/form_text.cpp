#include "form/form_text.h"

#include <algorithm>
#include <memory>

#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>
#include <unicode/unistr.h>

#include "form/vocabulary_scope.h"

namespace jixiao::form {

namespace {

bool IsSpace(char32_t c) {
  return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == U'\f' || c == U'\v' ||
         c == 0x3000 || c == 0x00A0 || c == 0x2002 || c == 0x2003 || c == 0x2009 || c == 0x200B ||
         c == 0xFEFF;
}

bool IsAsciiAlnum(char32_t c) {
  return (c >= U'0' && c <= U'9') || (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
}

bool IsOpenBracket(char32_t c) { return c == U'(' || c == 0xFF08; }
bool IsCloseBracket(char32_t c) { return c == U')' || c == 0xFF09; }

// NFKC through ICU; on failure the text comes back unchanged.
std::string Nfkc(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status) || nfkc == nullptr) return std::string(text);
  icu::UnicodeString in =
      icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  icu::UnicodeString out = nfkc->normalize(in, status);
  if (U_FAILURE(status)) return std::string(text);
  std::string result;
  out.toUTF8String(result);
  return result;
}

// Length of the '#' match at `i`: digits, then optionally '.' and digits.
// Returns every possible end (longest first) through `ends`.
void DigitRunEnds(std::string_view s, std::size_t i, std::vector<std::size_t>& ends) {
  std::size_t k = i;
  while (k < s.size() && s[k] >= '0' && s[k] <= '9') ++k;
  if (k == i) return;
  std::size_t int_end = k;
  if (k + 1 < s.size() && s[k] == '.' && s[k + 1] >= '0' && s[k + 1] <= '9') {
    ++k;
    while (k < s.size() && s[k] >= '0' && s[k] <= '9') ++k;
    ends.push_back(k);
  }
  for (std::size_t e = int_end; e > i; --e) ends.push_back(e);
}

// Backtracking matcher; `budget` bounds the work on hostile input.
bool MatchFrom(std::string_view s, std::size_t i, std::string_view cue, std::size_t j, bool whole,
               int& budget) {
  if (--budget < 0) return false;
  while (j < cue.size()) {
    char c = cue[j];
    if (c == '*') {
      for (std::size_t k = i; k <= s.size(); ++k)
        if (MatchFrom(s, k, cue, j + 1, whole, budget)) return true;
      return false;
    }
    if (c == '#') {
      std::vector<std::size_t> ends;
      DigitRunEnds(s, i, ends);
      for (std::size_t e : ends)
        if (MatchFrom(s, e, cue, j + 1, whole, budget)) return true;
      return false;
    }
    if (i >= s.size() || s[i] != c) return false;
    ++i;
    ++j;
  }
  return !whole || i == s.size();
}

}  // namespace



std::size_t CharCount(std::string_view text) {
  std::size_t n = 0;
  for (char c : text)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

bool IsCjk(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0x20000 && c <= 0x2FFFF);
}

std::string Fold(std::string_view text) {
  std::u32string folded = DecodeUtf8Lossy(Nfkc(text));
  std::u32string out;
  out.reserve(folded.size());
  for (char32_t c : folded)
    if (!IsSpace(c)) out.push_back(c);
  return EncodeUtf8(out);
}

std::string Trim(std::string_view text) {
  std::u32string s = DecodeUtf8Lossy(text);
  std::size_t b = 0, e = s.size();
  while (b < e && IsSpace(s[b])) ++b;
  while (e > b && IsSpace(s[e - 1])) --e;
  return EncodeUtf8(std::u32string_view(s).substr(b, e - b));
}

std::string JoinLines(std::string_view text) {
  std::u32string out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    std::u32string line = DecodeUtf8Lossy(Trim(text.substr(start, nl - start)));
    if (!line.empty()) {
      if (!out.empty() && IsAsciiAlnum(out.back()) && IsAsciiAlnum(line.front())) out.push_back(U' ');
      out += line;
    }
    start = nl + 1;
  }
  return EncodeUtf8(out);
}

bool MatchCue(std::string_view folded, std::string_view cue) {
  std::string c = Fold(cue);
  if (c.empty()) return false;
  int budget = 200000;
  for (std::size_t i = 0; i < folded.size(); ++i) {
    // Start only at character boundaries.
    if ((static_cast<unsigned char>(folded[i]) & 0xC0) == 0x80) continue;
    if (MatchFrom(folded, i, c, 0, false, budget)) return true;
    if (budget < 0) return false;
  }
  return false;
}

bool MatchCueWhole(std::string_view folded, std::string_view cue) {
  std::string c = Fold(cue);
  int budget = 200000;
  return MatchFrom(folded, 0, c, 0, true, budget);
}

namespace {

// `s` with the vocabulary's OCR confusions corrected where that keeps every
// character in its place (《 read for （), else `s` as it is: the text in
// which brackets are looked for, position by position with the printed one.
std::u32string BracketsAsMeant(const std::u32string& s) {
  std::u32string corrected = CorrectConfusions(s);
  return corrected.size() == s.size() ? corrected : s;
}

}  // namespace

std::optional<PrintedWeight> FindPrintedWeight(std::string_view text) {
  std::u32string s = DecodeUtf8Lossy(text);
  // Brackets OCR misread (《70分)) count as brackets; `raw` stays as printed.
  const std::u32string brackets = BracketsAsMeant(s);
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (!IsOpenBracket(brackets[i])) continue;
    std::size_t k = i + 1;
    while (k < s.size() && IsSpace(s[k])) ++k;
    std::size_t num_begin = k;
    while (k < s.size() && ((s[k] >= U'0' && s[k] <= U'9') || s[k] == U'.' || (s[k] >= 0xFF10 && s[k] <= 0xFF19)))
      ++k;
    if (k == num_begin) continue;
    std::size_t num_end = k;
    while (k < s.size() && IsSpace(s[k])) ++k;
    if (k >= s.size() || s[k] != U'分') continue;
    ++k;
    while (k < s.size() && IsSpace(s[k])) ++k;
    if (k >= s.size() || !IsCloseBracket(brackets[k])) continue;
    std::string digits;
    for (std::size_t d = num_begin; d < num_end; ++d) {
      char32_t c = s[d];
      if (c >= 0xFF10 && c <= 0xFF19) c = U'0' + (c - 0xFF10);
      digits.push_back(static_cast<char>(c));
    }
    try {
      std::size_t used = 0;
      double v = std::stod(digits, &used);
      if (used != digits.size()) continue;
      return PrintedWeight{v, EncodeUtf8(std::u32string_view(s).substr(i, k + 1 - i))};
    } catch (...) {
      continue;
    }
  }
  return std::nullopt;
}

std::string StripPrintedWeight(std::string_view text) {
  std::string out(text);
  if (auto w = FindPrintedWeight(text)) {
    std::size_t at = out.find(w->raw);
    if (at != std::string::npos) out.erase(at, w->raw.size());
  }
  std::u32string s = DecodeUtf8Lossy(Trim(out));
  while (!s.empty() && (s.back() == U':' || s.back() == 0xFF1A || IsSpace(s.back()))) s.pop_back();
  return Trim(EncodeUtf8(s));
}

std::string StripBracketedLabels(std::string_view text) {
  // Brackets OCR misread (《20分*执行率) for （20分*执行率）) are brackets too.
  std::u32string s = BracketsAsMeant(DecodeUtf8Lossy(text));
  std::u32string out;
  std::size_t i = 0;
  while (i < s.size()) {
    if (IsOpenBracket(s[i])) {
      std::size_t k = i + 1;
      bool has_label = false;
      while (k < s.size() && !IsCloseBracket(s[k]) && !IsOpenBracket(s[k])) {
        if (IsCjk(s[k]) || (s[k] >= U'A' && s[k] <= U'Z') || (s[k] >= U'a' && s[k] <= U'z')) has_label = true;
        ++k;
      }
      if (k < s.size() && IsCloseBracket(s[k]) && has_label) {
        i = k + 1;
        continue;
      }
    }
    out.push_back(s[i]);
    ++i;
  }
  std::string stripped = Trim(EncodeUtf8(out));
  if (!HasDigit(stripped)) return Trim(text);
  return stripped;
}

std::string NameKey(std::string_view name) {
  std::u32string s = DecodeUtf8Lossy(Fold(name));
  std::u32string out;
  for (char32_t c : s) {
    switch (c) {
      case U'"': case U'\'': case 0x201C: case 0x201D: case 0x2018: case 0x2019: case 0x300C:
      case 0x300D: case 0x300E: case 0x300F: case 0x300A: case 0x300B: case U'(': case U')':
      case U'[': case U']': case 0x3010: case 0x3011: case U'<': case U'>': case U':':
        continue;
      default:
        out.push_back(c);
    }
  }
  static const std::u32string kSuffix = U"项目";
  while (out.size() > kSuffix.size() && out.compare(out.size() - kSuffix.size(), kSuffix.size(), kSuffix) == 0)
    out.erase(out.size() - kSuffix.size());
  return EncodeUtf8(out);
}

double NameSimilarity(std::string_view a, std::string_view b) {
  std::u32string x = DecodeUtf8Lossy(NameKey(a));
  std::u32string y = DecodeUtf8Lossy(NameKey(b));
  if (x.empty() || y.empty()) return 0;
  if (x == y) return 1;
  if (x.size() > 300) x.resize(300);
  if (y.size() > 300) y.resize(300);
  std::vector<int> prev(y.size() + 1, 0), cur(y.size() + 1, 0);
  for (std::size_t i = 1; i <= x.size(); ++i) {
    for (std::size_t j = 1; j <= y.size(); ++j)
      cur[j] = x[i - 1] == y[j - 1] ? prev[j - 1] + 1 : std::max(prev[j], cur[j - 1]);
    std::swap(prev, cur);
  }
  double lcs = prev[y.size()];
  double ratio = 2.0 * lcs / static_cast<double>(x.size() + y.size());
  bool contained = x.find(y) != std::u32string::npos || y.find(x) != std::u32string::npos;
  if (contained && std::min(x.size(), y.size()) >= 4) ratio = std::max(ratio, 0.9);
  return ratio;
}

bool NamesConflict(std::string_view a, std::string_view b) {
  constexpr double kNameConflict = 0.3;
  std::u32string x = DecodeUtf8Lossy(NameKey(a));
  std::u32string y = DecodeUtf8Lossy(NameKey(b));
  if (x.empty() || y.empty()) return false;
  std::size_t common = 0;
  while (common < x.size() && common < y.size() && x[x.size() - 1 - common] == y[y.size() - 1 - common]) ++common;
  if (common == x.size() || common == y.size()) return false;  // one name ends the other
  x.resize(x.size() - common);
  y.resize(y.size() - common);
  return NameSimilarity(EncodeUtf8(x), EncodeUtf8(y)) < kNameConflict;
}

bool IsNotApplicable(std::string_view folded) {
  for (std::string_view m : Words("not_applicable_marks"))
    if (folded == m) return true;
  return false;
}

bool IsNumberOnly(std::string_view folded) {
  bool digit = false;
  for (char c : folded) {
    if (c >= '0' && c <= '9') {
      digit = true;
      continue;
    }
    if (c != '.' && c != ',') return false;
  }
  return digit;
}

bool HasDigit(std::string_view folded) {
  return std::any_of(folded.begin(), folded.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool LooksLikeFigure(std::string_view folded) {
  if (!HasDigit(folded)) return false;
  if (ContainsAny(folded, Words("label_words"))) return false;
  std::size_t cjk = 0;
  for (char32_t c : DecodeUtf8Lossy(folded))
    if (IsCjk(c)) ++cjk;
  return cjk <= 8;
}

bool Contains(std::string_view text, std::string_view word) {
  return !word.empty() && text.find(word) != std::string_view::npos;
}

bool StartsWith(std::string_view text, std::string_view word) {
  return text.size() >= word.size() && text.compare(0, word.size(), word) == 0;
}

bool EndsWith(std::string_view text, std::string_view word) {
  return text.size() >= word.size() && text.compare(text.size() - word.size(), word.size(), word) == 0;
}

bool ContainsAny(std::string_view text, const std::vector<std::string_view>& words) {
  for (std::string_view w : words)
    if (Contains(text, w)) return true;
  return false;
}

}  // namespace jixiao::form
