// emit: the Document model <-> contract JSON, and atomic file output.
//
// ToJson writes every key of the output contract (schema/document.schema.json)
// plus a few extra keys (raw text and location of declared figures). FromJson
// reads such a document back (for `jixiao score`, which re-checks a document a
// person corrected by hand); unknown keys are ignored, missing ones are null.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "model/document.h"
#include "model/status.h"

namespace jixiao {

nlohmann::json ToJson(const Document& document);
nlohmann::json ToJson(const Value& value);
nlohmann::json ToJson(const Flag& flag);

Result<Document> DocumentFromJson(const nlohmann::json& json);

// Writes `content` to a temporary file beside `path`, flushes it and renames
// it over `path`, so a reader (or a killed run) never sees half a file.
Status WriteFileAtomically(const std::string& path, const std::string& content);

}  // namespace jixiao
