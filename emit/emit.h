// emit: the Document model <-> contract JSON, the layout model as text, and
// atomic file output.
//
// ToJson writes every key of the output contract (schema/document.schema.json)
// plus a few extra keys (raw text and location of declared figures). FromJson
// reads such a document back (for `jixiao score`, which re-checks a document a
// person corrected by hand); unknown keys are ignored, missing ones are null.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "model/document.h"
#include "model/layout.h"
#include "model/status.h"

namespace jixiao {

nlohmann::json ToJson(const Document& document);
nlohmann::json ToJson(const Value& value);
nlohmann::json ToJson(const Flag& flag);

Result<Document> DocumentFromJson(const nlohmann::json& json);

// The page layout model as plain text, for a person checking what was read
// (`jixiao layout`): one line per page and per paragraph, a table as one
// line per cell with its grid position, span, page, bbox and confidence;
// text inputs also show where each block and cell starts (l<line>:<column>).
std::string LayoutAsText(const LayoutDocument& layout);

// Writes `content` to a temporary file beside `path`, flushes it and renames
// it over `path`, so a reader (or a killed run) never sees half a file.
Status WriteFileAtomically(const std::string& path, const std::string& content);

}  // namespace jixiao
