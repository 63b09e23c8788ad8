// Text helpers of the form parser: folding cell text for label matching,
// cue patterns from the profiles, printed weights such as （40分）, and the
// similarity of two project names.
//
// Folded text is the NFKC form (full-width letters, digits and brackets
// become ASCII: （ -> (, ： -> :) with every space removed; labels and cues
// are compared in folded form so that "预算数 (A)" and "预算数（A）" are the
// same label. Raw text is never folded: Values keep what was printed.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/utf8.h"

namespace jixiao::form {

// NFKC, then every space (ASCII, U+3000, NBSP, line breaks) removed.
std::string Fold(std::string_view text);

// A cell's lines joined: without a separator between CJK text (converters
// wrap at any character), with one space between two Latin letters or
// digits. Each line is trimmed.
std::string JoinLines(std::string_view text);

// Trims ASCII and ideographic spaces at both ends.
std::string Trim(std::string_view text);

// A cue from a profile's "detect" section matched anywhere inside `folded`
// text. Cue syntax: literal text (compared folded), '#' = one or more ASCII
// digits (with an optional decimal part), '*' = any text (possibly empty).
bool MatchCue(std::string_view folded, std::string_view cue);

// Whether `folded` equals the cue as a whole (anchored at both ends).
bool MatchCueWhole(std::string_view folded, std::string_view cue);

// The weight printed as "(40分)" / "（70分）" / "(40 分)：" in `text`, if any.
struct PrintedWeight {
  double value = 0;
  std::string raw;        // e.g. "（40分）" as printed
};
std::optional<PrintedWeight> FindPrintedWeight(std::string_view text);

// `text` without its printed weight and trailing ':'/'：', trimmed:
// "产出指标（40分）" -> "产出指标".
std::string StripPrintedWeight(std::string_view text);

// Removes bracketed label text such as "(20分*执行率)" or "（B/A）" that
// some converters pull into a figure cell, when what remains has a digit;
// brackets are recognized after the vocabulary's OCR confusions are
// corrected (《 read for （). Text with nothing removed comes back as given.
std::string StripBracketedLabels(std::string_view text);

// A project name reduced for comparison: folded, quotes and brackets
// removed, a trailing 项目 dropped.
std::string NameKey(std::string_view name);

// Similarity of two project names in 0..1 (1 = same NameKey); one name
// contained in the other counts as at least 0.9.
double NameSimilarity(std::string_view a, std::string_view b);

// Whether two project names name different projects. Projects of one
// bureau share endings (…工作经费, …配套资金), which make unrelated names look
// alike; what tells them apart is what is left before the common ending
// (similarity below 0.3). A name that ends the other (2020年X vs X) or an
// empty name conflicts with nothing.
bool NamesConflict(std::string_view a, std::string_view b);

// Counts code points.
std::size_t CharCount(std::string_view text);

bool IsCjk(char32_t c);

// Whether `folded` text is only a dash or slash meaning "not applicable"
// (-, —, －, /, ／, 无: the vocabulary's "not_applicable_marks").
bool IsNotApplicable(std::string_view folded);

// Whether `folded` text is a bare number: ASCII digits with decimal points
// and thousands separators, nothing else (1,234.5).
bool IsNumberOnly(std::string_view folded);

// Whether `folded` text holds an ASCII digit.
bool HasDigit(std::string_view folded);

// Whether `folded` text looks like one printed figure (a number with an
// optional %, 分, thousands separators, comparator signs, a unit of a few
// characters, none of the vocabulary's "label_words"): used to tell value
// cells from label cells.
bool LooksLikeFigure(std::string_view folded);

bool Contains(std::string_view text, std::string_view word);
bool StartsWith(std::string_view text, std::string_view word);
bool EndsWith(std::string_view text, std::string_view word);
bool ContainsAny(std::string_view text, const std::vector<std::string_view>& words);

}  // namespace jixiao::form
