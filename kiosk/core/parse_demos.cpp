// Parser for demos.json: the showroom's demos with their image galleries.
#include <nlohmann/json.hpp>

#include "core/parsers.hpp"

namespace kiosk::core::detail {

std::vector<Demo> parseDemos(const nlohmann::json& doc, const ParseContext& ctx) {
    std::vector<Demo> out;
    JsonItem root(doc, "$", "demos.json", ctx.diags, Severity::ItemError, ctx.limits);
    if (!doc.is_object()) {
        root.error("$", "expected an object with a \"demos\" list, got " + describeJson(doc));
        return out;
    }
    root.allowOnly({"demos"});
    std::set<std::string> seen;
    for (auto& item : root.items("demos", true, ctx.limits.maxItems)) {
        item.allowOnly({"id", "title", "partner", "description", "easy_read", "gallery", "link", "place", "stand",
                        "access", "valid_from", "valid_until", "groups"});
        Demo d;
        d.id = item.id();
        d.title = item.text("title", true);
        d.partner = item.string("partner", true, 200);
        d.description = item.text("description", true);
        d.easyRead = item.text("easy_read", false);
        d.targeting = readTargeting(item);
        for (auto& img : item.elements("gallery", false, ctx.limits.maxGalleryImages)) {
            if (auto image = readImageObject(img, ctx)) d.gallery.push_back(std::move(*image));
        }
        d.link = item.string("link", false, 500);
        if (item.has("place")) d.placeId = item.id("place");
        d.stand = item.text("stand", false);
        d.access = readAccess(item);
        requireUnique(item, seen, d.id);
        requirePlace(item, "place", d.placeId, ctx);
        if (item.ok()) out.push_back(std::move(d));
    }
    return out;
}

}  // namespace kiosk::core::detail
