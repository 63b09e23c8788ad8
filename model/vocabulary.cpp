#include "model/vocabulary.h"

#include "model/utf8.h"

namespace jixiao {

namespace {

constexpr std::string_view kConfusionsKey = "confusions";

bool AllStrings(const nlohmann::json& node) {
  for (const auto& item : node.items())
    if (!item.value().is_string()) return false;
  return true;
}

// Whether `text` at `at` reads as the confusion's `read` ('?' = any one).
bool MatchesAt(const std::u32string& text, std::size_t at, const std::u32string& read) {
  if (at + read.size() > text.size()) return false;
  for (std::size_t i = 0; i < read.size(); ++i)
    if (read[i] != U'?' && read[i] != text[at + i]) return false;
  return true;
}

}  // namespace

std::string_view Vocabulary::Own(const std::string& word) {
  storage_.push_back(std::make_unique<std::string>(word));
  return *storage_.back();
}

Status Vocabulary::Add(const nlohmann::json& node, const std::string& path, const std::string& origin) {
  const std::string where = origin + ": vocabulary \"" + path + "\"";
  if (node.is_array()) {
    std::vector<std::string_view>& list = lists_[path];
    for (const nlohmann::json& word : node) {
      if (!word.is_string()) return Status::Error(where + " holds a value that is not a string");
      list.push_back(Own(word.get<std::string>()));
    }
    return Status::Ok();
  }
  if (!node.is_object()) return Status::Error(where + " is neither a list nor an object");
  if (!node.empty() && AllStrings(node)) {
    auto& map = maps_[path];
    for (const auto& item : node.items()) map.emplace_back(Own(item.key()), Own(item.value().get<std::string>()));
    return Status::Ok();
  }
  for (const auto& item : node.items()) {
    Status s = Add(item.value(), path.empty() ? item.key() : path + "." + item.key(), origin);
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

Result<std::shared_ptr<const Vocabulary>> Vocabulary::FromJson(const nlohmann::json& section,
                                                               const std::string& origin) {
  using Out = Result<std::shared_ptr<const Vocabulary>>;
  std::shared_ptr<Vocabulary> v(new Vocabulary());
  if (section.is_null()) return std::shared_ptr<const Vocabulary>(v);
  if (!section.is_object()) return Out::Error(origin + ": \"vocabulary\" is not an object");
  for (const auto& item : section.items()) {
    if (item.key() == kConfusionsKey) {
      if (!item.value().is_array()) return Out::Error(origin + ": vocabulary \"confusions\" is not a list");
      for (const nlohmann::json& entry : item.value()) {
        if (!entry.is_object() || !entry.contains("read") || !entry["read"].is_string() || !entry.contains("as") ||
            !entry["as"].is_string() || entry["read"].get<std::string>().empty())
          return Out::Error(origin + ": a vocabulary confusion needs a non-empty \"read\" and an \"as\" string");
        v->confusions_.push_back(
            {DecodeUtf8Lossy(entry["read"].get<std::string>()), DecodeUtf8Lossy(entry["as"].get<std::string>())});
      }
      continue;
    }
    Status s = v->Add(item.value(), item.key(), origin);
    if (!s.ok()) return Out(s);
  }
  return std::shared_ptr<const Vocabulary>(v);
}

const std::vector<std::string_view>& Vocabulary::Words(std::string_view path) const {
  static const std::vector<std::string_view> kNone;
  auto it = lists_.find(path);
  return it == lists_.end() ? kNone : it->second;
}

const std::vector<std::pair<std::string_view, std::string_view>>& Vocabulary::Map(std::string_view path) const {
  static const std::vector<std::pair<std::string_view, std::string_view>> kNone;
  auto it = maps_.find(path);
  return it == maps_.end() ? kNone : it->second;
}

std::u32string Vocabulary::Correct(std::u32string text) const {
  for (const Confusion& c : confusions_) {
    std::u32string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
      if (MatchesAt(text, i, c.read)) {
        out += c.as;
        i += c.read.size();
      } else {
        out.push_back(text[i++]);
      }
    }
    text = std::move(out);
  }
  return text;
}

std::string Vocabulary::Correct(std::string_view text) const {
  if (confusions_.empty()) return std::string(text);
  return EncodeUtf8(Correct(DecodeUtf8Lossy(text)));
}

}  // namespace jixiao
