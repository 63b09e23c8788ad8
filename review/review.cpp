// The review page put together, and written beside the documents.
#include "review/review.h"

#include <filesystem>
#include <fstream>
#include <iterator>

#include "emit/emit.h"
#include "extract/extract.h"
#include "model/utf8.h"
#include "pipeline/pipeline.h"
#include "review/html.h"
#include "review/views.h"

namespace jixiao {

namespace fs = std::filesystem;

namespace {

using review::Escape;

struct SourceView {
  std::string html;
  bool text = false;
  std::vector<std::string> notes;  // plain text, escaped when shown
};

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Result<std::string>::Error("cannot open file");
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return Result<std::string>::Error("cannot read file");
  return bytes;
}

// The source drawn (PDF, page image) or quoted (text); `shown` learns which
// element shows each figure and flag.
SourceView MakeSourceView(const Document& document, const std::string& path, const review::FigureSet& figures,
                          const std::vector<review::FlagRef>& flags, const ReviewOptions& options,
                          review::Shown* shown) {
  SourceView view;
  Result<std::string> bytes = path.empty() ? Result<std::string>::Error("no source path in the document")
                                           : ReadFile(path);
  if (!bytes.ok()) {
    view.notes.push_back("源文件无法读取（" + path + "：" + bytes.status().message() + "），下面只列出读出的数值。");
    return view;
  }
  const InputKind kind = SniffInputKind(bytes.value());
  if (kind == InputKind::kText) {
    view.text = true;
    view.html = review::TextHtml(document, DecodeUtf8Lossy(bytes.value()), figures, flags, shown);
    return view;
  }
  if (kind == InputKind::kBinary) {
    view.notes.push_back("源文件 " + path + " 不是 PDF、图像或文本，无法显示。");
    return view;
  }
  Result<std::vector<PagePicture>> pictures = DrawPages(path, options.dpi, options.max_page_pixels);
  if (!pictures.ok()) {
    view.notes.push_back("源文件 " + path + " 无法显示：" + pictures.status().message());
    return view;
  }
  view.html = review::PagesHtml(pictures.value(), figures, flags, shown);
  return view;
}

std::string HeaderHtml(const Document& document, const review::FigureSet& figures, const review::Shown& shown,
                       const std::vector<std::string>& notes) {
  const Source& s = document.source;
  std::string methods;
  for (const PageSource& p : s.pages_info)
    methods += (methods.empty() ? "" : "，") + std::to_string(p.page) + " " + p.method +
               (p.method == "ocr" ? " " + review::FormatNumber(p.confidence) : "");
  std::string html = "<h1>" + Escape(fs::path(s.path).filename().string()) + "</h1>\n<p class=\"meta\">" +
                     Escape(s.path) + " · sha256 " + Escape(s.sha256.substr(0, 12)) + " · " +
                     std::to_string(s.pages) + " 页" + (methods.empty() ? "" : "（" + Escape(methods) + "）") + "</p>\n";
  for (const std::string& note : notes) html += "<p class=\"note\">" + Escape(note) + "</p>\n";
  html += "<p class=\"meta\">读出数值 " + std::to_string(figures.figures().size()) + " 个，其中 " +
          std::to_string(shown.figure.size()) + " 个在左侧标出。</p>\n";
  html += "<p class=\"meta legend\">置信度：<span class=\"c-hi\">≥ 0.9</span><span class=\"c-mid\">≥ 0.6</span>"
          "<span class=\"c-lo\">&lt; 0.6</span><span class=\"ev\" style=\"border-style:dashed\">标记依据</span></p>\n";
  return html;
}

// A relative source path is as the run was given it; the document may be
// reviewed from elsewhere.
std::string FindSource(const std::string& source, const std::string& json_path) {
  std::error_code ec;
  if (source.empty() || fs::exists(source, ec) || fs::path(source).is_absolute() || json_path.empty()) return source;
  const fs::path beside = fs::path(json_path).parent_path() / source;
  return fs::exists(beside, ec) ? beside.string() : source;
}

}  // namespace

std::string ReviewPage(const Document& document, const std::string& source_path, const ReviewOptions& options) {
  const review::FigureSet figures(document);
  const std::vector<review::FlagRef> flags = review::OrderedFlags(document);
  review::Shown shown;
  SourceView source = MakeSourceView(document, source_path, figures, flags, options, &shown);
  shown.flag_boxes.resize(flags.size());
  if (!source_path.empty() && !document.source.sha256.empty()) {
    Result<std::string> sha = FileSha256(source_path);
    if (sha.ok() && sha.value() != document.source.sha256)
      source.notes.push_back("源文件与文档记录的 sha256 不同：文件已改变，标出的位置可能不对。");
  }

  std::string title = document.source.path;
  if (!document.reports.empty() && !document.reports[0].project_name.empty())
    title = document.reports[0].project_name + " — " + title;
  std::string html = "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
                     "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; "
                     "style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n<title>" +
                     Escape(title) + "</title>\n<style>" + review::kStyle + "</style>\n</head>\n<body>\n";
  html += std::string("<main id=\"source\"") + (source.text ? " class=\"text\"" : "") + ">\n" + source.html + "</main>\n";
  html += "<aside id=\"panel\">\n" + HeaderHtml(document, figures, shown, source.notes);
  html += "<h2>标记（" + std::to_string(flags.size()) + "）</h2>\n" + review::FlagsHtml(document, flags, shown);
  for (size_t r = 0; r < document.reports.size(); ++r)
    html += review::ReportHtml(document.reports[r], static_cast<int>(r), figures, shown);
  html += "</aside>\n<script>" + std::string(review::kScript) + "</script>\n</body>\n</html>\n";
  return html;
}

std::string ReviewPathFor(const std::string& json_path, const std::string& output_dir) {
  fs::path name = fs::path(json_path).filename();
  if (name.extension() == ".json") name.replace_extension();
  return (fs::path(output_dir) / (name.string() + ".html")).string();
}

Status WriteReviewPage(const Document& document, const std::string& json_path, const std::string& html_path,
                       const ReviewOptions& options) {
  const std::string page = ReviewPage(document, FindSource(document.source.path, json_path), options);
  return WriteFileAtomically(html_path, page);
}

Status WriteReviewPage(const std::string& json_path, const std::string& html_path, const ReviewOptions& options) {
  Result<std::string> bytes = ReadFile(json_path);
  if (!bytes.ok()) return Status::Error(json_path + ": " + bytes.status().message());
  const nlohmann::json j = nlohmann::json::parse(bytes.value(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return Status::Error(json_path + ": not valid JSON");
  Result<Document> document = DocumentFromJson(j);
  if (!document.ok()) return Status::Error(json_path + ": " + document.status().message());
  Status s = WriteReviewPage(document.value(), json_path, html_path, options);
  return s.ok() ? s : Status::Error(json_path + ": " + s.message());
}

}  // namespace jixiao
