// The narrative of one project (自评报告 / 绩效自评综述) -> what it states.
//
// Reads paragraphs for the project's own figures (预算数, 执行数, 结余, 执行率,
// 自评得分, section scores 满分/得分, 审核额度/缩减) and for the relations the
// checker verifies: rate statements, count x unit price = amount, parts that
// add up to a total, the same quantity stated twice, and dates with their
// role (signature, cut-off, deadline). Internal to form/.
#pragma once

#include <string>
#include <vector>

#include "model/document.h"
#include "model/layout.h"

namespace jixiao {

struct Narrative {
  std::string title;
  std::string project_name;
  std::string department;
  std::string implementing_unit;          // 项目单位
  std::optional<int> fiscal_year;
  std::optional<Value> planned, executed, remaining, rate, initial, reduction;
  ScoredNumber self_score;                // 自评得分 / 评价得分
  std::vector<Section> sections;          // 项目决策 满分20分 得分20分 ...
  Facts facts;                            // rate statements, unit prices, ...
  std::vector<Value> planned_mentions;    // every statement of the budget
  std::vector<Value> executed_mentions;   // every statement of the spending
  std::vector<Value> self_score_mentions; // every statement of the self-score
  std::vector<int> pages;
};

// `paragraphs` are the project's narrative blocks in order (kParagraph only).
Narrative ParseNarrative(const std::vector<const Block*>& paragraphs);

// Folds a narrative into a report parsed from the project's table: fills
// fields the table left empty, keeps the narrative's facts, and records the
// quantities both state as cross references (table value first).
void MergeNarrative(const Narrative& narrative, Report& report);

}  // namespace jixiao
