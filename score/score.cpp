#include "score/score.h"

#include <exception>
#include <set>

#include "score/budget_rules.h"
#include "score/date_rules.h"
#include "score/indicator_assessment.h"
#include "score/indicator_rules.h"
#include "score/narrative_rules.h"
#include "score/read_completeness.h"
#include "score/rule_context.h"
#include "score/scoring_profile.h"
#include "score/total_rules.h"
#include "score/weight_inference.h"
#include "score/weight_sum_rules.h"

namespace jixiao {

namespace {

// The codes score/ computes; flags with other codes (MISSING_FIELD,
// UNREADABLE from the parser) are kept as they are.
const std::set<std::string>& ScoreCodes() {
  static const std::set<std::string> kCodes = {
      "RATE_MISMATCH",          "BUDGET_SCORE_MISMATCH",    "INDICATOR_SCORE_MISMATCH",
      "INDICATOR_RATE_MISMATCH", "SCORE_EXCEEDS_WEIGHT",    "TARGET_NOT_MET_FULL_SCORE",
      "TOTAL_MISMATCH",         "HEADER_TOTAL_MISMATCH",    "SELF_SCORE_TEXT_MISMATCH",
      "WEIGHT_SUM_MISMATCH",    "REMAINING_MISMATCH",       "COMPONENT_SUM_MISMATCH",
      "UNIT_PRICE_MISMATCH",    "CROSS_REFERENCE_MISMATCH", "DATE_INCONSISTENT",
      "PROFILE_INVALID",        "SCORING_INCOMPLETE",       "IMPLAUSIBLE_FIGURE"};
  return kCodes;
}

// Weights score/ derived on an earlier run are derived again.
void ForgetDerivedWeights(Report& report) {
  for (Indicator& ind : report.indicators) {
    if (ind.weight.source == "inferred" || (ind.weight.source == "group" && ind.weight.raw.empty())) {
      ind.weight.value.reset();
      ind.weight.source.clear();
    }
  }
}

// A blank required cell the parser listed must carry MISSING_FIELD.
void EnsureMissingFieldFlags(Report& report, std::vector<Flag>& flags) {
  for (const std::string& path : report.missing_fields) {
    bool present = false;
    for (const Flag& f : flags)
      if (f.code == "MISSING_FIELD" && f.path == path) present = true;
    if (present) continue;
    score::FlagBuilder flag("MISSING_FIELD", "error", path);
    flag.Message("必填项 " + path + " 为空");
    flags.push_back(flag.flag());
  }
}

void ScoreReportUnguarded(Report& report, const Profile& profile) {
  std::vector<Flag> kept;
  for (Flag& f : report.flags)
    if (!ScoreCodes().count(f.code)) kept.push_back(std::move(f));
  report.flags.clear();

  score::Collector collector;
  Result<score::ScoringProfile> parsed = score::ParseScoringProfile(profile);
  score::ScoringProfile scoring = parsed.ok() ? parsed.value() : score::DefaultScoringProfile();
  if (!parsed.ok()) {
    collector.Add(score::FlagBuilder("PROFILE_INVALID", "info", "/template")
                      .Message("评分配置无效，按默认规则核对：" + parsed.status().message()));
  }
  ForgetDerivedWeights(report);

  score::RuleContext ctx{scoring, report, collector, {}};
  score::CheckStructure(ctx);
  score::CheckBudget(ctx);
  ctx.state.assessments.clear();
  for (const Indicator& ind : report.indicators) ctx.state.assessments.push_back(score::AssessIndicator(ind));
  score::AssignWeights(ctx);
  score::CheckIndicators(ctx);
  score::CheckWeightSums(ctx);
  score::CheckTotals(ctx);
  score::CheckNarrativeFacts(ctx);
  score::CheckDates(ctx);

  std::vector<Flag> computed = collector.Take();
  score::GateSeverities(report, computed);
  std::vector<Flag> flags = std::move(kept);
  for (Flag& f : computed) flags.push_back(std::move(f));
  EnsureMissingFieldFlags(report, flags);
  report.flags = std::move(flags);
}

}  // namespace

void ScoreReport(Report& report, const Profile& profile) {
  try {
    ScoreReportUnguarded(report, profile);
  } catch (const std::exception& e) {
    Flag f;
    f.code = "SCORING_INCOMPLETE";
    f.severity = "info";
    f.path = "";
    f.message = std::string("核对中止：") + e.what();
    report.flags.push_back(std::move(f));
  } catch (...) {
    Flag f;
    f.code = "SCORING_INCOMPLETE";
    f.severity = "info";
    f.path = "";
    f.message = "核对中止";
    report.flags.push_back(std::move(f));
  }
}

void ScoreDocument(Document& document, const std::vector<Profile>& profiles) {
  static const Profile kEmpty{"generic", "", nlohmann::json::object(), nlohmann::json::object()};
  const Profile* generic = FindProfile(profiles, "generic");
  for (Report& report : document.reports) {
    const Profile* p = FindProfile(profiles, report.template_name);
    if (!p) p = generic;
    ScoreReport(report, p ? *p : kEmpty);
  }
}

}  // namespace jixiao
