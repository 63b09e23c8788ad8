// Periods: a span of time printed as one figure, and a month deadline whose
// year is not printed.
//
// Periods: 2023年1-12月, 2023年1月至12月, 2023年1月1日-12月31日 (the second
// end in the first's year), 2021年9月至2022年2月底, 2023.1.1-2023.12.31 and
// 2023年-2025年 (two dates), 2023-2025年 (two years), 1-12月 (months, no
// year). Yearless dates: 12月底, 6月30日 (the figure reader accepts them only
// beside a deadline word: 12月底前, 截至6月30日).
//
// The connector between the ends is -, ~, 〜, ∼, —, —— , 至 or 到, or 一
// where OCR read a dash as 一 between two digits. A period whose end comes
// before its start is no period. Ends are ISO ("YYYY", "YYYY-MM",
// "YYYY-MM-DD"), or "--MM" / "--MM-DD" when no year is printed.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "normalize/text.h"

namespace jixiao::norm {

// Position after the range or period connector at `pos` (spaces before it
// skipped), or nullopt when there is none.
std::optional<std::size_t> RangeConnectorEnd(TextView text, std::size_t pos);

struct PeriodMatch {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::optional<std::string> from;
  std::optional<std::string> to;
  int end_month = 0;  // month of `to` (1-12)
  bool has_year = true;  // false: both ends are --MM / --MM-DD
};

// The period starting exactly at `pos`, or nullopt.
std::optional<PeriodMatch> ReadPeriod(TextView text, std::size_t pos);

// A month and day with no year starting exactly at `pos`: 12月底 (the last
// day: February counts 29), 6月30日, 6月30号. `to` is "--MM-DD", `from`
// empty; has_year is false.
std::optional<PeriodMatch> ReadYearlessDay(TextView text, std::size_t pos);

}  // namespace jixiao::norm
