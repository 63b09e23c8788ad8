// extract -> form -> score for one file.

#include "pipeline/pipeline.h"

#include <exception>

#include "form/form.h"
#include "model/flag_builder.h"
#include "score/score.h"

namespace jixiao {

namespace {

Flag ProblemFlag(const ExtractProblem& problem) {
  FlagBuilder flag(problem.code, Severity::kWarning, "");
  flag.Message(problem.message);
  if (problem.page > 0) {
    Location where;
    where.page = problem.page;
    flag.Evidence(where, problem.message);
  }
  return flag.flag();
}

Result<Document> ProcessFileUnguarded(const std::string& path, const PipelineOptions& options) {
  const std::vector<Profile>& profiles = options.profiles ? *options.profiles : BuiltinProfiles();
  Result<std::string> sha = FileSha256(path);
  if (!sha.ok()) return Result<Document>::Error(path + ": " + sha.status().message());

  Result<LayoutDocument> layout = Extract(path, options.extract);
  if (!layout.ok()) return Result<Document>::Error(path + ": " + layout.status().message());

  Document doc;
  doc.source.path = path;
  doc.source.sha256 = sha.value();
  doc.source.pages = static_cast<int>(layout.value().pages.size());
  doc.source.encoding = layout.value().encoding;
  for (const PageInfo& p : layout.value().pages)
    doc.source.pages_info.push_back({p.page, p.method, p.confidence});
  for (const ExtractProblem& problem : layout.value().problems) doc.flags.push_back(ProblemFlag(problem));

  FormParseResult parsed = ParseReports(layout.value(), profiles);
  doc.reports = std::move(parsed.reports);
  for (Flag& f : parsed.flags) doc.flags.push_back(std::move(f));
  if (doc.reports.empty()) {
    std::string why = "no performance report found";
    for (const ExtractProblem& problem : layout.value().problems)
      if (!problem.message.empty()) {
        why += " (" + problem.message + ")";
        break;
      }
    return Result<Document>::Error(path + ": " + why);
  }
  ScoreDocument(doc, profiles);
  return doc;
}

}  // namespace

Result<Document> ProcessFile(const std::string& path, const PipelineOptions& options) {
  // Last line of defence: the libraries report errors as values, but a
  // dependency (Poppler, Tesseract, the C++ runtime) may still throw, e.g.
  // std::bad_alloc on a hostile file. One file must never stop a batch.
  try {
    return ProcessFileUnguarded(path, options);
  } catch (const std::exception& e) {
    return Result<Document>::Error(path + ": internal error: " + e.what());
  } catch (...) {
    return Result<Document>::Error(path + ": internal error");
  }
}

}  // namespace jixiao
