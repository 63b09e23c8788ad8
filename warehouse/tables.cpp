// Table specs and the conversion of one Document into its rows.

#include "warehouse/tables.h"

#include <algorithm>
#include <filesystem>
#include <set>

namespace jixiao::warehouse {

namespace {

using nlohmann::json;

std::string Join(const std::vector<int>& numbers) {
  std::string s;
  for (int n : numbers) s += (s.empty() ? "" : ",") + std::to_string(n);
  return s;
}

// pdf, image, text, ... from the source file's extension, unless the JSON
// names the kind itself.
std::string InputKind(const json& j, const std::string& path) {
  if (auto s = j.find("source"); s != j.end() && s->is_object())
    for (const char* key : {"input_kind", "kind"})
      if (auto k = s->find(key); k != s->end() && k->is_string()) return k->get<std::string>();
  return InputKindOfPath(path);
}

std::string PageMethods(const Document& d) {
  std::set<std::string> methods;
  for (const PageSource& p : d.source.pages_info)
    if (!p.method.empty()) methods.insert(p.method);
  std::string s;
  for (const std::string& m : methods) s += (s.empty() ? "" : "+") + m;
  return s;
}

std::string OptionalKey(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

Row DocumentRow(const json& j, const Document& d, const DocumentInfo& info) {
  size_t flags = d.flags.size();
  for (const Report& r : d.reports) flags += r.flags.size();
  std::string processed_at = OptionalKey(j, "processed_at");
  if (processed_at.empty()) processed_at = info.processed_at;
  return {d.source.sha256,
          Text(d.source.path),
          Integer(d.source.pages),
          Text(InputKind(j, d.source.path)),
          Text(PageMethods(d)),
          Text(d.schema_version),
          Text(OptionalKey(j, "pipeline_version")),
          Text(processed_at),
          info.loaded_at,
          info.content_sha256,
          Integer(static_cast<long long>(d.reports.size())),
          Integer(static_cast<long long>(flags)),
          info.json_text};
}

Row ReportRow(const std::string& sha, int index, const Report& r) {
  const std::string& organization = r.department.empty() ? r.implementing_unit : r.department;
  return {sha,
          Integer(index),
          Text(r.title),
          Text(r.project_name),
          Text(r.department),
          Text(r.implementing_unit),
          Text(CountyOf(organization)),
          r.fiscal_year ? Integer(*r.fiscal_year) : Field(),
          r.fill_date ? Text(r.fill_date->date) : Field(),
          Text(r.template_name),
          Number(r.budget.weight),
          Number(r.budget.rate_recomputed),
          Number(r.budget.score.declared),
          Number(r.budget.score.recomputed),
          Text(r.budget.score.raw),
          Number(r.total.declared.declared),
          Number(r.total.declared_header.declared),
          Number(r.total.self_score_text.declared),
          Number(r.total.recomputed),
          Text(r.total.declared.raw),
          Number(r.form_weight_total),
          Text(Join(r.pages))};
}

Row BudgetLineRow(const std::string& sha, int index, const char* line, const Value& v) {
  Row row = {sha, Integer(index), std::string(line), Text(v.raw), Number(v.number), Text(v.unit),
             Text(v.comparator), Page(v.where.page)};
  AppendBBox(row, v.where.bbox);
  row.push_back(v.confidence);
  return row;
}

// raw, value, date, unit, comparator of a figure that may be absent.
void AppendValue(Row& row, const std::optional<Value>& v) {
  if (!v) {
    row.insert(row.end(), 5, Field());
    return;
  }
  row.push_back(Text(v->raw));
  row.push_back(Number(v->number));
  row.push_back(Text(v->date));
  row.push_back(Text(v->unit));
  row.push_back(Text(v->comparator));
}

Row IndicatorRow(const std::string& sha, int report, int index, const Indicator& ind) {
  Row row = {sha,          Integer(report),   Integer(index),        Text(ind.level1),
             Text(ind.level2), Text(ind.name), Text(ind.kind), Text(ind.direction)};
  AppendValue(row, ind.target);
  AppendValue(row, ind.actual);
  row.push_back(ind.ratio ? Text(ind.ratio->raw) : Field());
  row.push_back(ind.ratio ? Number(ind.ratio->number) : Field());
  row.push_back(Number(ind.ratio_recomputed));
  row.push_back(Number(ind.weight.value));
  row.push_back(ind.weight.value ? Text(ind.weight.source) : Field());
  row.push_back(Text(ind.weight.raw));
  row.push_back(Number(ind.score.declared));
  row.push_back(Number(ind.score.recomputed));
  row.push_back(Text(ind.score.raw));
  row.push_back(Page(ind.where.page));
  AppendBBox(row, ind.where.bbox);
  std::optional<double> confidence;
  for (const std::optional<Value>* v : {&ind.target, &ind.actual})
    if (*v) confidence = std::min(confidence.value_or(1.0), (*v)->confidence);
  row.push_back(Number(confidence));
  return row;
}

Row FlagRow(const std::string& sha, int index, std::optional<int> report, const Flag& f) {
  json evidence = json::array();
  for (const Evidence& e : f.evidence) {
    json b = nullptr;
    if (e.bbox) b = json::array({e.bbox->x0, e.bbox->y0, e.bbox->x1, e.bbox->y1});
    evidence.push_back({{"page", e.page > 0 ? json(e.page) : json(nullptr)}, {"bbox", b}, {"text", e.text}});
  }
  return {sha,
          Integer(index),
          report ? Integer(*report) : Field(),
          ToString(f.code),
          ToString(f.severity),
          Text(f.path),
          Text(f.message),
          Number(f.declared),
          Text(f.declared_text),
          Number(f.expected),
          Text(f.expected_text),
          f.evidence.empty() ? Field() : Page(f.evidence.front().page),
          evidence.dump(-1, ' ', false, json::error_handler_t::replace)};
}

}  // namespace

std::string InputKindOfPath(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  if (ext == ".pdf") return "pdf";
  if (ext == ".png" || ext == ".jpg" || ext == ".jpeg" || ext == ".tif" || ext == ".tiff") return "image";
  if (ext == ".txt" || ext == ".md") return "text";
  return ext.empty() ? "" : ext.substr(1);
}

const std::array<TableSpec, kTableCount>& Tables() {
  static const std::array<TableSpec, kTableCount> kSpecs = {{
      {"document", "sha256",
       {"sha256", "source_path", "pages", "input_kind", "page_methods", "contract_version", "pipeline_version",
        "processed_at", "loaded_at", "content_sha256", "report_count", "flag_count", "body"},
       {"sha256"}},
      {"report", "document_sha256",
       {"document_sha256", "report_index", "title", "project_name", "department", "implementing_unit", "county",
        "fiscal_year", "fill_date", "template", "budget_weight", "budget_rate_recomputed", "budget_score_declared",
        "budget_score_recomputed", "budget_score_raw", "total_declared", "total_declared_header",
        "total_self_score_text", "total_recomputed", "total_declared_raw", "form_weight_total", "pages"},
       {"document_sha256", "report_index"}},
      {"budget_line", "document_sha256",
       {"document_sha256", "report_index", "line", "raw", "value", "unit", "comparator", "page", "bbox_x0",
        "bbox_y0", "bbox_x1", "bbox_y1", "confidence"},
       {"document_sha256", "report_index", "line"}},
      {"indicator", "document_sha256",
       {"document_sha256", "report_index", "indicator_index", "level1", "level2", "name", "kind", "direction",
        "target_raw", "target_value", "target_date", "target_unit", "target_comparator", "actual_raw",
        "actual_value", "actual_date", "actual_unit", "actual_comparator", "ratio_raw", "ratio_value",
        "ratio_recomputed", "weight", "weight_source", "weight_raw", "score_declared", "score_recomputed",
        "score_raw", "page", "bbox_x0", "bbox_y0", "bbox_x1", "bbox_y1", "confidence"},
       {"document_sha256", "report_index", "indicator_index"}},
      {"flag", "document_sha256",
       {"document_sha256", "flag_index", "report_index", "code", "severity", "path", "message", "declared",
        "declared_text", "expected", "expected_text", "page", "evidence"},
       {"document_sha256", "flag_index"}},
  }};
  return kSpecs;
}

DocumentRows BuildRows(const json& j, const Document& d, const DocumentInfo& info) {
  DocumentRows rows;
  rows.name = info.name;
  rows.sha256 = d.source.sha256;
  rows.content_sha256 = info.content_sha256;
  rows.json_bytes = info.json_text.size();
  const std::string& sha = d.source.sha256;
  rows.tables[kDocument].push_back(DocumentRow(j, d, info));
  int flag_index = 0;
  for (const Flag& f : d.flags) rows.tables[kFlag].push_back(FlagRow(sha, flag_index++, std::nullopt, f));
  for (size_t i = 0; i < d.reports.size(); ++i) {
    const Report& r = d.reports[i];
    const int ri = static_cast<int>(i);
    rows.tables[kReport].push_back(ReportRow(sha, ri, r));
    const Budget& b = r.budget;
    const std::pair<const char*, const std::optional<Value>*> lines[] = {
        {"planned", &b.planned}, {"executed", &b.executed},   {"remaining", &b.remaining},
        {"initial", &b.initial}, {"reduction", &b.reduction}, {"rate", &b.rate}};
    for (const auto& [line, value] : lines)
      if (*value) rows.tables[kBudgetLine].push_back(BudgetLineRow(sha, ri, line, **value));
    for (size_t k = 0; k < r.indicators.size(); ++k)
      rows.tables[kIndicator].push_back(IndicatorRow(sha, ri, static_cast<int>(k), r.indicators[k]));
    for (const Flag& f : r.flags) rows.tables[kFlag].push_back(FlagRow(sha, flag_index++, ri, f));
  }
  return rows;
}

std::string CountyOf(const std::string& organization) {
  // Place names end in 县, 区, 旗 (county level) or 市; the last such
  // character within the first dozen keeps 昆明市东川区 whole. A lone marker
  // (区医疗保障局) names no place.
  static const std::vector<std::string> kMarkers = {"县", "区", "旗", "市"};
  size_t end = 0, chars = 0;
  for (size_t i = 0; i < organization.size() && chars < 12; ++chars) {
    unsigned char c = static_cast<unsigned char>(organization[i]);
    size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    std::string ch = organization.substr(i, len);
    i += len;
    if (chars > 0 && std::find(kMarkers.begin(), kMarkers.end(), ch) != kMarkers.end()) end = i;
  }
  return organization.substr(0, end);
}

}  // namespace jixiao::warehouse
