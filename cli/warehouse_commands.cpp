// `jixiao load`, `jixiao export` and `jixiao run --db`.

#include "cli/warehouse_commands.h"

#include <cstdio>
#include <filesystem>

#include "emit/emit.h"

namespace jixiao::cli {

namespace {

constexpr int kExitOk = 0;
constexpr int kExitFailed = 3;

void PrintRefused(const std::string& message) { std::fprintf(stderr, "jixiao: error: %s\n", message.c_str()); }

int LoadCommand(const WarehouseCommands& c) {
  Result<std::unique_ptr<Warehouse>> w = Warehouse::Open(c.load_target, PrintRefused, c.batch_documents);
  if (!w.ok()) {
    std::fprintf(stderr, "jixiao: error: %s\n", w.status().message().c_str());
    return kExitFailed;
  }
  Status s = LoadSources(*w.value(), c.sources);
  const LoadCounts& n = w.value()->counts();
  if (!s.ok()) std::fprintf(stderr, "jixiao: error: %s\n", s.message().c_str());
  if (!c.quiet)
    std::fprintf(stderr, "jixiao: %d loaded, %d unchanged, %d refused\n", n.loaded, n.unchanged, n.refused);
  return s.ok() && n.refused == 0 ? kExitOk : kExitFailed;
}

int ExportCommand(const WarehouseCommands& c) {
  // Exporting reads a warehouse: it must not create an empty one.
  std::error_code ec;
  if (!IsPostgresTarget(c.export_target) && !std::filesystem::exists(c.export_target, ec)) {
    std::fprintf(stderr, "jixiao: error: %s: no such database\n", c.export_target.c_str());
    return kExitFailed;
  }
  Result<std::unique_ptr<Warehouse>> w = Warehouse::Open(c.export_target, PrintRefused);
  Status s = w.ok() ? w.value()->ExportCsv(c.csv_dir) : w.status();
  if (!s.ok()) {
    std::fprintf(stderr, "jixiao: error: %s\n", s.message().c_str());
    return kExitFailed;
  }
  return kExitOk;
}

}  // namespace

void AddWarehouseCommands(CLI::App& app, WarehouseCommands& c) {
  c.load = app.add_subcommand("load", "Load Document JSON into SQLite or PostgreSQL (schema/warehouse.sql)");
  c.load->add_option("sources", c.sources, "Document JSON files, folders of them, JSON Lines files, - for stdin")
      ->required();
  c.load->add_option("--db", c.load_target, "SQLite file (created if missing) or postgresql:// URI")->required();
  c.load->add_option("--batch", c.batch_documents, "Documents per transaction")->check(CLI::Range(1, 100000));
  c.load->add_flag("-q,--quiet", c.quiet, "No summary line");

  c.export_csv = app.add_subcommand("export", "Write the warehouse tables and views as CSV (UTF-8 with BOM)");
  c.export_csv->add_option("--csv", c.csv_dir, "Folder for <table>.csv")->required();
  c.export_csv->add_option("--db", c.export_target, "SQLite file or postgresql:// URI")->required();
}

std::optional<int> RunWarehouseCommand(const WarehouseCommands& c) {
  if (c.load && *c.load) return LoadCommand(c);
  if (c.export_csv && *c.export_csv) return ExportCommand(c);
  return std::nullopt;
}

std::unique_ptr<RunLoader> RunLoader::Open(const std::string& target) {
  // One document a transaction: each is in the database as soon as it is done.
  Result<std::unique_ptr<Warehouse>> w = Warehouse::Open(target, PrintRefused, /*batch_documents=*/1);
  if (!w.ok()) {
    std::fprintf(stderr, "jixiao: error: %s\n", w.status().message().c_str());
    return nullptr;
  }
  return std::unique_ptr<RunLoader>(new RunLoader(std::move(w).value()));
}

void RunLoader::Add(const BatchItem& item) {
  if (failed_ || !item.result.ok()) return;
  Status s = warehouse_->Add(PreparedDocument::FromJson(ToJson(item.result.value()),
                                                       item.output.empty() ? item.input : item.output, UtcNow()));
  if (!s.ok()) {
    std::fprintf(stderr, "jixiao: error: %s\n", s.message().c_str());
    failed_ = true;
  }
}

bool RunLoader::Finish() {
  if (!failed_) {
    Status s = warehouse_->Flush();
    if (!s.ok()) {
      std::fprintf(stderr, "jixiao: error: %s\n", s.message().c_str());
      failed_ = true;
    }
  }
  return !failed_ && warehouse_->counts().refused == 0;
}

}  // namespace jixiao::cli
