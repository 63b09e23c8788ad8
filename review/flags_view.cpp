// FlagsHtml: every flag, errors first, with its message, figures and
// evidence; each entry lists the elements that show it (data-boxes).
#include "review/html.h"
#include "review/views.h"

namespace jixiao::review {

namespace {

const char* SeverityName(Severity severity) {
  switch (severity) {
    case Severity::kError: return "错误";
    case Severity::kWarning: return "警告";
    case Severity::kInfo: return "提示";
  }
  return "未分级";
}

std::string Figures(const Flag& f) {
  std::string declared = f.declared ? FormatNumber(*f.declared) : f.declared_text.value_or("");
  std::string expected = f.expected ? FormatComputed(f.expected) : f.expected_text.value_or("");
  if (declared.empty() && expected.empty()) return "";
  std::string html = "<div class=\"figures\">";
  if (!declared.empty()) html += "声明 <b>" + Escape(declared) + "</b> ";
  if (!expected.empty()) html += "应为 <b>" + Escape(expected) + "</b>";
  return html + "</div>";
}

std::string EvidenceHtml(const Flag& f, const std::vector<std::string>& boxes) {
  if (f.evidence.empty()) return "";
  std::string html = "<ul class=\"evidence\">";
  for (const Evidence& e : f.evidence) {
    std::string where = e.page > 0 ? "第 " + std::to_string(e.page) + " 页 " : "";
    html += "<li>" + Escape(where) + "“" + Escape(e.text) + "”</li>";
  }
  html += "</ul>";
  if (boxes.empty()) html += "<div class=\"meta\">（依据在页面上无位置）</div>";
  return html;
}

}  // namespace

std::string FlagsHtml(const Document& document, const std::vector<FlagRef>& flags, const Shown& shown) {
  std::string html = "<ol class=\"flags\">\n";
  for (size_t i = 0; i < flags.size(); ++i) {
    const Flag& f = *flags[i].flag;
    const std::vector<std::string>& boxes = shown.flag_boxes[i];
    std::string ids;
    for (const std::string& id : boxes) ids += (ids.empty() ? "" : " ") + id;
    std::string owner = "文件";
    if (flags[i].report >= 0) {
      const Report& r = document.reports[static_cast<size_t>(flags[i].report)];
      owner = r.project_name.empty() ? "报告 " + std::to_string(flags[i].report + 1) : r.project_name;
    }
    html += "<li class=\"flag sev-" + Escape(ToString(f.severity)) + "\" id=\"flag" + std::to_string(i) + "\" tabindex=\"0\"" +
            " data-code=\"" + Escape(ToString(f.code)) + "\" data-boxes=\"" + ids + "\">\n<div class=\"head\"><span class=\"sev\">" +
            SeverityName(f.severity) + "</span> <code>" + Escape(ToString(f.code)) + "</code> <span class=\"owner\">" +
            Escape(owner) + "</span> <code class=\"path\">" + Escape(f.path) + "</code></div>\n<div class=\"msg\">" +
            Escape(f.message) + "</div>" + Figures(f) + EvidenceHtml(f, boxes) + "\n</li>\n";
  }
  if (flags.empty()) html += "<li class=\"none\">无标记</li>\n";
  return html + "</ol>\n";
}

}  // namespace jixiao::review
