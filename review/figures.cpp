#include "review/figures.h"

#include "review/html.h"

namespace jixiao::review {

namespace {

std::string Index(const std::string& base, size_t i) { return base + "/" + std::to_string(i); }

}  // namespace

FigureSet::FigureSet(const Document& document) {
  for (const PageSource& p : document.source.pages_info) page_confidence_[p.page] = p.confidence;
  for (size_t r = 0; r < document.reports.size(); ++r) AddReport(document, static_cast<int>(r));
}

const Figure* FigureSet::Find(int report, const std::string& pointer) const {
  auto it = by_pointer_.find({report, pointer});
  return it == by_pointer_.end() ? nullptr : &figures_[it->second];
}

double FigureSet::PageConfidence(int page) const {
  auto it = page_confidence_.find(page);
  return it == page_confidence_.end() ? 1.0 : it->second;
}

void FigureSet::Add(int report, std::string pointer, std::string label, const Value& value, std::string near) {
  if (value.raw.empty() && value.where.page == 0) return;
  Figure f{"f" + std::to_string(figures_.size()), report, std::move(pointer), std::move(label), value.raw,
           ShowValue(value), value.confidence, value.where, std::move(near)};
  by_pointer_.emplace(std::make_pair(report, f.pointer), figures_.size());
  figures_.push_back(std::move(f));
}

void FigureSet::Add(int report, std::string pointer, std::string label, const std::optional<Value>& value,
                    std::string near) {
  if (value) Add(report, std::move(pointer), std::move(label), *value, std::move(near));
}

// A printed score or total has no confidence of its own; on a scanned page
// it is as sure as the page's reading.
void FigureSet::Add(int report, std::string pointer, std::string label, const ScoredNumber& number,
                    std::string near) {
  if (number.raw.empty() && number.where.page == 0) return;
  Value v;
  v.raw = number.raw;
  v.number = number.declared;
  if (!number.declared) v.text = number.blank ? "（空）" : number.raw;
  v.where = number.where;
  v.confidence = number.where.page > 0 ? PageConfidence(number.where.page) : 1.0;
  Add(report, std::move(pointer), std::move(label), v, std::move(near));
}

void FigureSet::AddReport(const Document& document, int report) {
  const Report& r = document.reports[static_cast<size_t>(report)];
  Add(report, "/fill_date", "填报日期", r.fill_date, "填报");
  const Budget& b = r.budget;
  Add(report, "/budget/planned", "预算数", b.planned, "预算");
  Add(report, "/budget/executed", "执行数", b.executed, "执行");
  Add(report, "/budget/remaining", "结余", b.remaining, "");
  Add(report, "/budget/initial", "年初预算数", b.initial, "");
  Add(report, "/budget/reduction", "缩减", b.reduction, "");
  Add(report, "/budget/rate", "执行率", b.rate, "执行率");
  Add(report, "/budget/score", "预算执行得分", b.score, "");
  AddIndicators(r, report);
  for (size_t g = 0; g < r.groups.size(); ++g)
    Add(report, Index("/groups", g) + "/score", r.groups[g].label + " 得分", r.groups[g].score, r.groups[g].label);
  Add(report, "/total/declared", "总分", r.total.declared, "总分");
  Add(report, "/total/declared_header", "总分（表头）", r.total.declared_header, "总分");
  Add(report, "/total/self_score_text", "自评得分（正文）", r.total.self_score_text, "");
  AddSections(r.sections, report, "/sections");
  AddFacts(r.facts, report);
}

void FigureSet::AddIndicators(const Report& r, int report) {
  for (size_t i = 0; i < r.indicators.size(); ++i) {
    const Indicator& ind = r.indicators[i];
    const std::string base = Index("/indicators", i);
    const std::string name = "指标“" + ind.name + "” ";
    Add(report, base + "/target", name + "目标值", ind.target, ind.name);
    Add(report, base + "/actual", name + "实际完成值", ind.actual, ind.name);
    Add(report, base + "/ratio", name + "完成率", ind.ratio, ind.name);
    Add(report, base + "/score", name + "得分", ind.score, ind.name);
  }
}

// A section's figures are in its own line (项目决策 满分20分 得分20分); the
// line is the figure.
void FigureSet::AddSections(const std::vector<Section>& sections, int report, const std::string& pointer) {
  for (size_t s = 0; s < sections.size(); ++s) {
    const Section& section = sections[s];
    Value v;
    v.raw = section.raw;
    v.number = section.score;
    if (!section.score) v.text = section.raw;
    v.where = section.where;
    v.confidence = section.where.page > 0 ? PageConfidence(section.where.page) : 1.0;
    Add(report, Index(pointer, s), section.name + " 得分", v, "");
    AddSections(section.children, report, Index(pointer, s) + "/children");
  }
}

void FigureSet::AddFacts(const Facts& facts, int report) {
  for (size_t i = 0; i < facts.rate_statements.size(); ++i) {
    const RateStatement& s = facts.rate_statements[i];
    const std::string base = Index("/facts/rate_statements", i);
    Add(report, base + "/planned", "正文 预算数", s.planned, s.raw);
    Add(report, base + "/executed", "正文 执行数", s.executed, s.raw);
    Add(report, base + "/rate", "正文 执行率", s.rate, s.raw);
  }
  for (size_t i = 0; i < facts.unit_prices.size(); ++i) {
    const UnitPrice& u = facts.unit_prices[i];
    const std::string base = Index("/facts/unit_prices", i);
    Add(report, base + "/count", "正文 数量", u.count, u.raw);
    Add(report, base + "/unit_amount", "正文 单价", u.unit_amount, u.raw);
    Add(report, base + "/amount", "正文 金额", u.amount, u.raw);
  }
  for (size_t i = 0; i < facts.components.size(); ++i) {
    const Component& c = facts.components[i];
    const std::string base = Index("/facts/components", i);
    Add(report, base + "/total", "正文 合计", c.total, c.raw);
    for (size_t p = 0; p < c.parts.size(); ++p) Add(report, Index(base + "/parts", p), "正文 其中", c.parts[p], c.raw);
  }
  for (size_t i = 0; i < facts.cross_refs.size(); ++i) {
    const CrossRef& c = facts.cross_refs[i];
    for (size_t m = 0; m < c.mentions.size(); ++m)
      Add(report, Index(Index("/facts/cross_refs", i) + "/mentions", m), "提及 " + c.quantity, c.mentions[m], "");
  }
  for (size_t i = 0; i < facts.dates.size(); ++i)
    Add(report, Index("/facts/dates", i) + "/date", "日期（" + facts.dates[i].role + "）", facts.dates[i].date,
        facts.dates[i].raw);
}

}  // namespace jixiao::review
