// Minimal PDF files written by hand, for tests that need a PDF with exact
// contents (a page of one hairline, a broken object, a page tree of 10 000
// pages) that no converter would produce.
//
// SerializePdf numbers objects from 1 in the given order (object 1 must be the
// catalog) and writes a correct cross-reference table, so every defect in the
// file is the one the test put there.
#pragma once

#include <cstdio>
#include <string>
#include <vector>

namespace jixiao::testing {

inline std::string SerializePdf(const std::vector<std::string>& objects) {
  std::string out = "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(out.size());
    out += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const size_t xref = out.size();
  out += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t offset : offsets) {
    char entry[24];
    std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offset);
    out += entry;
  }
  out += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return out;
}

// A stream object holding `data`.
inline std::string PdfStream(const std::string& data) {
  return "<< /Length " + std::to_string(data.size()) + " >>\nstream\n" + data + "\nendstream";
}

}  // namespace jixiao::testing
