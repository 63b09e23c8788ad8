#include "score/read_completeness.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "score/printed_figure.h"

namespace jixiao::score {

namespace {

// Flags whose figures are sums over the table's rows or groups: a row or a
// group label that was not read changes them.
bool SumsOverStructure(FlagCode code) {
  return code == FlagCode::kTotalMismatch || code == FlagCode::kWeightSumMismatch;
}

std::string JoinProblems(const ReadQuality& q) {
  std::string all;
  for (const std::vector<std::string>* list : {&q.problems, &q.structure_problems})
    for (const std::string& p : *list) all += (all.empty() ? "" : "；") + p;
  return all;
}

bool DiffersInScale(const Flag& f) {
  return f.declared && f.expected && ScaleGap(*f.declared, *f.expected) >= kScaleGap;
}

bool RestsOnOcr(const Report& report, const Flag& f) {
  if (report.reading.min_confidence < 1.0) return true;
  return std::any_of(f.evidence.begin(), f.evidence.end(), [](const Evidence& e) { return e.confidence.has_value(); });
}

}  // namespace

void CheckStructure(RuleContext& ctx) {
  Report& report = ctx.report;
  report.reading.structure_problems.clear();
  if (ctx.profile.weight_mode != WeightMode::kColumn || report.indicators.empty()) return;
  double sum = 0;
  int printed = 0;
  for (const Indicator& ind : report.indicators) {
    if (ind.weight.source == "column" && ind.weight.value) {
      sum += *ind.weight.value;
      ++printed;
    }
  }
  if (printed == 0) return;  // the form prints no weight per row
  const int missing = static_cast<int>(report.indicators.size()) - printed;
  if (missing > 0) {
    report.reading.structure_problems.push_back(std::to_string(missing) + "个指标未读到分值");
    return;
  }
  const std::optional<double> form_total = ctx.FormTotal();
  const std::optional<double> budget = ctx.BudgetWeight();
  if (!form_total || !budget) return;
  if (std::abs(sum + *budget - *form_total) > 0.05)
    report.reading.structure_problems.push_back("各指标分值与预算分值之和 " + FormatNumber(sum + *budget) +
                                                " 不等于总分值 " + FormatNumber(*form_total) + "，可能有行未读到");
}

void GateSeverities(const Report& report, std::vector<Flag>& flags) {
  const bool complete = report.reading.complete();
  const std::string problems = JoinProblems(report.reading);
  for (Flag& f : flags) {
    if (f.severity == Severity::kInfo) continue;
    if (!complete && SumsOverStructure(f.code)) {
      f.severity = Severity::kInfo;
      f.message += "（表格读取不完整：" + problems + "；此差异可能来自读取，而非文件本身）";
      continue;
    }
    if (DiffersInScale(f) && RestsOnOcr(report, f)) {
      f.severity = Severity::kInfo;
      f.message += "（两数相差一个数量级以上，而数字出自图像识别：更可能是小数点或单位识别有误，而非文件本身的矛盾）";
      continue;
    }
    if (f.severity != Severity::kError) continue;
    for (const Evidence& e : f.evidence) {
      if (e.confidence && *e.confidence < kDoubtfulConfidence) {
        f.severity = Severity::kWarning;
        f.message += "（“" + e.text + "”识别置信度较低，可能为识别错误）";
        break;
      }
    }
  }
}

}  // namespace jixiao::score
