// Warehouse: validating documents, batching them, writing each batch in one
// transaction and isolating the document a database refuses.

#include "warehouse/warehouse.h"

#include <openssl/evp.h>
#include <simdjson.h>

#include <ctime>

#include "emit/emit.h"
#include "warehouse/backend.h"
#include "warehouse/schema.h"
#include "warehouse/tables.h"

namespace jixiao {

using warehouse::Backend;
using warehouse::DocumentRows;

namespace {

std::string Sha256Hex(const std::string& data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(data.data(), data.size(), digest, &length, EVP_sha256(), nullptr);
  static const char kHex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned int i = 0; i < length; ++i) {
    hex += kHex[digest[i] >> 4];
    hex += kHex[digest[i] & 15];
  }
  return hex;
}

bool IsSha256(const std::string& s) {
  if (s.size() != 64) return false;
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

// What the tables need of a document beyond what emit/ reads leniently: the
// key, and reports and flags that are arrays of objects.
Status CheckDocumentJson(const nlohmann::json& j) {
  if (!j.is_object()) return Status::Error("not a JSON object");
  auto source = j.find("source");
  if (source == j.end() || !source->is_object()) return Status::Error("no \"source\" object: not a jixiao document");
  auto sha = source->find("sha256");
  if (sha == source->end() || !sha->is_string() || !IsSha256(sha->get<std::string>()))
    return Status::Error("source.sha256 is not a sha256 (64 lower-case hex digits)");
  auto reports = j.find("reports");
  if (reports == j.end() || !reports->is_array()) return Status::Error("no \"reports\" array: not a jixiao document");
  for (const nlohmann::json& r : *reports) {
    if (!r.is_object()) return Status::Error("a report is not a JSON object");
    if (auto f = r.find("flags"); f != r.end() && !f->is_null() && !f->is_array())
      return Status::Error("a report's \"flags\" is not an array");
    if (auto i = r.find("indicators"); i != r.end() && !i->is_null() && !i->is_array())
      return Status::Error("a report's \"indicators\" is not an array");
  }
  if (auto f = j.find("flags"); f != j.end() && !f->is_null() && !f->is_array())
    return Status::Error("\"flags\" is not an array");
  return Status::Ok();
}

}  // namespace

bool IsPostgresTarget(const std::string& target) {
  return target.rfind("postgresql://", 0) == 0 || target.rfind("postgres://", 0) == 0;
}

std::string UtcNow() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

Result<std::unique_ptr<Warehouse>> Warehouse::Open(const std::string& target, RefusedFn refused,
                                                   int batch_documents) {
  Result<std::unique_ptr<Backend>> backend =
      IsPostgresTarget(target) ? warehouse::OpenPostgres(target) : warehouse::OpenSqlite(target);
  if (!backend.ok()) return backend.status();
  if (Status s = warehouse::PrepareSchema(*backend.value(), target); !s.ok()) return s;
  return std::unique_ptr<Warehouse>(
      new Warehouse(std::move(backend).value(), target, std::move(refused), batch_documents));
}

Warehouse::Warehouse(std::unique_ptr<Backend> backend, std::string target, RefusedFn refused, int batch)
    : backend_(std::move(backend)),
      target_(std::move(target)),
      refused_(std::move(refused)),
      batch_(static_cast<size_t>(std::max(1, batch))) {
  staging_.ok = backend_->CanStage();
}

// Documents not flushed are not written, staged ones included.
Warehouse::~Warehouse() { backend_->AbandonStaged(); }

void Warehouse::Refuse(const std::string& message) {
  ++counts_.refused;
  if (refused_) refused_(message);
}

PreparedDocument PreparedDocument::Refused(std::string message) {
  PreparedDocument p;
  p.refused_ = std::move(message);
  return p;
}

namespace {

// The body stored for `json_text`: the text itself when it is one line,
// else the text without its layout; "" when it is not JSON.
std::string Body(const std::string& json_text) {
  if (json_text.find('\n') == std::string::npos) return json_text;
  std::string body(json_text.size(), '\0');
  size_t length = 0;
  if (simdjson::minify(json_text.data(), json_text.size(), body.data(), length) != simdjson::SUCCESS) return "";
  body.resize(length);
  return body;
}

}  // namespace

PreparedDocument PreparedDocument::FromText(const std::string& json_text, const std::string& name,
                                            const std::string& processed_at) {
  warehouse::DocumentInfo info;
  info.name = name;
  info.json_text = Body(json_text);
  info.content_sha256 = Sha256Hex(info.json_text);
  info.processed_at = processed_at;
  info.loaded_at = UtcNow();
  // Most documents: rows straight from the text (which keep the body). The
  // others are read with emit/, which says why one is refused.
  if (!info.json_text.empty())
    if (std::optional<DocumentRows> rows = warehouse::RowsFromText(json_text, std::move(info))) {
      PreparedDocument p;
      p.rows_ = std::make_shared<DocumentRows>(std::move(*rows));
      return p;
    }
  nlohmann::json j = nlohmann::json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) {
    PreparedDocument p = Refused(name + ": not valid JSON");
    p.not_json_ = true;
    return p;
  }
  return FromParsed(j, Body(json_text), name, processed_at);
}

