#include "score/date_rules.h"

#include <cctype>

namespace jixiao::score {

namespace {

// The year of an ISO date ("2023-06-21", "2023-06", "2023"), or nullopt.
std::optional<int> YearOf(const std::optional<std::string>& iso) {
  if (!iso || iso->size() < 4) return std::nullopt;
  int year = 0;
  for (size_t i = 0; i < 4; ++i) {
    if (!std::isdigit(static_cast<unsigned char>((*iso)[i]))) return std::nullopt;
    year = year * 10 + ((*iso)[i] - '0');
  }
  return year;
}

void CheckAfterYear(RuleContext& ctx, const Value& date, int fiscal_year, const std::string& path,
                    const std::string& what) {
  std::optional<int> year = YearOf(date.date);
  if (!year || *year > fiscal_year) return;
  std::string when = *year == fiscal_year ? "在该年度之内" : "早于该年度";
  ctx.flags.Add(FlagBuilder(FlagCode::kDateInconsistent, Severity::kError, path)
                    .Message(what + " " + *date.date + " " + when + "；" + std::to_string(fiscal_year) +
                             " 年度的自评应在年度结束后填报")
                    .DeclaredText(*date.date)
                    .ExpectedText("晚于 " + std::to_string(fiscal_year) + "-12-31")
                    .Evidence(date));
}

void CheckInYear(RuleContext& ctx, const Value& date, int fiscal_year, const std::string& path,
                 const std::string& what, Severity severity) {
  std::optional<int> year = YearOf(date.date);
  if (!year || *year == fiscal_year) return;
  ctx.flags.Add(FlagBuilder(FlagCode::kDateInconsistent, severity, path)
                    .Message(what + " " + *date.date + " 不在 " + std::to_string(fiscal_year) + " 年度之内")
                    .DeclaredText(*date.date)
                    .ExpectedText(std::to_string(fiscal_year))
                    .Evidence(date));
}

}  // namespace

void CheckDates(RuleContext& ctx) {
  if (!ctx.profile.checks.dates || !ctx.report.fiscal_year) return;
  int fy = *ctx.report.fiscal_year;
  if (ctx.report.fill_date) CheckAfterYear(ctx, *ctx.report.fill_date, fy, "/fill_date", "填报日期");
  const std::vector<DateFact>& dates = ctx.report.facts.dates;
  for (size_t k = 0; k < dates.size(); ++k) {
    const DateFact& d = dates[k];
    std::string path = "/facts/dates/" + std::to_string(k);
    if (d.role == "signature" || d.role == "fill") {
      CheckAfterYear(ctx, d.date, fy, path, d.role == "fill" ? "填报日期" : "落款日期");
    } else if (d.role == "cutoff") {
      CheckInYear(ctx, d.date, fy, path, "数据截止日期", Severity::kError);
    } else if (d.role == "deadline") {
      CheckInYear(ctx, d.date, fy, path, "完成时限", Severity::kWarning);
    }
  }
}

}  // namespace jixiao::score
