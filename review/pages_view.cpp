// PagesHtml: the page pictures, a box over every figure with a page and bbox
// and over every flag evidence that is not already a figure's box.
#include <openssl/evp.h>

#include <cmath>
#include <map>

#include "review/html.h"
#include "review/views.h"

namespace jixiao::review {

namespace {

std::string Base64(const std::string& bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<int>(bytes.size()));
  out.resize(static_cast<size_t>(n));
  return out;
}

std::string Percent(double part, double whole) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.3f%%", whole > 0 ? 100.0 * part / whole : 0.0);
  return buffer;
}

// left/top/width/height of `box` on `picture` as percentages of the page.
std::string BoxStyle(const BBox& box, const PagePicture& picture) {
  return "left:" + Percent(box.x0, picture.width_pt) + ";top:" + Percent(box.y0, picture.height_pt) +
         ";width:" + Percent(box.width(), picture.width_pt) + ";height:" + Percent(box.height(), picture.height_pt);
}

bool SameBox(const BBox& a, const BBox& b) {
  constexpr double kSlack = 0.5;  // points
  return std::abs(a.x0 - b.x0) < kSlack && std::abs(a.y0 - b.y0) < kSlack && std::abs(a.x1 - b.x1) < kSlack &&
         std::abs(a.y1 - b.y1) < kSlack;
}

struct EvidenceBox {
  std::string id;
  BBox bbox;
  std::string text;
};

// Which element shows each flag's evidence: a figure's box at the same
// place, else a box of its own (added to `extra`, by page); evidence on a
// page that is not drawn has none.
void PlaceEvidence(const FigureSet& figures, const std::vector<FlagRef>& flags,
                   const std::map<int, const PagePicture*>& drawn, std::map<int, std::vector<EvidenceBox>>* extra,
                   Shown* shown) {
  int next = 0;
  for (const FlagRef& ref : flags) {
    std::vector<std::string> ids;
    for (const Evidence& e : ref.flag->evidence) {
      if (!e.bbox || !drawn.count(e.page)) continue;
      std::string id;
      for (const Figure& f : figures.figures())
        if (f.where.page == e.page && f.where.bbox && SameBox(*f.where.bbox, *e.bbox) && shown->figure.count(f.id))
          id = f.id;
      if (id.empty()) {
        id = "e" + std::to_string(next++);
        (*extra)[e.page].push_back({id, *e.bbox, e.text});
      }
      AddUnique(&ids, id);
    }
    for (const Figure* f : FiguresAtPath(figures, ref))
      if (shown->figure.count(f->id)) AddUnique(&ids, f->id);
    shown->flag_boxes.push_back(std::move(ids));
  }
}

std::string PageHtml(const PagePicture& picture, const FigureSet& figures,
                     const std::vector<EvidenceBox>& evidence) {
  std::string html = "<div class=\"page\" id=\"page" + std::to_string(picture.page) + "\">\n<div class=\"pageno\">第 " +
                     std::to_string(picture.page) + " 页</div>\n<div class=\"sheet\"><img alt=\"第 " +
                     std::to_string(picture.page) + " 页\" src=\"data:image/jpeg;base64," + Base64(picture.jpeg) +
                     "\">\n";
  for (const Figure& f : figures.figures()) {
    if (f.where.page != picture.page || !f.where.bbox) continue;
    html += "<a class=\"box fig " + std::string(ConfidenceClass(f.confidence)) + "\" id=\"" + f.id +
            "\" href=\"#" + f.id + "\" data-pointer=\"" + Escape(f.pointer) + "\" style=\"" +
            BoxStyle(*f.where.bbox, picture) + "\" title=\"" + Escape(FigureTitle(f)) + "\"></a>\n";
  }
  for (const EvidenceBox& e : evidence)
    html += "<a class=\"box ev\" id=\"" + e.id + "\" href=\"#" + e.id + "\" style=\"" + BoxStyle(e.bbox, picture) +
            "\" title=\"" + Escape("依据：" + e.text) + "\"></a>\n";
  return html + "</div>\n</div>\n";
}

}  // namespace

std::string PagesHtml(const std::vector<PagePicture>& pictures, const FigureSet& figures,
                      const std::vector<FlagRef>& flags, Shown* shown) {
  std::map<int, const PagePicture*> by_page;
  for (const PagePicture& p : pictures) by_page[p.page] = &p;
  for (const Figure& f : figures.figures())
    if (f.where.bbox && by_page.count(f.where.page)) shown->figure[f.id] = f.id;
  std::map<int, std::vector<EvidenceBox>> evidence;
  PlaceEvidence(figures, flags, by_page, &evidence, shown);
  std::string html;
  for (const PagePicture& p : pictures) html += PageHtml(p, figures, evidence[p.page]);
  return html;
}

}  // namespace jixiao::review
