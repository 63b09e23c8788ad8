// The figures a review page marks: every value read from the document, with
// where it stood and how sure the reading was, in one flat list.
//
// Each figure has a stable element id ("f<n>", in document order) and the
// JSON Pointer of its place in its report ("/budget/planned",
// "/indicators/2/score"), by which the report tables link to it and a flag's
// path finds it. Figures with nothing printed (no raw text, no location) are
// left out. Internal to review/.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "model/document.h"

namespace jixiao::review {

struct Figure {
  std::string id;           // element id of its box or mark
  int report = 0;           // index into Document::reports
  std::string pointer;      // JSON Pointer into the report
  std::string label;        // what it is, in the form's words: "预算数", "指标“X” 目标值"
  std::string raw;          // as printed
  std::string shown;        // normalized, as a person reads it
  double confidence = 1.0;  // 0..1
  Location where;
  std::string near;         // text printed before it (a text input has no boxes)
};

class FigureSet {
 public:
  explicit FigureSet(const Document& document);

  const std::vector<Figure>& figures() const { return figures_; }
  // The figure at `pointer` in report `report`, or nullptr.
  const Figure* Find(int report, const std::string& pointer) const;

 private:
  void Add(int report, std::string pointer, std::string label, const Value& value, std::string near);
  void Add(int report, std::string pointer, std::string label, const std::optional<Value>& value,
           std::string near);
  void Add(int report, std::string pointer, std::string label, const ScoredNumber& number, std::string near);
  void AddReport(const Document& document, int report);
  void AddIndicators(const Report& r, int report);
  void AddSections(const std::vector<Section>& sections, int report, const std::string& pointer);
  void AddFacts(const Facts& facts, int report);
  double PageConfidence(int page) const;

  std::vector<Figure> figures_;
  std::map<std::pair<int, std::string>, size_t> by_pointer_;
  std::map<int, double> page_confidence_;
};

}  // namespace jixiao::review
