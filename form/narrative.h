// The narrative of one project (自评报告 / 绩效自评综述) -> what it states.
//
// Reads paragraphs for the project's own figures (预算数, 执行数, 结余, 执行率,
// 自评得分, section scores 满分/得分, 审核额度/缩减) and for the relations the
// checker verifies: rate statements, count x unit price = amount, parts that
// add up to a total, the same quantity stated twice, and dates with their
// role (signature, cut-off, deadline). Internal to form/.
//
// Precision comes before recall: a relation is recorded only when the
// sentence says plainly what each figure is (a false fact becomes a false
// flag downstream). Every Value is produced by Normalize() and carries the
// printed text and the paragraph's page and bbox.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/document.h"
#include "model/layout.h"

namespace jixiao {

// A count stated with what it counts (实际参保人数 31053人): MergeNarrative
// pairs it with the table indicator of that name (预计 -> target, 实际 ->
// actual) as one quantity printed twice.
struct CountMention {
  std::string noun;                       // 参保人数
  bool expected = false;                  // 预计 (the target) rather than 实际
  Value value;
};

struct Narrative {
  std::string title;                      // 财政支出项目绩效自评报告, X年度绩效自评报告
  std::string project_name;               // 项目名称：X, "X"项目绩效自评综述
  std::string department;                 // 主管部门
  std::string implementing_unit;          // 项目单位
  std::optional<int> fiscal_year;         // (2022 年度), 2020年度...
  std::optional<Value> fill_date;         // 填报日期, else the signature date
  std::optional<Value> signature_date;    // the date under the unit's name (last one)
  bool fill_date_is_signature = false;    // no 填报日期: fill_date is the signature date
  std::optional<Value> planned, executed, remaining, rate, initial, reduction;
  ScoredNumber self_score;                // 自评得分 / 评价得分 (first statement)
  std::vector<Section> sections;          // 项目决策 满分20分 得分20分 ...
  Facts facts;                            // rate statements, unit prices, ...
  std::vector<Value> planned_mentions;    // every statement of the budget
  std::vector<Value> executed_mentions;   // every statement of the spending
  std::vector<Value> rate_mentions;       // every statement of the execution rate
  std::vector<Value> self_score_mentions; // every statement of the self-score
  std::vector<Value> year_mentions;       // every "YYYY年度" printed, in order
  std::vector<CountMention> count_mentions;
  std::vector<int> pages;                 // pages the paragraphs stood on (sorted)
};

// `paragraphs` are the project's narrative blocks in order (kParagraph only;
// other kinds and null pointers are skipped).
Narrative ParseNarrative(const std::vector<const Block*>& paragraphs);

// Folds a narrative into a report parsed from the project's table (or into
// an empty Report for a narrative-only project): fills the fields the table
// left empty, sets total.self_score_text, appends the narrative's facts,
// unions the pages, and records every quantity printed at least twice
// (planned, executed, rate, self_score, N_exp/N_act counts) as a CrossRef,
// the table's value first, then the narrative's mentions in order. A report
// with no fill date and no 填报日期 takes the signature date as its fill
// date, and that date is then not repeated as a signature fact.
//
// `table_year` is the fiscal year as the form's title printed it. When the
// narrative never names that year but names another one at least twice,
// one of the two readings is wrong (an OCR digit, or a form copied from
// another year): the year is recorded as a "fiscal_year" CrossRef, the
// table's year first, and the date rules treat it as doubtful.
void MergeNarrative(const Narrative& narrative, Report& report, const std::optional<Value>& table_year = std::nullopt);

}  // namespace jixiao
