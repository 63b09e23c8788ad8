#include "cli/review_command.h"

#include <cstdio>
#include <filesystem>

#include "review/review.h"

namespace jixiao::cli {

CLI::App* AddReviewCommand(CLI::App& app, ReviewArguments* arguments) {
  CLI::App* review = app.add_subcommand("review", "Write one HTML review page per Document JSON file");
  review->add_option("documents", arguments->documents, "jixiao Document JSON files")->required();
  review->add_option("-o,--output", arguments->output_dir, "Write DIR/<name>.html per document")->required();
  review->add_option("--dpi", arguments->dpi, "Resolution of the page pictures")->check(CLI::Range(36, 300));
  return review;
}

int ReviewCommand(const ReviewArguments& arguments) {
  std::error_code ec;
  std::filesystem::create_directories(arguments.output_dir, ec);
  if (ec) {
    std::fprintf(stderr, "jixiao: cannot create %s: %s\n", arguments.output_dir.c_str(), ec.message().c_str());
    return 2;
  }
  ReviewOptions options;
  options.dpi = arguments.dpi;
  int failed = 0;
  for (const std::string& path : arguments.documents) {
    Status s = WriteReviewPage(path, ReviewPathFor(path, arguments.output_dir), options);
    if (!s.ok()) {
      std::fprintf(stderr, "jixiao: error: %s\n", s.message().c_str());
      ++failed;
    }
  }
  return failed ? 3 : 0;
}

bool WriteReviewBeside(const BatchItem& item) {
  if (!item.result.ok() || item.output.empty()) return true;
  const std::string dir = std::filesystem::path(item.output).parent_path().string();
  Status s = WriteReviewPage(item.result.value(), item.output, ReviewPathFor(item.output, dir), ReviewOptions{});
  if (!s.ok()) std::fprintf(stderr, "jixiao: error: %s: review page: %s\n", item.input.c_str(), s.message().c_str());
  return s.ok();
}

}  // namespace jixiao::cli
