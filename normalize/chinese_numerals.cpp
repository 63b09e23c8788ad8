#include "normalize/chinese_numerals.h"

#include <unicode/uchar.h>

#include <cmath>

namespace jixiao::norm {
namespace {

// The characters read as numerals. ICU supplies their values.
constexpr TextView kDigitChars = U"〇零一二三四五六七八九壹贰貳叁肆伍陆陸柒捌玖";
constexpr TextView kPlaceChars = U"十拾百佰千仟万萬亿億";
constexpr int kMaxNumeralLength = 40;  // longer runs are not a figure

double IcuValue(char32_t c) {
  const double v = u_getNumericValue(static_cast<UChar32>(c));
  return v == U_NO_NUMERIC_VALUE ? -1 : v;
}

bool IsPlaceChar(char32_t c) { return kPlaceChars.find(c) != TextView::npos; }
bool IsNumeralChar(char32_t c) { return ChineseDigit(c).has_value() || IsPlaceChar(c); }

// Positional reading of `run` (no 点). nullopt when malformed.
std::optional<double> ReadPositional(TextView run) {
  double yi_part = 0;     // groups of 亿
  double wan_part = 0;    // the 万 group inside the current 亿 group
  double small = 0;       // below 万
  int pending = -1;       // a digit not yet given a place
  double last_place = 1;  // place of the word just before `pending`
  bool zero_since_place = false;
  for (char32_t c : run) {
    if (auto d = ChineseDigit(c)) {
      if (*d == 0) {
        if (pending >= 0) return std::nullopt;  // 五零: not positional
        zero_since_place = true;
        continue;
      }
      if (pending >= 0) return std::nullopt;  // 二三百
      pending = *d;
      continue;
    }
    const double place = *ChinesePlace(c);
    if (place < 1e4) {
      if (pending < 0) {
        if (place == 10 && small == 0 && !zero_since_place) {
          pending = 1;  // 十五, 二十万 (十 alone means 一十)
        } else if (place == 10 && zero_since_place) {
          pending = 1;  // 一百零十 is odd but unambiguous
        } else {
          return std::nullopt;
        }
      }
      small += pending * place;
      pending = -1;
      last_place = place;
      zero_since_place = false;
      continue;
    }
    const double group = small + (pending > 0 ? pending : 0);
    if (place == 1e4) {
      if (group == 0 || wan_part != 0) return std::nullopt;
      wan_part = group * 1e4;
    } else {
      if (group == 0 && wan_part == 0 && yi_part == 0) return std::nullopt;
      yi_part = (yi_part + wan_part + group) * 1e8;
      wan_part = 0;
    }
    small = 0;
    pending = -1;
    last_place = place;
    zero_since_place = false;
  }
  if (pending >= 0) {
    // 一万二 = 12000, 三千五 = 3500: a digit right after a place word (no 零)
    // counts in the next lower place.
    double scale = 1;
    if (!zero_since_place && last_place >= 100) scale = last_place / 10;
    small += pending * scale;
  }
  return yi_part + wan_part + small;
}

}  // namespace

std::optional<int> ChineseDigit(char32_t c) {
  if (c == U'两') return 2;
  if (kDigitChars.find(c) == TextView::npos) return std::nullopt;
  const double v = IcuValue(c);
  if (v < 0 || v > 9) return std::nullopt;
  return static_cast<int>(v);
}

std::optional<double> ChinesePlace(char32_t c) {
  if (!IsPlaceChar(c)) return std::nullopt;
  const double v = IcuValue(c);
  if (v < 10) return std::nullopt;
  return v;
}

bool CanStartChineseNumber(TextView text, std::size_t pos) {
  if (pos >= text.size()) return false;
  const char32_t c = text[pos];
  return ChineseDigit(c).has_value() || c == U'十' || c == U'拾';
}

std::optional<NumberToken> ReadChineseNumber(TextView text, std::size_t pos) {
  if (!CanStartChineseNumber(text, pos)) return std::nullopt;
  std::size_t end = pos;
  while (end < text.size() && end - pos < kMaxNumeralLength && IsNumeralChar(text[end])) ++end;
  if (end - pos >= static_cast<std::size_t>(kMaxNumeralLength)) return std::nullopt;

  // Drop trailing place words that cannot be read (一万万 -> keep 一万).
  TextView run = text.substr(pos, end - pos);
  std::optional<double> value;
  while (!run.empty()) {
    bool all_digits = true;
    for (char32_t c : run) all_digits = all_digits && ChineseDigit(c).has_value();
    if (all_digits && run.size() > 1) {
      double v = 0;
      for (char32_t c : run) v = v * 10 + *ChineseDigit(c);
      NumberToken token;
      token.begin = pos;
      token.end = pos + run.size();
      token.value = v;
      token.int_digits = static_cast<int>(run.size());
      token.chinese = true;
      token.digit_sequence = true;
      return token;
    }
    value = ReadPositional(run);
    if (value) break;
    run.remove_suffix(1);
  }
  if (!value || run.empty()) return std::nullopt;

  NumberToken token;
  token.begin = pos;
  token.end = pos + run.size();
  token.value = *value;
  token.chinese = true;
  token.int_digits = *value >= 1 ? static_cast<int>(std::floor(std::log10(*value))) + 1 : 1;

  // 三点五: digits after 点 are read one by one.
  if (token.end + 1 < text.size() && text[token.end] == U'点' &&
      ChineseDigit(text[token.end + 1]).has_value()) {
    bool has_place = false;
    for (char32_t c : run) has_place = has_place || IsPlaceChar(c);
    std::size_t i = token.end + 1;
    double scale = 0.1;
    double fraction = 0;
    int count = 0;
    while (i < text.size() && count < 12) {
      auto d = ChineseDigit(text[i]);
      if (!d) break;
      fraction += *d * scale;
      scale /= 10;
      ++count;
      ++i;
    }
    // A place word after the fraction scales the whole (三点五万).
    double whole = token.value + fraction;
    if (i < text.size() && !has_place) {
      if (auto place = ChinesePlace(text[i]); place && *place >= 1e4) {
        whole *= *place;
        ++i;
      }
    }
    token.value = whole;
    token.frac_digits = count;
    token.end = i;
  }
  return token;
}

}  // namespace jixiao::norm
