// The parts of the review page, each an HTML fragment. Internal to review/.
//
// The source view (page pictures with boxes, or the source text with marks)
// is made first: it decides which element shows each figure and each flag's
// evidence (Shown), and the report tables and the flag list link to those
// elements.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "extract/extract.h"
#include "model/document.h"
#include "review/figures.h"

namespace jixiao::review {

// A flag and the report it belongs to (-1: the document's own flags).
struct FlagRef {
  const Flag* flag = nullptr;
  int report = -1;
};

// Every flag of the document, errors first, then warnings, then the rest;
// in document order within a severity.
std::vector<FlagRef> OrderedFlags(const Document& document);

struct Shown {
  std::map<std::string, std::string> figure;        // figure id -> element id
  std::vector<std::vector<std::string>> flag_boxes;  // per ordered flag: element ids
};

// The figures of `flag`'s report whose pointer is the flag's path or lies
// under it.
std::vector<const Figure*> FiguresAtPath(const FigureSet& figures, const FlagRef& flag);

// Appends `id` to `ids` unless it is there already.
void AddUnique(std::vector<std::string>* ids, const std::string& id);

std::string PagesHtml(const std::vector<PagePicture>& pictures, const FigureSet& figures,
                      const std::vector<FlagRef>& flags, Shown* shown);
std::string TextHtml(const Document& document, const std::u32string& text, const FigureSet& figures,
                     const std::vector<FlagRef>& flags, Shown* shown);
std::string ReportHtml(const Report& report, int index, const FigureSet& figures, const Shown& shown);
std::string FlagsHtml(const Document& document, const std::vector<FlagRef>& flags, const Shown& shown);

// "c-hi", "c-mid" or "c-lo": the colour class of a reading's confidence.
const char* ConfidenceClass(double confidence);
// The hover text of a figure: what it is, as printed, as normalized.
std::string FigureTitle(const Figure& figure);

extern const char kStyle[];
extern const char kScript[];

}  // namespace jixiao::review
