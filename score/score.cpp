#include "score/score.h"

#include <exception>

#include "model/flag_builder.h"
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

// Whether score/ computes flags of `code` afresh; flags with other codes
// (MISSING_FIELD, UNREADABLE from the parser) are kept as they are. Every
// code is listed, so that a new one must be placed here.
bool ComputedByScore(FlagCode code) {
  switch (code) {
    case FlagCode::kMissingField:
    case FlagCode::kUnreadable:
    case FlagCode::kNoReport:
      return false;
    case FlagCode::kRateMismatch:
    case FlagCode::kBudgetScoreMismatch:
    case FlagCode::kIndicatorScoreMismatch:
    case FlagCode::kIndicatorRateMismatch:
    case FlagCode::kScoreExceedsWeight:
    case FlagCode::kTargetNotMetFullScore:
    case FlagCode::kTotalMismatch:
    case FlagCode::kHeaderTotalMismatch:
    case FlagCode::kSelfScoreTextMismatch:
    case FlagCode::kWeightSumMismatch:
    case FlagCode::kRemainingMismatch:
    case FlagCode::kComponentSumMismatch:
    case FlagCode::kUnitPriceMismatch:
    case FlagCode::kCrossReferenceMismatch:
    case FlagCode::kDateInconsistent:
    case FlagCode::kProfileInvalid:
    case FlagCode::kScoringIncomplete:
    case FlagCode::kImplausibleFigure:
      return true;
  }
  return true;
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
      if (f.code == FlagCode::kMissingField && f.path == path) present = true;
    if (present) continue;
    FlagBuilder flag(FlagCode::kMissingField, Severity::kError, path);
    flag.Message("必填项 " + path + " 为空");
    flags.push_back(flag.flag());
  }
}

void ScoreReportUnguarded(Report& report, const Profile& profile) {
  std::vector<Flag> kept;
  for (Flag& f : report.flags)
    if (!ComputedByScore(f.code)) kept.push_back(std::move(f));
  report.flags.clear();

  score::Collector collector;
  Result<score::ScoringProfile> parsed = score::ParseScoringProfile(profile);
  score::ScoringProfile scoring = parsed.ok() ? parsed.value() : score::DefaultScoringProfile();
  if (!parsed.ok()) {
    collector.Add(FlagBuilder(FlagCode::kProfileInvalid, Severity::kInfo, "/template")
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
    report.flags.push_back(FlagBuilder(FlagCode::kScoringIncomplete, Severity::kInfo, "")
                               .Message(std::string("核对中止：") + e.what())
                               .flag());
  } catch (...) {
    report.flags.push_back(FlagBuilder(FlagCode::kScoringIncomplete, Severity::kInfo, "").Message("核对中止").flag());
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
