// MergeNarrative: folds what the narrative states into the table's report,
// and records each quantity printed more than once as a cross reference
// (the table's value first, then the narrative's mentions in order).
#include <algorithm>
#include <map>

#include "form/narrative.h"

namespace jixiao {
namespace {

void FillText(std::string& field, const std::string& from) {
  if (field.empty()) field = from;
}

void FillValue(std::optional<Value>& field, const std::optional<Value>& from) {
  if (!field && from) field = from;
}

void AddCrossRef(Facts& facts, std::string quantity, const std::optional<Value>& table,
                 const std::vector<Value>& mentions) {
  CrossRef ref;
  ref.quantity = std::move(quantity);
  if (table && table->number) ref.mentions.push_back(*table);
  for (const Value& v : mentions)
    if (v.number) ref.mentions.push_back(v);
  if (ref.mentions.size() >= 2) facts.cross_refs.push_back(std::move(ref));
}

// The table's value of a counted quantity: the indicator named after the
// noun (预计参保人数 for 参保人数), its target for 预计, actual for 实际.
std::optional<Value> TableCount(const Report& report, const CountMention& mention) {
  const Indicator* found = nullptr;
  for (const Indicator& ind : report.indicators) {
    if (ind.name.find(mention.noun) == std::string::npos) continue;
    if (found != nullptr) return std::nullopt;  // two candidates: no pairing
    found = &ind;
  }
  if (found == nullptr) return std::nullopt;
  const std::optional<Value>& v = mention.expected ? found->target : found->actual;
  if (!v || !v->number) return std::nullopt;
  return v;
}

void AddCountRefs(const Narrative& narrative, const Report& table, Facts& facts) {
  std::vector<bool> used(narrative.count_mentions.size(), false);
  for (std::size_t i = 0; i < narrative.count_mentions.size(); ++i) {
    if (used[i]) continue;
    const CountMention& first = narrative.count_mentions[i];
    std::vector<Value> mentions;
    for (std::size_t j = i; j < narrative.count_mentions.size(); ++j) {
      const CountMention& m = narrative.count_mentions[j];
      if (m.noun != first.noun || m.expected != first.expected) continue;
      used[j] = true;
      mentions.push_back(m.value);
    }
    AddCrossRef(facts, first.expected ? "N_exp" : "N_act", TableCount(table, first), mentions);
  }
}

// The form's year against the years the narrative names (see narrative.h).
void AddYearCrossRef(const std::optional<Value>& table_year, const std::vector<Value>& mentions, Facts& facts) {
  if (!table_year || !table_year->date) return;
  std::map<std::string, int> named;
  for (const Value& m : mentions)
    if (m.date) ++named[*m.date];
  if (named.count(*table_year->date) > 0) return;
  bool outvoted = false;
  for (const auto& [year, count] : named) outvoted = outvoted || count >= 2;
  if (!outvoted) return;
  CrossRef ref;
  ref.quantity = "fiscal_year";
  ref.mentions.push_back(*table_year);
  ref.mentions.insert(ref.mentions.end(), mentions.begin(), mentions.end());
  facts.cross_refs.push_back(std::move(ref));
}

}  // namespace

void MergeNarrative(const Narrative& narrative, Report& report, const std::optional<Value>& table_year) {
  // What the table stated, before the narrative fills any gap.
  const std::optional<Value> table_planned = report.budget.planned;
  const std::optional<Value> table_executed = report.budget.executed;
  const std::optional<Value> table_rate = report.budget.rate;

  FillText(report.title, narrative.title);
  FillText(report.project_name, narrative.project_name);
  FillText(report.department, narrative.department);
  FillText(report.implementing_unit, narrative.implementing_unit);
  if (!report.fiscal_year) report.fiscal_year = narrative.fiscal_year;
  AddYearCrossRef(table_year, narrative.year_mentions, report.facts);
  // A report with no table and no 填报日期 is dated by its signature: that
  // date is then the report's fill date rather than a second fact.
  const bool dated_by_signature = !report.fill_date && narrative.fill_date_is_signature;
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
  for (const DateFact& d : from.dates)
    if (!(dated_by_signature && d.role == "signature")) facts.dates.push_back(d);

  AddCrossRef(facts, "planned", table_planned, narrative.planned_mentions);
  AddCrossRef(facts, "executed", table_executed, narrative.executed_mentions);
  AddCrossRef(facts, "rate", table_rate, narrative.rate_mentions);
  AddCrossRef(facts, "self_score", std::nullopt, narrative.self_score_mentions);
  AddCountRefs(narrative, report, facts);

  report.pages.insert(report.pages.end(), narrative.pages.begin(), narrative.pages.end());
  std::sort(report.pages.begin(), report.pages.end());
  report.pages.erase(std::unique(report.pages.begin(), report.pages.end()), report.pages.end());
}

}  // namespace jixiao
