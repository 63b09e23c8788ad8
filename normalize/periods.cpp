#include "normalize/periods.h"

#include <algorithm>
#include <cstdio>

#include "normalize/dates.h"

namespace jixiao::norm {
namespace {

std::string YearlessIso(int month, int day = 0) {
  char buffer[32];
  if (day > 0) {
    std::snprintf(buffer, sizeof buffer, "--%02d-%02d", month, day);
  } else {
    std::snprintf(buffer, sizeof buffer, "--%02d", month);
  }
  return buffer;
}

// The month of an ISO or yearless end ("2023-12", "--06-30"); 12 for a year.
int MonthOf(const std::string& iso) {
  const std::size_t at = iso.rfind("--", 0) == 0 ? 2 : 5;
  if (iso.size() < at + 2) return 12;
  return (iso[at] - '0') * 10 + (iso[at + 1] - '0');
}

// A month followed by 月: the month and the position after 月.
std::optional<DatePart> ReadMonthWord(TextView text, std::size_t pos) {
  auto month = ReadSmall(text, pos, 12);
  if (!month) return std::nullopt;
  const std::size_t q = SkipSpaces(text, month->end);
  if (q >= text.size() || text[q] != U'月') return std::nullopt;
  return DatePart{month->value, q + 1};
}

// A day followed by 日 or 号: the day and the position after it.
std::optional<DatePart> ReadDayWord(TextView text, std::size_t pos, int max) {
  auto day = ReadSmall(text, pos, max);
  if (!day) return std::nullopt;
  const std::size_t q = SkipSpaces(text, day->end);
  if (q >= text.size() || (text[q] != U'日' && text[q] != U'号')) return std::nullopt;
  return DatePart{day->value, q + 1};
}

// 底 末 份 close a month without a day (2月底, 12月份).
std::size_t SkipMonthCloser(TextView text, std::size_t pos) {
  const std::size_t at = SkipSpaces(text, pos);
  if (at < text.size() && (text[at] == U'底' || text[at] == U'末' || text[at] == U'份')) return at + 1;
  return pos;
}

// Ends of different precision compare on what both state: 2023 to 2023-06 is
// in order, 2023-12 to 2023-01 is not.
std::optional<PeriodMatch> Ordered(PeriodMatch period) {
  const std::string& from = *period.from;
  const std::string& to = *period.to;
  const std::size_t n = std::min(from.size(), to.size());
  if (from.compare(0, n, to, 0, n) > 0) return std::nullopt;
  period.end_month = MonthOf(to);
  return period;
}

// 2023-2025年, 2023~2025年度: two years joined, closed by 年.
std::optional<PeriodMatch> ReadYears(TextView text, std::size_t begin, const DatePart& first) {
  auto connector = RangeConnectorEnd(text, first.end);
  if (!connector) return std::nullopt;
  auto second = ReadYear(text, SkipSpaces(text, *connector));
  if (!second) return std::nullopt;
  std::size_t end = SkipSpaces(text, second->end);
  if (end >= text.size() || text[end] != U'年') return std::nullopt;
  ++end;
  if (end < text.size() && text[end] == U'度') ++end;
  return Ordered(PeriodMatch{begin, end, Iso(first.value), Iso(second->value)});
}

// After "YYYY年": M1[月[D1日]] connector, then a date with its own year,
// [M2月]D2日 (when the first end has a day) or M2月.
std::optional<PeriodMatch> ReadWithinYear(TextView text, std::size_t begin, int year, std::size_t after_nian) {
  auto month = ReadSmall(text, SkipSpaces(text, after_nian), 12);
  if (!month) return std::nullopt;
  std::size_t first_end = month->end;
  const std::size_t q = SkipSpaces(text, month->end);
  const bool yue = q < text.size() && text[q] == U'月';
  int day = 0;
  if (yue) {
    first_end = q + 1;
    if (auto d = ReadDayWord(text, SkipSpaces(text, q + 1), DaysIn(year, month->value))) {
      day = d->value;
      first_end = d->end;
    } else {
      first_end = SkipMonthCloser(text, first_end);
    }
  }
  auto connector = RangeConnectorEnd(text, first_end);
  if (!connector) return std::nullopt;
  const std::size_t c = SkipSpaces(text, *connector);
  PeriodMatch period{begin, 0, Iso(year, month->value, day), std::nullopt};
  if (ReadYear(text, c)) {
    auto date = ReadDate(text, c);
    if (!date || !yue) return std::nullopt;
    period.to = date->iso;
    period.end = date->end;
  } else if (day > 0) {
    int month2 = month->value;
    std::size_t r = c;
    if (auto m = ReadMonthWord(text, c)) {
      month2 = m->value;
      r = SkipSpaces(text, m->end);
    }
    auto day2 = ReadDayWord(text, r, DaysIn(year, month2));
    if (!day2) return std::nullopt;
    period.to = Iso(year, month2, day2->value);
    period.end = day2->end;
  } else {
    auto month2 = ReadMonthWord(text, c);
    if (!month2) return std::nullopt;
    period.to = Iso(year, month2->value);
    period.end = SkipMonthCloser(text, month2->end);
  }
  return Ordered(period);
}

// Two dates joined: 2021年9月至2022年2月底, 2023.1.1-2023.12.31.
std::optional<PeriodMatch> ReadTwoDates(TextView text, std::size_t pos) {
  auto first = ReadDate(text, pos);
  if (!first) return std::nullopt;
  auto connector = RangeConnectorEnd(text, first->end);
  if (!connector) return std::nullopt;
  auto second = ReadDate(text, SkipSpaces(text, *connector));
  if (!second) return std::nullopt;
  return Ordered(PeriodMatch{pos, second->end, first->iso, second->iso});
}

// 1-12月, 1月至6月: months with no year; the first month before the last.
std::optional<PeriodMatch> ReadYearlessMonths(TextView text, std::size_t pos) {
  auto month = ReadSmall(text, pos, 12);
  if (!month) return std::nullopt;
  std::size_t first_end = month->end;
  const std::size_t q = SkipSpaces(text, month->end);
  if (q < text.size() && text[q] == U'月') first_end = q + 1;
  auto connector = RangeConnectorEnd(text, first_end);
  if (!connector) return std::nullopt;
  auto month2 = ReadMonthWord(text, SkipSpaces(text, *connector));
  if (!month2 || month2->value <= month->value) return std::nullopt;
  PeriodMatch period{pos, SkipMonthCloser(text, month2->end), YearlessIso(month->value),
                     YearlessIso(month2->value), month2->value, false};
  return period;
}

}  // namespace

std::optional<std::size_t> RangeConnectorEnd(TextView text, std::size_t pos) {
  std::size_t p = SkipSpaces(text, pos);
  if (p >= text.size()) return std::nullopt;
  const char32_t c = text[p];
  if (c == U'—') {
    while (p < text.size() && text[p] == U'—') ++p;
    return p;
  }
  static constexpr TextView kConnectors = U"-~〜∼至到";
  if (kConnectors.find(c) != TextView::npos) return p + 1;
  if (c == U'一') {
    // OCR reads a dash as 一; only between two figures printed in digits.
    const std::size_t before = SkipSpacesBack(text, p);
    const std::size_t after = SkipSpaces(text, p + 1);
    const bool digit_before = before > 0 && (IsAsciiDigit(text[before - 1]) || text[before - 1] == U'%');
    if (digit_before && after < text.size() && IsAsciiDigit(text[after])) return p + 1;
  }
  return std::nullopt;
}

std::optional<PeriodMatch> ReadPeriod(TextView text, std::size_t pos) {
  auto year = ReadYear(text, pos);
  if (!year) return ReadYearlessMonths(text, pos);
  if (auto years = ReadYears(text, pos, *year)) return years;
  const std::size_t p = SkipSpaces(text, year->end);
  if (p < text.size() && text[p] == U'年') {
    if (auto within = ReadWithinYear(text, pos, year->value, p + 1)) return within;
  }
  return ReadTwoDates(text, pos);
}

std::optional<PeriodMatch> ReadYearlessDay(TextView text, std::size_t pos) {
  auto month = ReadMonthWord(text, pos);
  if (!month) return std::nullopt;
  constexpr int kLeapYear = 2000;  // a February deadline counts to the 29th
  const int last = DaysIn(kLeapYear, month->value);
  const std::size_t r = SkipSpaces(text, month->end);
  PeriodMatch out;
  out.begin = pos;
  out.end_month = month->value;
  out.has_year = false;
  if (r < text.size() && (text[r] == U'底' || text[r] == U'末')) {
    out.to = YearlessIso(month->value, last);
    out.end = r + 1;
    return out;
  }
  auto day = ReadDayWord(text, r, last);
  if (!day) return std::nullopt;
  out.to = YearlessIso(month->value, day->value);
  out.end = day->end;
  return out;
}

}  // namespace jixiao::norm
