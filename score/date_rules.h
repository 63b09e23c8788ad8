// Dates against the fiscal year.
//
// A self-evaluation is filled in and signed after the year it evaluates:
// a 填报日期 (/fill_date) or signature date (/facts/dates/k) inside or before
// the fiscal year raises DATE_INCONSISTENT (error). A 截止 (cut-off) date
// states how far the figures go and must lie in the fiscal year (error
// otherwise); a deadline outside the year is only suspicious (warning):
// some work is due after the year ends. Dates quoted inside explanations
// (参保缴费时间段为2021年9月至2022年2月底) are not facts with a role and are not
// checked. When the fiscal year itself is in doubt (a "fiscal_year"
// CrossRef: the form's title names a year its narrative never names) and
// the date fits the year the narrative names, the flag is a warning, or an
// info note when the two years are OCR readings one digit apart.
// Internal to score/.
#pragma once

#include "score/rule_context.h"

namespace jixiao::score {

void CheckDates(RuleContext& ctx);

}  // namespace jixiao::score
