// A self-evaluation table whose grid was lost: raw `pdftotext` output puts
// every cell on its own line (or several cells on one line, separated by
// spaces), in an order that follows the page's text flow rather than the
// grid, and vertically centred cells (merged labels, wrapped values) come
// out early or late. The producer marks such tables `linear`.
//
// The reader works on the sequence, anchored on labels, with general rules:
//  - key fields: labels (项目名称, 主管部门, 项目实施单位) queue up and the
//    following non-label lines are their values in order; check-box lines
//    (□ ☑) belong to 项目类别/属性/类型 and are skipped;
//  - budget: between the first budget header word and the indicator header,
//    figures in order fill the columns the header names, in the forms'
//    standard order (年初预算数, 预算数, 执行数, 分值, 执行率, 得分); the
//    figure printed with % is the rate; a row label (其中…, 上年结转, 其他
//    资金) starts a part row;
//  - printed weights: "(NN分)" after 预算执行情况 is the budget weight, after
//    a 一级指标 label that group's weight, after 年度绩效目标N that goal's;
//  - indicators: 一级/二级指标 labels (also when wrapped over two lines, or
//    around the cells beside them) set the levels, and each indicator is a
//    name followed by target, actual, then the printed ratio / weight /
//    score figures the header announces (the weight first when 分值 heads
//    the target); short qualitative values (稳步提升) are told from names by
//    what follows them. Cells that the text moves out of their row are put
//    back only where nothing else could be meant: a name between the values
//    and the score, the wrapped ends of values (底前, 作用, the number after
//    大于等于) printed after the row, a score column printed after the
//    table when its numbers are all alike. A row whose last cells are not
//    found is read open, without them, and the reading says so;
//  - 总分: the figures after it (weight total, then total) or none (blank).
// Accuracy is lower than on grids; nothing is invented: a field the
// sequence does not show clearly stays null.
#pragma once

#include <vector>

#include "form/cell_reader.h"
#include "model/document.h"
#include "model/layout.h"

namespace jixiao::form {

// `continuations` are linear blocks printed on the next page(s).
void ReadLinearTable(const Block& block, const std::vector<const Block*>& continuations, Report& report,
                     CellReader& reader);

}  // namespace jixiao::form
