// Test helpers for the narrative parser: paragraph blocks from sentences.
#pragma once

#include <initializer_list>
#include <string>
#include <vector>

#include "model/layout.h"

namespace jixiao::testing {

// Paragraph blocks on `page`, one per string, each with a distinct bbox.
class Paragraphs {
 public:
  Paragraphs(std::initializer_list<std::string> texts, int page = 1) {
    double y = 50;
    for (const std::string& t : texts) {
      Block b;
      b.kind = Block::Kind::kParagraph;
      b.page = page;
      b.bbox = BBox{50, y, 540, y + 20};
      b.text = t;
      blocks_.push_back(std::move(b));
      y += 30;
    }
  }
  std::vector<const Block*> pointers() const {
    std::vector<const Block*> out;
    for (const Block& b : blocks_) out.push_back(&b);
    return out;
  }
  const Block& operator[](std::size_t i) const { return blocks_[i]; }

 private:
  std::vector<Block> blocks_;
};

}  // namespace jixiao::testing
