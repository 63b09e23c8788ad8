// The labels of the self-evaluation forms, in folded text (form_text.h).
//
// One place for the label rules shared by the grid and the linear table
// readers. Classification looks at a folded cell text and says which column
// or field it heads; the words come from the active vocabulary (profiles'
// "vocabulary" section, vocabulary_scope.h), the order they are tried in
// is the rule and stays here.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace jixiao::form {

// Columns of the budget section.
enum class BudgetColumn { kNone, kInitial, kPlanned, kExecuted, kRemaining, kWeight, kRate, kScore };

// Columns of the indicator section.
enum class IndicatorColumn {
  kNone, kLevel1, kLevel2, kName, kTarget, kActual, kRatio, kWeight, kScore, kMethod, kDeviation
};

// Fields given as "label | value" pairs.
enum class KeyField { kNone, kProjectName, kDepartment, kImplementingUnit, kFillDate };

BudgetColumn ClassifyBudgetHeader(std::string_view folded);
IndicatorColumn ClassifyIndicatorHeader(std::string_view folded);

// The key field a label cell names, and the text printed after the label in
// the same cell ("项目名称：X" -> X), if any.
struct KeyLabel {
  KeyField field = KeyField::kNone;
  std::string inline_value;  // folded-label stripped from the raw text
};
KeyLabel ClassifyKeyLabel(std::string_view raw_text);

// 总分 / 自评总分 / 单位自评总分 / 总分：97 (the label, possibly with the
// value in the same cell; `inline_value` gets what follows the label).
bool IsTotalLabel(std::string_view folded, std::string* inline_value = nullptr);

// A row label of the budget section (年度资金总额, 其中：财政拨款, 上年结转,
// 其他资金, 合计 ...).
bool IsBudgetRowLabel(std::string_view folded);
// The budget row that is the total (年度资金总额, 合计, 总额).
bool IsBudgetTotalLabel(std::string_view folded);
// Rows that end the indicator or budget section: 总分, 偏差大或目标未完成
// 原因分析, 改进措施, 备注, 年度总体目标 / 预期目标 (goal text rows).
bool IsSectionEndLabel(std::string_view folded);
// A goal label left of the 一级指标 column: 年度绩效目标1（70分）, 目标2.
bool IsGoalLabel(std::string_view folded);
// A bare printed weight such as "(20分)" and nothing else.
bool IsBareWeight(std::string_view text);

// The unit of money stated by a label: "万元" for （万元）, "元" for （元）.
std::optional<std::string> MoneyUnitOf(std::string_view folded);

}  // namespace jixiao::form
