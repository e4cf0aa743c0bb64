// Home: four large tiles with pictograms and words — Programme, Maps, Showroom,
// Practical information. Everything is within three taps of here.
#include <algorithm>
#include <string>

#include "core/schedule.hpp"
#include "ui/chrome.hpp"
#include "ui/contrast.hpp"
#include "ui/screens/screens.hpp"
#include "ui/strings.hpp"
#include "ui/text.hpp"
#include "ui/visuals.hpp"
#include "ui/widgets.hpp"

namespace kiosk::ui {
namespace {

struct Tile {
    Str label, hint;
    Pictogram picto;
    ScreenId screen;
};

const Tile kTiles[] = {
    {Str::Programme, Str::ProgrammeHint, Pictogram::Calendar, ScreenId::Programme},
    {Str::Maps, Str::MapsHint, Pictogram::Map, ScreenId::Maps},
    {Str::Showroom, Str::ShowroomHint, Pictogram::Showroom, ScreenId::Showroom},
    {Str::PracticalInfo, Str::PracticalHint, Pictogram::Info, ScreenId::Info},
};

class HomeScreen final : public Screen {
public:
    ScreenId id() const override { return ScreenId::Home; }
    std::string title(const UiContext& ctx) const override { return ctx.content->event.name.str(ctx.lang); }

    void draw(const UiContext& ctx, Navigator& nav) override {
        const Metrics& m = *ctx.metrics;
        const float margin = m.margin();
        const float gap = m.px(4);
        const ImVec2 min(ctx.areaMin.x + margin, ctx.areaMin.y + margin);
        const ImVec2 max(ctx.areaMax.x - margin, ctx.areaMax.y - margin);
        const bool oneColumn = ctx.oneColumn() || (max.x - min.x) < m.px(250);
        const int cols = oneColumn ? 1 : 2;
        const int rows = 4 / cols;
        const float w = (max.x - min.x - gap * static_cast<float>(cols - 1)) / static_cast<float>(cols);
        const float h = (max.y - min.y - gap * static_cast<float>(rows - 1)) / static_cast<float>(rows);
        for (int i = 0; i < 4; ++i) {
            const ImVec2 pos(min.x + static_cast<float>(i % cols) * (w + gap), min.y + static_cast<float>(i / cols) * (h + gap));
            drawTile(ctx, nav, kTiles[i], pos, ImVec2(w, h), i);
        }
    }

private:
    void drawTile(const UiContext& ctx, Navigator& nav, const Tile& tile, ImVec2 pos, ImVec2 size, int index) {
        const Fonts& f = *ctx.fonts;
        const Theme& t = *ctx.theme;
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const ImVec2 max(pos.x + size.x, pos.y + size.y);
        dl->AddRectFilled(pos, max, t.primary.imu32(), f.body->FontSize * 0.5f);
        BackgroundScope tileBg(t.primary);
        ContrastLog::control(t.primary, t.background, tr(tile.label, ctx.lang));
        const float pad = f.body->FontSize * 0.8f;
        // Pictogram beside the words when the tile is wide and short, above them otherwise.
        const bool beside = size.x > size.y * 1.6f;
        const float picto = std::min(size.y * (beside ? 0.55f : 0.38f), size.x * 0.3f);
        ImVec2 textPos;
        float textW;
        if (beside) {
            drawPictogram(dl, tile.picto, ImVec2(pos.x + pad + picto * 0.5f, pos.y + size.y * 0.5f), picto, t.onPrimary.imu32());
            textPos = ImVec2(pos.x + pad * 2 + picto, 0);
            textW = max.x - pad - textPos.x;
        } else {
            drawPictogram(dl, tile.picto, ImVec2(pos.x + size.x * 0.5f, pos.y + pad + picto * 0.5f), picto, t.onPrimary.imu32());
            textPos = ImVec2(pos.x + pad, 0);
            textW = size.x - 2 * pad;
        }
        const std::string labelText = tile.label == Str::Showroom ? showroomLabel(*ctx.content, ctx.lang) : tr(tile.label, ctx.lang);
        const char* label = labelText.c_str();
        const char* hint = tr(tile.hint, ctx.lang);
        // Short tiles (a small screen, an urgent banner) drop the hint, then use a smaller
        // font: the words always stay inside their tile.
        const float room = beside ? size.y * 0.92f : size.y - 2 * pad - picto;
        ImFont* labelFont = f.title;
        float textH = layoutText(labelFont, label, textW, 2).size.y + layoutText(f.body, hint, textW, 3).size.y;
        bool withHint = textH <= room;
        if (!withHint) {
            textH = layoutText(labelFont, label, textW, 2).size.y;
            if (textH > room) {
                labelFont = f.bodyBold;
                textH = layoutText(labelFont, label, textW, 2).size.y;
            }
            if (textH > room) OverflowLog::record(label, textW, "taller than its tile");
        }
        const float top = beside ? pos.y + (size.y - textH) * 0.5f : pos.y + pad + picto + (size.y - pad - picto - textH) * 0.5f;
        const Align align = beside ? Align::Left : Align::Center;
        const float lh = drawText(dl, labelFont, ImVec2(textPos.x, top), textW, 2, t.onPrimary.imu32(), label, align);
        if (withHint) drawText(dl, f.body, ImVec2(textPos.x, top + lh), textW, 3, t.onPrimary.imu32(), hint, align);
        ImGui::SetCursorScreenPos(pos);
        if (tapArea(("##tile" + std::to_string(index)).c_str(), label, size)) nav.go(tile.screen);
    }
};
}  // namespace

std::unique_ptr<Screen> makeHomeScreen() { return std::make_unique<HomeScreen>(); }

}  // namespace kiosk::ui
