// ReportHtml: one report as read — totals, budget line, indicator table,
// narrative sections — each figure linked to the element that shows it.
#include "review/html.h"
#include "review/views.h"

namespace jixiao::review {

namespace {

class Linker {
 public:
  Linker(const FigureSet& figures, const Shown& shown, int report) : figures_(figures), shown_(shown), report_(report) {}

  // The printed text of the figure at `pointer`, linked to its box when it
  // has one; `fallback` when nothing was read there.
  std::string operator()(const std::string& pointer, const std::string& fallback = "—") const {
    const Figure* f = figures_.Find(report_, pointer);
    if (f == nullptr) return Escape(fallback);
    const std::string text = Escape(f->raw.empty() ? f->shown : f->raw);
    const std::string title = Escape(FigureTitle(*f));
    auto it = shown_.figure.find(f->id);
    if (it == shown_.figure.end())
      return "<span class=\"unplaced\" title=\"" + title + "\n（无位置）\">" + text + "</span>";
    return "<a class=\"fig-link\" href=\"#" + it->second + "\" data-box=\"" + it->second + "\" title=\"" + title +
           "\">" + text + "</a>";
  }

 private:
  const FigureSet& figures_;
  const Shown& shown_;
  int report_;
};

std::string Cell(const std::string& html) { return "<td>" + html + "</td>"; }

std::string TotalsHtml(const Report& r, const Linker& link) {
  std::string html = "<h3>总分</h3>\n<table class=\"grid\"><tr><th>表底总分</th><th>表头总分</th><th>正文自评得分</th>"
                     "<th>重算总分</th></tr>\n<tr>";
  html += Cell(link("/total/declared")) + Cell(link("/total/declared_header")) + Cell(link("/total/self_score_text"));
  html += Cell(Escape(FormatComputed(r.total.recomputed))) + "</tr></table>\n";
  return html;
}

std::string BudgetHtml(const Report& r, const Linker& link) {
  const Budget& b = r.budget;
  std::string html = "<h3>预算执行</h3>\n<table class=\"grid\"><tr><th>预算数</th><th>执行数</th><th>结余</th>"
                     "<th>执行率</th><th>重算执行率</th><th>权重</th><th>得分</th><th>重算得分</th></tr>\n<tr>";
  html += Cell(link("/budget/planned")) + Cell(link("/budget/executed")) + Cell(link("/budget/remaining"));
  html += Cell(link("/budget/rate")) +
          Cell(Escape(b.rate_recomputed ? FormatComputed(b.rate_recomputed) + " %" : "—"));
  html += Cell(Escape(FormatNumber(b.weight))) + Cell(link("/budget/score")) +
          Cell(Escape(FormatComputed(b.score.recomputed))) + "</tr></table>\n";
  return html;
}

std::string IndicatorsHtml(const Report& r, const Linker& link) {
  if (r.indicators.empty()) return "";
  std::string html = "<h3>绩效指标</h3>\n<table class=\"grid\"><tr><th>一级</th><th>二级</th><th>三级指标</th>"
                     "<th>目标值</th><th>实际值</th><th>完成率</th><th>权重</th><th>得分</th><th>重算</th></tr>\n";
  for (size_t i = 0; i < r.indicators.size(); ++i) {
    const Indicator& ind = r.indicators[i];
    const std::string base = "/indicators/" + std::to_string(i);
    std::string weight = FormatNumber(ind.weight.value);
    if (!ind.weight.source.empty() && ind.weight.value) weight += "（" + ind.weight.source + "）";
    html += "<tr>" + Cell(Escape(ind.level1)) + Cell(Escape(ind.level2)) + Cell(Escape(ind.name)) +
            Cell(link(base + "/target")) + Cell(link(base + "/actual")) +
            Cell(link(base + "/ratio", ind.ratio_recomputed ? "（" + FormatComputed(ind.ratio_recomputed) + " %）"
                                                            : "—")) +
            Cell(Escape(weight)) + Cell(link(base + "/score")) + Cell(Escape(FormatComputed(ind.score.recomputed))) +
            "</tr>\n";
  }
  return html + "</table>\n";
}

void SectionRows(const std::vector<Section>& sections, const std::string& pointer, int depth, const Linker& link,
                 std::string* html) {
  for (size_t s = 0; s < sections.size(); ++s) {
    const Section& section = sections[s];
    const std::string at = pointer + "/" + std::to_string(s);
    *html += "<tr>" + Cell(std::string(static_cast<size_t>(depth) * 2, ' ') + Escape(section.name)) +
             Cell(Escape(FormatNumber(section.weight))) + Cell(link(at, FormatNumber(section.score))) + "</tr>\n";
    SectionRows(section.children, at + "/children", depth + 1, link, html);
  }
}

std::string SectionsHtml(const Report& r, const Linker& link) {
  if (r.sections.empty()) return "";
  std::string html = "<h3>自评报告各部分</h3>\n<table class=\"grid\"><tr><th>部分</th><th>满分</th><th>得分</th></tr>\n";
  SectionRows(r.sections, "/sections", 0, link, &html);
  return html + "</table>\n";
}

}  // namespace

std::string ReportHtml(const Report& r, int index, const FigureSet& figures, const Shown& shown) {
  const Linker link(figures, shown, index);
  std::string meta = r.title;
  if (!r.template_name.empty()) meta += " · 模板 " + r.template_name;
  if (r.fiscal_year) meta += " · " + std::to_string(*r.fiscal_year) + " 年度";
  std::string pages;
  for (int p : r.pages) pages += (pages.empty() ? "" : ", ") + std::to_string(p);
  if (!pages.empty()) meta += " · 第 " + pages + " 页";
  std::string html = "<section class=\"report\" id=\"report" + std::to_string(index) + "\">\n<h2>" +
                     Escape(r.project_name.empty() ? "（无项目名称）" : r.project_name) + "</h2>\n<p class=\"meta\">" +
                     Escape(meta) + "</p>\n<p class=\"meta\">填报日期 " + link("/fill_date") + "</p>\n";
  html += TotalsHtml(r, link) + BudgetHtml(r, link) + IndicatorsHtml(r, link) + SectionsHtml(r, link);
  if (!r.missing_fields.empty()) {
    html += "<p class=\"meta\">空白必填项：";
    for (const std::string& m : r.missing_fields) html += "<code>" + Escape(m) + "</code> ";
    html += "</p>\n";
  }
  return html + "</section>\n";
}

}  // namespace jixiao::review
