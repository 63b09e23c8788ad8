// The lines printed around a self-evaluation table: the form title
// (2022 年度城乡居民医保项目自评表 / 项目支出绩效自评表), the year line
// （2021 年度）, the header line 填报日期：2021 年 4 月  总分：100, and
// signature lines after the table (填报日期：2023年1月21日).
//
// Also tells what kind of paragraph starts a part of the document: a form
// title, a narrative report title (…绩效自评报告, 财政项目支出绩效评价报告),
// a one-paragraph project summary (“X”项目绩效自评综述：…), or a form
// header line (盖章, 签字, 填报日期, 附件 1).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "form/cell_reader.h"
#include "model/document.h"
#include "model/layout.h"

namespace jixiao::form {

// Lines of a paragraph block, trimmed, without empty ones.
std::vector<std::string> BlockLines(const Block& block);

bool IsFormTitle(const Block& paragraph);
bool IsNarrativeTitle(const Block& paragraph);
bool IsSummaryParagraph(const Block& paragraph);
// 填报日期 / 填报时间 / 盖章 / 签字 / 附件 N / （2022年度） / 总分： lines.
bool IsFormHeaderLine(const Block& paragraph);
// The lines that sign a form: 填报日期, 填报人, 联系电话, 盖章, 签字 ...
bool IsSignatureLine(const Block& paragraph);
// Short, without sentence punctuation, not a date, not a header line: a
// line that may carry the first half of a title (曾都区…工作经费 above
// 2020 年度绩效自评报告).
bool IsTitleFragment(const Block& paragraph);

// The year of "2022 年度" / "（2021年度）" / "2020年" in `text`, if any.
std::optional<int> FiscalYearIn(std::string_view text);

// A fiscal year printed as "YYYY年度", as a date Value placed where it was
// read (a form title, a narrative paragraph).
Value FiscalYearValue(int year, const Location& where, double confidence);

// The date text after 填报日期 / 填报时间 in `text` ("2021 年 4 月"), if any.
std::optional<std::string> FillDateTextIn(std::string_view text);

// The figure after 总分 in a header line ("总分：97" -> "97"); empty
// optional when there is no 总分 label, empty string when it is blank.
std::optional<std::string> HeaderTotalIn(std::string_view text);

// Fills title, fiscal_year, fill_date and total.declared_header of `report`
// (those still empty) from the paragraphs around its table. Returns the
// year as printed (a date Value with its place) when it set fiscal_year.
std::optional<Value> ReadFormLines(const std::vector<const Block*>& paragraphs, Report& report, CellReader& reader);

}  // namespace jixiao::form
