#include "form/labels.h"

#include "form/form_text.h"

namespace jixiao::form {

BudgetColumn ClassifyBudgetHeader(std::string_view f) {
  if (Contains(f, "得分计算") || Contains(f, "计算方法")) return BudgetColumn::kNone;
  // 得分（20分*执行率） heads the score, not the rate.
  if (StartsWith(f, "得分") || f == "自评得分") return BudgetColumn::kScore;
  if (StartsWith(f, "分值") || StartsWith(f, "权重")) return BudgetColumn::kWeight;
  if (Contains(f, "执行率") || Contains(f, "使用率")) return BudgetColumn::kRate;
  if (Contains(f, "年初预算") || Contains(f, "审核额度")) return BudgetColumn::kInitial;
  if (Contains(f, "预算数") || Contains(f, "全年预算") || Contains(f, "调整后预算") || Contains(f, "预算金额") ||
      f == "预算" || StartsWith(f, "预算(")) {
    return BudgetColumn::kPlanned;
  }
  if (Contains(f, "执行数") || Contains(f, "全年执行") || Contains(f, "实际支出") || Contains(f, "执行金额") ||
      Contains(f, "支出数")) {
    return BudgetColumn::kExecuted;
  }
  if (Contains(f, "结余") || Contains(f, "剩余")) return BudgetColumn::kRemaining;
  if (StartsWith(f, "分值") || StartsWith(f, "权重")) return BudgetColumn::kWeight;
  if (StartsWith(f, "得分") || f == "自评得分") return BudgetColumn::kScore;
  return BudgetColumn::kNone;
}

IndicatorColumn ClassifyIndicatorHeader(std::string_view f) {
  if (f.empty()) return IndicatorColumn::kNone;
  if (Contains(f, "一级指标")) return IndicatorColumn::kLevel1;
  if (Contains(f, "二级指标")) return IndicatorColumn::kLevel2;
  if (Contains(f, "三级指标") || Contains(f, "指标名称") || f == "绩效指标" || f == "指标内容") return IndicatorColumn::kName;
  if (Contains(f, "计算方法") || Contains(f, "评分标准") || Contains(f, "评分规则")) return IndicatorColumn::kMethod;
  if (Contains(f, "偏差") || Contains(f, "原因分析") || Contains(f, "未完成原因") || Contains(f, "改进措施"))
    return IndicatorColumn::kDeviation;
  if (Contains(f, "完成率") || Contains(f, "完成比例") || Contains(f, "完成比率")) return IndicatorColumn::kRatio;
  if (Contains(f, "实际完成") || Contains(f, "实际值") || Contains(f, "完成值") || StartsWith(f, "全年实际") ||
      StartsWith(f, "实际"))
    return IndicatorColumn::kActual;
  if (Contains(f, "目标值") || Contains(f, "指标值") || Contains(f, "年度指标") || Contains(f, "预期值") ||
      Contains(f, "年初目标") || Contains(f, "计划值")) {
    return IndicatorColumn::kTarget;
  }
  if (StartsWith(f, "分值") || StartsWith(f, "权重")) return IndicatorColumn::kWeight;
  if (StartsWith(f, "得分") || f == "自评得分" || f == "评分") return IndicatorColumn::kScore;
  return IndicatorColumn::kNone;
}

namespace {

struct KeyWord {
  std::string_view label;
  KeyField field;
};

// Longer labels first: 项目实施单位 before 实施单位.
constexpr KeyWord kKeyWords[] = {
    {"项目名称", KeyField::kProjectName},      {"主管部门", KeyField::kDepartment},
    {"主管单位", KeyField::kDepartment},       {"项目实施单位", KeyField::kImplementingUnit},
    {"实施单位", KeyField::kImplementingUnit}, {"填报日期", KeyField::kFillDate},
    {"填报时间", KeyField::kFillDate},
};

}  // namespace

KeyLabel ClassifyKeyLabel(std::string_view raw_text) {
  KeyLabel out;
  std::string folded = Fold(raw_text);
  for (const KeyWord& k : kKeyWords) {
    if (!StartsWith(folded, k.label)) continue;
    std::string_view rest = std::string_view(folded).substr(k.label.size());
    // "项目名称" alone, "项目名称：X", "项目名称 X"; not "项目名称及内容说明".
    bool separated = rest.empty() || StartsWith(rest, ":") || StartsWith(rest, "(");
    std::u32string raw = DecodeUtf8Lossy(Trim(raw_text));
    // Find where the label ends in the raw text (raw may hold spaces).
    std::size_t label_chars = CharCount(k.label);
    std::size_t seen = 0, pos = 0;
    while (pos < raw.size() && seen < label_chars) {
      if (raw[pos] != U' ' && raw[pos] != 0x3000 && raw[pos] != U'\t') ++seen;
      ++pos;
    }
    std::u32string after = raw.substr(pos);
    bool space_after = !after.empty() && (after.front() == U' ' || after.front() == 0x3000 || after.front() == U'\t');
    if (!separated && !space_after) continue;
    // Drop a bracketed remark right after the label: 填报单位（盖章）.
    std::string value = Trim(EncodeUtf8(after));
    std::u32string v = DecodeUtf8Lossy(value);
    while (!v.empty() && (v.front() == U':' || v.front() == 0xFF1A)) v.erase(v.begin());
    out.field = k.field;
    out.inline_value = Trim(EncodeUtf8(v));
    return out;
  }
  return out;
}

bool IsTotalLabel(std::string_view f, std::string* inline_value) {
  static const std::string_view kLabels[] = {"单位自评总分", "自评总分", "总分", "总得分", "综合得分"};
  for (std::string_view label : kLabels) {
    if (!StartsWith(f, label)) continue;
    std::string_view rest = f.substr(label.size());
    if (StartsWith(rest, ":")) rest.remove_prefix(1);
    if (!rest.empty() && !HasDigit(rest)) continue;  // 总分值说明 ...
    if (!rest.empty() && CharCount(rest) > 8) continue;
    if (inline_value != nullptr) *inline_value = std::string(rest);
    return true;
  }
  return false;
}

bool IsBudgetRowLabel(std::string_view f) {
  static const std::vector<std::string_view> kWords = {"资金", "拨款", "结转", "结余", "其他", "合计", "总额",
                                                       "其中", "小计", "自筹", "上级", "本级", "财政", "来源"};
  return ContainsAny(f, kWords);
}

bool IsBudgetTotalLabel(std::string_view f) {
  return Contains(f, "总额") || Contains(f, "合计") || Contains(f, "总计");
}

bool IsSectionEndLabel(std::string_view f) {
  std::string dummy;
  if (IsTotalLabel(f, &dummy)) return true;
  static const std::vector<std::string_view> kWords = {"偏差大", "未完成原因分析", "改进措施及", "备注",
                                                       "评价结论", "结果应用"};
  return ContainsAny(f, kWords);
}

bool IsGoalLabel(std::string_view f) {
  if (Contains(f, "指标")) return false;
  if (MatchCue(f, "目标#")) return true;
  return Contains(f, "目标") && FindPrintedWeight(f).has_value();
}

bool IsBareWeight(std::string_view text) {
  auto w = FindPrintedWeight(text);
  if (!w) return false;
  return Fold(StripPrintedWeight(text)).empty();
}

std::optional<std::string> MoneyUnitOf(std::string_view f) {
  if (Contains(f, "万元") || Contains(f, "(万")) return std::string("万元");
  if (Contains(f, "(元)") || Contains(f, "(元") || Contains(f, "单位:元") || EndsWith(f, "元)")) return std::string("元");
  return std::nullopt;
}

}  // namespace jixiao::form
