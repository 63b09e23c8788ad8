// A self-evaluation table read as a grid: every field found by its label
// cell and the cell to its right, or by the column under a header cell.
//
// Sections are found by their labels, never by row or column numbers:
//  - key cells: 项目名称, 主管部门, (项目)实施单位, 填报日期/填报时间;
//  - budget: the header row holding 预算数/执行数 (年初预算数, 全年预算数,
//    全年执行数, 分值, 执行率, 得分), then one row per fund line (年度资金
//    总额 = the total, 其中… rows = its parts); the money unit comes from
//    the section's labels ((万元) / (元));
//  - indicators: the header row holding 三级指标 (一级/二级指标, 年初目标值 or
//    年度指标值, 实际完成值, 完成率, 分值, 得分, 偏差原因分析), then one row
//    per indicator until the 总分 row; an empty 一级/二级 cell under a label
//    continues it (a merged cell), a 一级指标 cell's printed weight
//    (产出指标（40分）) and a goal cell left of it (年度绩效目标1（70分）)
//    make the groups;
//  - 总分: the value under the 得分 column (or the last figure in the row)
//    is the declared total, the one under 分值 the form's weight total; a
//    总分 row above the budget is a header total. A 总分 cell that exists
//    but is empty is recorded as blank (MISSING_FIELD).
// A data cell that does not stand under its header (converters that drop
// empty cells) is matched to the headers in order when the counts agree.
#pragma once

#include "form/cell_reader.h"
#include "form/table_view.h"
#include "model/document.h"

namespace jixiao::form {

// Which parts of a scoring table were found.
struct GridSummary {
  bool budget = false;
  bool indicators = false;
  bool total_row = false;
};

// Fills the table fields of `report` (those still empty); flags go to the
// reader. Never throws.
GridSummary ReadGridTable(const TableView& view, Report& report, CellReader& reader);

// Whether a table is a self-evaluation table at all (it has a budget or an
// indicator header, not just a list of projects).
bool IsScoringTable(const TableView& view);

// Whether the table could be the rest of a table printed on the page
// before: no 项目名称 and no header row of its own.
bool LooksLikeContinuation(const TableView& view);

}  // namespace jixiao::form
