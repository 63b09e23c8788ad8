// What every view shares: the flag order, the figures a flag points at, the
// confidence colours and the hover text.
#include <algorithm>

#include "review/html.h"
#include "review/views.h"

namespace jixiao::review {

std::vector<FlagRef> OrderedFlags(const Document& document) {
  std::vector<FlagRef> flags;
  for (const Flag& f : document.flags) flags.push_back({&f, -1});
  for (size_t r = 0; r < document.reports.size(); ++r)
    for (const Flag& f : document.reports[r].flags) flags.push_back({&f, static_cast<int>(r)});
  std::stable_sort(flags.begin(), flags.end(), [](const FlagRef& a, const FlagRef& b) {
    return a.flag->severity > b.flag->severity;  // errors first
  });
  return flags;
}

std::vector<const Figure*> FiguresAtPath(const FigureSet& figures, const FlagRef& flag) {
  std::vector<const Figure*> out;
  const std::string& path = flag.flag->path;
  if (flag.report < 0 || path.empty() || path == "/") return out;
  for (const Figure& f : figures.figures())
    if (f.report == flag.report && (f.pointer == path || f.pointer.rfind(path + "/", 0) == 0)) out.push_back(&f);
  return out;
}

void AddUnique(std::vector<std::string>* ids, const std::string& id) {
  if (std::find(ids->begin(), ids->end(), id) == ids->end()) ids->push_back(id);
}

const char* ConfidenceClass(double confidence) {
  if (confidence >= 0.9) return "c-hi";
  if (confidence >= 0.6) return "c-mid";
  return "c-lo";
}

std::string FigureTitle(const Figure& figure) {
  std::string t = figure.label + "\n印刷：" + figure.raw + "\n读作：" + figure.shown;
  if (figure.confidence < 1.0) t += "\n置信度：" + FormatNumber(figure.confidence);
  return t;
}

}  // namespace jixiao::review
