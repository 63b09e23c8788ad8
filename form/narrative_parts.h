// Internal to the narrative parser: the parsed paragraphs every part reads,
// and the parts that fill a Narrative from them.
//
// ParseNarrative builds one Context (paragraphs -> sentences -> figures)
// and runs the parts in order: header, budget, scores and sections,
// relations (unit prices, components, counts), dates. Each part reads the
// Context and writes only its own fields of the Narrative.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "form/narrative.h"
#include "form/narrative_text.h"

namespace jixiao::narrative {

struct SentenceFigures {
  Sentence sentence;
  std::vector<Figure> figures;
};

struct Context {
  std::vector<Paragraph> paragraphs;        // never resized once sentences exist
  std::vector<SentenceFigures> sentences;   // document order
};

// Builds the context; `blocks` must outlive nothing (text is copied).
Context BuildContext(const std::vector<const Block*>& blocks);

// What a money figure states about the project's budget, read from the
// words of its clause (the nearest cue word wins).
enum class MoneyRole {
  kNone,
  kPlanned,     // 预算数, 年初预算, 预算资金, 下达, 剩余指标 after 缩减, standalone 收入
  kExecuted,    // 执行数, 实际支出, 实际拨付, 已使用, 共支付, 预算拨款
  kRemaining,   // 结余, 剩, 相差
  kInitial,     // 审核额度 when a 缩减 follows
  kReduction,   // 缩减
};
MoneyRole RoleOf(const SentenceFigures& s, std::size_t figure);

// Whether the percent figure states the budget execution rate (执行率,
// 使用率, 完成预算的).
bool IsRateFigure(const SentenceFigures& s, std::size_t figure);

// The clause words before a figure, spaces removed.
std::u32string CueOf(const SentenceFigures& s, std::size_t figure);

// A name line: short, no punctuation or digits, not a numbered heading or
// a title (the unit that signs a report).
bool LooksLikeUnitName(std::u32string_view tight);

// The line that signs a report: a date alone (2022 年 6月 25 日), or after
// the unit's name when a converter put both on one line.
struct SignatureLine {
  std::u32string unit;   // spaces removed; empty when the line is only the date
  DateSpan date;         // in the line with spaces removed
};
std::optional<SignatureLine> ReadSignatureLine(std::u32string_view folded_line);

// A Value for a date span of a sentence, from Normalize() of its text.
Value DateValue(const SentenceFigures& s, const DateSpan& span, const Location& where);

void ReadHeader(const Context& context, Narrative& out);     // narrative_header.cpp
void ReadBudget(const Context& context, Narrative& out);     // narrative_budget.cpp
void ReadScores(const Context& context, Narrative& out);     // narrative_sections.cpp
void ReadRelations(const Context& context, Narrative& out);  // narrative_facts.cpp
void ReadDates(const Context& context, Narrative& out);      // narrative_dates.cpp

}  // namespace jixiao::narrative
