#include "normalize/dates.h"

#include <cstdio>

#include "normalize/arabic_number.h"
#include "normalize/chinese_numerals.h"
#include "normalize/comparators.h"

namespace jixiao::norm {
namespace {

bool IsLeap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

}  // namespace

int DaysIn(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeap(year) ? 29 : kDays[month - 1];
}

std::optional<DatePart> ReadYear(TextView text, std::size_t pos) {
  if (pos > 0 && (IsAsciiDigit(text[pos - 1]) || text[pos - 1] == U'.')) return std::nullopt;
  auto in_range = [](double v) { return v >= 1900 && v <= 2099; };
  if (auto digits = ReadDigitRun(text, pos, 4)) {
    if (digits->int_digits == 4) {
      if (digits->end < text.size() && IsAsciiDigit(text[digits->end])) return std::nullopt;
      if (!in_range(digits->value)) return std::nullopt;
      return DatePart{static_cast<int>(digits->value), digits->end};
    }
    if (digits->int_digits != 1) return std::nullopt;
    // OCR spaces digits apart: "2 0 2 3 年".
    NumberIssue issue = NumberIssue::kNone;
    std::size_t resume = pos;
    auto spaced = ReadArabicNumber(text, pos, &issue, &resume);
    if (!spaced || !spaced->grouped || !spaced->is_integer() || spaced->int_digits != 4 ||
        !in_range(spaced->value)) {
      return std::nullopt;
    }
    return DatePart{static_cast<int>(spaced->value), spaced->end};
  }
  if (auto numeral = ReadChineseNumber(text, pos)) {
    if (!numeral->digit_sequence || numeral->int_digits != 4 || !in_range(numeral->value)) {
      return std::nullopt;
    }
    return DatePart{static_cast<int>(numeral->value), numeral->end};
  }
  return std::nullopt;
}

std::optional<DatePart> ReadSmall(TextView text, std::size_t pos, int max) {
  if (auto digits = ReadDigitRun(text, pos, 2)) {
    NumberIssue issue = NumberIssue::kNone;
    std::size_t resume = pos;
    if (auto spaced = ReadArabicNumber(text, pos, &issue, &resume);
        spaced && spaced->grouped && spaced->is_integer() && spaced->int_digits == 2 &&
        spaced->value >= 1 && spaced->value <= max) {
      return DatePart{static_cast<int>(spaced->value), spaced->end};  // OCR-spaced "2 1 日"
    }
    if (digits->end < text.size() && IsAsciiDigit(text[digits->end])) return std::nullopt;
    const int v = static_cast<int>(digits->value);
    if (v < 1 || v > max) return std::nullopt;
    return DatePart{v, digits->end};
  }
  if (auto numeral = ReadChineseNumber(text, pos)) {
    if (numeral->digit_sequence || !numeral->is_integer()) return std::nullopt;
    const int v = static_cast<int>(numeral->value);
    if (v < 1 || v > max || numeral->value != v) return std::nullopt;
    return DatePart{v, numeral->end};
  }
  return std::nullopt;
}

std::string Iso(int year, int month, int day) {
  char buffer[48];
  if (day > 0) {
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  } else if (month > 0) {
    std::snprintf(buffer, sizeof buffer, "%04d-%02d", year, month);
  } else {
    std::snprintf(buffer, sizeof buffer, "%04d", year);
  }
  return buffer;
}

namespace {

// Words that close a month or year without a day: 底 末 初 中旬 ...
std::size_t SkipPeriodWord(TextView text, std::size_t pos) {
  const std::size_t at = SkipSpaces(text, pos);
  for (TextView w : {TextView(U"上旬"), TextView(U"中旬"), TextView(U"下旬"), TextView(U"底"),
                     TextView(U"末"), TextView(U"初")}) {
    if (MatchAt(text, at, w)) return at + w.size();
  }
  return pos;
}

// The 年月日 form, after the year's 年.
DateMatch ReadChineseForm(TextView text, std::size_t begin, int year, std::size_t after_nian) {
  DateMatch date{begin, after_nian, Iso(year), true};
  std::size_t p = SkipSpaces(text, after_nian);
  if (MatchAt(text, p, U"度")) {
    date.end = p + 1;
    return date;
  }
  auto month = ReadSmall(text, p, 12);
  std::size_t q = month ? SkipSpaces(text, month->end) : p;
  if (!month || q >= text.size() || text[q] != U'月') {
    date.end = SkipPeriodWord(text, after_nian);
    return date;
  }
  date.year_only = false;
  date.iso = Iso(year, month->value);
  date.end = q + 1;
  std::size_t r = SkipSpaces(text, q + 1);
  if (auto day = ReadSmall(text, r, 31); day && day->value <= DaysIn(year, month->value)) {
    std::size_t s = SkipSpaces(text, day->end);
    if (s < text.size() && (text[s] == U'日' || text[s] == U'号')) {
      date.iso = Iso(year, month->value, day->value);
      date.end = s + 1;
      return date;
    }
    if (s >= text.size()) {  // 2023年6月21 at the end of the text
      date.iso = Iso(year, month->value, day->value);
      date.end = day->end;
      return date;
    }
    return date;  // the number after 月 is something else
  }
  if (r < text.size() && (text[r] == U'日' || text[r] == U'号')) {
    date.end = r + 1;  // blank day: 2022 年 3 月 日
    return date;
  }
  date.end = SkipPeriodWord(text, q + 1);
  // "10月底前" is a deadline: the last day of that month. "12月底" alone stays
  // a month, as the conventions read it.
  const std::size_t word = SkipSpaces(text, q + 1);
  const bool month_end = MatchAt(text, word, U"底") || MatchAt(text, word, U"末");
  if (month_end) {
    auto deadline = DateComparatorAfter(text, SkipSpaces(text, date.end));
    if (deadline && deadline->op == "<=")
      date.iso = Iso(year, month->value, DaysIn(year, month->value));
  }
  return date;
}

// The separator form: 2023.6.21, 2023/6/21, 2023-06-21, 2024.10.
std::optional<DateMatch> ReadSeparatedForm(TextView text, std::size_t begin, int year,
                                           std::size_t sep_pos) {
  const char32_t sep = text[sep_pos];
  const std::size_t month_pos = SkipSpaces(text, sep_pos + 1);
  if (month_pos >= text.size()) return std::nullopt;
  const bool letter_zero = (text[month_pos] == U'O' || text[month_pos] == U'o') &&
                           month_pos + 1 < text.size() && IsAsciiDigit(text[month_pos + 1]);
  if (!IsAsciiDigit(text[month_pos]) && !letter_zero) return std::nullopt;
  auto month = ReadSmall(text, month_pos, 12);
  if (!month) return std::nullopt;
  std::size_t q = SkipSpaces(text, month->end);
  if (q < text.size() && text[q] == sep) {
    auto day = ReadSmall(text, SkipSpaces(text, q + 1), 31);
    if (!day || day->value > DaysIn(year, month->value)) return std::nullopt;
    if (day->end < text.size() && text[day->end] == U'.' && day->end + 1 < text.size() &&
        IsAsciiDigit(text[day->end + 1])) {
      return std::nullopt;  // 2023.6.21.5 is not a date
    }
    DateMatch date{begin, day->end, Iso(year, month->value, day->value), false};
    std::size_t s = SkipSpaces(text, day->end);
    if (s < text.size() && (text[s] == U'日' || text[s] == U'号')) date.end = s + 1;
    return date;
  }
  // Year and month only when nothing follows but a deadline or period word:
  // "2024.10元" is money.
  if (q < text.size() && (text[q] == U'.' || IsAsciiDigit(text[q]))) return std::nullopt;
  std::size_t after = SkipPeriodWord(text, month->end);
  std::size_t rest = SkipSpaces(text, after);
  if (auto deadline = DateComparatorAfter(text, rest)) rest = SkipSpaces(text, deadline->end);
  // ... or the connector of a period to another year (2023.1-2023.12,
  // 2023.1至2024.6); "2000.5-3000" stays a number.
  static constexpr TextView kFollowers = U");,。、";
  static constexpr TextView kConnectors = U"-~〜∼—至到";
  if (rest < text.size() && kFollowers.find(text[rest]) == TextView::npos) {
    if (kConnectors.find(text[rest]) == TextView::npos) return std::nullopt;
    std::size_t next = rest + 1;
    while (next < text.size() && (text[next] == U'—' || IsSpace(text[next]))) ++next;
    if (!ReadYear(text, next)) return std::nullopt;
  }
  return DateMatch{begin, after, Iso(year, month->value), false};
}

}  // namespace

std::optional<DateMatch> ReadDate(TextView text, std::size_t pos) {
  auto year = ReadYear(text, pos);
  if (!year) return std::nullopt;
  const std::size_t p = SkipSpaces(text, year->end);
  if (p >= text.size()) return std::nullopt;
  if (text[p] == U'年') {
    // 2023年均, 2023年龄 ... are not dates; 年 followed by a Han word of its
    // own is still a year (2022年全年).
    return ReadChineseForm(text, pos, year->value, p + 1);
  }
  if ((text[p] == U'.' || text[p] == U'/' || text[p] == U'-') && p == year->end) {
    return ReadSeparatedForm(text, pos, year->value, p);
  }
  return std::nullopt;
}

}  // namespace jixiao::norm
