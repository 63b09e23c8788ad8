// The command line of the warehouse: `jixiao load`, `jixiao export` and the
// `--db` option of `jixiao run`. cli/main.cpp only registers these.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "pipeline/batch.h"
#include "warehouse/warehouse.h"

namespace jixiao::cli {

struct WarehouseCommands {
  CLI::App* load = nullptr;
  CLI::App* export_csv = nullptr;
  std::vector<std::string> sources;
  std::string load_target;
  std::string export_target;
  std::string csv_dir;
  int batch_documents = Warehouse::kDefaultBatchDocuments;
  bool quiet = false;
};

// Adds `load` and `export` to `app`.
void AddWarehouseCommands(CLI::App& app, WarehouseCommands& commands);

// Runs whichever of them was given; nullopt when neither was.
std::optional<int> RunWarehouseCommand(const WarehouseCommands& commands);

// `run --db TARGET`: loads each document as the batch finishes it.
class RunLoader {
 public:
  // Prints one line and returns nullptr when TARGET cannot be used.
  static std::unique_ptr<RunLoader> Open(const std::string& target);

  // The batch's sink: loads the item's document, if it has one.
  void Add(const BatchItem& item);

  // Writes what is queued; true when every document was loaded.
  bool Finish();

 private:
  explicit RunLoader(std::unique_ptr<Warehouse> warehouse) : warehouse_(std::move(warehouse)) {}
  std::unique_ptr<Warehouse> warehouse_;
  bool failed_ = false;
};

}  // namespace jixiao::cli
