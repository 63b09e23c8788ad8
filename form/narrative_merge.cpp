// MergeNarrative: folds what the narrative states into the table's report.
#include <algorithm>

#include "form/narrative.h"

namespace jixiao {
namespace {

void FillText(std::string& field, const std::string& from) {
  if (field.empty()) field = from;
}

void FillValue(std::optional<Value>& field, const std::optional<Value>& from) {
  if (!field && from) field = from;
}

}  // namespace

void MergeNarrative(const Narrative& narrative, Report& report) {
  FillText(report.title, narrative.title);
  FillText(report.project_name, narrative.project_name);
  FillText(report.department, narrative.department);
  FillText(report.implementing_unit, narrative.implementing_unit);
  if (!report.fiscal_year) report.fiscal_year = narrative.fiscal_year;
  FillValue(report.fill_date, narrative.fill_date);

  Budget& budget = report.budget;
  FillValue(budget.planned, narrative.planned);
  FillValue(budget.executed, narrative.executed);
  FillValue(budget.remaining, narrative.remaining);
  FillValue(budget.rate, narrative.rate);
  FillValue(budget.initial, narrative.initial);
  FillValue(budget.reduction, narrative.reduction);

  if (narrative.self_score.declared) report.total.self_score_text = narrative.self_score;
  if (report.sections.empty()) report.sections = narrative.sections;

  Facts& facts = report.facts;
  const Facts& from = narrative.facts;
  facts.rate_statements.insert(facts.rate_statements.end(), from.rate_statements.begin(),
                               from.rate_statements.end());
  facts.unit_prices.insert(facts.unit_prices.end(), from.unit_prices.begin(), from.unit_prices.end());
  facts.components.insert(facts.components.end(), from.components.begin(), from.components.end());
  facts.cross_refs.insert(facts.cross_refs.end(), from.cross_refs.begin(), from.cross_refs.end());
  facts.dates.insert(facts.dates.end(), from.dates.begin(), from.dates.end());

  report.pages.insert(report.pages.end(), narrative.pages.begin(), narrative.pages.end());
  std::sort(report.pages.begin(), report.pages.end());
  report.pages.erase(std::unique(report.pages.begin(), report.pages.end()), report.pages.end());
}

}  // namespace jixiao
