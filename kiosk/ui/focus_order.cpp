// Reading order of the keypad focus (see focus_order.hpp).
#include "ui/focus_order.hpp"

#include <algorithm>

namespace kiosk::ui {
namespace {

struct Block {
    ImVec2 min, max;
    std::vector<const InteractiveItem*> members;  // one, or a list's items
};

// Rows from top to bottom, each read left to right. A row is what starts above the middle
// of its shortest member, so a tall control beside two short rows does not swallow them.
template <class T, class RectOf>
void sortByRows(std::vector<T>& v, RectOf rectOf) {
    std::stable_sort(v.begin(), v.end(), [&](const T& a, const T& b) {
        const auto ra = rectOf(a), rb = rectOf(b);
        return ra.first.y < rb.first.y || (ra.first.y == rb.first.y && ra.first.x < rb.first.x);
    });
    std::size_t start = 0;
    while (start < v.size()) {
        float rowMiddle = 1e30f;
        std::size_t end = start;
        while (end < v.size()) {
            const auto r = rectOf(v[end]);
            if (end > start && r.first.y >= rowMiddle) break;
            rowMiddle = std::min(rowMiddle, (r.first.y + r.second.y) * 0.5f);
            ++end;
        }
        std::stable_sort(v.begin() + static_cast<std::ptrdiff_t>(start), v.begin() + static_cast<std::ptrdiff_t>(end),
                         [&](const T& a, const T& b) { return rectOf(a).first.x < rectOf(b).first.x; });
        start = end;
    }
}

bool samePanel(const InteractiveItem& a, const Block& b) {
    return a.panelMin.x == b.min.x && a.panelMin.y == b.min.y && a.panelMax.x == b.max.x && a.panelMax.y == b.max.y;
}

}  // namespace

bool shownInPanel(const InteractiveItem& i) {
    if (!i.inList) return true;
    return i.max.y > i.panelMin.y && i.min.y < i.panelMax.y;
}

std::vector<const InteractiveItem*> readingOrder(const std::vector<InteractiveItem>& items) {
    std::vector<Block> blocks;
    for (const auto& i : items) {
        if (i.id == 0) continue;
        if (!i.inList) {
            blocks.push_back({i.min, i.max, {&i}});
            continue;
        }
        auto it = std::find_if(blocks.begin(), blocks.end(),
                               [&](const Block& b) { return b.members.front()->inList && samePanel(i, b); });
        if (it == blocks.end()) {
            blocks.push_back({i.panelMin, i.panelMax, {&i}});
        } else {
            it->members.push_back(&i);
        }
    }
    sortByRows(blocks, [](const Block& b) { return std::make_pair(b.min, b.max); });
    std::vector<const InteractiveItem*> out;
    for (auto& b : blocks) {
        sortByRows(b.members, [](const InteractiveItem* i) { return std::make_pair(i->min, i->max); });
        out.insert(out.end(), b.members.begin(), b.members.end());
    }
    return out;
}

}  // namespace kiosk::ui
