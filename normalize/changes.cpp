#include "normalize/changes.h"

#include <array>

namespace jixiao::norm {
namespace {

struct Verb {
  TextView word;
  std::string_view direction;
};

constexpr std::array kVerbs = {
    Verb{U"提高", "increase"}, Verb{U"提升", "increase"}, Verb{U"增长", "increase"},
    Verb{U"增加", "increase"}, Verb{U"上升", "increase"}, Verb{U"上涨", "increase"},
    Verb{U"升高", "increase"}, Verb{U"下降", "decrease"}, Verb{U"降低", "decrease"},
    Verb{U"减少", "decrease"}, Verb{U"下调", "decrease"}, Verb{U"缩减", "decrease"},
    Verb{U"压缩", "decrease"}, Verb{U"减低", "decrease"}, Verb{U"回落", "decrease"},
    Verb{U"负增长", "decrease"},
};

// Words that may stand between the verb and the figure.
constexpr std::array<TextView, 8> kFillers = {U"了", U"幅度", U"比例", U"为", U"达", U"约", U":", U"的"};

// What a baseline is called, longest first where one ends another.
constexpr std::array<TextView, 14> kBaselines = {
    U"上一年度", U"上年同期", U"去年同期", U"上一年", U"上年度", U"上年", U"去年", U"前年",
    U"年初", U"上期", U"上月", U"上季度", U"基期", U"同期"};

// Words that introduce a baseline: 较上年, 比上年, 与上年(相比).
constexpr std::array<TextView, 6> kCompareWords = {U"相较于", U"相比", U"对比", U"较之", U"较", U"比"};

// Start of `word` ending at `end`, spaces allowed between its characters
// (OCR prints 下 降), not reaching before `floor`.
std::optional<std::size_t> WordBefore(TextView text, std::size_t floor, std::size_t end, TextView word) {
  std::size_t p = end;
  for (std::size_t k = word.size(); k-- > 0;) {
    p = SkipSpacesBack(text, p);
    if (p <= floor || text[p - 1] != word[k]) return std::nullopt;
    --p;
  }
  return p;
}

// Start of the longest of `words` ending at `end`, and which one it is.
template <std::size_t N>
std::optional<std::pair<std::size_t, TextView>> LongestBefore(const std::array<TextView, N>& words, TextView text,
                                                              std::size_t floor, std::size_t end) {
  std::optional<std::pair<std::size_t, TextView>> best;
  for (TextView w : words) {
    if (auto at = WordBefore(text, floor, end, w); at && (!best || w.size() > best->second.size())) {
      best = std::pair{*at, w};
    }
  }
  return best;
}

// A year printed as a baseline: 2022年, 2022年度. Start of it, or nullopt.
std::optional<std::size_t> YearBefore(TextView text, std::size_t floor, std::size_t end) {
  std::size_t p = end;
  if (auto at = WordBefore(text, floor, p, U"年度")) {
    p = *at;
  } else if (auto nian = WordBefore(text, floor, p, U"年")) {
    p = *nian;
  } else {
    return std::nullopt;
  }
  p = SkipSpacesBack(text, p);
  for (int digits = 0; digits < 4; ++digits) {
    if (p <= floor || !IsAsciiDigit(text[p - 1])) return std::nullopt;
    --p;
  }
  return p;
}

std::string WithoutSpaces(TextView text) {
  Text out;
  for (char32_t c : text)
    if (!IsSpace(c)) out.push_back(c);
  return EncodeUtf8(out);
}

// The baseline printed before `end` (the verb), and where it starts.
std::optional<std::pair<std::size_t, std::string>> BaselineBefore(TextView text, std::size_t floor, std::size_t end) {
  std::size_t p = SkipSpacesBack(text, end);
  if (p > floor && text[p - 1] == U',') p = SkipSpacesBack(text, p - 1);  // 与上年相比，下降
  if (auto at = WordBefore(text, floor, p, U"相比")) p = *at;
  if (auto at = WordBefore(text, floor, p, U"同比")) return std::pair{*at, std::string("上年同期")};
  if (auto at = WordBefore(text, floor, p, U"环比")) return std::pair{*at, std::string("上期")};
  std::size_t noun_begin = 0;
  if (auto noun = LongestBefore(kBaselines, text, floor, p)) {
    noun_begin = noun->first;
  } else if (auto year = YearBefore(text, floor, p)) {
    noun_begin = *year;
  } else {
    return std::nullopt;
  }
  const std::size_t marker_end = noun_begin;
  std::optional<std::size_t> marker;
  if (auto m = LongestBefore(kCompareWords, text, floor, marker_end)) marker = m->first;
  if (!marker) marker = WordBefore(text, floor, marker_end, U"与");
  if (!marker) return std::nullopt;
  return std::pair{*marker, WithoutSpaces(text.substr(noun_begin, p - noun_begin))};
}

}  // namespace

std::optional<ChangeMatch> ChangeBefore(TextView text, std::size_t floor, std::size_t end) {
  std::size_t p = end;
  for (int guard = 0; guard < 3; ++guard) {
    auto filler = LongestBefore(kFillers, text, floor, p);
    if (!filler) break;
    p = filler->first;
  }
  const Verb* verb = nullptr;
  std::size_t verb_begin = 0;
  for (const Verb& v : kVerbs) {
    auto at = WordBefore(text, floor, p, v.word);
    if (at && (verb == nullptr || v.word.size() > verb->word.size())) {
      verb = &v;
      verb_begin = *at;
    }
  }
  if (verb == nullptr) return std::nullopt;
  ChangeMatch match{verb->direction, std::nullopt, verb_begin};
  if (auto baseline = BaselineBefore(text, floor, verb_begin)) {
    match.begin = baseline->first;
    match.baseline = std::move(baseline->second);
  }
  return match;
}

}  // namespace jixiao::norm
