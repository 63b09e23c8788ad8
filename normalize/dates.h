// Dates: 2023.6.21, 2023. 6. 21, 2023/6/21, 2023-06-21, 2023年6月21日,
// 2024.10 (year and month with nothing after), 2022 年 3 月 日 (blank day),
// 2023 年 12 月底, 2022 年度 / 2023年 (a year alone), 二〇二三年六月二十一日.
//
// A year is four digits 1900-2099 (Arabic, OCR-repaired, or Chinese digit by
// digit); months 1-12; days must exist in that month. The ISO string is
// "YYYY", "YYYY-MM" or "YYYY-MM-DD".
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "normalize/text.h"

namespace jixiao::norm {

struct DateMatch {
  std::size_t begin = 0;
  std::size_t end = 0;       // after the date and any 日/号/底/度 closing it
  std::string iso;
  bool year_only = false;    // "2022 年度": may be a label before another figure
};

// The date starting exactly at `pos`, or nullopt.
std::optional<DateMatch> ReadDate(TextView text, std::size_t pos);

// The parts a date is read from, for the period reader (periods.h).
struct DatePart {
  int value = 0;
  std::size_t end = 0;
};

// A year 1900-2099 starting exactly at `pos` (not glued to a digit before).
std::optional<DatePart> ReadYear(TextView text, std::size_t pos);

// A month or day 1..max: one or two Arabic digits, or a small Chinese numeral.
std::optional<DatePart> ReadSmall(TextView text, std::size_t pos, int max);

// Days in `month` (1-12) of `year`.
int DaysIn(int year, int month);

// "YYYY", "YYYY-MM" or "YYYY-MM-DD" (a part of 0 is left out).
std::string Iso(int year, int month = 0, int day = 0);

}  // namespace jixiao::norm
