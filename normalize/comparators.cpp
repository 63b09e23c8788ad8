#include "normalize/comparators.h"

#include <array>

namespace jixiao::norm {
namespace {

struct Word {
  TextView text;
  std::string_view op;
};

constexpr std::array kBefore = {
    Word{U"≥", ">="}, Word{U">=", ">="}, Word{U"=>", ">="}, Word{U"≥=", ">="},
    Word{U"不低于", ">="}, Word{U"不少于", ">="}, Word{U"不小于", ">="},
    Word{U"大于等于", ">="}, Word{U"大于或等于", ">="}, Word{U"高于或等于", ">="},
    Word{U"不得低于", ">="}, Word{U"不得少于", ">="}, Word{U"不应低于", ">="},
    Word{U"至少", ">="}, Word{U"最少", ">="}, Word{U"达到", ">="},
    Word{U">", ">"}, Word{U"大于", ">"}, Word{U"高于", ">"}, Word{U"超过", ">"},
    Word{U"多于", ">"},
    Word{U"≤", "<="}, Word{U"<=", "<="}, Word{U"=<", "<="}, Word{U"≤=", "<="},
    Word{U"不高于", "<="}, Word{U"不超过", "<="}, Word{U"不得超过", "<="},
    Word{U"不大于", "<="}, Word{U"不多于", "<="}, Word{U"小于等于", "<="},
    Word{U"小于或等于", "<="}, Word{U"低于或等于", "<="}, Word{U"不得高于", "<="},
    Word{U"不应超过", "<="}, Word{U"不应高于", "<="}, Word{U"至多", "<="}, Word{U"最多", "<="},
    Word{U"<", "<"}, Word{U"小于", "<"}, Word{U"低于", "<"}, Word{U"少于", "<"},
    Word{U"不足", "<"}, Word{U"不到", "<"},
    Word{U"=", "="}, Word{U"等于", "="},
};

constexpr std::array kAfter = {
    Word{U"以上", ">="}, Word{U"及以上", ">="}, Word{U"(含)以上", ">="},
    Word{U"以上(含)", ">="}, Word{U"或以上", ">="},
    Word{U"以下", "<="}, Word{U"及以下", "<="}, Word{U"(含)以下", "<="},
    Word{U"以下(含)", "<="}, Word{U"或以下", "<="},
    Word{U"以内", "<="}, Word{U"之内", "<="}, Word{U"内", "<="},
};

constexpr std::array kDateBefore = {
    Word{U"不晚于", "<="}, Word{U"不迟于", "<="}, Word{U"截止", "<="}, Word{U"截至", "<="},
    Word{U"截止至", "<="}, Word{U"截止到", "<="}, Word{U"截至到", "<="},
    Word{U"不早于", ">="},
};

constexpr std::array kDateAfter = {
    Word{U"之前", "<="}, Word{U"以前", "<="}, Word{U"前", "<="}, Word{U"为止", "<="},
    Word{U"止", "<="}, Word{U"之后", ">="}, Word{U"以后", ">="},
};

template <std::size_t N>
std::optional<ComparatorMatch> LongestBefore(const std::array<Word, N>& words, TextView text,
                                             std::size_t floor, std::size_t end) {
  // Skip spaces and a label colon between the word and the figure.
  while (end > floor && (IsSpace(text[end - 1]) || text[end - 1] == U':')) --end;
  const Word* best = nullptr;
  for (const Word& w : words) {
    if (w.text.size() > end - floor) continue;
    if (!MatchBefore(text, end, w.text)) continue;
    if (best == nullptr || w.text.size() > best->text.size()) best = &w;
  }
  if (best == nullptr) return std::nullopt;
  return ComparatorMatch{best->op, end - best->text.size(), end};
}

template <std::size_t N>
std::optional<ComparatorMatch> LongestAt(const std::array<Word, N>& words, TextView text,
                                         std::size_t pos) {
  pos = SkipSpaces(text, pos);
  const Word* best = nullptr;
  for (const Word& w : words) {
    if (!MatchAt(text, pos, w.text)) continue;
    if (best == nullptr || w.text.size() > best->text.size()) best = &w;
  }
  if (best == nullptr) return std::nullopt;
  return ComparatorMatch{best->op, pos, pos + best->text.size()};
}

}  // namespace

std::optional<ComparatorMatch> ComparatorBefore(TextView text, std::size_t floor, std::size_t end) {
  return LongestBefore(kBefore, text, floor, end);
}

std::optional<ComparatorMatch> ComparatorAfter(TextView text, std::size_t pos) {
  return LongestAt(kAfter, text, pos);
}

std::optional<ComparatorMatch> DateComparatorBefore(TextView text, std::size_t floor,
                                                    std::size_t end) {
  if (auto m = LongestBefore(kDateBefore, text, floor, end)) return m;
  return LongestBefore(kBefore, text, floor, end);
}

std::optional<ComparatorMatch> DateComparatorAfter(TextView text, std::size_t pos) {
  return LongestAt(kDateAfter, text, pos);
}

std::size_t SkipApproximation(TextView text, std::size_t pos) {
  const std::size_t at = SkipSpaces(text, pos);
  for (TextView w : {TextView(U"左右"), TextView(U"上下")}) {
    if (MatchAt(text, at, w)) return at + w.size();
  }
  return pos;
}

}  // namespace jixiao::norm
