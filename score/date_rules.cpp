#include "score/date_rules.h"

#include <algorithm>
#include <cctype>
#include <map>

#include "score/printed_figure.h"

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

// The fiscal year in doubt: the form's title printed `table` but the
// narrative never names it and names `witness`'s year instead, at least
// twice (a "fiscal_year" CrossRef, recorded by the form reader).
struct YearDoubt {
  const Value* table = nullptr;
  const Value* witness = nullptr;
  int named = 0;         // the year the narrative names most
  bool misread = false;  // one OCR digit may tell the two readings apart
};

std::optional<YearDoubt> FiscalYearDoubt(const Report& report, int fiscal_year) {
  for (const CrossRef& ref : report.facts.cross_refs) {
    if (ref.quantity != "fiscal_year" || ref.mentions.size() < 2) continue;
    if (YearOf(ref.mentions.front().date) != fiscal_year) continue;
    std::map<int, int> counts;
    YearDoubt doubt;
    doubt.table = &ref.mentions.front();
    int best = 0;
    for (size_t k = 1; k < ref.mentions.size(); ++k) {
      std::optional<int> y = YearOf(ref.mentions[k].date);
      if (!y || *y == fiscal_year) continue;
      if (++counts[*y] > best) {
        best = counts[*y];
        doubt.named = *y;
      }
    }
    if (best < 2) continue;
    for (size_t k = 1; k < ref.mentions.size() && doubt.witness == nullptr; ++k)
      if (YearOf(ref.mentions[k].date) == doubt.named) doubt.witness = &ref.mentions[k];
    doubt.misread = MaybeMisread(*doubt.table, *doubt.witness);
    return doubt;
  }
  return std::nullopt;
}

// Raises DATE_INCONSISTENT for `date` unless `fits(year of date, fiscal
// year)`. When the fiscal year is in doubt and the date fits the year the
// narrative names, the contradiction rests on which reading is right: a
// warning, or a note when one misread digit explains it.
void CheckDate(RuleContext& ctx, const Value& date, int fiscal_year, const std::optional<YearDoubt>& doubt,
               const std::string& path, Severity severity, bool (*fits)(int, int), const std::string& problem,
               const std::string& expected) {
  std::optional<int> year = YearOf(date.date);
  if (!year || fits(*year, fiscal_year)) return;
  std::string message = problem;
  if (doubt && fits(*year, doubt->named)) {
    severity = doubt->misread ? Severity::kInfo : std::min(severity, Severity::kWarning);
    message += "（表中为 " + std::to_string(fiscal_year) + " 年度，报告正文多处为 " + std::to_string(doubt->named) +
               " 年度，按后者则无矛盾" + (doubt->misread ? "；识读所得，仅差一字，疑为识读误差" : "") + "）";
  }
  FlagBuilder flag(FlagCode::kDateInconsistent, severity, path);
  flag.Message(message).DeclaredText(*date.date).ExpectedText(expected).Evidence(date);
  if (doubt) flag.Evidence(*doubt->table).Evidence(*doubt->witness);
  ctx.flags.Add(flag);
}

void CheckAfterYear(RuleContext& ctx, const Value& date, int fiscal_year, const std::optional<YearDoubt>& doubt,
                    const std::string& path, const std::string& what) {
  std::optional<int> year = YearOf(date.date);
  if (!year) return;
  std::string when = *year == fiscal_year ? "在该年度之内" : "早于该年度";
  CheckDate(
      ctx, date, fiscal_year, doubt, path, Severity::kError, [](int y, int fy) { return y > fy; },
      what + " " + *date.date + " " + when + "；" + std::to_string(fiscal_year) + " 年度的自评应在年度结束后填报",
      "晚于 " + std::to_string(fiscal_year) + "-12-31");
}

void CheckInYear(RuleContext& ctx, const Value& date, int fiscal_year, const std::optional<YearDoubt>& doubt,
                 const std::string& path, const std::string& what, Severity severity) {
  if (!date.date) return;
  CheckDate(
      ctx, date, fiscal_year, doubt, path, severity, [](int y, int fy) { return y == fy; },
      what + " " + *date.date + " 不在 " + std::to_string(fiscal_year) + " 年度之内", std::to_string(fiscal_year));
}

}  // namespace

void CheckDates(RuleContext& ctx) {
  if (!ctx.profile.checks.dates || !ctx.report.fiscal_year) return;
  int fy = *ctx.report.fiscal_year;
  const std::optional<YearDoubt> doubt = FiscalYearDoubt(ctx.report, fy);
  if (ctx.report.fill_date) CheckAfterYear(ctx, *ctx.report.fill_date, fy, doubt, "/fill_date", "填报日期");
  const std::vector<DateFact>& dates = ctx.report.facts.dates;
  for (size_t k = 0; k < dates.size(); ++k) {
    const DateFact& d = dates[k];
    std::string path = "/facts/dates/" + std::to_string(k);
    if (d.role == "signature" || d.role == "fill") {
      CheckAfterYear(ctx, d.date, fy, doubt, path, d.role == "fill" ? "填报日期" : "落款日期");
    } else if (d.role == "cutoff") {
      CheckInYear(ctx, d.date, fy, doubt, path, "数据截止日期", Severity::kError);
    } else if (d.role == "deadline") {
      CheckInYear(ctx, d.date, fy, doubt, path, "完成时限", Severity::kWarning);
    }
  }
}

}  // namespace jixiao::score
