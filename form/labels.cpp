#include "form/labels.h"

#include <utility>

#include "form/form_text.h"
#include "form/vocabulary_scope.h"

namespace jixiao::form {

BudgetColumn ClassifyBudgetHeader(std::string_view f) {
  // The order is the rule: 得分（20分*执行率） heads the score, not the rate.
  static constexpr std::pair<std::string_view, BudgetColumn> kRoles[] = {
      {"budget_columns.not_a_column", BudgetColumn::kNone}, {"budget_columns.score", BudgetColumn::kScore},
      {"budget_columns.weight", BudgetColumn::kWeight},     {"budget_columns.rate", BudgetColumn::kRate},
      {"budget_columns.initial", BudgetColumn::kInitial},   {"budget_columns.planned", BudgetColumn::kPlanned},
      {"budget_columns.executed", BudgetColumn::kExecuted}, {"budget_columns.remaining", BudgetColumn::kRemaining},
  };
  for (const auto& [path, column] : kRoles)
    if (MatchesRole(f, path)) return column;
  return BudgetColumn::kNone;
}

IndicatorColumn ClassifyIndicatorHeader(std::string_view f) {
  if (f.empty()) return IndicatorColumn::kNone;
  // The order is the rule: 偏差原因分析 before 完成率, 年初目标值 after 实际完成值.
  static constexpr std::pair<std::string_view, IndicatorColumn> kRoles[] = {
      {"indicator_columns.level1", IndicatorColumn::kLevel1}, {"indicator_columns.level2", IndicatorColumn::kLevel2},
      {"indicator_columns.name", IndicatorColumn::kName},     {"indicator_columns.method", IndicatorColumn::kMethod},
      {"indicator_columns.deviation", IndicatorColumn::kDeviation},
      {"indicator_columns.ratio", IndicatorColumn::kRatio},   {"indicator_columns.actual", IndicatorColumn::kActual},
      {"indicator_columns.target", IndicatorColumn::kTarget}, {"indicator_columns.weight", IndicatorColumn::kWeight},
      {"indicator_columns.score", IndicatorColumn::kScore},
  };
  for (const auto& [path, column] : kRoles)
    if (MatchesRole(f, path)) return column;
  return IndicatorColumn::kNone;
}

namespace {

struct KeyWords {
  std::string_view path;
  KeyField field;
};

constexpr KeyWords kKeyWords[] = {
    {"key_fields.project_name", KeyField::kProjectName},
    {"key_fields.department", KeyField::kDepartment},
    {"key_fields.implementing_unit", KeyField::kImplementingUnit},
    {"key_fields.fill_date", KeyField::kFillDate},
};

}  // namespace

namespace {

// The text after `label` when `raw_text` (folded: `folded`) starts with the
// label as a label: alone, or followed by ':', '(' or a space.
std::optional<std::string> AfterKeyLabel(std::string_view raw_text, std::string_view folded, std::string_view label) {
  if (!StartsWith(folded, label)) return std::nullopt;
  std::string_view rest = folded.substr(label.size());
  // "项目名称" alone, "项目名称：X", "项目名称 X"; not "项目名称及内容说明".
  bool separated = rest.empty() || StartsWith(rest, ":") || StartsWith(rest, "(");
  std::u32string raw = DecodeUtf8Lossy(Trim(raw_text));
  // Find where the label ends in the raw text (raw may hold spaces).
  std::size_t label_chars = CharCount(label);
  std::size_t seen = 0, pos = 0;
  while (pos < raw.size() && seen < label_chars) {
    if (raw[pos] != U' ' && raw[pos] != 0x3000 && raw[pos] != U'\t') ++seen;
    ++pos;
  }
  std::u32string after = raw.substr(pos);
  bool space_after = !after.empty() && (after.front() == U' ' || after.front() == 0x3000 || after.front() == U'\t');
  if (!separated && !space_after) return std::nullopt;
  // Drop a bracketed remark right after the label: 填报单位（盖章）.
  std::string value = Trim(EncodeUtf8(after));
  std::u32string v = DecodeUtf8Lossy(value);
  while (!v.empty() && (v.front() == U':' || v.front() == 0xFF1A)) v.erase(v.begin());
  return Trim(EncodeUtf8(v));
}

}  // namespace

KeyLabel ClassifyKeyLabel(std::string_view raw_text) {
  KeyLabel out;
  std::string folded = Fold(raw_text);
  for (const KeyWords& words : kKeyWords) {
    for (std::string_view label : Words(words.path)) {
      std::optional<std::string> value = AfterKeyLabel(raw_text, folded, label);
      if (!value) continue;
      out.field = words.field;
      out.inline_value = std::move(*value);
      return out;
    }
  }
  return out;
}

bool IsTotalLabel(std::string_view f, std::string* inline_value) {
  for (std::string_view label : Words("total_labels")) {
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
  return ContainsAny(f, Words("budget_row_words"));
}

bool IsBudgetTotalLabel(std::string_view f) {
  return ContainsAny(f, Words("budget_total_words"));
}

bool IsSectionEndLabel(std::string_view f) {
  std::string dummy;
  if (IsTotalLabel(f, &dummy)) return true;
  return ContainsAny(f, Words("section_end_words"));
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