PreparedDocument PreparedDocument::FromJson(const nlohmann::json& j, const std::string& name,
                                            const std::string& processed_at) {
  return FromParsed(j, std::string(), name, processed_at);
}

namespace warehouse {

Result<DocumentRows> RowsFromJson(const nlohmann::json& j, const DocumentInfo& info) {
  Status valid = CheckDocumentJson(j);
  Result<Document> document = valid.ok() ? DocumentFromJson(j) : Result<Document>(valid);
  if (!document.ok()) return document.status();
  return BuildRows(j, document.value(), info);
}

}  // namespace warehouse

PreparedDocument PreparedDocument::FromParsed(const nlohmann::json& j, std::string text, const std::string& name,
                                              const std::string& processed_at) {
  warehouse::DocumentInfo info;
  info.name = name;
  info.json_text = text.empty() ? j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) : std::move(text);
  info.content_sha256 = Sha256Hex(info.json_text);
  info.processed_at = processed_at;
  info.loaded_at = UtcNow();
  Result<DocumentRows> rows = warehouse::RowsFromJson(j, info);
  if (!rows.ok()) return Refused(name + ": " + rows.status().message());
  PreparedDocument p;
  p.rows_ = std::make_shared<DocumentRows>(std::move(rows).value());
  return p;
}

Status Warehouse::Add(PreparedDocument document) {
  if (!document.rows_) {
    Refuse(document.refused_);
    return Status::Ok();
  }
  // The same document twice in one batch: write the first before queueing
  // the second, so that the later one wins as it would across batches.
  if (pending_sha256s_.count(document.rows_->sha256))
    if (Status s = Flush(); !s.ok()) return s;
  pending_sha256s_.insert(document.rows_->sha256);
  pending_bytes_ += document.rows_->json_bytes;
  pending_.push_back(std::move(*document.rows_));
  Stage(pending_.back());
  const bool open_too_long = staging_.ok && std::chrono::steady_clock::now() - staging_.opened >= kMaxBatchOpen;
  return pending_.size() >= batch_ || pending_bytes_ >= kBatchBytes || open_too_long ? Flush() : Status::Ok();
}

// Writes one document of the batch at once, when the backend can and the
// batch's staging has not failed. After a failure Flush writes the whole
// batch again its own way, which also finds the document at fault.
void Warehouse::Stage(DocumentRows& document) {
  if (!staging_.ok) return;
  if (staging_.written + staging_.unchanged == 0) staging_.opened = std::chrono::steady_clock::now();
  Result<bool> written = backend_->StageDocument(document);
  if (!written.ok()) {
    staging_.ok = false;
    return;
  }
  ++(written.value() ? staging_.written : staging_.unchanged);
}

Status Warehouse::Flush() {
  if (pending_.empty()) return Status::Ok();
  std::vector<DocumentRows> batch = std::move(pending_);
  pending_.clear();
  pending_bytes_ = 0;
  pending_sha256s_.clear();
  const Staging staged = staging_;
  staging_ = Staging();
  staging_.ok = backend_->CanStage();
  if (staged.ok && backend_->CommitStaged().ok()) {
    counts_.loaded += staged.written;
    counts_.unchanged += staged.unchanged;
    return Status::Ok();
  }
  std::vector<std::string> sha256s;
  for (const DocumentRows& d : batch) sha256s.push_back(d.sha256);
  Result<std::map<std::string, std::string>> stored = backend_->StoredVersions(sha256s);
  if (!stored.ok()) return stored.status();
  std::vector<DocumentRows*> changed;
  for (DocumentRows& d : batch) {
    auto it = stored.value().find(d.sha256);
    d.stored = it != stored.value().end();
    if (d.stored && it->second == d.content_sha256)
      ++counts_.unchanged;
    else
      changed.push_back(&d);
  }
  return Write(changed);
}

// One transaction for the batch; when the database refuses it, each
// document alone, so that only the one it refuses is left out.
Status Warehouse::Write(const std::vector<DocumentRows*>& documents) {
  if (documents.empty()) return Status::Ok();
  Status batch = backend_->Replace({documents.begin(), documents.end()});
  if (batch.ok()) {
    counts_.loaded += static_cast<int>(documents.size());
    return Status::Ok();
  }
  for (DocumentRows* d : documents) {
    // Another load may have stored it since it was looked up.
    d->stored = true;
    Status s = backend_->Replace({d});
    if (s.ok()) {
      ++counts_.loaded;
      continue;
    }
    // A database that cannot even answer has failed as a whole.
    Result<std::optional<std::string>> alive = backend_->QueryText("SELECT 1");
    if (!alive.ok()) return s;
    Refuse(d->name + ": the database refused it: " + s.message());
  }
  return Status::Ok();
}

}  // namespace jixiao
