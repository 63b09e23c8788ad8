// review: one self-contained HTML page per Document, for a person to check
// what was read against the page it was read from.
//
// The page shows each page of the source (a PDF or page image, drawn as a
// JPEG and inlined as a data: URI) with a box over every figure read that has
// a page and bbox, coloured by the reading's confidence and giving its
// normalized value on hover; for a text input, the source text with line
// numbers and the figures highlighted in it. Beside it: per report the
// declared and recomputed totals, the budget line, the indicator table and
// the narrative's sections, each figure linked to its box; and every flag,
// errors first, with its message and evidence, a click on it showing its
// boxes. The page needs no network: CSS and script are inline, and all
// document text is HTML-escaped.
//
// A source that cannot be found or read does not stop the page: it then says
// so and still lists every figure and flag.
#pragma once

#include <string>

#include "model/document.h"
#include "model/status.h"

namespace jixiao {

struct ReviewOptions {
  double dpi = 100;                        // resolution of the page pictures
  long long max_page_pixels = 40'000'000;  // larger pages are not drawn
};

// The review page of `document`, whose source file is at `source_path`
// (document.source.path, or that path found again by the caller).
std::string ReviewPage(const Document& document, const std::string& source_path, const ReviewOptions& options);

// DIR/<file name of `json_path` without .json>.html
std::string ReviewPathFor(const std::string& json_path, const std::string& output_dir);

// Writes the review page of `document` to `html_path` atomically. A relative
// source path that does not exist from the working directory is looked for
// beside `json_path` (where the document was read from; may be empty).
Status WriteReviewPage(const Document& document, const std::string& json_path, const std::string& html_path,
                       const ReviewOptions& options);

// Reads the Document JSON at `json_path` (as emit/ reads it) and writes its
// review page to `html_path`; errors name the file.
Status WriteReviewPage(const std::string& json_path, const std::string& html_path, const ReviewOptions& options);

}  // namespace jixiao
